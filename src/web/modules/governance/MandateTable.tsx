import { Anchor, Badge, FileButton, Table, Text } from "@mantine/core";
import { useQueryClient } from "@tanstack/react-query";
import { Link } from "@tanstack/react-router";
import { ApiProblem } from "../../api";
import type { paths } from "../../api-schema";
import { formatDate, useT } from "../../i18n";
import type { MessageKey } from "../../i18n/nl";
import { notify } from "../../notify";
import { MANDATE_DOCUMENT_ACCEPT, uploadMandateDocument } from "./MandateForm";

export type Mandate =
  paths["/api/v1/mandates"]["get"]["responses"][200]["content"]["application/json"]["items"][number];

/** How many of a constituency's organisations are named before "en N meer". */
const SHOWN = 6;

/**
 * Mandates as a table: the constituency and its scope, who speaks for it, for which organisations,
 * in which seat, for how long, and the document that grants it (the bureau can add one).
 */
export function MandateTable({ mandates, canEdit }: { mandates: Mandate[]; canEdit: boolean }) {
  const { t, lang } = useT();
  const queryClient = useQueryClient();
  async function upload(mandate: Mandate, file: File | null) {
    if (!file) return;
    try {
      await uploadMandateDocument(mandate.id, file);
      notify(t("common.saved"), "green");
      await queryClient.invalidateQueries({ queryKey: ["mandates"] });
    } catch (e) {
      notify(`${t("mandate.documentRefused")}: ${e instanceof ApiProblem ? e.title : ""}`, "red");
    }
  }
  return (
    <Table.ScrollContainer minWidth={720}>
      <Table striped>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t("mandate.constituency")}</Table.Th>
            <Table.Th>{t("mandate.person")}</Table.Th>
            <Table.Th>{t("mandate.organisations")}</Table.Th>
            <Table.Th>{t("mandate.seat")}</Table.Th>
            <Table.Th>{t("mandate.period")}</Table.Th>
            <Table.Th>{t("mandate.document")}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {mandates.map((m) => (
            <Table.Tr key={m.id}>
              <Table.Td>
                <Text fw={600} size="sm">
                  {m.constituency}
                </Text>
                {m.scope && <Text size="sm">{m.scope}</Text>}
              </Table.Td>
              <Table.Td>
                <Anchor
                  renderRoot={(props) => <Link {...props} to="/personen/$id" params={{ id: m.personId }} />}
                >
                  {m.personName}
                </Anchor>
              </Table.Td>
              <Table.Td>
                {m.organisations
                  .slice(0, SHOWN)
                  .map((o) => o.name)
                  .join(", ")}
                {m.organisations.length > SHOWN &&
                  ` ${t("mandate.andMore", { count: m.organisations.length - SHOWN })}`}
              </Table.Td>
              <Table.Td>
                {m.seat && (
                  <Anchor
                    renderRoot={(props) => (
                      <Link {...props} to="/organen/$id" params={{ id: m.seat!.bodyId }} />
                    )}
                  >
                    {m.seat.bodyName} ({t(`seat.role.${m.seat.role}` as MessageKey)})
                  </Anchor>
                )}
              </Table.Td>
              <Table.Td>
                {formatDate(m.validFrom, lang)} –{" "}
                {m.validTo ? formatDate(m.validTo, lang) : t("mandate.open")}
                {!m.valid && (
                  <Badge ml="xs" color="gray.8" tt="none">
                    {t("mandate.notValid")}
                  </Badge>
                )}
              </Table.Td>
              <Table.Td>
                {m.document ? (
                  <Anchor href={`/api/v1/mandates/${m.id}/document`} download={m.document.name}>
                    {m.document.name}
                  </Anchor>
                ) : canEdit ? (
                  <FileButton accept={MANDATE_DOCUMENT_ACCEPT} onChange={(file) => upload(m, file)}>
                    {(props) => (
                      <Anchor
                        component="button"
                        type="button"
                        {...props}
                        aria-label={t("mandate.addDocumentFor", { name: m.constituency })}
                      >
                        {t("mandate.addDocument")}
                      </Anchor>
                    )}
                  </FileButton>
                ) : (
                  "—"
                )}
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

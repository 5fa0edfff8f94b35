import {
  Anchor,
  Badge,
  Button,
  Checkbox,
  FileButton,
  FileInput,
  Group,
  Paper,
  Select,
  type SelectProps,
  Stack,
  Table,
  Text,
  TextInput,
  Title,
} from "@mantine/core";
import { useForm } from "@mantine/form";
import { useQueryClient } from "@tanstack/react-query";
import { Link } from "@tanstack/react-router";
import { useState } from "react";
import { DOCUMENT_TYPES } from "../../../shared/governance";
import { api, fileBody, unwrap } from "../../api";
import { FormActions } from "../../components/FormActions";
import { MoreButton, usePagedList } from "../../components/PagedList";
import { formatDateTime, useT } from "../../i18n";
import { notify, notifyError, notifyFormError } from "../../notify";
import { useAgendaOptions } from "./DecisionsSection";
import type { Meeting } from "./meetings-api";

/** What the file picker offers; the server checks the bytes. */
const DOCUMENT_ACCEPT = DOCUMENT_TYPES.join(",");

/** Where documents are listed and added: one meeting (and its items), or a body as a whole. */
type Place = { meeting: Meeting; bodyId?: undefined } | { bodyId: string; meeting?: undefined };

const uploadVersion = async (id: string, file: File) =>
  unwrap(await api.POST("/api/v1/documents/{id}/versions", { params: { path: { id } }, ...fileBody(file) }));

/**
 * Add a document to the meeting or one of its items, or to the body itself (statuten, reglement,
 * a mandate): a title, the file, and whether it is confidential.
 */
function DocumentForm({ place, onDone }: { place: Place; onDone: () => void }) {
  const { t } = useT();
  const queryClient = useQueryClient();
  const form = useForm({
    initialValues: {
      title: "",
      agendaItemId: null as string | null,
      confidential: false,
      file: null as File | null,
    },
    validate: {
      title: (v) => (v.trim() ? null : t("field.required")),
      file: (v) => (v ? null : t("field.required")),
    },
  });
  const submit = form.onSubmit(async (v) => {
    try {
      const created = unwrap(
        await api.POST("/api/v1/documents", {
          body: {
            ...(v.agendaItemId
              ? { agendaItemId: v.agendaItemId }
              : place.meeting
                ? { meetingId: place.meeting.id }
                : { bodyId: place.bodyId }),
            title: v.title.trim(),
            confidential: v.confidential,
          },
        }),
      );
      await uploadVersion(created.id, v.file!);
      notify(t("document.added"), "green");
      onDone();
    } catch (e) {
      notifyFormError(form, e);
    } finally {
      await queryClient.invalidateQueries({ queryKey: ["documents"] });
    }
  });
  return (
    <Paper withBorder p="md">
      <form onSubmit={submit} aria-label={t("document.add")} noValidate>
        <Stack>
          <TextInput label={t("document.title")} required {...form.getInputProps("title")} />
          {place.meeting && (
            <AgendaItemSelect meeting={place.meeting} {...form.getInputProps("agendaItemId")} />
          )}
          <FileInput
            label={t("document.file")}
            description={t("document.fileHelp")}
            accept={DOCUMENT_ACCEPT}
            required
            clearable
            {...form.getInputProps("file")}
          />
          <Checkbox
            label={t("document.confidential")}
            description={t("document.confidentialHelp")}
            {...form.getInputProps("confidential", { type: "checkbox" })}
          />
          <FormActions submit={t("document.add")} loading={form.submitting} onCancel={onDone} />
        </Stack>
      </form>
    </Paper>
  );
}

/** The meeting's agenda items to attach a document to (none: the meeting as a whole). */
function AgendaItemSelect({ meeting, ...input }: { meeting: Meeting } & Omit<SelectProps, "data">) {
  const { t } = useT();
  return (
    <Select
      label={t("document.agendaItem")}
      description={t("document.agendaItemHelp")}
      data={useAgendaOptions(meeting)}
      clearable
      {...input}
    />
  );
}

/**
 * The documents (stukken) of a meeting, or of a body with all its meetings: per document where it
 * belongs, its newest version to download and when it came; confidential ones are only listed for
 * those who may see them. The bureau adds documents and uploads new versions; earlier versions stay.
 */
export function DocumentsSection({ canEdit, ...place }: Place & { canEdit: boolean }) {
  const { t, lang } = useT();
  const queryClient = useQueryClient();
  const [adding, setAdding] = useState(false);
  const filter = place.meeting ? { meetingId: place.meeting.id } : { bodyId: place.bodyId };
  const { list, rows } = usePagedList(["documents", filter], async (cursor) =>
    unwrap(await api.GET("/api/v1/documents", { params: { query: { ...filter, limit: 100, cursor } } })),
  );
  async function newVersion(id: string, file: File | null) {
    if (!file) return;
    try {
      await uploadVersion(id, file);
      notify(t("document.versionAdded"), "green");
    } catch (e) {
      notifyError(e);
    } finally {
      await queryClient.invalidateQueries({ queryKey: ["documents"] });
    }
  }
  const headingId = place.meeting ? "meeting-documents" : "body-documents";
  return (
    <Stack component="section" aria-labelledby={headingId}>
      <Title order={2} size="h3" id={headingId}>
        {t("document.sectionTitle")}
      </Title>
      {rows.length === 0 ? (
        <Text c="gray.7">{list.isPending ? t("common.loading") : t("document.none")}</Text>
      ) : (
        <Table.ScrollContainer minWidth={560}>
          <Table striped>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t("document.title")}</Table.Th>
                <Table.Th>{place.meeting ? t("document.agendaItem") : t("document.meeting")}</Table.Th>
                <Table.Th>{t("document.version")}</Table.Th>
                <Table.Th>{t("document.updatedAt")}</Table.Th>
                {canEdit && <Table.Th>{t("document.newVersion")}</Table.Th>}
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {rows.map((d) => (
                <Table.Tr key={d.id}>
                  <Table.Td>
                    {d.latestVersion > 0 ? (
                      <Anchor href={`/api/v1/documents/${d.id}/versions/${d.latestVersion}/file`} download>
                        {d.title}
                      </Anchor>
                    ) : (
                      d.title
                    )}
                    {d.restricted && (
                      <Badge ml="xs" color="red.9" tt="none">
                        {t("document.confidentialBadge")}
                      </Badge>
                    )}
                  </Table.Td>
                  <Table.Td>
                    {place.meeting ? (
                      (d.agendaItemTitle ?? "—")
                    ) : d.meetingId ? (
                      <Anchor
                        renderRoot={(props) => (
                          <Link {...props} to="/vergaderingen/$id" params={{ id: d.meetingId! }} />
                        )}
                      >
                        {d.meetingTitle}
                      </Anchor>
                    ) : (
                      t("document.wholeBody")
                    )}
                  </Table.Td>
                  <Table.Td>{d.latestVersion || "—"}</Table.Td>
                  <Table.Td>{formatDateTime(d.updatedAt, lang)}</Table.Td>
                  {canEdit && (
                    <Table.Td>
                      <FileButton accept={DOCUMENT_ACCEPT} onChange={(file) => newVersion(d.id, file)}>
                        {(props) => (
                          <Anchor
                            component="button"
                            type="button"
                            {...props}
                            aria-label={t("document.newVersionOf", { title: d.title })}
                          >
                            {t("document.newVersion")}
                          </Anchor>
                        )}
                      </FileButton>
                    </Table.Td>
                  )}
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      <MoreButton list={list} />
      {canEdit &&
        (adding ? (
          <DocumentForm place={place} onDone={() => setAdding(false)} />
        ) : (
          <Group>
            <Button variant="default" onClick={() => setAdding(true)}>
              {t("document.add")}
            </Button>
          </Group>
        ))}
    </Stack>
  );
}

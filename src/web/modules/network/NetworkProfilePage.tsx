import { Anchor, Button, Group, List, Paper, SimpleGrid, Stack, Table, Text, Title } from "@mantine/core";
import { useQuery } from "@tanstack/react-query";
import { Link, useParams } from "@tanstack/react-router";
import { api, unwrap } from "../../api";
import { BarList } from "../../components/BarList";
import { PageTitle } from "../../components/PageTitle";
import { Stat } from "../../components/Stat";
import { formatNumber, useT } from "../../i18n";
import type { MessageKey } from "../../i18n/nl";

/**
 * A WSV on one page, to read or print: practices and head counts, the disciplines working there,
 * members, the wijken and inhabitants it covers, its coordinator and contacts.
 */
export function NetworkProfilePage() {
  const { t, lang } = useT();
  const { id } = useParams({ strict: false }) as { id: string };
  const profile = useQuery({
    queryKey: ["organisation", id, "profile"],
    queryFn: async () =>
      unwrap(await api.GET("/api/v1/organisations/{id}/profile", { params: { path: { id } } })),
  });
  const p = profile.data;
  if (!p) return <Text>{profile.isError ? t("common.error") : t("common.loading")}</Text>;
  const n = (x: number) => formatNumber(x, lang);
  const discipline = (d: string) => t(`person.discipline.${d}` as MessageKey);

  return (
    <Stack>
      <Group justify="space-between" className="no-print">
        <Anchor renderRoot={(props) => <Link {...props} to="/organisaties/$id" params={{ id }} />} size="sm">
          ← {t("wsvProfile.toOrganisation")}
        </Anchor>
        <Button variant="default" size="xs" onClick={() => window.print()}>
          {t("wsvProfile.print")}
        </Button>
      </Group>
      <PageTitle>{t("wsvProfile.title", { name: p.organisation.name })}</PageTitle>
      <Text c="gray.7">
        {[p.organisation.parentName, p.organisation.visitCity].filter(Boolean).join(" · ")}
      </Text>
      <SimpleGrid cols={{ base: 2, sm: 4 }}>
        <Stat label={t("wsvProfile.practices")} value={n(p.practices.length)} />
        <Stat label={t("wsvProfile.people")} value={n(p.people)} />
        <Stat label={t("wsvProfile.members")} value={n(p.members.total)} />
        <Stat label={t("wsvProfile.inhabitants")} value={n(p.coverage.inhabitants)} />
      </SimpleGrid>
      <SimpleGrid cols={{ base: 1, md: 2 }}>
        <Paper withBorder p="md">
          <Title order={3} size="h4" mb="sm">
            {t("wsvProfile.disciplines")}
          </Title>
          {p.disciplines.length ? (
            <BarList
              label={t("wsvProfile.disciplines")}
              items={p.disciplines.map((d) => ({
                key: d.discipline,
                label: discipline(d.discipline),
                value: d.people,
                detail: t("wsvProfile.fte", { fte: formatNumber(d.fte, lang) }),
              }))}
            />
          ) : (
            <Text>{t("org.noPeople")}</Text>
          )}
        </Paper>
        <Paper withBorder p="md">
          <Title order={3} size="h4" mb="sm">
            {t("wsvProfile.contacts")}
          </Title>
          {p.contacts.length ? (
            <List>
              {p.contacts.map((c) => (
                <List.Item key={c.id}>
                  <Anchor
                    renderRoot={(props) => <Link {...props} to="/personen/$id" params={{ id: c.id }} />}
                  >
                    {c.name}
                  </Anchor>
                  {c.function ? ` · ${c.function}` : ""}
                  {c.email ? (
                    <>
                      {" · "}
                      <Anchor href={`mailto:${c.email}`}>{c.email}</Anchor>
                    </>
                  ) : null}
                </List.Item>
              ))}
            </List>
          ) : (
            <Text>{t("wsvProfile.noContacts")}</Text>
          )}
          {p.coordinators.length > 0 && (
            <Text size="sm" mt="xs">
              {t("wsvProfile.coordinator")}: {p.coordinators.map((c) => c.name).join(", ")}
            </Text>
          )}
        </Paper>
      </SimpleGrid>
      <Paper withBorder p="md">
        <Title order={3} size="h4" mb="sm">
          {t("wsvProfile.practices")}
        </Title>
        <Table.ScrollContainer minWidth={420}>
          <Table striped>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t("wsvProfile.practice")}</Table.Th>
                <Table.Th scope="col">{t("org.kind")}</Table.Th>
                <Table.Th scope="col">{t("wsvProfile.people")}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {p.practices.map((x) => (
                <Table.Tr key={x.id}>
                  <Table.Th scope="row" fw="normal">
                    <Anchor
                      renderRoot={(props) => <Link {...props} to="/organisaties/$id" params={{ id: x.id }} />}
                    >
                      {x.name}
                    </Anchor>
                  </Table.Th>
                  <Table.Td>{t(`org.kind.${x.kind}`)}</Table.Td>
                  <Table.Td>{x.people}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      </Paper>
      <Paper withBorder p="md">
        <Title order={3} size="h4" mb="sm">
          {t("coverage.title")}
        </Title>
        <Text mb="xs">
          {t("coverage.summary", {
            wijken: p.coverage.wijken.length,
            inhabitants: n(p.coverage.inhabitants),
            year: p.coverage.year ?? t("common.none"),
          })}
        </Text>
        {p.coverage.wijken.length > 0 && (
          <BarList
            label={t("coverage.title")}
            items={p.coverage.wijken.map((w) => ({ key: w.code, label: w.name, value: w.inhabitants ?? 0 }))}
          />
        )}
      </Paper>
    </Stack>
  );
}

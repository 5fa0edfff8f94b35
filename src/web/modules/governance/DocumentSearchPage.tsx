import { Anchor, Badge, Group, Paper, Stack, Text, TextInput, Title } from "@mantine/core";
import { useQuery } from "@tanstack/react-query";
import { Link } from "@tanstack/react-router";
import { Fragment } from "react";
import { api, unwrap } from "../../api";
import { PageTitle } from "../../components/PageTitle";
import { formatDateTime, useT } from "../../i18n";
import { useSearch } from "../../use-search";

/** The minutes' matching words come between « and »: shown marked, never as HTML. */
function Snippet({ text }: { text: string }) {
  const parts = text.split(/«|»/);
  return (
    <Text size="sm" c="gray.8">
      {parts.map((part, i) =>
        // biome-ignore lint/suspicious/noArrayIndexKey: the parts of one fixed text, in order
        i % 2 ? <mark key={i}>{part}</mark> : <Fragment key={i}>{part}</Fragment>,
      )}
    </Text>
  );
}

/**
 * Searches the region's governance texts: the titles of documents and the titles and minutes of
 * meetings, in Dutch word forms; without a search, the newest documents.
 */
export function DocumentSearchPage() {
  const { t, lang } = useT();
  const [query, searchBox] = useSearch();
  const hits = useQuery({
    queryKey: ["governance-search", query],
    queryFn: async () =>
      unwrap(await api.GET("/api/v1/governance-search", { params: { query: { q: query, limit: 30 } } })),
    enabled: query.length >= 2,
  });
  const newest = useQuery({
    queryKey: ["documents", { newest: true }],
    queryFn: async () =>
      unwrap(await api.GET("/api/v1/documents", { params: { query: { limit: 20 } } })).items,
    enabled: query.length < 2,
  });

  const meetingLink = (id: string, title: string) => (
    <Anchor renderRoot={(props) => <Link {...props} to="/vergaderingen/$id" params={{ id }} />}>
      {title}
    </Anchor>
  );

  return (
    <Stack>
      <PageTitle>{t("document.searchTitle")}</PageTitle>
      <TextInput
        label={t("document.search")}
        description={t("document.searchHelp")}
        type="search"
        {...searchBox}
      />
      {query.length >= 2 ? (
        <Stack gap="xs" aria-live="polite">
          <Text size="sm">{t("document.hits", { count: hits.data?.length ?? 0 })}</Text>
          {(hits.data ?? []).map((h) => (
            <Paper key={`${h.kind}-${h.id}`} withBorder p="sm" component="article">
              <Group gap="xs">
                <Badge variant="outline" color="gray" tt="none">
                  {t(`document.kind.${h.kind}`)}
                </Badge>
                {h.meetingId ? meetingLink(h.meetingId, h.title) : <Text fw={500}>{h.title}</Text>}
              </Group>
              <Text size="sm" c="gray.7">
                {h.bodyName} · {formatDateTime(h.at, lang)}
              </Text>
              {h.snippet && <Snippet text={h.snippet} />}
            </Paper>
          ))}
        </Stack>
      ) : (
        <Stack gap="xs">
          <Title order={2} size="h4">
            {t("document.newest")}
          </Title>
          {(newest.data ?? []).length === 0 && <Text c="gray.7">{t("document.none")}</Text>}
          {(newest.data ?? []).map((d) => (
            <Text key={d.id} size="sm">
              {d.latestVersion > 0 ? (
                <Anchor href={`/api/v1/documents/${d.id}/versions/${d.latestVersion}/file`} download>
                  {d.title}
                </Anchor>
              ) : (
                d.title
              )}{" "}
              · {d.bodyName}
              {d.meetingId && d.meetingTitle ? <> · {meetingLink(d.meetingId, d.meetingTitle)}</> : null}
            </Text>
          ))}
        </Stack>
      )}
    </Stack>
  );
}

import {
  Anchor,
  Badge,
  Group,
  Paper,
  SegmentedControl,
  Select,
  SimpleGrid,
  Stack,
  Text,
  TextInput,
  Title,
} from "@mantine/core";
import { Fragment, type ReactNode, useState } from "react";
import { DISCIPLINES, ORGANISATION_KINDS } from "../../../shared/network";
import { MoreButton, usePagedList } from "../../components/PagedList";
import { useT } from "../../i18n";
import { useSearch } from "../../use-search";

type Discipline = (typeof DISCIPLINES)[number];
type Kind = (typeof ORGANISATION_KINDS)[number];
export type SocialMapSort = "relevance" | "wijk";
export interface SocialMapQuery {
  q?: string;
  discipline?: Discipline;
  kind?: Kind;
  municipalityCode?: string;
  wijkCode?: string;
  networkId?: string;
  sort: SocialMapSort;
}
interface Entry {
  id: string;
  name: string;
  kind: Kind;
  street: string | null;
  postcode: string | null;
  city: string | null;
  phone: string | null;
  email: string | null;
  website: string | null;
  wijkCode: string | null;
  wijkName: string | null;
  network: { id: string; name: string } | null;
  disciplines: { discipline: string; count: number }[];
  people: { id: string; name: string; disciplines: string[]; function: string | null }[];
}
interface Page {
  items: Entry[];
  nextCursor: string | null;
  /** Only on the first page. */
  total?: number;
}
export interface SocialMapOptions {
  regionName: string;
  municipalities: { code: string; name: string }[];
  wijken: { code: string; name: string; municipalityCode: string }[];
  networks: { id: string; name: string }[];
}

/**
 * The sociale kaart: search as you type (typos forgiven), narrow by discipline, kind, gemeente,
 * wijk or WSV, and read the result by relevance or grouped per wijk. Used logged in and on the
 * public page; `renderName` decides whether a name links to the organisation's page.
 */
export function SocialMapView({
  queryKey,
  fetchPage,
  options,
  renderName,
  actions,
}: {
  queryKey: unknown[];
  fetchPage: (query: SocialMapQuery, cursor?: string) => Promise<Page>;
  options: SocialMapOptions | undefined;
  renderName: (entry: { id: string; name: string }) => ReactNode;
  actions?: (query: SocialMapQuery) => ReactNode;
}) {
  const { t } = useT();
  const [search, searchBox] = useSearch();
  const [discipline, setDiscipline] = useState<Discipline | null>(null);
  const [kind, setKind] = useState<Kind | null>(null);
  const [municipalityCode, setMunicipality] = useState<string | null>(null);
  const [wijkCode, setWijk] = useState<string | null>(null);
  const [networkId, setNetwork] = useState<string | null>(null);
  const [sort, setSort] = useState<SocialMapSort>("relevance");
  const query: SocialMapQuery = {
    q: search || undefined,
    discipline: discipline ?? undefined,
    kind: kind ?? undefined,
    municipalityCode: municipalityCode ?? undefined,
    wijkCode: wijkCode ?? undefined,
    networkId: networkId ?? undefined,
    sort,
  };
  const { list, rows, firstPage } = usePagedList([...queryKey, query], (cursor) => fetchPage(query, cursor));
  const wijken = (options?.wijken ?? []).filter(
    (w) => !municipalityCode || w.municipalityCode === municipalityCode,
  );

  return (
    <Stack>
      <SimpleGrid cols={{ base: 1, sm: 2, md: 3 }}>
        <TextInput label={t("map.search")} description={t("map.searchHelp")} {...searchBox} type="search" />
        <Select
          label={t("map.discipline")}
          placeholder={t("map.all")}
          data={DISCIPLINES.map((d) => ({ value: d, label: t(`person.discipline.${d}`) }))}
          value={discipline}
          onChange={(v) => setDiscipline(v as Discipline | null)}
          searchable
          clearable
        />
        <Select
          label={t("org.kind")}
          placeholder={t("map.all")}
          data={ORGANISATION_KINDS.map((k) => ({ value: k, label: t(`org.kind.${k}`) }))}
          value={kind}
          onChange={(v) => setKind(v as Kind | null)}
          searchable
          clearable
        />
        <Select
          label={t("org.municipality")}
          placeholder={t("map.all")}
          data={(options?.municipalities ?? []).map((m) => ({ value: m.code, label: m.name }))}
          value={municipalityCode}
          onChange={(v) => {
            setMunicipality(v);
            setWijk(null);
          }}
          searchable
          clearable
        />
        <Select
          label={t("areas.wijk")}
          placeholder={t("map.all")}
          data={wijken.map((w) => ({ value: w.code, label: w.name }))}
          value={wijkCode}
          onChange={setWijk}
          searchable
          clearable
        />
        <Select
          label={t("areas.networks")}
          placeholder={t("map.all")}
          data={(options?.networks ?? []).map((n) => ({ value: n.id, label: n.name }))}
          value={networkId}
          onChange={setNetwork}
          searchable
          clearable
        />
      </SimpleGrid>
      <Group justify="space-between" wrap="wrap">
        <Text size="sm" aria-live="polite">
          {firstPage ? t("map.count", { count: firstPage.total ?? 0 }) : t("common.loading")}
        </Text>
        <Group>
          <SegmentedControl
            aria-label={t("map.order")}
            value={sort}
            onChange={(v) => setSort(v as SocialMapSort)}
            data={[
              { value: "relevance", label: t("map.byRelevance") },
              { value: "wijk", label: t("map.byWijk") },
            ]}
          />
          {actions?.(query)}
        </Group>
      </Group>
      <Stack gap="sm">
        {rows.map((entry, i) => {
          const newGroup = sort === "wijk" && (i === 0 || rows[i - 1]?.wijkCode !== entry.wijkCode);
          return (
            <Fragment key={entry.id}>
              {newGroup && (
                <Title order={3} size="h4" mt="sm">
                  {entry.wijkName ?? t("map.noWijk")}
                </Title>
              )}
              <EntryCard entry={entry} renderName={renderName} headingLevel={sort === "wijk" ? 4 : 3} />
            </Fragment>
          );
        })}
      </Stack>
      <MoreButton list={list} />
    </Stack>
  );
}

function EntryCard({
  entry,
  renderName,
  headingLevel,
}: {
  entry: Entry;
  renderName: (entry: { id: string; name: string }) => ReactNode;
  headingLevel: 3 | 4;
}) {
  const { t } = useT();
  const address = [entry.street, [entry.postcode, entry.city].filter(Boolean).join(" ")]
    .filter(Boolean)
    .join(", ");
  return (
    <Paper withBorder p="sm" component="article" aria-label={entry.name}>
      <Title order={headingLevel} size="h5">
        {renderName(entry)}
      </Title>
      <Text size="sm" c="gray.7">
        {[t(`org.kind.${entry.kind}`), entry.network?.name, entry.wijkName].filter(Boolean).join(" · ")}
      </Text>
      {address && <Text size="sm">{address}</Text>}
      <Group gap="md">
        {entry.phone && (
          <Anchor size="sm" href={`tel:${entry.phone.replace(/\s/g, "")}`}>
            {entry.phone}
          </Anchor>
        )}
        {entry.email && (
          <Anchor size="sm" href={`mailto:${entry.email}`}>
            {entry.email}
          </Anchor>
        )}
        {entry.website && (
          <Anchor size="sm" href={entry.website} target="_blank" rel="noopener noreferrer">
            {entry.website.replace(/^https?:\/\//, "")}
          </Anchor>
        )}
      </Group>
      {entry.disciplines.length > 0 && (
        <Group gap={4} mt={4} aria-label={t("map.disciplines")}>
          {entry.disciplines.map((d) => (
            <Badge key={d.discipline} variant="light" color="blue" tt="none">
              {t(`person.discipline.${d.discipline as Discipline}`)}: {d.count}
            </Badge>
          ))}
        </Group>
      )}
      {entry.people.length > 0 && (
        <Text size="sm" mt={4}>
          {entry.people.map((p) => `${p.name}${p.function ? ` (${p.function})` : ""}`).join(", ")}
        </Text>
      )}
    </Paper>
  );
}

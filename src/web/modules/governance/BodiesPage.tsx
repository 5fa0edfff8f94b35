import {
  Anchor,
  Badge,
  Button,
  Group,
  Paper,
  Select,
  Stack,
  Table,
  Text,
  TextInput,
  Title,
} from "@mantine/core";
import { useQuery } from "@tanstack/react-query";
import { Link } from "@tanstack/react-router";
import { useState } from "react";
import { BODY_KINDS, type BodyKind } from "../../../shared/governance";
import { api, unwrap } from "../../api";
import { ExportButtons } from "../../components/ExportButtons";
import { ListToolbar } from "../../components/ListToolbar";
import { PageTitle } from "../../components/PageTitle";
import { formatDate, useT } from "../../i18n";
import { useSession } from "../../session";
import { useSearch } from "../../use-search";
import { BodyForm } from "./BodyForm";
import { useSeatLabel } from "./labels";

/** The region's bodies (organen) with how many seats are filled, and what needs attention. */
export function BodiesPage() {
  const { t } = useT();
  const session = useSession();
  const [search, searchBox] = useSearch();
  const [kind, setKind] = useState<BodyKind | null>(null);
  const [adding, setAdding] = useState(false);
  const filter = { q: search || undefined, kind: kind ?? undefined };
  const bodies = useQuery({
    queryKey: ["bodies", filter],
    queryFn: async () => unwrap(await api.GET("/api/v1/bodies", { params: { query: filter } })).items,
  });
  const rows = bodies.data ?? [];

  return (
    <Stack>
      <PageTitle>{t("body.title")}</PageTitle>
      <Attention />
      <Group wrap="wrap" align="flex-end">
        <TextInput label={t("body.search")} {...searchBox} />
        <Select
          label={t("body.kind")}
          placeholder={t("body.allKinds")}
          data={BODY_KINDS.map((k) => ({ value: k, label: t(`body.kind.${k}`) }))}
          value={kind}
          onChange={(v) => setKind(v as BodyKind | null)}
          clearable
        />
      </Group>
      <ListToolbar count={t("body.count", { count: rows.length })}>
        <ExportButtons path="/api/v1/bodies/export" filter={filter} />
        {session?.permissions["body.create"] && !adding && (
          <Button size="xs" onClick={() => setAdding(true)}>
            {t("body.add")}
          </Button>
        )}
      </ListToolbar>
      {adding && <BodyForm onDone={() => setAdding(false)} />}
      <Table.ScrollContainer minWidth={560}>
        <Table striped highlightOnHover>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t("body.name")}</Table.Th>
              <Table.Th>{t("body.kind")}</Table.Th>
              <Table.Th>{t("body.policyArea")}</Table.Th>
              <Table.Th>{t("body.seats")}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {rows.map((b) => (
              <Table.Tr key={b.id}>
                <Table.Td>
                  <Anchor renderRoot={(props) => <Link {...props} to="/organen/$id" params={{ id: b.id }} />}>
                    {b.name}
                  </Anchor>
                </Table.Td>
                <Table.Td>{t(`body.kind.${b.kind}`)}</Table.Td>
                <Table.Td>{b.policyArea ?? ""}</Table.Td>
                <Table.Td>
                  {t("body.filled", { filled: b.filledSeats, seats: b.seats })}
                  {b.filledSeats < b.seats && (
                    <Badge ml="xs" color="red.9" tt="none">
                      {t("seat.vacancies", { count: b.seats - b.filledSeats })}
                    </Badge>
                  )}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
    </Stack>
  );
}

/** Vacant seats and terms ending within 90 days, across all bodies. */
function Attention() {
  const { t, lang } = useT();
  const seatLabel = useSeatLabel();
  const attention = useQuery({
    queryKey: ["governance-attention"],
    queryFn: async () => unwrap(await api.GET("/api/v1/governance/attention")),
  });
  const { vacancies = [], endingTerms = [] } = attention.data ?? {};
  if (!vacancies.length && !endingTerms.length) return null;
  const bodyLink = (bodyId: string, name: string) => (
    <Anchor renderRoot={(props) => <Link {...props} to="/organen/$id" params={{ id: bodyId }} />}>
      {name}
    </Anchor>
  );
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="attention-title">
      <Title order={3} size="h4" id="attention-title" mb="xs">
        {t("seat.attention")}
      </Title>
      <Stack gap="xs">
        {vacancies.length > 0 && (
          <div>
            <Text fw={600} size="sm">
              {t("seat.vacancies", { count: vacancies.length })}
            </Text>
            <ul>
              {vacancies.map((v) => (
                <li key={v.seat.id}>
                  {bodyLink(v.seat.bodyId, v.bodyName)}: {seatLabel(v.seat)}
                </li>
              ))}
            </ul>
          </div>
        )}
        {endingTerms.length > 0 && (
          <div>
            <Text fw={600} size="sm">
              {t("seat.endingTerms", { count: endingTerms.length })}
            </Text>
            <ul>
              {endingTerms.map((e) => (
                <li key={e.term.id}>
                  {bodyLink(e.seat.bodyId, e.bodyName)}: {seatLabel(e.seat)}, {e.term.personName} (
                  {t("seat.until", { date: formatDate(e.term.endDate, lang) })})
                </li>
              ))}
            </ul>
          </div>
        )}
      </Stack>
    </Paper>
  );
}

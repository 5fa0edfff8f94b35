import {
  Anchor,
  Group,
  Paper,
  Progress,
  Select,
  SimpleGrid,
  Stack,
  Table,
  Text,
  TextInput,
  Title,
} from "@mantine/core";
import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { Link } from "@tanstack/react-router";
import { useState } from "react";
import { ExportButtons } from "../../components/ExportButtons";
import { PageTitle } from "../../components/PageTitle";
import { Stat } from "../../components/Stat";
import { formatNumber, useT } from "../../i18n";
import { useSession } from "../../session";
import { AreaImport } from "./AreaImport";
import { fetchWerkgebied } from "./areas";

/**
 * The werkgebied: per gemeente its wijken with inhabitants (a bar shows each wijk's share of its
 * gemeente) and the WSV that covers it, so a gap (a wijk without WSV) stands out.
 */
export function WerkgebiedPage() {
  const { t, lang } = useT();
  const session = useSession();
  const [year, setYear] = useState<number | undefined>();
  const [filter, setFilter] = useState("");
  const query = useQuery({
    queryKey: ["areas", year],
    queryFn: () => fetchWerkgebied(year),
    placeholderData: keepPreviousData,
  });
  const data = query.data;
  const n = (x: number | null | undefined) => (x == null ? t("common.none") : formatNumber(x, lang));
  const needle = filter.trim().toLowerCase();
  const matches = (w: { name: string; code: string; networks: { name: string }[] }) =>
    !needle ||
    w.name.toLowerCase().includes(needle) ||
    w.code.toLowerCase().includes(needle) ||
    w.networks.some((x) => x.name.toLowerCase().includes(needle));
  const wijken = data?.municipalities.flatMap((m) => m.wijken) ?? [];
  const uncovered = wijken.filter((w) => w.networks.length === 0).length;

  return (
    <Stack>
      <PageTitle>{t("areas.title")}</PageTitle>
      <Text>{t("areas.intro")}</Text>
      <Group align="flex-end">
        <Select
          label={t("areas.year")}
          data={(data?.years ?? []).map(String)}
          value={data?.year ? String(data.year) : null}
          onChange={(v) => setYear(v ? Number(v) : undefined)}
          w={140}
          allowDeselect={false}
        />
        <TextInput
          label={t("areas.filter")}
          value={filter}
          onChange={(e) => setFilter(e.currentTarget.value)}
          w={280}
        />
        <ExportButtons
          path="/api/v1/areas/export"
          filter={{ year: data?.year ? String(data.year) : undefined }}
        />
      </Group>
      {data && (
        <SimpleGrid cols={{ base: 1, xs: 3 }}>
          <Stat label={t("areas.municipalities")} value={n(data.municipalities.length)} />
          <Stat label={t("areas.wijken")} value={n(wijken.length)} />
          <Stat label={t("areas.uncovered")} value={n(uncovered)} />
        </SimpleGrid>
      )}
      {data?.municipalities.length === 0 && <Text>{t("areas.noMunicipalities")}</Text>}
      {data?.municipalities.map((m) => {
        const shown = m.wijken.filter(matches);
        if (needle && shown.length === 0) return null;
        return (
          <Paper withBorder p="md" key={m.code}>
            <Title order={3} size="h4" mb="xs">
              {m.name}{" "}
              <Text span c="gray.7" size="sm">
                {m.code} · {t("areas.inhabitantsOf", { count: n(m.inhabitants) })}
              </Text>
            </Title>
            {shown.length === 0 ? (
              <Text size="sm">{t("areas.noWijken")}</Text>
            ) : (
              <Table.ScrollContainer minWidth={640}>
                <Table striped>
                  <Table.Thead>
                    <Table.Tr>
                      <Table.Th scope="col">{t("areas.wijk")}</Table.Th>
                      <Table.Th scope="col">{t("areas.code")}</Table.Th>
                      <Table.Th scope="col">{t("areas.inhabitants")}</Table.Th>
                      <Table.Th scope="col">{t("areas.buurten")}</Table.Th>
                      <Table.Th scope="col">{t("areas.networks")}</Table.Th>
                    </Table.Tr>
                  </Table.Thead>
                  <Table.Tbody>
                    {shown.map((w) => {
                      const share =
                        m.inhabitants && w.inhabitants ? (100 * w.inhabitants) / m.inhabitants : 0;
                      return (
                        <Table.Tr key={w.code}>
                          <Table.Th scope="row" fw="normal">
                            {w.name}
                          </Table.Th>
                          <Table.Td>{w.code}</Table.Td>
                          <Table.Td>
                            <Group gap="xs" wrap="nowrap">
                              <Text size="sm" w={70} ta="right">
                                {n(w.inhabitants)}
                              </Text>
                              <Progress
                                value={share}
                                w={120}
                                aria-label={t("areas.share", { pct: Math.round(share), name: m.name })}
                              />
                            </Group>
                          </Table.Td>
                          <Table.Td>{w.buurten}</Table.Td>
                          <Table.Td>
                            {w.networks.length === 0 ? (
                              <Text span c="red.9" size="sm">
                                {t("areas.noNetwork")}
                              </Text>
                            ) : (
                              w.networks.map((x, i) => (
                                <span key={x.id}>
                                  {i > 0 && ", "}
                                  <Anchor
                                    renderRoot={(props) => (
                                      <Link {...props} to="/organisaties/$id" params={{ id: x.id }} />
                                    )}
                                  >
                                    {x.name}
                                  </Anchor>
                                </span>
                              ))
                            )}
                          </Table.Td>
                        </Table.Tr>
                      );
                    })}
                  </Table.Tbody>
                </Table>
              </Table.ScrollContainer>
            )}
          </Paper>
        );
      })}
      {session?.permissions["area.import"] && (
        <Paper withBorder p="md">
          <AreaImport />
        </Paper>
      )}
    </Stack>
  );
}

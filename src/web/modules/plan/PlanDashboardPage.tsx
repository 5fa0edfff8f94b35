import { Anchor, Badge, Group, Paper, SimpleGrid, Stack, Table, Text, Title } from "@mantine/core";
import { useQuery } from "@tanstack/react-query";
import { Link } from "@tanstack/react-router";
import { KPI_STATUSES } from "../../../shared/kpi";
import { PROJECT_PHASES } from "../../../shared/plan";
import { api, unwrap } from "../../api";
import { PageTitle } from "../../components/PageTitle";
import { formatNumber, useT } from "../../i18n";
import { ActionTable } from "./ActionTable";
import { kpiColor } from "./kpis-api";
import { SuccessCard } from "./SuccessesPage";

/** A titled block of the dashboard, a region for screen readers. */
function Block({ id, title, children }: { id: string; title: string; children: React.ReactNode }) {
  return (
    <Paper withBorder p="md" component="section" aria-labelledby={id}>
      <Stack gap="xs">
        <Title order={3} size="h4" id={id}>
          {title}
        </Title>
        {children}
      </Stack>
    </Paper>
  );
}

/**
 * The stuurgroep's one screen: the programmes with their projects per phase, how the indicators
 * stand (and which are behind), the actions past their date, and the latest successes.
 */
export function PlanDashboardPage() {
  const { t, lang } = useT();
  const query = useQuery({
    queryKey: ["plan-dashboard"],
    queryFn: async () => unwrap(await api.GET("/api/v1/plan-dashboard", {})),
  });
  const d = query.data;
  const n = (x: number) => formatNumber(x, lang);
  if (!d) return <Text>{t("common.loading")}</Text>;
  return (
    <Stack>
      <PageTitle>{t("dashboard.planTitle")}</PageTitle>
      <Block id="dash-programmes" title={t("programme.listTitle")}>
        <Table.ScrollContainer minWidth={640}>
          <Table striped>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t("project.programme")}</Table.Th>
                {PROJECT_PHASES.map((p) => (
                  <Table.Th key={p}>{t(`project.phase.${p}`)}</Table.Th>
                ))}
                <Table.Th>{t("dashboard.total")}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {d.programmes.map((p) => (
                <Table.Tr key={p.id}>
                  <Table.Td>{p.name}</Table.Td>
                  {PROJECT_PHASES.map((phase) => (
                    <Table.Td key={phase}>{p.phases[phase] ?? 0}</Table.Td>
                  ))}
                  <Table.Td>{p.projectCount}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      </Block>
      <SimpleGrid cols={{ base: 1, md: 2 }}>
        <Block id="dash-kpis" title={t("kpi.listTitle")}>
          <Group gap="xs">
            {KPI_STATUSES.map((s) => (
              <Badge key={s} color={kpiColor[s]} variant="outline">
                {t(`kpi.status.${s}`)}: {d.kpiCounts[s]}
              </Badge>
            ))}
          </Group>
          {d.kpisOffTarget.length === 0 ? (
            <Text size="sm">{t("dashboard.noKpisBehind")}</Text>
          ) : (
            <Stack
              gap={4}
              component="ul"
              p={0}
              m={0}
              style={{ listStyle: "none" }}
              aria-label={t("dashboard.kpisBehind")}
            >
              {d.kpisOffTarget.map((k) => (
                <li key={k.id}>
                  <Anchor
                    renderRoot={(props) => <Link {...props} to="/indicatoren/$id" params={{ id: k.id }} />}
                  >
                    {k.name}
                  </Anchor>
                  <Text span size="sm" c="gray.7">
                    {" "}
                    {k.latest ? `${n(k.latest.value)} ${k.unit}` : ""} → {n(k.target)} {k.unit}
                  </Text>
                </li>
              ))}
            </Stack>
          )}
        </Block>
        <Block id="dash-successes" title={t("success.latest")}>
          {d.successes.length === 0 ? (
            <Text size="sm">{t("success.none")}</Text>
          ) : (
            d.successes.map((s) => <SuccessCard key={s.id} success={s} />)
          )}
        </Block>
      </SimpleGrid>
      <Block id="dash-overdue" title={t("dashboard.overdue", { count: d.overdueActions.count })}>
        {d.overdueActions.items.length === 0 ? (
          <Text size="sm">{t("dashboard.noneOverdue")}</Text>
        ) : (
          <ActionTable rows={d.overdueActions.items} />
        )}
      </Block>
    </Stack>
  );
}

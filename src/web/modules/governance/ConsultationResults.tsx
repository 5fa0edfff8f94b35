import { Paper, SimpleGrid, Stack, Table, Tabs, Text, Title } from "@mantine/core";
import { useQuery } from "@tanstack/react-query";
import { SUPPORT_SCALE } from "../../../shared/consultation";
import type { Discipline } from "../../../shared/network";
import { api, unwrap } from "../../api";
import { BarList } from "../../components/BarList";
import { Stat } from "../../components/Stat";
import { formatNumber, useT } from "../../i18n";
import type { Consultation } from "./consultations-api";

const fetchResults = async (id: string) =>
  unwrap(await api.GET("/api/v1/consultations/{id}/results", { params: { path: { id } } }));
type Results = Awaited<ReturnType<typeof fetchResults>>;
type Group = Results["byDiscipline"][number];
type Support = Pick<Group, "average" | "supportPercent">;

/** "3,5 · 60 % steun", or "—" without answers. */
function useSupportWords() {
  const { t, lang } = useT();
  return {
    average: (s: Support) => (s.average === null ? "—" : formatNumber(s.average, lang)),
    percent: (s: Support) => (s.supportPercent === null ? "—" : `${s.supportPercent} %`),
    detail: (s: Support & { answers: number }) =>
      t("consultation.supportDetail", { percent: s.supportPercent ?? 0, answers: s.answers }),
  };
}

/**
 * Support per group (discipline or WSV): a bar per group with its mean support on the 1–5 scale,
 * for the eye, and a table with the numbers behind it: asked, responded, mean and share of 4–5,
 * overall and per question.
 */
function GroupSupport({
  title,
  chartLabel,
  groups,
  nameOf,
  questions,
}: {
  title: string;
  chartLabel: string;
  groups: Group[];
  nameOf: (g: Group) => string;
  questions: string[];
}) {
  const { t } = useT();
  const words = useSupportWords();
  return (
    <Stack>
      <BarList
        label={chartLabel}
        items={groups
          .filter((g) => g.average !== null)
          .map((g) => ({ key: g.key ?? "-", label: nameOf(g), value: g.average!, detail: words.detail(g) }))}
      />
      <Table.ScrollContainer minWidth={500}>
        <Table striped aria-label={title}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{title}</Table.Th>
              <Table.Th>{t("consultation.asked")}</Table.Th>
              <Table.Th>{t("consultation.respondedShort")}</Table.Th>
              <Table.Th>{t("consultation.average")}</Table.Th>
              <Table.Th>{t("consultation.supportShare")}</Table.Th>
              {questions.map((q, i) => (
                <Table.Th key={q} title={q}>
                  {t("consultation.questionShort", { n: i + 1 })}
                </Table.Th>
              ))}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {groups.map((g) => (
              <Table.Tr key={g.key ?? "-"}>
                <Table.Td>{nameOf(g)}</Table.Td>
                <Table.Td>{g.invited}</Table.Td>
                <Table.Td>{g.responded}</Table.Td>
                <Table.Td>{words.average(g)}</Table.Td>
                <Table.Td>{words.percent(g)}</Table.Td>
                {g.perQuestion.map((s, i) => (
                  <Table.Td key={questions[i]}>{words.average(s)}</Table.Td>
                ))}
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
    </Stack>
  );
}

/**
 * The results of a round: response, support per question with its spread over 1–5, and support
 * per discipline and per WSV, each as bars and as a table.
 */
export function ConsultationResults({ consultation }: { consultation: Consultation }) {
  const { t } = useT();
  const words = useSupportWords();
  const query = useQuery({
    queryKey: ["consultation", consultation.id, "results"],
    queryFn: () => fetchResults(consultation.id),
  });
  const r = query.data;
  if (!r) return <Text>{t("common.loading")}</Text>;
  const discipline = (g: Group) =>
    g.key ? t(`person.discipline.${g.key as Discipline}`) : t("consultation.unknownDiscipline");
  const network = (g: Group) => g.name ?? t("consultation.noNetwork");
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="consultation-results">
      <Stack>
        <Title order={2} size="h4" id="consultation-results">
          {t("consultation.results")}
        </Title>
        <SimpleGrid cols={{ base: 1, xs: 3 }}>
          <Stat label={t("consultation.response")} value={`${r.responded} / ${r.invited}`} />
          <Stat label={t("consultation.average")} value={words.average(r)} />
          <Stat label={t("consultation.supportShare")} value={words.percent(r)} />
        </SimpleGrid>
        {r.questions.map((q) => (
          <Stack key={q.question} gap={4}>
            <Text fw={500}>
              {q.question + 1}. {q.text}
            </Text>
            <Text size="sm">
              {t("consultation.questionSummary", { average: words.average(q), percent: words.percent(q) })}
            </Text>
            <BarList
              label={t("consultation.spread", { n: q.question + 1 })}
              items={SUPPORT_SCALE.map((s, i) => ({
                key: String(s),
                label: t(`consultation.support.${s}`),
                value: q.spread[i] ?? 0,
              }))}
            />
          </Stack>
        ))}
        <Tabs defaultValue="discipline">
          <Tabs.List>
            <Tabs.Tab value="discipline">{t("consultation.byDiscipline")}</Tabs.Tab>
            <Tabs.Tab value="network">{t("consultation.byNetwork")}</Tabs.Tab>
          </Tabs.List>
          <Tabs.Panel value="discipline" pt="md">
            <GroupSupport
              title={t("consultation.discipline")}
              chartLabel={t("consultation.averageByDiscipline")}
              groups={r.byDiscipline}
              nameOf={discipline}
              questions={consultation.questions}
            />
          </Tabs.Panel>
          <Tabs.Panel value="network" pt="md">
            <GroupSupport
              title={t("consultation.network")}
              chartLabel={t("consultation.averageByNetwork")}
              groups={r.byNetwork}
              nameOf={network}
              questions={consultation.questions}
            />
          </Tabs.Panel>
        </Tabs>
      </Stack>
    </Paper>
  );
}

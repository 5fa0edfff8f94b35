import {
  Anchor,
  Badge,
  Button,
  Group,
  Paper,
  Radio,
  SimpleGrid,
  Stack,
  Table,
  Text,
  Textarea,
  Title,
} from "@mantine/core";
import { useForm } from "@mantine/form";
import { useQuery } from "@tanstack/react-query";
import { useParams } from "@tanstack/react-router";
import { useState } from "react";
import { REPORT_RAGS, type ReportRag } from "../../../shared/plan";
import { api, unwrap } from "../../api";
import { FormActions } from "../../components/FormActions";
import { PageTitle } from "../../components/PageTitle";
import { formatDate, formatNumber, useT } from "../../i18n";
import { useSession } from "../../session";
import { useChange } from "../../use-change";

const fetchRound = async (id: string) =>
  unwrap(await api.GET("/api/v1/report-rounds/{id}", { params: { path: { id } } }));
type Round = Awaited<ReturnType<typeof fetchRound>>;
type Report = Round["reports"][number];

/** Traffic-light colours with enough contrast on white. */
export const ragColor = { green: "#1e6b34", orange: "#8a3b00", red: "red.9" } as const;

/** Write a project's report: its light, what was reached, and the risks. */
function ReportForm({ round, report, onDone }: { round: Round; report: Report; onDone: () => void }) {
  const { t } = useT();
  const change = useChange(["report-round", round.id], ["report-rounds"]);
  const form = useForm({
    initialValues: {
      rag: (report.rag ?? "green") as ReportRag,
      narrative: report.narrative ?? "",
      risks: report.risks ?? "",
    },
    validate: { narrative: (v) => (v.trim() ? null : t("field.required")) },
  });
  const submit = form.onSubmit(async (values) => {
    const ok = await change.run(
      async () =>
        unwrap(
          await api.PUT("/api/v1/progress-reports/{id}", {
            params: { path: { id: report.id } },
            body: {
              version: report.version,
              rag: values.rag,
              narrative: values.narrative.trim(),
              risks: values.risks.trim() || null,
            },
          }),
        ),
      t("report.saved", { project: report.project.name }),
    );
    if (ok) onDone();
  });
  return (
    <form onSubmit={submit} aria-label={t("report.writeFor", { project: report.project.name })} noValidate>
      <Stack>
        <Radio.Group label={t("report.rag")} required {...form.getInputProps("rag")}>
          <Group mt="xs">
            {REPORT_RAGS.map((r) => (
              <Radio key={r} value={r} label={t(`report.rag.${r}`)} />
            ))}
          </Group>
        </Radio.Group>
        <Textarea
          label={t("report.narrative")}
          required
          autosize
          minRows={3}
          {...form.getInputProps("narrative")}
        />
        <Textarea label={t("report.risks")} autosize minRows={2} {...form.getInputProps("risks")} />
        <FormActions submit={t("report.submit")} loading={change.busy} onCancel={onDone} />
      </Stack>
    </form>
  );
}

/** The traffic lights counted per group (programme or resultaatgebied). */
function Tally({ title, rows }: { title: string; rows: Round["byProgramme"] }) {
  const { t } = useT();
  return (
    <Table.ScrollContainer minWidth={420}>
      <Table striped>
        <Table.Caption>{title}</Table.Caption>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t("report.group")}</Table.Th>
            {REPORT_RAGS.map((r) => (
              <Table.Th key={r}>{t(`report.rag.${r}`)}</Table.Th>
            ))}
            <Table.Th>{t("report.missing")}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {rows.map((g) => (
            <Table.Tr key={g.id}>
              <Table.Td>{g.name}</Table.Td>
              <Table.Td>{g.green}</Table.Td>
              <Table.Td>{g.orange}</Table.Td>
              <Table.Td>{g.red}</Table.Td>
              <Table.Td>{g.missing}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

/**
 * A reporting round as the regional report: the lights per programme and per resultaatgebied,
 * then every project's report with its KPIs. A leader writes the report of their project here
 * (the bureau any); the bureau closes the round.
 */
export function ReportRoundPage() {
  const { id } = useParams({ strict: false }) as { id: string };
  const { t, lang } = useT();
  const session = useSession();
  const query = useQuery({ queryKey: ["report-round", id], queryFn: () => fetchRound(id) });
  const change = useChange(["report-round", id], ["report-rounds"]);
  const [writing, setWriting] = useState<string | null>(null);
  if (query.isError) return <Text role="alert">{t("report.notFound")}</Text>;
  if (!query.data) return <Text>{t("common.loading")}</Text>;
  const round = query.data;
  const close = () =>
    window.confirm(t("report.closeConfirm")) &&
    change.run(
      async () =>
        unwrap(
          await api.POST("/api/v1/report-rounds/{id}/close", {
            params: { path: { id } },
            body: { version: round.version },
          }),
        ),
      t("report.closedNotice"),
    );
  return (
    <Stack>
      <PageTitle>{t("report.roundTitle", { period: round.period })}</PageTitle>
      <Group gap="xs">
        <Badge color={round.closed ? "dark" : "blue"} variant="outline">
          {t(round.closed ? "report.closed" : "report.open")}
        </Badge>
        <Text size="sm">
          {t("report.progress", {
            submitted: round.submitted,
            requested: round.requested,
            date: formatDate(round.dueDate, lang),
          })}
        </Text>
      </Group>
      <Group>
        <Anchor href={`/api/v1/report-rounds/${round.id}/report.pdf`} size="sm">
          {t("report.asPdf")}
        </Anchor>
        <Anchor href={`/api/v1/report-rounds/${round.id}/report.xlsx`} size="sm">
          {t("report.asXlsx")}
        </Anchor>
        {!round.closed && session?.permissions["report.close"] && (
          <Button variant="default" onClick={close} loading={change.busy}>
            {t("report.close")}
          </Button>
        )}
      </Group>
      <SimpleGrid cols={{ base: 1, md: 2 }}>
        <Tally title={t("report.byProgramme")} rows={round.byProgramme} />
        <Tally title={t("report.byResultArea")} rows={round.byResultArea} />
      </SimpleGrid>
      {round.reports.map((r) => (
        <Paper key={r.id} withBorder p="md" component="article" aria-labelledby={`report-${r.id}`}>
          <Stack gap="xs">
            <Group justify="space-between">
              <Title order={3} size="h5" id={`report-${r.id}`}>
                {r.project.name}
              </Title>
              {r.rag ? (
                <Badge color={ragColor[r.rag]}>{t(`report.rag.${r.rag}`)}</Badge>
              ) : (
                <Badge color="gray.7" variant="outline">
                  {t("report.notYet")}
                </Badge>
              )}
            </Group>
            <Text size="xs" c="gray.7">
              {r.programme.name}
              {r.leaderName ? ` · ${r.leaderName}` : ""}
              {r.submittedAt ? ` · ${t("report.by", { name: r.submittedBy ?? "" })}` : ""}
            </Text>
            {writing === r.id ? (
              <ReportForm round={round} report={r} onDone={() => setWriting(null)} />
            ) : (
              <>
                {r.narrative && (
                  <Text size="sm" style={{ whiteSpace: "pre-line" }}>
                    {r.narrative}
                  </Text>
                )}
                {r.risks && (
                  <Text size="sm">
                    <Text span fw={600}>
                      {t("report.risks")}:
                    </Text>{" "}
                    {r.risks}
                  </Text>
                )}
                {r.kpiSnapshot.length > 0 && (
                  <Text size="xs" c="gray.7">
                    {r.kpiSnapshot
                      .map(
                        (k) =>
                          `${k.name}: ${k.latest ? `${formatNumber(k.latest.value, lang)} ${k.unit}` : "—"}`,
                      )
                      .join(" · ")}
                  </Text>
                )}
                {r.mine && !round.closed && (
                  <Group>
                    <Button
                      size="xs"
                      variant="default"
                      onClick={() => setWriting(r.id)}
                      aria-label={t("report.writeFor", { project: r.project.name })}
                    >
                      {t(r.submittedAt ? "report.rewrite" : "report.write")}
                    </Button>
                  </Group>
                )}
              </>
            )}
          </Stack>
        </Paper>
      ))}
    </Stack>
  );
}

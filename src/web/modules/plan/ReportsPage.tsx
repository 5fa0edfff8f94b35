import { Anchor, Badge, Button, Group, Paper, Stack, Table, Text, TextInput } from "@mantine/core";
import { useForm } from "@mantine/form";
import { useQuery, useQueryClient } from "@tanstack/react-query";
import { Link, useNavigate } from "@tanstack/react-router";
import { useState } from "react";
import { PERIOD } from "../../../shared/kpi";
import { api, unwrap } from "../../api";
import { FormActions } from "../../components/FormActions";
import { PageTitle } from "../../components/PageTitle";
import { formatDate, useT } from "../../i18n";
import { notify, notifyFormError } from "../../notify";
import { useSession } from "../../session";

/** Open a round: the period reported on and the date the reports are due. */
function RoundForm({ onDone }: { onDone: () => void }) {
  const { t } = useT();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const form = useForm({
    initialValues: { period: "", dueDate: "" },
    validate: {
      period: (v) => (PERIOD.test(v.trim().toUpperCase()) ? null : t("kpi.periodFormat")),
      dueDate: (v) => (v ? null : t("field.required")),
    },
  });
  const submit = form.onSubmit(async (values) => {
    try {
      const round = unwrap(
        await api.POST("/api/v1/report-rounds", {
          body: { period: values.period.trim().toUpperCase(), dueDate: values.dueDate },
        }),
      );
      notify(t("report.requested", { count: round.requested }), "green");
      await queryClient.invalidateQueries({ queryKey: ["report-rounds"] });
      await navigate({ to: "/voortgang/$id", params: { id: round.id } });
    } catch (e) {
      notifyFormError(form, e);
    }
  });
  return (
    <Paper withBorder p="md">
      <form onSubmit={submit} aria-label={t("report.newRound")} noValidate>
        <Stack>
          <Text size="sm">{t("report.newRoundHelp")}</Text>
          <Group align="flex-start" wrap="wrap">
            <TextInput
              label={t("kpi.period")}
              description={t("report.periodHelp")}
              required
              {...form.getInputProps("period")}
            />
            <TextInput type="date" label={t("report.dueDate")} required {...form.getInputProps("dueDate")} />
          </Group>
          <FormActions submit={t("report.request")} loading={form.submitting} onCancel={onDone} />
        </Stack>
      </form>
    </Paper>
  );
}

/**
 * Progress reporting: each round (a period) with how many reports are in. The bureau opens a
 * round, which asks every running project's leader by e-mail.
 */
export function ReportsPage() {
  const { t, lang } = useT();
  const session = useSession();
  const [opening, setOpening] = useState(false);
  const rounds = useQuery({
    queryKey: ["report-rounds"],
    queryFn: async () => unwrap(await api.GET("/api/v1/report-rounds", {})).items,
  });
  return (
    <Stack>
      <PageTitle>{t("report.listTitle")}</PageTitle>
      <Text c="gray.7" size="sm">
        {t("report.intro")}
      </Text>
      {session?.permissions["report.create"] &&
        (opening ? (
          <RoundForm onDone={() => setOpening(false)} />
        ) : (
          <Group>
            <Button onClick={() => setOpening(true)}>{t("report.newRound")}</Button>
          </Group>
        ))}
      {(rounds.data ?? []).length === 0 ? (
        <Text c="gray.7">{t("report.none")}</Text>
      ) : (
        <Table.ScrollContainer minWidth={480}>
          <Table striped>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t("kpi.period")}</Table.Th>
                <Table.Th>{t("report.dueDate")}</Table.Th>
                <Table.Th>{t("report.in")}</Table.Th>
                <Table.Th>{t("report.state")}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {(rounds.data ?? []).map((r) => (
                <Table.Tr key={r.id}>
                  <Table.Td>
                    <Anchor
                      renderRoot={(props) => <Link {...props} to="/voortgang/$id" params={{ id: r.id }} />}
                    >
                      {r.period}
                    </Anchor>
                  </Table.Td>
                  <Table.Td>{formatDate(r.dueDate, lang)}</Table.Td>
                  <Table.Td>
                    {r.submitted} / {r.requested}
                  </Table.Td>
                  <Table.Td>
                    <Badge color={r.closed ? "dark" : "blue"} variant="outline">
                      {t(r.closed ? "report.closed" : "report.open")}
                    </Badge>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
    </Stack>
  );
}

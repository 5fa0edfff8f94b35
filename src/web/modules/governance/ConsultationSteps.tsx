import { Button, Group, Paper, Select, Stack, Text, TextInput, Title } from "@mantine/core";
import { useQuery } from "@tanstack/react-query";
import { useState } from "react";
import {
  CONSULTATION_OUTCOMES,
  CONSULTATION_STATUSES,
  type ConsultationOutcome,
} from "../../../shared/consultation";
import { api, unwrap } from "../../api";
import type { paths } from "../../api-schema";
import { useT } from "../../i18n";
import { useBodyOptions } from "./BodySelect";
import type { ConsultationDetail } from "./consultations-api";
import { useConsultationChange } from "./consultations-api";

/** Where the notitie is: the five steps, the current one marked for eye and screen reader. */
export function StatusSteps({ status }: { status: ConsultationDetail["consultation"]["status"] }) {
  const { t } = useT();
  const current = CONSULTATION_STATUSES.indexOf(status);
  return (
    <Group
      component="ol"
      gap="xs"
      p={0}
      m={0}
      style={{ listStyle: "none" }}
      aria-label={t("consultation.steps")}
      wrap="wrap"
    >
      {CONSULTATION_STATUSES.map((s, i) => (
        <Text
          component="li"
          key={s}
          size="sm"
          px="xs"
          py={2}
          fw={i === current ? 700 : 400}
          c={i <= current ? "dark" : "gray.7"}
          aria-current={i === current ? "step" : undefined}
          style={{
            border: "1px solid",
            borderRadius: 4,
            borderColor: i === current ? "var(--mantine-color-blue-9)" : "var(--mantine-color-gray-4)",
          }}
        >
          {i + 1}. {t(`consultation.status.${s}`)}
        </Text>
      ))}
    </Group>
  );
}

type Step = paths["/api/v1/consultations/{id}/status"]["post"]["requestBody"]["content"]["application/json"];

/**
 * The bureau's next step for the notitie: start the consultation with a deadline, close it, put
 * it before the deciding body, and record the decision.
 */
export function NextStep({ detail }: { detail: ConsultationDetail }) {
  const { t } = useT();
  const c = detail.consultation;
  const change = useConsultationChange(c.id);
  const bodyOptions = useBodyOptions();
  const [deadline, setDeadline] = useState(c.deadline ?? "");
  const [decidingBodyId, setDecidingBodyId] = useState<string | null>(c.decidingBodyId);
  const [outcome, setOutcome] = useState<string | null>(null);
  const [decisionId, setDecisionId] = useState<string | null>(null);
  const decisions = useQuery({
    queryKey: ["decisions", "options", c.decidingBodyId],
    queryFn: async () =>
      unwrap(
        await api.GET("/api/v1/decisions", {
          params: { query: { bodyId: c.decidingBodyId!, limit: 100 } },
        }),
      ).items,
    enabled: c.status === "for_decision" && Boolean(c.decidingBodyId),
  });
  const advance = (body: Step, done: string) =>
    change.run(
      async () =>
        unwrap(await api.POST("/api/v1/consultations/{id}/status", { params: { path: { id: c.id } }, body })),
      done,
    );
  const version = c.version;

  let content: React.ReactNode = null;
  if (c.status === "draft")
    content = (
      <>
        <Text size="sm">{t("consultation.startHelp")}</Text>
        <Group align="flex-end">
          <TextInput
            type="date"
            label={t("consultation.deadline")}
            value={deadline}
            onChange={(e) => setDeadline(e.currentTarget.value)}
          />
          <Button
            loading={change.busy}
            onClick={() =>
              advance(
                { status: "consultation", version, ...(deadline ? { deadline } : {}) },
                t("consultation.started"),
              )
            }
          >
            {t("consultation.start")}
          </Button>
        </Group>
      </>
    );
  else if (c.status === "consultation")
    content = (
      <>
        <Text size="sm">{detail.open ? t("consultation.closeEarlyHelp") : t("consultation.closeHelp")}</Text>
        <Group>
          <Button
            color="dark"
            loading={change.busy}
            onClick={() => advance({ status: "processed", version }, t("consultation.closed"))}
          >
            {t("consultation.close")}
          </Button>
        </Group>
      </>
    );
  else if (c.status === "processed")
    content = (
      <>
        <Text size="sm">{t("consultation.submitHelp")}</Text>
        <Group align="flex-end">
          <Select
            label={t("consultation.decidingBody")}
            data={bodyOptions}
            searchable
            value={decidingBodyId}
            onChange={setDecidingBodyId}
          />
          <Button
            loading={change.busy}
            disabled={!decidingBodyId}
            onClick={() =>
              advance(
                { status: "for_decision", version, decidingBodyId: decidingBodyId! },
                t("consultation.submitted"),
              )
            }
          >
            {t("consultation.submit")}
          </Button>
        </Group>
      </>
    );
  else if (c.status === "for_decision")
    content = (
      <>
        <Text size="sm">{t("consultation.decideHelp", { body: c.decidingBodyName ?? "" })}</Text>
        <Group align="flex-end" wrap="wrap">
          <Select
            label={t("consultation.outcome")}
            data={CONSULTATION_OUTCOMES.map((o) => ({ value: o, label: t(`consultation.outcome.${o}`) }))}
            value={outcome}
            onChange={setOutcome}
          />
          <Select
            label={t("consultation.decision")}
            data={(decisions.data ?? []).map((d) => ({
              value: d.id,
              label: `${d.number} ${d.text.slice(0, 60)}`,
            }))}
            searchable
            clearable
            value={decisionId}
            onChange={setDecisionId}
          />
          <Button
            loading={change.busy}
            disabled={!outcome}
            onClick={() =>
              advance(
                { status: "decided", version, outcome: outcome as ConsultationOutcome, decisionId },
                t("consultation.decided"),
              )
            }
          >
            {t("consultation.decide")}
          </Button>
        </Group>
      </>
    );
  if (!content) return null;
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="consultation-next">
      <Stack gap="xs">
        <Title order={2} size="h4" id="consultation-next">
          {t("consultation.nextStep")}
        </Title>
        {content}
      </Stack>
    </Paper>
  );
}

import { Button, Group, Paper, Radio, Select, Stack, Text, Textarea, Title } from "@mantine/core";
import { useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { SUPPORT_SCALE } from "../../../shared/consultation";
import { api, unwrap } from "../../api";
import { useT } from "../../i18n";
import type { ConsultationDetail } from "./consultations-api";
import { useConsultationChange } from "./consultations-api";

type Answer = { support: string | null; comment: string };

/** Per question: support on the 1–5 scale and a comment; sent when every question has a score. */
function AnswersForm({
  questions,
  initial,
  label,
  submit,
  onSubmit,
  busy,
}: {
  questions: string[];
  initial: ConsultationDetail["answers"];
  label: string;
  submit: string;
  onSubmit: (answers: { support: number; comment: string | null }[]) => Promise<boolean>;
  busy: boolean;
}) {
  const { t } = useT();
  const blank = () =>
    questions.map((_, q) => {
      const a = initial.find((x) => x.question === q);
      return { support: a ? String(a.support) : null, comment: a?.comment ?? "" };
    });
  const [answers, setAnswers] = useState<Answer[]>(blank);
  const set = (q: number, patch: Partial<Answer>) =>
    setAnswers((all) => all.map((a, i) => (i === q ? { ...a, ...patch } : a)));
  const complete = answers.every((a) => a.support !== null);
  return (
    <form
      aria-label={label}
      onSubmit={async (e) => {
        e.preventDefault();
        const sent = await onSubmit(
          answers.map((a) => ({ support: Number(a.support), comment: a.comment.trim() || null })),
        );
        if (sent && !initial.length) setAnswers(blank());
      }}
    >
      <Stack>
        {questions.map((question, q) => (
          <Stack key={question} gap={6}>
            <Radio.Group value={answers[q]!.support} onChange={(v) => set(q, { support: v })}>
              <Text fw={500} mb={4}>
                {q + 1}. {question}
              </Text>
              <Group role="radiogroup" aria-label={`${q + 1}. ${question}`} gap="md">
                {SUPPORT_SCALE.map((s) => (
                  <Radio key={s} value={String(s)} label={t(`consultation.support.${s}`)} />
                ))}
              </Group>
            </Radio.Group>
            <Textarea
              label={t("consultation.comment", { n: q + 1 })}
              autosize
              minRows={2}
              maxLength={5000}
              value={answers[q]!.comment}
              onChange={(e) => set(q, { comment: e.currentTarget.value })}
            />
          </Stack>
        ))}
        {!complete && (
          <Text size="sm" c="gray.7">
            {t("consultation.answerAll")}
          </Text>
        )}
        <Group>
          <Button type="submit" disabled={!complete} loading={busy}>
            {submit}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

/** The member's own response: sent, and changeable until the deadline. */
export function OwnResponse({ detail }: { detail: ConsultationDetail }) {
  const { t } = useT();
  const c = detail.consultation;
  const change = useConsultationChange(c.id);
  return (
    <Paper withBorder p="md">
      <Title order={2} size="h4" mb="xs">
        {t("consultation.yourResponse")}
      </Title>
      {detail.respondedAt && (
        <Text size="sm" mb="sm">
          {t("consultation.respondedHelp")}
        </Text>
      )}
      <AnswersForm
        questions={c.questions}
        initial={detail.answers}
        label={t("consultation.yourResponse")}
        submit={detail.respondedAt ? t("consultation.changeResponse") : t("consultation.send")}
        busy={change.busy}
        onSubmit={(answers) =>
          change.run(
            async () =>
              unwrap(
                await api.PUT("/api/v1/consultations/{id}/response", {
                  params: { path: { id: c.id } },
                  body: { answers },
                }),
              ),
            t("consultation.responseSaved"),
          )
        }
      />
    </Paper>
  );
}

/** The bureau records a response that came by mail or on paper, for someone who was asked. */
export function RecordResponse({ detail }: { detail: ConsultationDetail }) {
  const { t } = useT();
  const c = detail.consultation;
  const change = useConsultationChange(c.id);
  const [personId, setPersonId] = useState<string | null>(null);
  const invitees = useQuery({
    queryKey: ["consultation", c.id, "invitees"],
    queryFn: async () =>
      unwrap(await api.GET("/api/v1/consultations/{id}/invitees", { params: { path: { id: c.id } } })),
  });
  const options = (invitees.data ?? []).map((i) => ({
    value: i.personId,
    label: [
      i.name,
      i.discipline ? t(`person.discipline.${i.discipline}`) : null,
      i.networkName,
      i.responded ? t("consultation.hasResponded") : null,
    ]
      .filter(Boolean)
      .join(" · "),
  }));
  return (
    <Paper withBorder p="md">
      <Title order={2} size="h4" mb="xs">
        {t("consultation.record")}
      </Title>
      <Text size="sm" mb="sm">
        {t("consultation.recordHelp")}
      </Text>
      <Stack>
        <Select
          label={t("consultation.respondent")}
          data={options}
          searchable
          value={personId}
          onChange={setPersonId}
        />
        {personId && (
          <AnswersForm
            key={personId}
            questions={c.questions}
            initial={[]}
            label={t("consultation.record")}
            submit={t("consultation.recordSubmit")}
            busy={change.busy}
            onSubmit={async (answers) => {
              const done = await change.run(
                async () =>
                  unwrap(
                    await api.PUT("/api/v1/consultations/{id}/response", {
                      params: { path: { id: c.id } },
                      body: { personId, answers },
                    }),
                  ),
                t("consultation.responseSaved"),
              );
              if (done) setPersonId(null);
              return done;
            }}
          />
        )}
      </Stack>
    </Paper>
  );
}

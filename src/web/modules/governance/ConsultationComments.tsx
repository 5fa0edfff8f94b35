import { Badge, Button, Checkbox, Group, Paper, Select, Stack, Text, Textarea, Title } from "@mantine/core";
import { useState } from "react";
import { COMMENT_HANDLINGS, type CommentHandling } from "../../../shared/consultation";
import type { Discipline } from "../../../shared/network";
import { api, unwrap } from "../../api";
import { ExportButtons } from "../../components/ExportButtons";
import { loadedCount, MoreButton, usePagedList } from "../../components/PagedList";
import { useT } from "../../i18n";
import { useSession } from "../../session";
import { type Consultation, useConsultationChange } from "./consultations-api";

const fetchComments = async (id: string, query: { question?: number; handled?: "false"; cursor?: string }) =>
  unwrap(
    await api.GET("/api/v1/consultations/{id}/comments", {
      params: { path: { id }, query: { ...query, limit: 50 } },
    }),
  );
type Comment = Awaited<ReturnType<typeof fetchComments>>["items"][number];

/** How the werkgroep handled one comment: a choice and a note, saved together. */
function HandleComment({ consultation, comment }: { consultation: Consultation; comment: Comment }) {
  const { t } = useT();
  const change = useConsultationChange(consultation.id);
  const [handling, setHandling] = useState<string | null>(comment.handling);
  const [note, setNote] = useState(comment.handlingNote ?? "");
  const label = t("consultation.handlingOf", { name: comment.personName ?? "", n: comment.question + 1 });
  return (
    <form
      aria-label={label}
      onSubmit={(e) => {
        e.preventDefault();
        void change.run(
          async () =>
            unwrap(
              await api.PUT("/api/v1/consultations/{id}/comments/{personId}/{question}", {
                params: { path: { id: consultation.id, personId: comment.key, question: comment.question } },
                body: { handling: handling as CommentHandling, handlingNote: note.trim() || null },
              }),
            ),
          t("consultation.handlingSaved"),
        );
      }}
    >
      <Group align="flex-end" wrap="wrap">
        <Select
          label={t("consultation.handling")}
          data={COMMENT_HANDLINGS.map((h) => ({ value: h, label: t(`consultation.handling.${h}`) }))}
          value={handling}
          onChange={setHandling}
          allowDeselect={false}
        />
        <Textarea
          label={t("consultation.handlingNote")}
          autosize
          minRows={1}
          style={{ flex: 1, minWidth: 220 }}
          value={note}
          onChange={(e) => setNote(e.currentTarget.value)}
        />
        <Button type="submit" variant="default" disabled={!handling} loading={change.busy}>
          {t("common.save")}
        </Button>
      </Group>
    </form>
  );
}

/**
 * The comments per question and how each was handled, filtered to one question or to those still
 * to handle, and exported as the verwerkingsoverzicht. The bureau handles them while the round
 * runs and is processed.
 */
export function ConsultationComments({ consultation }: { consultation: Consultation }) {
  const { t } = useT();
  const session = useSession();
  const [question, setQuestion] = useState<string | null>(null);
  const [open, setOpen] = useState(false);
  const filter = {
    ...(question !== null ? { question: Number(question) } : {}),
    ...(open ? { handled: "false" as const } : {}),
  };
  const { list, rows } = usePagedList(["consultation", consultation.id, "comments", filter], (cursor) =>
    fetchComments(consultation.id, { ...filter, cursor }),
  );
  const mayHandle =
    Boolean(session?.permissions["consultation.process"]) &&
    (consultation.status === "consultation" || consultation.status === "processed");
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="consultation-comments">
      <Stack>
        <Title order={2} size="h4" id="consultation-comments">
          {t("consultation.comments")}
        </Title>
        <Group wrap="wrap" align="flex-end">
          <Select
            label={t("consultation.question")}
            clearable
            placeholder={t("consultation.allQuestions")}
            value={question}
            onChange={setQuestion}
            data={consultation.questions.map((q, i) => ({ value: String(i), label: `${i + 1}. ${q}` }))}
          />
          <Checkbox
            label={t("consultation.onlyOpen")}
            checked={open}
            onChange={(e) => setOpen(e.currentTarget.checked)}
            mb={8}
          />
          <ExportButtons
            path={`/api/v1/consultations/${consultation.id}/comments/export`}
            filter={{ question: question ?? undefined, handled: open ? "false" : undefined }}
          />
        </Group>
        <Text size="sm" aria-live="polite">
          {t("consultation.commentCount", { count: loadedCount(list, rows) })}
        </Text>
        {rows.map((c) => (
          <Paper key={`${c.key}-${c.question}`} withBorder p="sm" component="article">
            <Stack gap={6}>
              <Group gap="xs" wrap="wrap">
                <Text size="sm" fw={500}>
                  {t("consultation.questionShort", { n: c.question + 1 })}
                </Text>
                <Text size="sm">
                  {[
                    c.personName,
                    c.discipline ? t(`person.discipline.${c.discipline as Discipline}`) : null,
                    c.networkName,
                  ]
                    .filter(Boolean)
                    .join(" · ")}
                </Text>
                <Badge variant="outline" color="gray">
                  {t(`consultation.support.${c.support as 1 | 2 | 3 | 4 | 5}`)}
                </Badge>
                <Badge variant="filled" color={c.handling ? "#1b5e20" : "#8a3b00"}>
                  {c.handling ? t(`consultation.handling.${c.handling}`) : t("consultation.unhandled")}
                </Badge>
              </Group>
              <Text style={{ whiteSpace: "pre-wrap" }}>{c.comment}</Text>
              {c.handlingNote && !mayHandle && (
                <Text size="sm" c="gray.7">
                  {t("consultation.handlingNote")}: {c.handlingNote}
                </Text>
              )}
              {mayHandle && <HandleComment consultation={consultation} comment={c} />}
            </Stack>
          </Paper>
        ))}
        <MoreButton list={list} />
      </Stack>
    </Paper>
  );
}

import { NumberInput, Paper, Select, SimpleGrid, Stack, Textarea, TextInput } from "@mantine/core";
import { useForm } from "@mantine/form";
import { useQuery, useQueryClient } from "@tanstack/react-query";
import { useNavigate } from "@tanstack/react-router";
import { addDays, netherlandsMoment, today } from "../../../shared/dates";
import {
  BALLOTS,
  type Ballot,
  MAJORITY_RULES,
  type MajorityRule,
  PROPOSAL_KINDS,
  type ProposalKind,
  VOTE_WEIGHTINGS,
  VOTING_MODES,
  type VoteWeighting,
  type VotingMode,
} from "../../../shared/voting";
import { ApiProblem, api, unwrap } from "../../api";
import { FormActions } from "../../components/FormActions";
import { formatDateTime, useT } from "../../i18n";
import { notify, notifyError } from "../../notify";
import { useBodyOptions } from "./BodySelect";
import { useAgendaOptions } from "./DecisionsSection";
import { fetchMeeting, meetingKey } from "./meetings-api";

/** The body's meetings from today on, as choices "8-12-2026, 19:30 · ALV voorjaar". */
function useUpcomingMeetings(bodyId: string | null, lang: "nl" | "en") {
  const meetings = useQuery({
    queryKey: ["meetings", "options", bodyId],
    queryFn: async () =>
      unwrap(
        await api.GET("/api/v1/meetings", {
          params: { query: { bodyId: bodyId!, from: today(), limit: 50 } },
        }),
      ).items,
    enabled: Boolean(bodyId),
  });
  return (meetings.data ?? []).map((m) => ({
    value: m.id,
    label: `${formatDateTime(m.startsAt, lang)} · ${m.title}`,
  }));
}

const NO_AGENDA = { agenda: [] };

/** The chosen meeting's agenda items, to vote under one of them. */
function useAgendaItemOptions(meetingId: string | null) {
  const meeting = useQuery({
    queryKey: meetingKey(meetingId ?? ""),
    queryFn: () => fetchMeeting(meetingId!),
    enabled: Boolean(meetingId),
  });
  return useAgendaOptions(meeting.data ?? NO_AGENDA);
}

/**
 * Draft a proposal with the rules it is voted by. The quorum left empty is the body's own; an
 * online vote runs until the closing moment given here (Dutch time).
 */
export function ProposalForm({ onDone }: { onDone: () => void }) {
  const { t, lang } = useT();
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const bodyOptions = useBodyOptions();
  const form = useForm({
    initialValues: {
      bodyId: null as string | null,
      meetingId: null as string | null,
      agendaItemId: null as string | null,
      title: "",
      text: "",
      kind: "for_against" as ProposalKind,
      choices: "",
      majority: "simple" as MajorityRule,
      quorumPercent: "" as number | string,
      weighting: "person" as VoteWeighting,
      maxProxies: 1 as number | string,
      ballot: "open" as Ballot,
      mode: "online" as VotingMode,
      closesDate: addDays(today(), 7),
      closesTime: "17:00",
    },
    validate: {
      bodyId: (v) => (v ? null : t("field.required")),
      title: (v) => (v.trim() ? null : t("field.required")),
      choices: (v, all) =>
        all.kind === "choices" && v.split("\n").filter((l) => l.trim()).length < 2
          ? t("proposal.choicesHelp")
          : null,
      closesDate: (v, all) => (all.mode === "online" && !v ? t("field.required") : null),
      closesTime: (v, all) => (all.mode === "online" && !v ? t("field.required") : null),
    },
  });
  const v = form.values;
  const meetingOptions = useUpcomingMeetings(v.bodyId, lang);
  const agendaOptions = useAgendaItemOptions(v.meetingId);
  const submit = form.onSubmit(async (values) => {
    try {
      const created = unwrap(
        await api.POST("/api/v1/proposals", {
          body: {
            bodyId: values.bodyId!,
            meetingId: values.meetingId,
            agendaItemId: values.agendaItemId,
            title: values.title.trim(),
            text: values.text.trim() || null,
            kind: values.kind,
            choices:
              values.kind === "choices"
                ? values.choices
                    .split("\n")
                    .map((l) => l.trim())
                    .filter(Boolean)
                : null,
            majority: values.majority,
            ...(values.quorumPercent === "" ? {} : { quorumPercent: Number(values.quorumPercent) }),
            weighting: values.weighting,
            maxProxies: Number(values.maxProxies || 0),
            ballot: values.ballot,
            mode: values.mode,
            closesAt:
              values.mode === "online" ? netherlandsMoment(values.closesDate, values.closesTime) : null,
          },
        }),
      );
      notify(t("common.saved"), "green");
      await queryClient.invalidateQueries({ queryKey: ["proposals"] });
      onDone();
      await navigate({ to: "/stemmingen/$id", params: { id: created.id } });
    } catch (e) {
      if (e instanceof ApiProblem && e.errors.length) {
        const errors = e.fieldErrors();
        if (errors.closesAt) errors.closesDate = errors.closesAt;
        form.setErrors(errors);
      }
      notifyError(e);
    }
  });
  const options = <T extends string>(values: readonly T[], prefix: string) =>
    values.map((value) => ({ value, label: t(`${prefix}.${value}` as never) }));

  return (
    <Paper withBorder p="md">
      <form onSubmit={submit} aria-label={t("proposal.new")} noValidate>
        <Stack>
          <Select
            label={t("proposal.body")}
            data={bodyOptions}
            searchable
            required
            {...form.getInputProps("bodyId")}
            onChange={(id) => {
              form.setFieldValue("bodyId", id);
              form.setFieldValue("meetingId", null);
              form.setFieldValue("agendaItemId", null);
            }}
          />
          <Select
            label={t("proposal.meeting")}
            description={t("proposal.meetingHelp")}
            data={meetingOptions}
            disabled={!v.bodyId}
            clearable
            {...form.getInputProps("meetingId")}
            onChange={(id) => {
              form.setFieldValue("meetingId", id);
              form.setFieldValue("agendaItemId", null);
            }}
          />
          {v.meetingId && (
            <Select
              label={t("proposal.agendaItem")}
              data={agendaOptions}
              clearable
              {...form.getInputProps("agendaItemId")}
            />
          )}
          <TextInput label={t("proposal.title")} required {...form.getInputProps("title")} />
          <Textarea label={t("proposal.text")} autosize minRows={3} {...form.getInputProps("text")} />
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <Select
              label={t("proposal.kind")}
              data={options(PROPOSAL_KINDS, "proposal.kind")}
              allowDeselect={false}
              {...form.getInputProps("kind")}
            />
            <Select
              label={t("proposal.majority")}
              data={options(MAJORITY_RULES, "proposal.majority")}
              allowDeselect={false}
              {...form.getInputProps("majority")}
            />
          </SimpleGrid>
          {v.kind === "choices" && (
            <Textarea
              label={t("proposal.choices")}
              description={t("proposal.choicesHelp")}
              autosize
              minRows={3}
              {...form.getInputProps("choices")}
            />
          )}
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <NumberInput
              label={t("proposal.quorum")}
              description={t("proposal.quorumHelp")}
              min={1}
              max={100}
              {...form.getInputProps("quorumPercent")}
            />
            <Select
              label={t("proposal.weighting")}
              data={options(VOTE_WEIGHTINGS, "proposal.weighting")}
              allowDeselect={false}
              {...form.getInputProps("weighting")}
            />
            <NumberInput
              label={t("proposal.maxProxies")}
              min={0}
              max={10}
              {...form.getInputProps("maxProxies")}
            />
            <Select
              label={t("proposal.ballot")}
              data={options(BALLOTS, "proposal.ballot")}
              allowDeselect={false}
              {...form.getInputProps("ballot")}
            />
            <Select
              label={t("proposal.mode")}
              data={options(VOTING_MODES, "proposal.mode")}
              allowDeselect={false}
              {...form.getInputProps("mode")}
            />
          </SimpleGrid>
          {v.mode === "online" && (
            <SimpleGrid cols={{ base: 1, sm: 2 }}>
              <TextInput
                type="date"
                label={t("proposal.closesAtDate")}
                {...form.getInputProps("closesDate")}
              />
              <TextInput
                type="time"
                label={t("proposal.closesAtTime")}
                {...form.getInputProps("closesTime")}
              />
            </SimpleGrid>
          )}
          <FormActions submit={t("proposal.create")} loading={form.submitting} onCancel={onDone} />
        </Stack>
      </form>
    </Paper>
  );
}

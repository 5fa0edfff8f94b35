import { Paper, Select, SimpleGrid, Stack, TextInput } from "@mantine/core";
import { useForm } from "@mantine/form";
import { useQueryClient } from "@tanstack/react-query";
import { useNavigate } from "@tanstack/react-router";
import { addDays, netherlandsMoment, netherlandsParts, today } from "../../../shared/dates";
import { ApiProblem, api, unwrap } from "../../api";
import { FormActions } from "../../components/FormActions";
import { useT } from "../../i18n";
import { notify, notifyError } from "../../notify";
import { useBodyOptions } from "./BodySelect";
import { type Meeting, meetingKey } from "./meetings-api";

/**
 * Plan a meeting (of a chosen body, or of `bodyId`) or change one: date, begin and end time in
 * the Netherlands, a place and/or a link to join online. A new meeting opens its page, where the
 * agenda is built.
 */
export function MeetingForm({
  bodyId,
  meeting,
  onDone,
}: {
  bodyId?: string;
  meeting?: Meeting;
  onDone: () => void;
}) {
  const { t } = useT();
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const bodyOptions = useBodyOptions(!bodyId && !meeting);
  const start = meeting ? netherlandsParts(meeting.startsAt) : { date: addDays(today(), 14), time: "19:30" };
  const end = meeting ? netherlandsParts(meeting.endsAt) : { date: start.date, time: "21:30" };
  const form = useForm({
    initialValues: {
      bodyId: bodyId ?? meeting?.bodyId ?? (null as string | null),
      title: meeting?.title ?? "",
      date: start.date,
      startTime: start.time,
      endTime: end.time,
      location: meeting?.location ?? "",
      onlineUrl: meeting?.onlineUrl ?? "",
    },
    validate: {
      bodyId: (v) => (v ? null : t("field.required")),
      title: (v) => (v.trim() ? null : t("field.required")),
      date: (v) => (v ? null : t("field.required")),
      startTime: (v) => (v ? null : t("field.required")),
      endTime: (v, all) => (!v ? t("field.required") : v <= all.startTime ? t("meeting.timeOrder") : null),
      onlineUrl: (v) => (v && !/^https?:\/\//.test(v.trim()) ? t("meeting.onlineUrlHelp") : null),
    },
  });
  const submit = form.onSubmit(async (v) => {
    const fields = {
      title: v.title.trim(),
      startsAt: netherlandsMoment(v.date, v.startTime),
      endsAt: netherlandsMoment(v.date, v.endTime),
      location: v.location.trim() || null,
      onlineUrl: v.onlineUrl.trim() || null,
    };
    try {
      if (meeting) {
        const saved = unwrap(
          await api.PATCH("/api/v1/meetings/{id}", {
            params: { path: { id: meeting.id } },
            body: { version: meeting.version, ...fields },
          }),
        );
        queryClient.setQueryData(meetingKey(meeting.id), saved);
      } else {
        const created = unwrap(
          await api.POST("/api/v1/meetings", { body: { bodyId: v.bodyId!, ...fields } }),
        );
        await navigate({ to: "/vergaderingen/$id", params: { id: created.id } });
      }
      notify(t("common.saved"), "green");
      await queryClient.invalidateQueries({ queryKey: ["meetings"] });
      onDone();
    } catch (e) {
      if (e instanceof ApiProblem && e.status === 409 && meeting) {
        notify(t("common.conflict"), "red");
        await queryClient.invalidateQueries({ queryKey: meetingKey(meeting.id) });
        onDone();
      } else if (e instanceof ApiProblem && e.errors.length) {
        const errors = e.fieldErrors();
        form.setErrors({ ...errors, endTime: errors.endsAt, date: errors.startsAt });
      } else notifyError(e);
    }
  });
  return (
    <Paper withBorder p="md">
      <form onSubmit={submit} noValidate aria-label={meeting ? t("meeting.edit") : t("meeting.add")}>
        <Stack>
          {!bodyId && !meeting && (
            <Select
              label={t("meeting.body")}
              required
              searchable
              data={bodyOptions}
              {...form.getInputProps("bodyId")}
            />
          )}
          <TextInput label={t("meeting.name")} required {...form.getInputProps("title")} />
          <SimpleGrid cols={{ base: 1, sm: 3 }}>
            <TextInput type="date" label={t("meeting.date")} required {...form.getInputProps("date")} />
            <TextInput
              type="time"
              label={t("meeting.startTime")}
              required
              {...form.getInputProps("startTime")}
            />
            <TextInput type="time" label={t("meeting.endTime")} required {...form.getInputProps("endTime")} />
          </SimpleGrid>
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <TextInput
              label={t("meeting.location")}
              description={t("meeting.locationHelp")}
              {...form.getInputProps("location")}
            />
            <TextInput
              type="url"
              label={t("meeting.onlineUrl")}
              description={t("meeting.onlineUrlHelp")}
              {...form.getInputProps("onlineUrl")}
            />
          </SimpleGrid>
          <FormActions submit={t("common.save")} loading={form.submitting} onCancel={onDone} />
        </Stack>
      </form>
    </Paper>
  );
}

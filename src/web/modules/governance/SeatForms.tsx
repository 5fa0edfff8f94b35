import { Group, NumberInput, Paper, Radio, Select, SimpleGrid, Stack, Text, TextInput } from "@mantine/core";
import { useForm } from "@mantine/form";
import { useQueryClient } from "@tanstack/react-query";
import { today } from "../../../shared/dates";
import { SEAT_ROLES, type SeatRole } from "../../../shared/governance";
import { DISCIPLINES, type Discipline } from "../../../shared/network";
import { ApiProblem, api, unwrap } from "../../api";
import { FormActions } from "../../components/FormActions";
import { useT } from "../../i18n";
import { notify, notifyError } from "../../notify";
import { OrganisationSelect } from "../network/OrganisationSelect";
import { PersonSelect } from "../network/PersonSelect";

/**
 * Saves with the API and, on a problem naming fields, shows it at those fields; a conflict or
 * another problem as a notification. Afterwards the body's seats and the attention list reload.
 */
function useSeatSubmit(bodyId: string, onDone: () => void) {
  const { t } = useT();
  const queryClient = useQueryClient();
  return async (save: () => Promise<unknown>, setErrors: (errors: Record<string, string>) => void) => {
    try {
      await save();
      notify(t("common.saved"), "green");
      onDone();
    } catch (e) {
      if (e instanceof ApiProblem && e.errors.length) setErrors(e.fieldErrors());
      else notifyError(e);
    } finally {
      await queryClient.invalidateQueries({ queryKey: ["seats", bodyId] });
      await queryClient.invalidateQueries({ queryKey: ["governance-attention"] });
      await queryClient.invalidateQueries({ queryKey: ["bodies"] });
    }
  };
}

const REPRESENTS = ["nobody", "organisation", "discipline", "constituency"] as const;

/** A new seat: its role, whom it represents, its term length and how often it may be renewed. */
export function SeatForm({ bodyId, onDone }: { bodyId: string; onDone: () => void }) {
  const { t } = useT();
  const submitSeat = useSeatSubmit(bodyId, onDone);
  const form = useForm({
    initialValues: {
      role: "member" as SeatRole,
      represents: "nobody" as (typeof REPRESENTS)[number],
      representsOrganisationId: null as string | null,
      representsDiscipline: null as Discipline | null,
      representsConstituency: "",
      termYears: 3 as number | string,
      maxTerms: 2 as number | string,
    },
    validate: {
      representsOrganisationId: (v, all) =>
        all.represents === "organisation" && !v ? t("field.required") : null,
      representsDiscipline: (v, all) => (all.represents === "discipline" && !v ? t("field.required") : null),
      representsConstituency: (v, all) =>
        all.represents === "constituency" && !v.trim() ? t("field.required") : null,
    },
  });
  const { represents } = form.getValues();
  const submit = form.onSubmit((v) =>
    submitSeat(
      async () =>
        unwrap(
          await api.POST("/api/v1/bodies/{id}/seats", {
            params: { path: { id: bodyId } },
            body: {
              role: v.role,
              representsOrganisationId: v.represents === "organisation" ? v.representsOrganisationId : null,
              representsDiscipline: v.represents === "discipline" ? v.representsDiscipline : null,
              representsConstituency:
                v.represents === "constituency" ? v.representsConstituency.trim() : null,
              termYears: v.termYears === "" ? null : Number(v.termYears),
              maxTerms: v.maxTerms === "" ? null : Number(v.maxTerms),
            },
          }),
        ),
      form.setErrors,
    ),
  );
  return (
    <Paper withBorder p="md">
      <form onSubmit={submit} noValidate aria-label={t("seat.add")}>
        <Stack>
          <Select
            label={t("seat.role")}
            data={SEAT_ROLES.map((r) => ({ value: r, label: t(`seat.role.${r}`) }))}
            allowDeselect={false}
            {...form.getInputProps("role")}
          />
          <Radio.Group label={t("seat.represents")} {...form.getInputProps("represents")}>
            <Group mt="xs">
              {REPRESENTS.map((r) => (
                <Radio key={r} value={r} label={t(`seat.represents.${r}`)} />
              ))}
            </Group>
          </Radio.Group>
          {represents === "organisation" && (
            <OrganisationSelect
              label={t("seat.representsOrganisation")}
              required
              {...form.getInputProps("representsOrganisationId")}
            />
          )}
          {represents === "discipline" && (
            <Select
              label={t("seat.representsDiscipline")}
              required
              searchable
              data={DISCIPLINES.map((d) => ({ value: d, label: t(`person.discipline.${d}`) }))}
              {...form.getInputProps("representsDiscipline")}
            />
          )}
          {represents === "constituency" && (
            <TextInput
              label={t("seat.representsConstituency")}
              description={t("seat.representsConstituencyHelp")}
              required
              {...form.getInputProps("representsConstituency")}
            />
          )}
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <NumberInput
              label={t("seat.termYears")}
              description={t("seat.termYearsHelp")}
              min={1}
              max={10}
              {...form.getInputProps("termYears")}
            />
            <NumberInput
              label={t("seat.maxTerms")}
              description={t("seat.maxTermsHelp")}
              min={1}
              max={10}
              {...form.getInputProps("maxTerms")}
            />
          </SimpleGrid>
          <FormActions submit={t("seat.add")} loading={form.submitting} onCancel={onDone} />
        </Stack>
      </form>
    </Paper>
  );
}

/**
 * Appoint someone to a seat from a date. Without an end date the term runs the seat's term length;
 * an overlap with another term or one reappointment too many is refused by the server, shown here.
 */
export function AppointForm({
  bodyId,
  seatId,
  seatLabel,
  startDate,
  onDone,
}: {
  bodyId: string;
  seatId: string;
  seatLabel: string;
  startDate?: string;
  onDone: () => void;
}) {
  const { t } = useT();
  const submitTerm = useSeatSubmit(bodyId, onDone);
  const form = useForm({
    initialValues: { personId: null as string | null, startDate: startDate ?? today(), endDate: "" },
    validate: {
      personId: (v) => (v ? null : t("field.required")),
      startDate: (v) => (v ? null : t("field.required")),
      endDate: (v, all) => (v && v < all.startDate ? t("field.periodOrder") : null),
    },
  });
  const submit = form.onSubmit((v) =>
    submitTerm(
      async () =>
        unwrap(
          await api.POST("/api/v1/seats/{id}/terms", {
            params: { path: { id: seatId } },
            body: {
              personId: v.personId!,
              startDate: v.startDate,
              ...(v.endDate ? { endDate: v.endDate } : {}),
            },
          }),
        ),
      form.setErrors,
    ),
  );
  return (
    <Paper withBorder p="md">
      <form onSubmit={submit} noValidate aria-label={t("seat.appointTo", { seat: seatLabel })}>
        <Stack>
          <PersonSelect label={t("seat.holder")} required {...form.getInputProps("personId")} />
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <TextInput
              type="date"
              label={t("seat.startDate")}
              required
              {...form.getInputProps("startDate")}
            />
            <TextInput
              type="date"
              label={t("seat.endDate")}
              description={t("seat.endDateHelp")}
              {...form.getInputProps("endDate")}
            />
          </SimpleGrid>
          <FormActions submit={t("seat.appoint")} loading={form.submitting} onCancel={onDone} />
        </Stack>
      </form>
    </Paper>
  );
}

/** End a term on a date: stepping down early, or correcting the end. */
export function EndTermForm({
  bodyId,
  term,
  onDone,
}: {
  bodyId: string;
  term: { id: string; personName: string; startDate: string; endDate: string | null; version: number };
  onDone: () => void;
}) {
  const { t } = useT();
  const submitEnd = useSeatSubmit(bodyId, onDone);
  const form = useForm({
    initialValues: { endDate: term.endDate ?? today() },
    validate: {
      endDate: (v) => (!v ? t("field.required") : v < term.startDate ? t("field.periodOrder") : null),
    },
  });
  const submit = form.onSubmit((v) =>
    submitEnd(
      async () =>
        unwrap(
          await api.PATCH("/api/v1/seat-terms/{id}", {
            params: { path: { id: term.id } },
            body: { version: term.version, endDate: v.endDate },
          }),
        ),
      form.setErrors,
    ),
  );
  return (
    <Paper withBorder p="md">
      <form onSubmit={submit} noValidate aria-label={t("seat.endTermOf", { name: term.personName })}>
        <Group align="flex-end">
          <TextInput type="date" label={t("seat.endDate")} required {...form.getInputProps("endDate")} />
          <FormActions submit={t("common.save")} loading={form.submitting} onCancel={onDone} />
        </Group>
      </form>
    </Paper>
  );
}

/**
 * Abolishing a seat that has history, as of a date: from then on it is no longer part of the
 * body and its holder's term ends the day before; the composition on earlier dates keeps it.
 */
export function AbolishSeatForm({
  bodyId,
  seat,
  onDone,
}: {
  bodyId: string;
  seat: { id: string; label: string; version: number };
  onDone: () => void;
}) {
  const { t } = useT();
  const submitAbolish = useSeatSubmit(bodyId, onDone);
  const form = useForm({
    initialValues: { abolishedOn: today() },
    validate: { abolishedOn: (v) => (v ? null : t("field.required")) },
  });
  const submit = form.onSubmit((v) =>
    submitAbolish(
      async () =>
        unwrap(
          await api.POST("/api/v1/seats/{id}/abolish", {
            params: { path: { id: seat.id } },
            body: { version: seat.version, abolishedOn: v.abolishedOn },
          }),
        ),
      form.setErrors,
    ),
  );
  return (
    <Paper withBorder p="md">
      <form onSubmit={submit} noValidate aria-label={t("seat.abolishSeat", { seat: seat.label })}>
        <Stack gap="xs">
          <Text size="sm">{t("seat.abolishHelp")}</Text>
          <Group align="flex-end">
            <TextInput
              type="date"
              label={t("seat.abolishedOn")}
              required
              {...form.getInputProps("abolishedOn")}
            />
            <FormActions submit={t("seat.abolish")} loading={form.submitting} onCancel={onDone} />
          </Group>
        </Stack>
      </form>
    </Paper>
  );
}

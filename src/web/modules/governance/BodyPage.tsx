import { Anchor, Badge, Button, Group, Stack, Switch, Table, Text, TextInput, Title } from "@mantine/core";
import { keepPreviousData, useQuery, useQueryClient } from "@tanstack/react-query";
import { Link, useParams } from "@tanstack/react-router";
import { Fragment, useState } from "react";
import { addDays, isIsoDate, today } from "../../../shared/dates";
import { api, unwrap } from "../../api";
import { PageTitle } from "../../components/PageTitle";
import { formatDate, useT } from "../../i18n";
import { notify, notifyError } from "../../notify";
import { useSession } from "../../session";
import { BodyForm } from "./BodyForm";
import { BodyMeetingsSection } from "./BodyMeetingsSection";
import { DocumentsSection } from "./DocumentsSection";
import { useSeatLabel } from "./labels";
import { MandateForm } from "./MandateForm";
import { AbolishSeatForm, AppointForm, EndTermForm, SeatForm } from "./SeatForms";

type Editing =
  | { kind: "body" }
  | { kind: "seat" }
  | { kind: "appoint"; seatId: string }
  | { kind: "end"; termId: string }
  | { kind: "abolish"; seatId: string }
  | { kind: "mandate"; seatId: string };

/**
 * One body: what it is for, its seats with who holds them on a chosen date (today, or any date in
 * the past or future) and the mandates behind them, and for the bureau adding seats, appointing,
 * ending terms and recording mandates.
 */
export function BodyPage() {
  const { id } = useParams({ strict: false }) as { id: string };
  const { t, lang } = useT();
  const session = useSession();
  const seatLabel = useSeatLabel();
  const [date, setDate] = useState(today());
  const [history, setHistory] = useState(false);
  const [editing, setEditing] = useState<Editing | null>(null);
  const queryClient = useQueryClient();
  const dateValid = isIsoDate(date);
  const done = () => setEditing(null);
  const seats = useQuery({
    queryKey: ["seats", id, date],
    queryFn: async () =>
      unwrap(
        await api.GET("/api/v1/bodies/{id}/seats", {
          params: { path: { id }, query: dateValid ? { date } : {} },
        }),
      ),
    placeholderData: keepPreviousData,
  });
  // The mandates behind the seats, valid on the same date: whom a holder speaks for.
  const mandates = useQuery({
    queryKey: ["mandates", "body", id, date],
    queryFn: async () =>
      unwrap(
        await api.GET("/api/v1/mandates", {
          params: { query: { bodyId: id, limit: 200, ...(dateValid ? { on: date } : {}) } },
        }),
      ).items,
    placeholderData: keepPreviousData,
  });
  if (seats.isError) return <Text role="alert">{t("body.notFound")}</Text>;
  if (!seats.data) return <Text>{t("common.loading")}</Text>;
  const { body, items } = seats.data;
  const canEditBody = Boolean(session?.permissions["body.update"]);
  const canAddSeat = Boolean(session?.permissions["seat.create"]);
  const canAppoint = Boolean(session?.permissions["seat.appoint"]);
  const canMandate = Boolean(session?.permissions["mandate.create"]);
  const filled = items.filter((s) => s.holder).length;
  // Only a seat nobody ever held can go (one set up by mistake); the server also refuses one with a mandate.
  async function deleteSeat(seatId: string, version: number) {
    try {
      unwrap(
        await api.DELETE("/api/v1/seats/{id}", { params: { path: { id: seatId }, query: { version } } }),
      );
      notify(t("seat.deleted"), "green");
    } catch (e) {
      notifyError(e);
    } finally {
      await queryClient.invalidateQueries({ queryKey: ["seats", id] });
    }
  }
  const columns = canAppoint ? 5 : 4;

  return (
    <Stack>
      <PageTitle>{body.name}</PageTitle>
      <Group gap="xs">
        <Badge variant="light">{t(`body.kind.${body.kind}`)}</Badge>
        {body.policyArea && <Badge variant="outline">{body.policyArea}</Badge>}
      </Group>
      {body.purpose && <Text>{body.purpose}</Text>}
      {canEditBody && editing?.kind !== "body" && (
        <Group>
          <Button size="xs" variant="default" onClick={() => setEditing({ kind: "body" })}>
            {t("body.edit")}
          </Button>
        </Group>
      )}
      {editing?.kind === "body" && <BodyForm body={body} onDone={done} />}

      <Title order={3} size="h4">
        {t("seat.title")}
      </Title>
      <Group align="flex-end" wrap="wrap">
        <TextInput
          type="date"
          label={t("seat.compositionOn")}
          value={date}
          onChange={(e) => setDate(e.currentTarget.value)}
        />
        <Switch
          label={t("seat.showTerms")}
          checked={history}
          onChange={(e) => setHistory(e.currentTarget.checked)}
        />
      </Group>
      <Group justify="space-between" wrap="wrap">
        <Text size="sm" aria-live="polite">
          {t("seat.filledOn", { filled, seats: items.length, date: formatDate(seats.data.date, lang) })}
        </Text>
        {canAddSeat && editing?.kind !== "seat" && (
          <Button size="xs" onClick={() => setEditing({ kind: "seat" })}>
            {t("seat.add")}
          </Button>
        )}
      </Group>
      {editing?.kind === "seat" && <SeatForm bodyId={id} onDone={done} />}
      <Table.ScrollContainer minWidth={640}>
        <Table striped>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t("seat.seat")}</Table.Th>
              <Table.Th>{t("seat.holder")}</Table.Th>
              <Table.Th>{t("seat.term")}</Table.Th>
              <Table.Th>{t("seat.rules")}</Table.Th>
              {canAppoint && <Table.Th>{t("common.actions")}</Table.Th>}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {items.map((s) => {
              const label = seatLabel(s);
              const last = s.terms.at(-1);
              return (
                <Fragment key={s.id}>
                  <Table.Tr>
                    <Table.Td>
                      {label}
                      {(mandates.data ?? [])
                        .filter((m) => m.seat?.id === s.id)
                        .map((m) => (
                          <Text key={m.id} size="sm" c="gray.7">
                            {t("mandate.onSeat", {
                              constituency: m.constituency,
                              count: m.organisations.length,
                            })}
                          </Text>
                        ))}
                      {s.abolishedOn && (
                        <Text size="sm" c="gray.7">
                          {t("seat.abolishedUntil", { date: formatDate(s.abolishedOn, lang) })}
                        </Text>
                      )}
                    </Table.Td>
                    <Table.Td>
                      {s.holder ? (
                        <Anchor
                          renderRoot={(props) => (
                            <Link {...props} to="/personen/$id" params={{ id: s.holder!.personId }} />
                          )}
                        >
                          {s.holder.personName}
                        </Anchor>
                      ) : (
                        <Badge color="red.9" tt="none">
                          {t("seat.vacant")}
                        </Badge>
                      )}
                      {history && s.terms.length > 0 && (
                        <ul aria-label={t("seat.termsOf", { seat: label })}>
                          {s.terms.map((term) => (
                            <li key={term.id}>
                              <Text size="sm">
                                {term.personName}: {formatDate(term.startDate, lang)} –{" "}
                                {formatDate(term.endDate, lang)}
                              </Text>
                            </li>
                          ))}
                        </ul>
                      )}
                    </Table.Td>
                    <Table.Td>
                      {s.holder && (
                        <>
                          {formatDate(s.holder.startDate, lang)} – {formatDate(s.holder.endDate, lang)}
                          {s.endingSoon && (
                            <Badge ml="xs" color="yellow.3" autoContrast tt="none">
                              {t("seat.endingSoon")}
                            </Badge>
                          )}
                        </>
                      )}
                    </Table.Td>
                    <Table.Td>
                      {s.termYears
                        ? t("seat.termYearsShort", { years: s.termYears })
                        : t("seat.noTermLength")}
                      {s.maxTerms ? `, ${t("seat.maxTermsShort", { count: s.maxTerms })}` : ""}
                    </Table.Td>
                    {canAppoint && (
                      <Table.Td>
                        <Group gap="xs" wrap="nowrap">
                          <Button
                            size="compact-sm"
                            variant="default"
                            aria-label={t("seat.appointTo", { seat: label })}
                            onClick={() => setEditing({ kind: "appoint", seatId: s.id })}
                          >
                            {t("seat.appoint")}
                          </Button>
                          {canMandate && (
                            <Button
                              size="compact-sm"
                              variant="default"
                              aria-label={t("mandate.addFor", { seat: label })}
                              onClick={() => setEditing({ kind: "mandate", seatId: s.id })}
                            >
                              {t("mandate.short")}
                            </Button>
                          )}
                          {s.terms.length === 0 ? (
                            <Button
                              size="compact-sm"
                              variant="default"
                              color="red.9"
                              aria-label={t("seat.deleteSeat", { seat: label })}
                              onClick={() => deleteSeat(s.id, s.version)}
                            >
                              {t("seat.delete")}
                            </Button>
                          ) : (
                            !s.abolishedOn && (
                              <Button
                                size="compact-sm"
                                variant="default"
                                color="red.9"
                                aria-label={t("seat.abolishSeat", { seat: label })}
                                onClick={() => setEditing({ kind: "abolish", seatId: s.id })}
                              >
                                {t("seat.abolish")}
                              </Button>
                            )
                          )}
                          {s.holder && (
                            <Button
                              size="compact-sm"
                              variant="default"
                              aria-label={t("seat.endTermOf", { name: s.holder.personName })}
                              onClick={() => setEditing({ kind: "end", termId: s.holder!.id })}
                            >
                              {t("seat.endTerm")}
                            </Button>
                          )}
                        </Group>
                      </Table.Td>
                    )}
                  </Table.Tr>
                  {editing?.kind === "appoint" && editing.seatId === s.id && (
                    <Table.Tr>
                      <Table.Td colSpan={columns}>
                        <AppointForm
                          bodyId={id}
                          seatId={s.id}
                          seatLabel={label}
                          startDate={
                            last?.endDate && last.endDate >= today() ? addDays(last.endDate, 1) : undefined
                          }
                          onDone={done}
                        />
                      </Table.Td>
                    </Table.Tr>
                  )}
                  {editing?.kind === "mandate" && editing.seatId === s.id && (
                    <Table.Tr>
                      <Table.Td colSpan={columns}>
                        <MandateForm
                          seat={{ id: s.id, label }}
                          holder={s.holder ? { id: s.holder.personId, name: s.holder.personName } : null}
                          onDone={done}
                        />
                      </Table.Td>
                    </Table.Tr>
                  )}
                  {editing?.kind === "abolish" && editing.seatId === s.id && (
                    <Table.Tr>
                      <Table.Td colSpan={columns}>
                        <AbolishSeatForm
                          bodyId={id}
                          seat={{ id: s.id, label, version: s.version }}
                          onDone={done}
                        />
                      </Table.Td>
                    </Table.Tr>
                  )}
                  {editing?.kind === "end" && s.holder && editing.termId === s.holder.id && (
                    <Table.Tr>
                      <Table.Td colSpan={columns}>
                        <EndTermForm bodyId={id} term={s.holder} onDone={done} />
                      </Table.Td>
                    </Table.Tr>
                  )}
                </Fragment>
              );
            })}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      <BodyMeetingsSection bodyId={id} />
      <DocumentsSection bodyId={id} canEdit={Boolean(session?.permissions["document.create"])} />
    </Stack>
  );
}

import {
  Anchor,
  Button,
  Group,
  Paper,
  Select,
  SimpleGrid,
  Stack,
  Table,
  Text,
  TextInput,
  Title,
} from "@mantine/core";
import { useForm } from "@mantine/form";
import { useDebouncedValue } from "@mantine/hooks";
import { keepPreviousData, useQuery, useQueryClient } from "@tanstack/react-query";
import { Link } from "@tanstack/react-router";
import { useState } from "react";
import { isIsoDate, today } from "../../../shared/dates";
import { MEMBERSHIP_TYPES } from "../../../shared/network";
import { api, unwrap } from "../../api";
import { BarList } from "../../components/BarList";
import { useT } from "../../i18n";
import type { MessageKey } from "../../i18n/nl";
import { notify, notifyFormError } from "../../notify";
import { EndMembership } from "./EndMembership";

/**
 * The members of a coöperatie, vereniging, zorggroep or WSV on a chosen date: how many per
 * discipline (bars, so the mix is seen at a glance), who they are, and (for the bureau) adding one.
 */
export function MembersSection({ organisationId, canEdit }: { organisationId: string; canEdit: boolean }) {
  const { t } = useT();
  const queryClient = useQueryClient();
  const [date, setDate] = useState(today());
  const valid = isIsoDate(date);
  const counts = useQuery({
    queryKey: ["member-counts", organisationId, date],
    enabled: valid,
    queryFn: async () =>
      unwrap(
        await api.GET("/api/v1/organisations/{id}/member-counts", {
          params: { path: { id: organisationId }, query: { date } },
        }),
      ),
    placeholderData: keepPreviousData,
  });
  const members = useQuery({
    queryKey: ["memberships", organisationId, date],
    enabled: valid,
    queryFn: async () =>
      unwrap(await api.GET("/api/v1/memberships", { params: { query: { organisationId, activeOn: date } } }))
        .items,
    placeholderData: keepPreviousData,
  });

  const [personSearch, setPersonSearch] = useState("");
  const [personQuery] = useDebouncedValue(personSearch, 250);
  const people = useQuery({
    queryKey: ["member-person-options", personQuery],
    enabled: canEdit,
    queryFn: async () =>
      unwrap(
        await api.GET("/api/v1/persons", { params: { query: { q: personQuery || undefined, limit: 20 } } }),
      ).items,
    placeholderData: keepPreviousData,
  });
  const form = useForm({
    initialValues: {
      memberPersonId: null as string | null,
      type: "member",
      startDate: today(),
      contributionCategory: "",
    },
    validate: { memberPersonId: (v) => (v ? null : t("field.required")) },
  });
  const refresh = async () => {
    await queryClient.invalidateQueries({ queryKey: ["memberships", organisationId] });
    await queryClient.invalidateQueries({ queryKey: ["member-counts", organisationId] });
  };
  const add = form.onSubmit(async (v) => {
    try {
      unwrap(
        await api.POST("/api/v1/memberships", {
          body: {
            organisationId,
            memberPersonId: v.memberPersonId,
            type: v.type as (typeof MEMBERSHIP_TYPES)[number],
            startDate: v.startDate,
            contributionCategory: v.contributionCategory || null,
          },
        }),
      );
      notify(t("membership.added"));
      form.reset();
      await refresh();
    } catch (e) {
      notifyFormError(form, e);
    }
  });

  return (
    <Paper withBorder p="md">
      <Stack>
        <Group justify="space-between" align="flex-end">
          <Title order={3} size="h4">
            {t("membership.title")}
          </Title>
          <TextInput
            label={t("membership.onDate")}
            type="date"
            value={date}
            onChange={(e) => setDate(e.currentTarget.value)}
          />
        </Group>
        <Text aria-live="polite">{t("membership.total", { count: counts.data?.total ?? 0 })}</Text>
        {counts.data?.byDiscipline.length ? (
          <BarList
            label={t("membership.perDiscipline")}
            items={counts.data.byDiscipline.map((d) => ({
              key: d.discipline,
              label: t(`person.discipline.${d.discipline}` as MessageKey),
              value: d.count,
            }))}
          />
        ) : null}
        {members.data?.length ? (
          <Table.ScrollContainer minWidth={420}>
            <Table>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t("membership.member")}</Table.Th>
                  <Table.Th>{t("membership.type")}</Table.Th>
                  <Table.Th>{t("membership.since")}</Table.Th>
                  <Table.Th>{t("membership.contribution")}</Table.Th>
                  {canEdit && (
                    <Table.Th>
                      <span className="visually-hidden">{t("import.actions")}</span>
                    </Table.Th>
                  )}
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {members.data.map((m) => (
                  <Table.Tr key={m.id}>
                    <Table.Td>
                      {m.memberPersonId ? (
                        <Anchor
                          renderRoot={(props) => (
                            <Link {...props} to="/personen/$id" params={{ id: m.memberPersonId! }} />
                          )}
                        >
                          {m.memberName}
                        </Anchor>
                      ) : (
                        m.memberName
                      )}
                    </Table.Td>
                    <Table.Td>{t(`membership.type.${m.type}`)}</Table.Td>
                    <Table.Td>{m.startDate}</Table.Td>
                    <Table.Td>{m.contributionCategory ?? t("common.none")}</Table.Td>
                    {canEdit && (
                      <Table.Td>
                        <EndMembership membership={m} onEnded={refresh} />
                      </Table.Td>
                    )}
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        ) : null}
        {canEdit && (
          <form onSubmit={add} noValidate aria-label={t("membership.add")}>
            <SimpleGrid cols={{ base: 1, sm: 2, md: 4 }}>
              <Select
                label={t("membership.person")}
                data={(people.data ?? []).map((p) => ({ value: p.id, label: p.name }))}
                searchable
                searchValue={personSearch}
                onSearchChange={setPersonSearch}
                filter={({ options }) => options}
                nothingFoundMessage={t("nav.nothingFound")}
                {...form.getInputProps("memberPersonId")}
              />
              <Select
                label={t("membership.type")}
                data={MEMBERSHIP_TYPES.map((x) => ({ value: x, label: t(`membership.type.${x}`) }))}
                allowDeselect={false}
                {...form.getInputProps("type")}
              />
              <TextInput label={t("membership.since")} type="date" {...form.getInputProps("startDate")} />
              <TextInput
                label={t("membership.contribution")}
                placeholder={t("membership.contributionPlaceholder")}
                maxLength={60}
                {...form.getInputProps("contributionCategory")}
              />
            </SimpleGrid>
            <Button type="submit" mt="sm">
              {t("membership.add")}
            </Button>
          </form>
        )}
      </Stack>
    </Paper>
  );
}

import {
  Anchor,
  Button,
  Group,
  MultiSelect,
  NumberInput,
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
import { useQuery, useQueryClient } from "@tanstack/react-query";
import { Link, useNavigate, useParams } from "@tanstack/react-router";
import { normaliseAgb, normaliseBig } from "../../../shared/identifiers";
import { DISCIPLINES, PERSON_VISIBILITIES } from "../../../shared/network";
import { ApiProblem, api, unwrap } from "../../api";
import { PageTitle } from "../../components/PageTitle";
import { useT } from "../../i18n";
import type { MessageKey } from "../../i18n/nl";
import { notify, notifyError, notifyFormError } from "../../notify";
import { useSession } from "../../session";
import { AvgSection } from "./AvgSection";
import { OrganisationSelect } from "./OrganisationSelect";

const fetchPerson = async (id: string) =>
  unwrap(await api.GET("/api/v1/persons/{id}", { params: { path: { id } } }));
type Person = Awaited<ReturnType<typeof fetchPerson>>;
type Discipline = (typeof DISCIPLINES)[number];
type Visibility = (typeof PERSON_VISIBILITIES)[number];

/** Create or edit a person; identifiers are checked on leaving the field, as on the server. */
function PersonForm({
  person,
  onSaved,
  readOnly = false,
}: {
  person?: Person;
  onSaved: (p: Person) => void;
  readOnly?: boolean;
}) {
  const { t } = useT();
  const check = (normalise: (v: string) => string | null, key: MessageKey) => (v: string) =>
    v.trim() && !normalise(v) ? t(key) : null;
  const form = useForm({
    initialValues: {
      givenName: person?.givenName ?? "",
      namePrefix: person?.namePrefix ?? "",
      familyName: person?.familyName ?? "",
      disciplines: (person?.disciplines ?? []) as Discipline[],
      bigNumber: person?.bigNumber ?? "",
      agbCode: person?.agbCode ?? "",
      email: person?.email ?? "",
      phone: person?.phone ?? "",
      visibility: (person?.visibility ?? "members") as Visibility,
    },
    validateInputOnBlur: true,
    validate: {
      givenName: (v) => (v.trim() ? null : t("field.required")),
      familyName: (v) => (v.trim() ? null : t("field.required")),
      bigNumber: check(normaliseBig, "field.big"),
      agbCode: check(normaliseAgb, "field.agb"),
    },
  });
  const submit = form.onSubmit(async (v) => {
    const body = {
      ...v,
      namePrefix: v.namePrefix.trim() || null,
      bigNumber: v.bigNumber.trim() || null,
      agbCode: v.agbCode.trim() || null,
      email: v.email.trim() || null,
      phone: v.phone.trim() || null,
    };
    try {
      onSaved(
        person
          ? unwrap(
              await api.PATCH("/api/v1/persons/{id}", {
                params: { path: { id: person.id } },
                body: { version: person.version, ...body },
              }),
            )
          : unwrap(await api.POST("/api/v1/persons", { body })),
      );
    } catch (e) {
      if (e instanceof ApiProblem && e.status === 409) onSaved(e.body.current as Person);
      else notifyFormError(form, e);
    }
  });
  return (
    <form onSubmit={submit} noValidate aria-label={person?.name ?? t("person.new")}>
      <Stack>
        <SimpleGrid cols={{ base: 1, sm: 3 }}>
          <TextInput
            label={t("person.givenName")}
            required
            readOnly={readOnly}
            {...form.getInputProps("givenName")}
          />
          <TextInput
            label={t("person.namePrefix")}
            readOnly={readOnly}
            {...form.getInputProps("namePrefix")}
          />
          <TextInput
            label={t("person.familyName")}
            required
            readOnly={readOnly}
            {...form.getInputProps("familyName")}
          />
        </SimpleGrid>
        <MultiSelect
          label={t("person.disciplines")}
          data={DISCIPLINES.map((d) => ({ value: d, label: t(`person.discipline.${d}`) }))}
          searchable
          readOnly={readOnly}
          {...form.getInputProps("disciplines")}
        />
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <TextInput
            label={t("person.big")}
            inputMode="numeric"
            readOnly={readOnly}
            {...form.getInputProps("bigNumber")}
          />
          <TextInput
            label={t("person.agb")}
            inputMode="numeric"
            readOnly={readOnly}
            {...form.getInputProps("agbCode")}
          />
          <TextInput
            label={t("person.email")}
            type="email"
            readOnly={readOnly}
            {...form.getInputProps("email")}
          />
          <TextInput
            label={t("person.phone")}
            type="tel"
            readOnly={readOnly}
            {...form.getInputProps("phone")}
          />
        </SimpleGrid>
        <Select
          label={t("person.visibility")}
          data={PERSON_VISIBILITIES.map((v) => ({ value: v, label: t(`person.visibility.${v}`) }))}
          allowDeselect={false}
          readOnly={readOnly}
          {...form.getInputProps("visibility")}
        />
        {!readOnly && (
          <Group>
            <Button type="submit" loading={form.submitting}>
              {person ? t("common.save") : t("person.add")}
            </Button>
          </Group>
        )}
      </Stack>
    </form>
  );
}

/** Where a person works, and (for the bureau) adding or removing a work relation. */
function WorkRelations({ personId, canEdit }: { personId: string; canEdit: boolean }) {
  const { t } = useT();
  const queryClient = useQueryClient();
  const key = ["work-relations", personId];
  const relations = useQuery({
    queryKey: key,
    queryFn: async () =>
      unwrap(await api.GET("/api/v1/persons/{id}/work-relations", { params: { path: { id: personId } } }))
        .items,
  });
  const form = useForm({
    initialValues: {
      organisationId: null as string | null,
      function: "",
      fte: "" as number | string,
      fromDate: "",
      toDate: "",
    },
    validate: { organisationId: (v) => (v ? null : t("field.required")) },
  });
  const add = form.onSubmit(async (v) => {
    try {
      unwrap(
        await api.POST("/api/v1/persons/{id}/work-relations", {
          params: { path: { id: personId } },
          body: {
            organisationId: v.organisationId!,
            function: v.function.trim() || null,
            fte: v.fte === "" ? null : Number(v.fte),
            fromDate: v.fromDate || null,
            toDate: v.toDate || null,
          },
        }),
      );
      form.reset();
      notify(t("work.added"));
      await queryClient.invalidateQueries({ queryKey: key });
    } catch (e) {
      notifyFormError(form, e);
    }
  });
  async function remove(id: string) {
    try {
      unwrap(await api.DELETE("/api/v1/work-relations/{id}", { params: { path: { id } } }));
      await queryClient.invalidateQueries({ queryKey: key });
    } catch (e) {
      notifyError(e);
    }
  }

  return (
    <Paper withBorder p="md">
      <Title order={3} size="h4" mb="sm">
        {t("work.title")}
      </Title>
      {relations.data?.length ? (
        <Table.ScrollContainer minWidth={520}>
          <Table>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t("work.organisation")}</Table.Th>
                <Table.Th>{t("work.function")}</Table.Th>
                <Table.Th>{t("work.fte")}</Table.Th>
                <Table.Th>{t("work.from")}</Table.Th>
                <Table.Th>{t("work.to")}</Table.Th>
                {canEdit && <Table.Th />}
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {relations.data.map((w) => (
                <Table.Tr key={w.id}>
                  <Table.Td>
                    <Anchor
                      renderRoot={(props) => (
                        <Link {...props} to="/organisaties/$id" params={{ id: w.organisationId }} />
                      )}
                    >
                      {w.organisationName}
                    </Anchor>
                  </Table.Td>
                  <Table.Td>{w.function ?? ""}</Table.Td>
                  <Table.Td>{w.fte ?? ""}</Table.Td>
                  <Table.Td>{w.fromDate ?? ""}</Table.Td>
                  <Table.Td>{w.toDate ?? t("work.current")}</Table.Td>
                  {canEdit && (
                    <Table.Td>
                      <Button
                        size="xs"
                        variant="default"
                        onClick={() => remove(w.id)}
                        aria-label={t("work.removeName", { name: w.organisationName })}
                      >
                        {t("work.remove")}
                      </Button>
                    </Table.Td>
                  )}
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      ) : (
        <Text>{t("work.none")}</Text>
      )}
      {canEdit && (
        <form onSubmit={add} noValidate aria-label={t("work.add")}>
          <SimpleGrid cols={{ base: 1, sm: 5 }} mt="md">
            <OrganisationSelect
              label={t("work.organisation")}
              required
              {...form.getInputProps("organisationId")}
            />
            <TextInput label={t("work.function")} {...form.getInputProps("function")} />
            <NumberInput
              label={t("work.fte")}
              min={0.01}
              max={1.5}
              step={0.1}
              decimalScale={2}
              decimalSeparator=","
              {...form.getInputProps("fte")}
            />
            <TextInput label={t("work.from")} type="date" {...form.getInputProps("fromDate")} />
            <TextInput label={t("work.to")} type="date" {...form.getInputProps("toDate")} />
          </SimpleGrid>
          <Button type="submit" mt="sm">
            {t("work.add")}
          </Button>
        </form>
      )}
    </Paper>
  );
}

/** The person's memberships, current and past (added from the coöperatie's or WSV's page). */
function PersonMemberships({ personId }: { personId: string }) {
  const { t } = useT();
  const memberships = useQuery({
    queryKey: ["memberships", "of", personId],
    queryFn: async () =>
      unwrap(await api.GET("/api/v1/memberships", { params: { query: { memberPersonId: personId } } })).items,
  });
  return (
    <Paper withBorder p="md">
      <Title order={3} size="h4" mb="sm">
        {t("membership.ofPerson")}
      </Title>
      {memberships.data?.length ? (
        <Table.ScrollContainer minWidth={420}>
          <Table>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t("work.organisation")}</Table.Th>
                <Table.Th>{t("membership.type")}</Table.Th>
                <Table.Th>{t("work.from")}</Table.Th>
                <Table.Th>{t("work.to")}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {memberships.data.map((m) => (
                <Table.Tr key={m.id}>
                  <Table.Td>
                    <Anchor
                      renderRoot={(props) => (
                        <Link {...props} to="/organisaties/$id" params={{ id: m.organisationId }} />
                      )}
                    >
                      {m.organisationName}
                    </Anchor>
                  </Table.Td>
                  <Table.Td>{t(`membership.type.${m.type}`)}</Table.Td>
                  <Table.Td>{m.startDate}</Table.Td>
                  <Table.Td>{m.endDate ?? t("work.current")}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      ) : (
        <Text>{t("membership.none")}</Text>
      )}
    </Paper>
  );
}

export function PersonPage() {
  const { t } = useT();
  const { id } = useParams({ strict: false }) as { id: string };
  const session = useSession();
  const queryClient = useQueryClient();
  const person = useQuery({ queryKey: ["person", id], queryFn: () => fetchPerson(id) });
  const p = person.data;
  if (!p) return <Text>{person.isError ? t("common.error") : t("common.loading")}</Text>;
  const canEdit = Boolean(session?.permissions["person.update"]);

  async function saved(next: Person) {
    notify(next.version === (p?.version ?? 0) + 1 ? t("person.saved") : t("person.conflict"));
    queryClient.setQueryData(["person", id], next);
    await queryClient.invalidateQueries({ queryKey: ["persons"] });
  }

  return (
    <Stack>
      <Anchor component={Link} to="/personen" size="sm">
        ← {t("person.back")}
      </Anchor>
      <PageTitle>{p.name}</PageTitle>
      <Paper withBorder p="md">
        <PersonForm key={p.version} person={p} onSaved={saved} readOnly={!canEdit} />
      </Paper>
      <WorkRelations personId={p.id} canEdit={Boolean(session?.permissions["workRelation.create"])} />
      <PersonMemberships personId={p.id} />
      {session?.permissions["person.dossier"] && (
        <AvgSection person={p} canErase={Boolean(session.permissions["person.erase"])} />
      )}
    </Stack>
  );
}

export function NewPersonPage() {
  const { t } = useT();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  return (
    <Stack>
      <Anchor component={Link} to="/personen" size="sm">
        ← {t("person.back")}
      </Anchor>
      <PageTitle>{t("person.new")}</PageTitle>
      <Paper withBorder p="md">
        <PersonForm
          onSaved={async (created) => {
            notify(t("person.created", { name: created.name }));
            await queryClient.invalidateQueries({ queryKey: ["persons"] });
            await navigate({ to: "/personen/$id", params: { id: created.id } });
          }}
        />
      </Paper>
    </Stack>
  );
}

import { Button, Fieldset, Group, Select, SimpleGrid, Stack, TextInput } from "@mantine/core";
import { type UseFormReturnType, useForm } from "@mantine/form";
import { useQuery } from "@tanstack/react-query";
import { normaliseAgb, normaliseKvk, normalisePostcode } from "../../../shared/identifiers";
import { ORGANISATION_KINDS, ORGANISATION_STATUSES } from "../../../shared/network";
import { ApiProblem, api, unwrap } from "../../api";
import { useT } from "../../i18n";
import type { MessageKey } from "../../i18n/nl";
import { notifyFormError } from "../../notify";
import { fetchWerkgebied } from "./areas";
import { OrganisationSelect } from "./OrganisationSelect";

export type Organisation = Awaited<ReturnType<typeof fetchOrganisation>>;
export const fetchOrganisation = async (id: string) =>
  unwrap(await api.GET("/api/v1/organisations/{id}", { params: { path: { id } } }));

const TEXT_FIELDS = [
  "visitStreet",
  "visitHouseNumber",
  "visitPostcode",
  "visitCity",
  "postalStreet",
  "postalHouseNumber",
  "postalPostcode",
  "postalCity",
  "phone",
  "email",
  "website",
  "agbCode",
  "kvkNumber",
  "municipalityCode",
  "wijkCode",
] as const;
type Values = Record<(typeof TEXT_FIELDS)[number] | "name" | "statusDate", string> & {
  kind: string;
  status: string;
  parentId: string | null;
};

const initialValues = (o?: Organisation): Values => ({
  name: o?.name ?? "",
  kind: o?.kind ?? "general_practice",
  status: o?.status ?? "active",
  statusDate: o?.statusDate ?? "",
  parentId: o?.parentId ?? null,
  ...(Object.fromEntries(TEXT_FIELDS.map((f) => [f, o?.[f] ?? ""])) as Record<
    (typeof TEXT_FIELDS)[number],
    string
  >),
});

/** What the form sends: empty fields as null, so clearing a field clears it on the server. */
const toBody = (v: Values) => ({
  ...Object.fromEntries(TEXT_FIELDS.map((f) => [f, v[f].trim() || null])),
  name: v.name,
  kind: v.kind as Organisation["kind"],
  status: v.status as Organisation["status"],
  statusDate: v.statusDate || null,
  parentId: v.parentId,
});

/**
 * Create or edit an organisation. Checks Dutch identifiers as the user leaves a field (the same
 * rules as the server), and shows the server's field errors where they belong.
 */
export function OrganisationForm({
  organisation,
  onSaved,
  readOnly = false,
}: {
  organisation?: Organisation;
  onSaved: (saved: Organisation) => void;
  readOnly?: boolean;
}) {
  const { t } = useT();
  const check = (normalise: (v: string) => string | null, key: MessageKey) => (v: string) =>
    v.trim() && !normalise(v) ? t(key) : null;
  const form = useForm<Values>({
    initialValues: initialValues(organisation),
    validateInputOnBlur: true,
    validate: {
      name: (v) => (v.trim() ? null : t("field.required")),
      visitPostcode: check(normalisePostcode, "field.postcode"),
      postalPostcode: check(normalisePostcode, "field.postcode"),
      agbCode: check(normaliseAgb, "field.agb"),
      kvkNumber: check(normaliseKvk, "field.kvk"),
    },
  });

  const submit = form.onSubmit(async (values) => {
    try {
      const saved = organisation
        ? unwrap(
            await api.PATCH("/api/v1/organisations/{id}", {
              params: { path: { id: organisation.id } },
              body: { version: organisation.version, ...toBody(values) },
            }),
          )
        : unwrap(await api.POST("/api/v1/organisations", { body: toBody(values) }));
      form.resetDirty(values);
      onSaved(saved);
    } catch (e) {
      if (e instanceof ApiProblem && e.status === 409) onSaved(e.body.current as Organisation);
      else notifyFormError(form, e);
    }
  });

  const field = (name: keyof Values, label: MessageKey, extra: Record<string, unknown> = {}) => (
    <TextInput label={t(label)} readOnly={readOnly} {...form.getInputProps(name)} {...extra} />
  );

  return (
    <form onSubmit={submit} noValidate aria-label={organisation?.name ?? t("org.new")}>
      <Stack>
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          {field("name", "org.name", { required: true })}
          <Select
            label={t("org.kind")}
            data={ORGANISATION_KINDS.map((k) => ({ value: k, label: t(`org.kind.${k}`) }))}
            searchable
            allowDeselect={false}
            readOnly={readOnly}
            {...form.getInputProps("kind")}
          />
          <Select
            label={t("org.status")}
            data={ORGANISATION_STATUSES.map((s) => ({ value: s, label: t(`org.status.${s}`) }))}
            allowDeselect={false}
            readOnly={readOnly}
            {...form.getInputProps("status")}
          />
          {field("statusDate", "org.statusDate", { type: "date" })}
          <OrganisationSelect
            label={t("org.parent")}
            placeholder={t("org.noParent")}
            current={
              organisation?.parentId
                ? { id: organisation.parentId, name: organisation.parentName ?? "" }
                : null
            }
            exclude={organisation?.id}
            clearable
            readOnly={readOnly}
            {...form.getInputProps("parentId")}
          />
        </SimpleGrid>
        <Fieldset legend={t("org.visitAddress")}>
          <SimpleGrid cols={{ base: 1, sm: 4 }}>
            {field("visitStreet", "org.street")}
            {field("visitHouseNumber", "org.houseNumber")}
            {field("visitPostcode", "org.postcode", { autoComplete: "postal-code" })}
            {field("visitCity", "org.city")}
          </SimpleGrid>
        </Fieldset>
        <Fieldset legend={t("org.postalAddress")}>
          <SimpleGrid cols={{ base: 1, sm: 4 }}>
            {field("postalStreet", "org.street")}
            {field("postalHouseNumber", "org.houseNumber")}
            {field("postalPostcode", "org.postcode")}
            {field("postalCity", "org.city")}
          </SimpleGrid>
        </Fieldset>
        <Fieldset legend={t("org.contact")}>
          <SimpleGrid cols={{ base: 1, sm: 3 }}>
            {field("phone", "org.phone", { type: "tel" })}
            {field("email", "org.email", { type: "email" })}
            {field("website", "org.website", { type: "url", placeholder: "https://" })}
          </SimpleGrid>
        </Fieldset>
        <Fieldset legend={t("org.identifiers")}>
          <SimpleGrid cols={{ base: 1, sm: 4 }}>
            {field("agbCode", "org.agb", { inputMode: "numeric" })}
            {field("kvkNumber", "org.kvk", { inputMode: "numeric" })}
            <AreaSelects form={form} readOnly={readOnly} />
          </SimpleGrid>
        </Fieldset>
        {!readOnly && (
          <Group>
            <Button type="submit" loading={form.submitting}>
              {organisation ? t("common.save") : t("org.add")}
            </Button>
          </Group>
        )}
      </Stack>
    </form>
  );
}

/**
 * Gemeente and wijk chosen from the region's werkgebied (stored as CBS codes); a code that is not
 * (or no longer) in the werkgebied stays shown as it is.
 */
function AreaSelects({ form, readOnly }: { form: UseFormReturnType<Values>; readOnly: boolean }) {
  const { t } = useT();
  const werkgebied = useQuery({ queryKey: ["areas", undefined], queryFn: () => fetchWerkgebied() }).data;
  const { municipalityCode, wijkCode } = form.getValues();
  const keep = (options: { value: string; label: string }[], current: string) =>
    current && !options.some((o) => o.value === current)
      ? [{ value: current, label: current }, ...options]
      : options;
  const municipalities = keep(
    (werkgebied?.municipalities ?? []).map((m) => ({ value: m.code, label: m.name })),
    municipalityCode,
  );
  const wijken = keep(
    (werkgebied?.municipalities ?? [])
      .filter((m) => !municipalityCode || m.code === municipalityCode)
      .flatMap((m) => m.wijken.map((w) => ({ value: w.code, label: `${w.name} (${w.code})` }))),
    wijkCode,
  );
  const select = (name: "municipalityCode" | "wijkCode", label: MessageKey, data: typeof wijken) => {
    const props = form.getInputProps(name);
    return (
      <Select
        label={t(label)}
        data={data}
        searchable
        clearable={!readOnly}
        readOnly={readOnly}
        nothingFoundMessage={t("nav.nothingFound")}
        {...props}
        value={props.value || null}
        onChange={(v) => {
          form.setFieldValue(name, v ?? "");
          if (name === "municipalityCode") form.setFieldValue("wijkCode", "");
        }}
      />
    );
  };
  return (
    <>
      {select("municipalityCode", "org.municipality", municipalities)}
      {select("wijkCode", "org.wijk", wijken)}
    </>
  );
}

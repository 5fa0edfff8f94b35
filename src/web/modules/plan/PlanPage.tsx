import {
  Alert,
  Anchor,
  Badge,
  Button,
  Group,
  Paper,
  Select,
  Stack,
  Text,
  TextInput,
  Title,
} from "@mantine/core";
import { useForm } from "@mantine/form";
import { useQuery } from "@tanstack/react-query";
import { Link, useNavigate, useParams } from "@tanstack/react-router";
import { useState } from "react";
import { today } from "../../../shared/dates";
import { planPeriod } from "../../../shared/plan";
import { api, unwrap } from "../../api";
import { FormActions } from "../../components/FormActions";
import { Markdown } from "../../components/Markdown";
import { PageTitle } from "../../components/PageTitle";
import { formatDate, useT } from "../../i18n";
import { useSession } from "../../session";
import { useBodyOptions } from "../governance/BodySelect";
import { PlanForm } from "./PlanForm";
import { fetchPlan, type Plan, planColor, planKey, usePlanChange } from "./plan-api";
import { WorkAgenda } from "./WorkAgenda";

/** Vaststellen: which body adopted the concept, and on which date. */
function AdoptForm({ plan, onDone }: { plan: Plan; onDone: () => void }) {
  const { t } = useT();
  const change = usePlanChange(plan.id);
  const bodies = useBodyOptions();
  const form = useForm({
    initialValues: { bodyId: null as string | null, adoptedOn: today() },
    validate: {
      bodyId: (v) => (v ? null : t("field.required")),
      adoptedOn: (v) => (v ? null : t("field.required")),
    },
  });
  const submit = form.onSubmit(async (values) => {
    const ok = await change.run(
      async () =>
        unwrap(
          await api.POST("/api/v1/plans/{id}/adopt", {
            params: { path: { id: plan.id } },
            body: { version: plan.version, bodyId: values.bodyId!, adoptedOn: values.adoptedOn },
          }),
        ),
      t("plan.adoptedNotice"),
    );
    if (ok) onDone();
  });
  return (
    <Paper withBorder p="md">
      <form onSubmit={submit} aria-label={t("plan.adopt")} noValidate>
        <Stack>
          <Text size="sm">{t("plan.adoptHelp")}</Text>
          <Group align="flex-start" wrap="wrap">
            <Select
              label={t("plan.adoptedBy")}
              data={bodies}
              searchable
              required
              {...form.getInputProps("bodyId")}
            />
            <TextInput
              type="date"
              label={t("plan.adoptedOn")}
              required
              {...form.getInputProps("adoptedOn")}
            />
          </Group>
          <FormActions submit={t("plan.adopt")} loading={change.busy} onCancel={onDone} />
        </Stack>
      </form>
    </Paper>
  );
}

/** What the bureau can do with the plan next: change, adopt or throw away a concept; revise an adopted one. */
function PlanActions({ plan }: { plan: Plan }) {
  const { t } = useT();
  const navigate = useNavigate();
  const change = usePlanChange(plan.id);
  const [form, setForm] = useState<"edit" | "adopt" | null>(null);
  if (form === "edit") return <PlanForm plan={plan} onDone={() => setForm(null)} />;
  if (form === "adopt") return <AdoptForm plan={plan} onDone={() => setForm(null)} />;
  if (plan.status === "adopted")
    return plan.nextRevision ? null : (
      <Group>
        <Button
          variant="default"
          loading={change.busy}
          onClick={async () => {
            let made: Plan | undefined;
            const ok = await change.run(async () => {
              made = unwrap(
                await api.POST("/api/v1/plans/{id}/revisions", { params: { path: { id: plan.id } } }),
              );
            }, t("plan.revised"));
            if (ok && made) await navigate({ to: "/regioplan/$id", params: { id: made.id } });
          }}
        >
          {t("plan.revise")}
        </Button>
      </Group>
    );
  return (
    <Group>
      <Button variant="default" onClick={() => setForm("edit")}>
        {t("plan.edit")}
      </Button>
      <Button onClick={() => setForm("adopt")} disabled={plan.policyAreas.length === 0}>
        {t("plan.adopt")}
      </Button>
      <Button
        variant="default"
        color="red.9"
        loading={change.busy}
        onClick={async () => {
          if (!window.confirm(t("plan.deleteConfirm", { title: plan.title }))) return;
          const ok = await change.run(
            async () =>
              unwrap(
                await api.DELETE("/api/v1/plans/{id}", {
                  params: { path: { id: plan.id }, query: { version: plan.version } },
                }),
              ),
            t("plan.deleted"),
          );
          if (ok) await navigate({ to: "/regioplan" });
        }}
      >
        {t("plan.delete")}
      </Button>
    </Group>
  );
}

/**
 * One regioplan on one page: its period, version and status (and who vastgesteld it), the shared
 * vision and ambitions, and the work agenda of beleidsterreinen with their resultaatgebieden.
 * While it is a concept the bureau writes it here; an adopted plan changes through a new version.
 */
export function PlanPage() {
  const { id } = useParams({ strict: false }) as { id: string };
  const { t, lang } = useT();
  const session = useSession();
  const query = useQuery({ queryKey: planKey(id), queryFn: () => fetchPlan(id) });
  if (query.isError) return <Text role="alert">{t("plan.notFound")}</Text>;
  if (!query.data) return <Text>{t("common.loading")}</Text>;
  const plan = query.data;
  const mayWrite = Boolean(session?.permissions["plan.update"]);
  const link = (to: string, label: string) => (
    <Anchor renderRoot={(props) => <Link {...props} to="/regioplan/$id" params={{ id: to }} />}>
      {label}
    </Anchor>
  );

  return (
    <Stack>
      <PageTitle>{plan.title}</PageTitle>
      <Group gap="xs" wrap="wrap">
        <Text>{planPeriod(plan.startYear, plan.endYear)}</Text>
        <Text c="gray.7">· {t("plan.revisionN", { n: plan.revision })}</Text>
        <Badge color={planColor[plan.status]} variant="outline">
          {t(`plan.status.${plan.status}`)}
        </Badge>
      </Group>
      {plan.adoptedBy && (
        <Text size="sm">
          {t("plan.adoptedLine", { body: plan.adoptedBy.name, date: formatDate(plan.adoptedOn, lang) })}
        </Text>
      )}
      <Group gap="xs">
        <Button component="a" href={`/api/v1/plans/${plan.id}/plan.pdf`} variant="default" size="xs" download>
          {t("plan.pdf")}
        </Button>
      </Group>
      {plan.previousId && <Text size="sm">{link(plan.previousId, t("plan.previous"))}</Text>}
      {plan.nextRevision && (
        <Alert color="blue" title={t("plan.newerTitle")}>
          {link(plan.nextRevision.id, t("plan.revisionN", { n: plan.nextRevision.revision }))}
        </Alert>
      )}
      {mayWrite && <PlanActions plan={plan} />}

      <Title order={2} size="h3">
        {t("plan.vision")}
      </Title>
      {plan.vision ? <Markdown>{plan.vision}</Markdown> : <Text c="gray.7">—</Text>}
      <Title order={2} size="h3">
        {t("plan.ambitions")}
      </Title>
      {plan.ambitions ? <Markdown>{plan.ambitions}</Markdown> : <Text c="gray.7">—</Text>}

      <WorkAgenda plan={plan} editable={mayWrite && plan.status === "concept"} />
    </Stack>
  );
}

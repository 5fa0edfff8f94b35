import { Anchor, Button, Group, List, Paper, Stack, Text, Title } from "@mantine/core";
import { useQueryClient } from "@tanstack/react-query";
import { Link } from "@tanstack/react-router";
import { Fragment, type ReactNode, useState } from "react";
import { api, unwrap } from "../../api";
import { useT } from "../../i18n";
import { notify } from "../../notify";
import { AreaForm, type AreaValues } from "./AreaForm";
import { type Plan, type PolicyArea, planKey, type ResultArea, usePlanChange } from "./plan-api";

type Level = "policy" | "result";
type Area = PolicyArea | ResultArea;

/**
 * The calls behind an area's buttons and forms, per level (they differ only in their path). The
 * buttons' calls say themselves whether they worked; the forms' calls throw what the server
 * refused, so the form can show it at its field.
 */
function useAreaCalls(planId: string) {
  const { t } = useT();
  const queryClient = useQueryClient();
  const change = usePlanChange(planId);
  const path = { policy: "/api/v1/policy-areas/{id}", result: "/api/v1/result-areas/{id}" } as const;
  const patch = async (level: Level, area: Area, body: Partial<AreaValues> & { position?: number }) =>
    unwrap(
      await api.PATCH(path[level], {
        params: { path: { id: area.id } },
        body: { ...body, version: area.version },
      }),
    );
  const saved = async (message: string) => {
    notify(message, "green");
    await queryClient.invalidateQueries({ queryKey: planKey(planId) });
  };
  return {
    busy: change.busy,
    move: (level: Level, area: Area, position: number) =>
      change.run(() => patch(level, area, { position }), t("plan.moved", { name: area.name })),
    remove: (level: Level, area: Area) =>
      change.run(
        async () =>
          unwrap(
            await api.DELETE(path[level], {
              params: { path: { id: area.id }, query: { version: area.version } },
            }),
          ),
        t("plan.removed", { name: area.name }),
      ),
    edit: async (level: Level, area: Area, values: AreaValues) => {
      await patch(level, area, values);
      await saved(t("common.saved"));
    },
    add: async (level: Level, parentId: string, body: AreaValues) => {
      unwrap(
        level === "policy"
          ? await api.POST("/api/v1/plans/{id}/policy-areas", { params: { path: { id: parentId } }, body })
          : await api.POST("/api/v1/policy-areas/{id}/result-areas", {
              params: { path: { id: parentId } },
              body,
            }),
      );
      await saved(t("plan.added", { name: body.name }));
    },
  };
}

/**
 * The controls of one area in a concept plan: change its name and description, move it up or
 * down among its siblings, remove it. Each button names the area for a screen reader.
 */
function AreaControls({
  planId,
  level,
  area,
  index,
  count,
  onEdit,
}: {
  planId: string;
  level: Level;
  area: Area;
  index: number;
  count: number;
  onEdit: () => void;
}) {
  const { t } = useT();
  const calls = useAreaCalls(planId);
  const name = { name: area.name };
  return (
    <Group gap={4}>
      <Button size="compact-sm" variant="default" onClick={onEdit} aria-label={t("plan.editArea", name)}>
        {t("common.edit")}
      </Button>
      <Button
        size="compact-sm"
        variant="default"
        disabled={index === 0 || calls.busy}
        onClick={() => calls.move(level, area, index)}
        aria-label={t("plan.moveUp", name)}
      >
        ↑
      </Button>
      <Button
        size="compact-sm"
        variant="default"
        disabled={index === count - 1 || calls.busy}
        onClick={() => calls.move(level, area, index + 2)}
        aria-label={t("plan.moveDown", name)}
      >
        ↓
      </Button>
      <Button
        size="compact-sm"
        variant="default"
        color="red.9"
        disabled={calls.busy}
        onClick={() => {
          const question =
            level === "policy" ? "plan.removePolicyAreaConfirm" : "plan.removeResultAreaConfirm";
          if (window.confirm(t(question, name))) void calls.remove(level, area);
        }}
        aria-label={t("plan.removeArea", name)}
      >
        {t("plan.remove")}
      </Button>
    </Group>
  );
}

/** One area's name, description and (in a concept, for the bureau) its controls or its form. */
function AreaView({
  plan,
  level,
  area,
  index,
  count,
  editable,
}: {
  plan: Plan;
  level: Level;
  area: Area;
  index: number;
  count: number;
  editable: boolean;
}) {
  const { t } = useT();
  const [editing, setEditing] = useState(false);
  const calls = useAreaCalls(plan.id);
  if (editing)
    return (
      <AreaForm
        label={t("plan.editArea", { name: area.name })}
        submit={t("common.save")}
        initial={area}
        save={(values) => calls.edit(level, area, values)}
        onDone={() => setEditing(false)}
      />
    );
  return (
    <Stack gap={4}>
      <Group justify="space-between" wrap="wrap" gap="xs">
        {level === "policy" ? (
          <Title order={3} size="h4">
            {area.name}
          </Title>
        ) : (
          <Text fw={600}>{area.name}</Text>
        )}
        {editable && (
          <AreaControls
            planId={plan.id}
            level={level}
            area={area}
            index={index}
            count={count}
            onEdit={() => setEditing(true)}
          />
        )}
      </Group>
      {area.description && (
        <Text size="sm" c="gray.7">
          {area.description}
        </Text>
      )}
      {"work" in area && <Work work={area.work} />}
    </Stack>
  );
}

/**
 * What carries out a resultaatgebied, one line each: the projects serving it, the speerpunten
 * contributing to it and its KPIs, so the plan reads from ambition to execution.
 */
function Work({ work }: { work: ResultArea["work"] }) {
  const { t } = useT();
  if (!work.projects.length && !work.priorities.length && !work.kpis.length)
    return (
      <Text size="xs" c="gray.7">
        {t("plan.noWork")}
      </Text>
    );
  const line = (label: string, items: { id: string; node: ReactNode }[]) =>
    items.length > 0 && (
      <Text size="xs" c="gray.8">
        <Text span fw={600} inherit>
          {label}:{" "}
        </Text>
        {items.map((item, i) => (
          <Fragment key={item.id}>
            {i > 0 && ", "}
            {item.node}
          </Fragment>
        ))}
      </Text>
    );
  const link = (id: string, name: string, to: "/speerpunten/$id" | "/indicatoren/$id", target: string) => ({
    id,
    node: (
      <Anchor size="xs" renderRoot={(props) => <Link {...props} to={to} params={{ id: target }} />}>
        {name}
      </Anchor>
    ),
  });
  return (
    <Stack gap={2}>
      {line(
        t("plan.workProjects"),
        work.projects.map((p) => ({ id: p.id, node: p.name })),
      )}
      {line(
        t("plan.workPriorities"),
        work.priorities.map((p) => link(p.id, p.title, "/speerpunten/$id", p.prioritisationId)),
      )}
      {line(
        t("plan.workKpis"),
        work.kpis.map((k) => link(k.id, k.name, "/indicatoren/$id", k.id)),
      )}
    </Stack>
  );
}

/** A button that opens a form to add an area, and the form itself. */
function AddArea({
  plan,
  level,
  parentId,
  label,
}: {
  plan: Plan;
  level: Level;
  parentId: string;
  label: string;
}) {
  const { t } = useT();
  const [open, setOpen] = useState(false);
  const calls = useAreaCalls(plan.id);
  return open ? (
    <AreaForm
      label={label}
      submit={t("plan.add")}
      save={(values) => calls.add(level, parentId, values)}
      onDone={() => setOpen(false)}
    />
  ) : (
    <Group>
      <Button variant="default" size="sm" onClick={() => setOpen(true)}>
        {label}
      </Button>
    </Group>
  );
}

/**
 * The work agenda of a regioplan: its beleidsterreinen in order, each with its resultaatgebieden.
 * While the plan is a concept, the bureau adds, changes, orders and removes them here.
 */
export function WorkAgenda({ plan, editable }: { plan: Plan; editable: boolean }) {
  const { t } = useT();
  const areas = plan.policyAreas;
  return (
    <Stack>
      <Title order={2} size="h3">
        {t("plan.workAgenda")}
      </Title>
      {areas.length === 0 && <Text c="gray.7">{t("plan.noPolicyAreas")}</Text>}
      {areas.map((area, i) => (
        <Paper key={area.id} withBorder p="md" component="section" aria-label={area.name}>
          <Stack gap="sm">
            <AreaView
              plan={plan}
              level="policy"
              area={area}
              index={i}
              count={areas.length}
              editable={editable}
            />
            <Text size="sm" fw={600}>
              {t("plan.resultAreas")}
            </Text>
            {area.resultAreas.length === 0 ? (
              <Text size="sm" c="gray.7">
                {t("plan.noResultAreas")}
              </Text>
            ) : (
              <List type="ordered" spacing="xs" listStyleType="decimal">
                {area.resultAreas.map((result, j) => (
                  <List.Item key={result.id}>
                    <AreaView
                      plan={plan}
                      level="result"
                      area={result}
                      index={j}
                      count={area.resultAreas.length}
                      editable={editable}
                    />
                  </List.Item>
                ))}
              </List>
            )}
            {editable && (
              <AddArea
                plan={plan}
                level="result"
                parentId={area.id}
                label={t("plan.addResultArea", { name: area.name })}
              />
            )}
          </Stack>
        </Paper>
      ))}
      {editable && <AddArea plan={plan} level="policy" parentId={plan.id} label={t("plan.addPolicyArea")} />}
    </Stack>
  );
}

import { Anchor, Button, Group, List, Paper, Stack, Text, Title } from "@mantine/core";
import { useQuery, useQueryClient } from "@tanstack/react-query";
import { Link, useNavigate, useParams } from "@tanstack/react-router";
import { isMembershipBody } from "../../../shared/network";
import { api, unwrap } from "../../api";
import { PageTitle } from "../../components/PageTitle";
import { useT } from "../../i18n";
import { notify, notifyError } from "../../notify";
import { useSession } from "../../session";
import { RepresentativesSection } from "../governance/RepresentativesSection";
import { CoverageSection } from "./CoverageSection";
import { MembersSection } from "./MembersSection";
import { MergeSection } from "./MergeSection";
import { fetchOrganisation, type Organisation, OrganisationForm } from "./OrganisationForm";

/** One organisation: its details (editable by the bureau) and what falls under it. */
export function OrganisationPage() {
  const { t } = useT();
  const { id } = useParams({ strict: false }) as { id: string };
  const session = useSession();
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const organisation = useQuery({ queryKey: ["organisation", id], queryFn: () => fetchOrganisation(id) });
  const children = useQuery({
    queryKey: ["organisations", "children", id],
    queryFn: async () =>
      unwrap(await api.GET("/api/v1/organisations", { params: { query: { parentId: id, limit: 200 } } }))
        .items,
  });
  const people = useQuery({
    queryKey: ["persons", "at", id],
    queryFn: async () =>
      unwrap(await api.GET("/api/v1/persons", { params: { query: { organisationId: id, limit: 200 } } }))
        .items,
  });
  const o = organisation.data;
  if (!o) return <Text>{organisation.isError ? t("common.error") : t("common.loading")}</Text>;

  async function saved(next: Organisation) {
    // A 409 also lands here with the current state: the form re-mounts with it (key = version).
    if (next.version !== (o?.version ?? 0) + 1) notify(t("org.conflict"), "red");
    else notify(t("org.saved"));
    queryClient.setQueryData(["organisation", id], next);
    await queryClient.invalidateQueries({ queryKey: ["organisations"] });
  }

  async function remove() {
    if (!o || !window.confirm(t("org.deleteConfirm", { name: o.name }))) return;
    try {
      unwrap(await api.DELETE("/api/v1/organisations/{id}", { params: { path: { id } } }));
      notify(t("org.deleted", { name: o.name }));
      await queryClient.invalidateQueries({ queryKey: ["organisations"] });
      await navigate({ to: "/organisaties" });
    } catch (e) {
      notifyError(e);
    }
  }

  return (
    <Stack>
      <Anchor component={Link} to="/organisaties" size="sm">
        ← {t("org.back")}
      </Anchor>
      <PageTitle>{o.name}</PageTitle>
      {o.kind === "neighbourhood_network" && (
        <Anchor renderRoot={(props) => <Link {...props} to="/organisaties/$id/profiel" params={{ id }} />}>
          {t("wsvProfile.open")}
        </Anchor>
      )}
      <Text c="gray.7">
        {t(`org.kind.${o.kind}`)} · {t(`org.status.${o.status}`)}
        {o.parentName ? ` · ${t("org.parent")}: ${o.parentName}` : ""}
      </Text>
      {o.mergedIntoId && <MergedInto id={o.mergedIntoId} date={o.statusDate} />}
      <Paper withBorder p="md">
        <OrganisationForm
          key={o.version}
          organisation={o}
          onSaved={saved}
          readOnly={!session?.permissions["organisation.update"]}
        />
      </Paper>
      <Paper withBorder p="md">
        <Title order={3} size="h4" mb="sm">
          {t("org.children")}
        </Title>
        {children.data?.length ? (
          <List>
            {children.data.map((c) => (
              <List.Item key={c.id}>
                <Anchor
                  renderRoot={(props) => <Link {...props} to="/organisaties/$id" params={{ id: c.id }} />}
                >
                  {c.name}
                </Anchor>{" "}
                <Text span size="sm" c="gray.7">
                  ({t(`org.kind.${c.kind}`)})
                </Text>
              </List.Item>
            ))}
          </List>
        ) : (
          <Text>{t("org.noChildren")}</Text>
        )}
      </Paper>
      <Paper withBorder p="md">
        <Title order={3} size="h4" mb="sm">
          {t("org.people")}
        </Title>
        {people.data?.length ? (
          <List>
            {people.data.map((p) => (
              <List.Item key={p.id}>
                <Anchor renderRoot={(props) => <Link {...props} to="/personen/$id" params={{ id: p.id }} />}>
                  {p.name}
                </Anchor>{" "}
                <Text span size="sm" c="gray.7">
                  ({p.disciplines.map((d) => t(`person.discipline.${d}`)).join(", ")})
                </Text>
              </List.Item>
            ))}
          </List>
        ) : (
          <Text>{t("org.noPeople")}</Text>
        )}
      </Paper>
      {o.kind === "neighbourhood_network" && (
        <CoverageSection organisationId={o.id} canEdit={Boolean(session?.permissions["area.assign"])} />
      )}
      {isMembershipBody(o.kind) && (
        <MembersSection organisationId={o.id} canEdit={Boolean(session?.permissions["membership.create"])} />
      )}
      <RepresentativesSection organisationId={o.id} />
      {session?.permissions["organisation.merge"] && (o.status === "active" || o.status === "founding") && (
        <MergeSection organisation={o} />
      )}
      {session?.permissions["organisation.delete"] && (
        <Group>
          <Button color="red" variant="outline" onClick={remove}>
            {t("org.delete")}
          </Button>
        </Group>
      )}
    </Stack>
  );
}

/** "Opgegaan in X per date", linking to where the history continues. */
function MergedInto({ id, date }: { id: string; date: string | null }) {
  const { t } = useT();
  const target = useQuery({ queryKey: ["organisation", id], queryFn: () => fetchOrganisation(id) });
  if (!target.data) return null;
  return (
    <Text>
      {t("merge.mergedInto")}{" "}
      <Anchor renderRoot={(props) => <Link {...props} to="/organisaties/$id" params={{ id }} />}>
        {target.data.name}
      </Anchor>
      {date ? ` (${date.split("-").reverse().join("-")})` : ""}
    </Text>
  );
}

/** A new organisation; after saving, its own page. */
export function NewOrganisationPage() {
  const { t } = useT();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  return (
    <Stack>
      <Anchor component={Link} to="/organisaties" size="sm">
        ← {t("org.back")}
      </Anchor>
      <PageTitle>{t("org.new")}</PageTitle>
      <Paper withBorder p="md">
        <OrganisationForm
          onSaved={async (created) => {
            notify(t("org.created", { name: created.name }));
            await queryClient.invalidateQueries({ queryKey: ["organisations"] });
            await navigate({ to: "/organisaties/$id", params: { id: created.id } });
          }}
        />
      </Paper>
    </Stack>
  );
}

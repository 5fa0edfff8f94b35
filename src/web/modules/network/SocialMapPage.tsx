import { Anchor, Group, Paper, Stack, Switch, Text } from "@mantine/core";
import { useQuery, useQueryClient } from "@tanstack/react-query";
import { Link } from "@tanstack/react-router";
import { api, unwrap } from "../../api";
import { ExportButtons } from "../../components/ExportButtons";
import { PageTitle } from "../../components/PageTitle";
import { useT } from "../../i18n";
import { notify, notifyError } from "../../notify";
import { useSession } from "../../session";
import { type SocialMapQuery, SocialMapView } from "./SocialMapView";

const fetchPage = async (query: SocialMapQuery, cursor?: string) =>
  unwrap(await api.GET("/api/v1/social-map", { params: { query: { ...query, cursor, limit: 25 } } }));

/** The sociale kaart for everyone logged in; a beheerder also publishes it without login. */
export function SocialMapPage() {
  const { t } = useT();
  const session = useSession();
  const options = useQuery({
    queryKey: ["social-map", "options"],
    queryFn: async () => unwrap(await api.GET("/api/v1/social-map/options")),
  });
  return (
    <Stack>
      <PageTitle>{t("map.title")}</PageTitle>
      <Text>{t("map.intro")}</Text>
      {session?.permissions["socialMap.publish"] && <PublishSwitch />}
      <SocialMapView
        queryKey={["social-map"]}
        fetchPage={fetchPage}
        options={options.data}
        renderName={(e) => (
          <Anchor renderRoot={(props) => <Link {...props} to="/organisaties/$id" params={{ id: e.id }} />}>
            {e.name}
          </Anchor>
        )}
        actions={({ sort: _, ...filter }) => (
          <ExportButtons path="/api/v1/social-map/export" filter={filter} />
        )}
      />
    </Stack>
  );
}

function PublishSwitch() {
  const { t } = useT();
  const queryClient = useQueryClient();
  const settings = useQuery({
    queryKey: ["social-map", "settings"],
    queryFn: async () => unwrap(await api.GET("/api/v1/social-map/settings")),
  });
  const region = useQuery({
    queryKey: ["region"],
    queryFn: async () => unwrap(await api.GET("/api/v1/region")),
  });
  const s = settings.data;
  if (!s || !region.data) return null;
  const publicPath = `/kaart/${region.data.slug}`;

  async function toggle(next: boolean) {
    if (!s) return;
    try {
      const updated = unwrap(
        await api.PUT("/api/v1/social-map/settings", { body: { public: next, version: s.version } }),
      );
      queryClient.setQueryData(["social-map", "settings"], updated);
      notify(t(next ? "map.published" : "map.withdrawn"));
    } catch (e) {
      await queryClient.invalidateQueries({ queryKey: ["social-map", "settings"] });
      notifyError(e);
    }
  }

  return (
    <Paper withBorder p="sm">
      <Group justify="space-between" wrap="wrap">
        <Switch
          label={t("map.public")}
          description={t("map.publicHelp")}
          checked={s.public}
          onChange={(e) => toggle(e.currentTarget.checked)}
        />
        {s.public && (
          <Anchor href={publicPath} target="_blank" rel="noopener">
            {t("map.openPublic")}
          </Anchor>
        )}
      </Group>
    </Paper>
  );
}

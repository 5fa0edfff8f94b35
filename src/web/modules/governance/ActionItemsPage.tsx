import { Group, SegmentedControl, Stack, Switch } from "@mantine/core";
import { useState } from "react";
import { ExportButtons } from "../../components/ExportButtons";
import { ListToolbar } from "../../components/ListToolbar";
import { loadedCount, MoreButton, usePagedList } from "../../components/PagedList";
import { PageTitle } from "../../components/PageTitle";
import { useT } from "../../i18n";
import { useSession } from "../../session";
import { ActionItemTable, fetchActionItems } from "./ActionItemTable";

/** The actielijst across all bodies: one's own actions or everyone's, running or all, soonest due first. */
export function ActionItemsPage() {
  const { t } = useT();
  const session = useSession();
  const [which, setWhich] = useState<"mine" | "all">(
    session?.permissions["actionItem.create"] ? "all" : "mine",
  );
  const [onlyOpen, setOnlyOpen] = useState(true);
  const filter = {
    ...(which === "mine" ? { mine: "true" as const } : {}),
    ...(onlyOpen ? { open: "true" as const } : {}),
  };
  const { list, rows } = usePagedList(["action-items", filter], (cursor) =>
    fetchActionItems({ ...filter, cursor }),
  );
  return (
    <Stack>
      <PageTitle>{t("actionItem.listTitle")}</PageTitle>
      <Group wrap="wrap">
        <SegmentedControl
          aria-label={t("actionItem.which")}
          value={which}
          onChange={(v) => setWhich(v as "mine" | "all")}
          data={[
            { value: "mine", label: t("actionItem.mine") },
            { value: "all", label: t("actionItem.all") },
          ]}
        />
        <Switch
          label={t("actionItem.onlyOpen")}
          checked={onlyOpen}
          onChange={(e) => setOnlyOpen(e.currentTarget.checked)}
        />
      </Group>
      <ListToolbar count={t("actionItem.count", { count: loadedCount(list, rows) })}>
        <ExportButtons path="/api/v1/action-items/export" filter={filter} />
      </ListToolbar>
      <ActionItemTable items={rows} showMeeting />
      <MoreButton list={list} />
    </Stack>
  );
}

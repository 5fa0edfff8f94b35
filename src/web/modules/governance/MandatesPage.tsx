import { Button, Group, Stack, Text, TextInput } from "@mantine/core";
import { useState } from "react";
import { isIsoDate, today } from "../../../shared/dates";
import { api, unwrap } from "../../api";
import { ExportButtons } from "../../components/ExportButtons";
import { ListToolbar } from "../../components/ListToolbar";
import { loadedCount, MoreButton, usePagedList } from "../../components/PagedList";
import { PageTitle } from "../../components/PageTitle";
import { formatDate, useT } from "../../i18n";
import { useSession } from "../../session";
import { useSearch } from "../../use-search";
import { MandateForm } from "./MandateForm";
import { MandateTable } from "./MandateTable";

/** Who speaks for whom across the region: every mandate valid on a date, searchable by constituency. */
export function MandatesPage() {
  const { t, lang } = useT();
  const session = useSession();
  const [search, searchBox] = useSearch();
  const [on, setOn] = useState(today());
  const [adding, setAdding] = useState(false);
  const filter = { q: search || undefined, on: isIsoDate(on) ? on : undefined };
  const fetchPage = async (cursor?: string) =>
    unwrap(await api.GET("/api/v1/mandates", { params: { query: { ...filter, cursor, limit: 50 } } }));
  const { list, rows } = usePagedList(["mandates", filter], fetchPage);
  const count = loadedCount(list, rows);
  const canEdit = Boolean(session?.permissions["mandate.update"]);

  return (
    <Stack>
      <PageTitle>{t("mandate.title")}</PageTitle>
      <Text>{t("mandate.intro")}</Text>
      <Group wrap="wrap" align="flex-end">
        <TextInput label={t("mandate.search")} {...searchBox} />
        <TextInput
          type="date"
          label={t("mandate.validOn")}
          description={t("mandate.validOnHelp")}
          value={on}
          onChange={(e) => setOn(e.currentTarget.value)}
        />
      </Group>
      <ListToolbar
        count={
          filter.on
            ? t("mandate.countOn", { count, date: formatDate(filter.on, lang) })
            : t("mandate.count", { count })
        }
      >
        <ExportButtons path="/api/v1/mandates/export" filter={filter} />
        {session?.permissions["mandate.create"] && !adding && (
          <Button size="xs" onClick={() => setAdding(true)}>
            {t("mandate.add")}
          </Button>
        )}
      </ListToolbar>
      {adding && <MandateForm onDone={() => setAdding(false)} />}
      <MandateTable mandates={rows} canEdit={canEdit} />
      <MoreButton list={list} />
    </Stack>
  );
}

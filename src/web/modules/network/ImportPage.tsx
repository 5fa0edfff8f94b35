import {
  Anchor,
  Button,
  FileInput,
  Group,
  Paper,
  Progress,
  Radio,
  Select,
  Stack,
  Table,
  Text,
  Title,
} from "@mantine/core";
import { useQuery, useQueryClient } from "@tanstack/react-query";
import { useNavigate } from "@tanstack/react-router";
import { useState } from "react";
import { ApiProblem, api, unwrap } from "../../api";
import { ImportErrors } from "../../components/ImportErrors";
import { PageTitle } from "../../components/PageTitle";
import { formatDateTime, formatNumber, useT } from "../../i18n";
import type { MessageKey } from "../../i18n/nl";
import { notify, notifyError } from "../../notify";
import { IMPORT_SLUGS, type ImportSlug, importRoute } from "../../router";

type Preview = Awaited<ReturnType<typeof check>>;
type Run = Awaited<ReturnType<typeof fetchRun>>;
type Kind = (typeof IMPORT_SLUGS)[ImportSlug];
const SLUGS = Object.keys(IMPORT_SLUGS) as ImportSlug[];

/** The file, with the mapping first: the server reads form fields in the order they come. */
const form = (file: File, mapping?: Record<string, string>) => () => {
  const data = new FormData();
  if (mapping) data.append("mapping", JSON.stringify(mapping));
  data.append("file", file);
  return data;
};
const check = async (kind: Kind, file: File, mapping?: Record<string, string>) =>
  unwrap(
    await api.POST("/api/v1/imports/preview", {
      params: { query: { kind } },
      body: {} as never,
      bodySerializer: form(file, mapping),
    }),
  );
const fetchRun = async (id: string) =>
  unwrap(await api.GET("/api/v1/imports/{id}", { params: { path: { id } } }));

/**
 * Importing organisations, people, work relations or memberships from a spreadsheet: check the
 * file (nothing is saved), see which column feeds which field and change it, see every bad row,
 * choose between the good rows and nothing, follow the progress, and undo a whole run later.
 */
export function ImportPage() {
  const { t, lang } = useT();
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const slug = importRoute.useSearch().soort ?? "organisaties";
  const kind = IMPORT_SLUGS[slug];
  const [file, setFile] = useState<File | null>(null);
  const [preview, setPreview] = useState<Preview | null>(null);
  const [mapping, setMapping] = useState<Record<string, string>>({});
  const [mode, setMode] = useState<"valid" | "all">("valid");
  const [run, setRun] = useState<Run | null>(null);
  const [busy, setBusy] = useState(false);
  const [fileError, setFileError] = useState<string | null>(null);
  const runs = useQuery({
    queryKey: ["imports"],
    queryFn: async () => unwrap(await api.GET("/api/v1/imports")).items,
  });
  const n = (x: number) => formatNumber(x, lang);

  async function runCheck(withMapping?: Record<string, string>) {
    if (!file) return;
    setBusy(true);
    setFileError(null);
    setRun(null);
    try {
      const result = await check(kind, file, withMapping);
      setPreview(result);
      setMapping(result.mapping);
    } catch (e) {
      setPreview(null);
      setFileError(e instanceof ApiProblem ? (e.errors[0]?.message ?? e.title) : t("common.error"));
    } finally {
      setBusy(false);
    }
  }

  async function start() {
    if (!file) return;
    setBusy(true);
    try {
      let current = unwrap(
        await api.POST("/api/v1/imports", {
          params: { query: { kind, mode } },
          body: {} as never,
          bodySerializer: form(file, mapping),
        }),
      );
      setRun(current);
      while (current.status === "running") {
        await new Promise((r) => setTimeout(r, 500));
        current = await fetchRun(current.id);
        setRun(current);
      }
      if (current.status === "imported") notify(t("import.imported", { count: current.importedRows }));
      await queryClient.invalidateQueries();
    } catch (e) {
      notifyError(e);
    } finally {
      setBusy(false);
    }
  }

  async function undo(r: Run) {
    if (!window.confirm(t("import.undoConfirm", { count: r.importedRows, file: r.fileName }))) return;
    try {
      const next = unwrap(
        await api.POST("/api/v1/imports/{id}/undo", {
          params: { path: { id: r.id } },
          body: { version: r.version },
        }),
      );
      if (run?.id === next.id) setRun(next);
      notify(t("import.undone", { count: next.importedRows }));
      await queryClient.invalidateQueries();
    } catch (e) {
      notifyError(e);
    }
  }

  const mappingChanged = preview && JSON.stringify(mapping) !== JSON.stringify(preview.mapping);
  return (
    <Stack>
      <PageTitle>{t("import.title")}</PageTitle>
      <Text>{t("import.intro")}</Text>
      <Paper withBorder p="md">
        <Radio.Group
          label={t("import.what")}
          description={t(`import.kindHelp.${kind}`)}
          value={slug}
          onChange={(v) => {
            setPreview(null);
            setRun(null);
            setMapping({});
            void navigate({ to: "/import", search: { soort: v as ImportSlug }, replace: true });
          }}
          mb="md"
        >
          <Group mt="xs" gap="lg">
            {SLUGS.map((s) => (
              <Radio key={s} value={s} label={t(`import.kind.${IMPORT_SLUGS[s]}`)} />
            ))}
          </Group>
        </Radio.Group>
        <Text size="sm" mb="md">
          {t("import.template")}{" "}
          <Anchor href={`/api/v1/imports/template?kind=${kind}&format=xlsx`} download>
            Excel
          </Anchor>
          {" · "}
          <Anchor href={`/api/v1/imports/template?kind=${kind}&format=csv`} download>
            CSV
          </Anchor>
        </Text>
        <Group align="flex-end">
          <FileInput
            label={t("import.file")}
            accept=".csv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
            value={file}
            onChange={(f) => {
              setFile(f);
              setPreview(null);
              setRun(null);
            }}
            error={fileError}
            w={{ base: "100%", sm: 360 }}
          />
          <Button variant="default" onClick={() => runCheck()} disabled={!file || busy}>
            {t("import.check")}
          </Button>
        </Group>
      </Paper>

      {preview && (
        <Paper withBorder p="md">
          <Stack gap="sm">
            <Title order={3} size="h4">
              {t("import.previewTitle")}
            </Title>
            <Text role="status">
              {t("import.previewSummary", { rows: n(preview.rows), valid: n(preview.validRows) })}{" "}
              <Text span size="sm" c="gray.7">
                ({preview.format.toUpperCase()}
                {preview.encoding ? `, ${preview.encoding}` : ""}
                {preview.delimiter ? `, ${t("import.delimiter")} "${preview.delimiter}"` : ""})
              </Text>
            </Text>
            <Table.ScrollContainer minWidth={480}>
              <Table>
                <Table.Caption>{t("import.mappingCaption")}</Table.Caption>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th scope="col">{t("import.field")}</Table.Th>
                    <Table.Th scope="col">{t("import.column")}</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {preview.fields.map((f) => (
                    <Table.Tr key={f.key}>
                      <Table.Th scope="row" fw="normal">
                        {t(`import.field.${f.key}` as MessageKey)}
                        {f.required ? " *" : ""}
                      </Table.Th>
                      <Table.Td>
                        <Select
                          aria-label={t("import.columnFor", {
                            field: t(`import.field.${f.key}` as MessageKey),
                          })}
                          placeholder={t("import.notImported")}
                          data={preview.headers.filter(Boolean)}
                          value={mapping[f.key] ?? null}
                          onChange={(v) =>
                            setMapping((m) => {
                              const next = { ...m };
                              if (v) next[f.key] = v;
                              else delete next[f.key];
                              return next;
                            })
                          }
                          clearable={!f.required}
                          size="xs"
                          w={240}
                        />
                      </Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </Table.ScrollContainer>
            {mappingChanged && (
              <Group>
                <Button variant="default" onClick={() => runCheck(mapping)} disabled={busy}>
                  {t("import.recheck")}
                </Button>
              </Group>
            )}
            <ImportErrors errors={preview.errors} />
            {!mappingChanged && preview.validRows > 0 && (
              <>
                <Radio.Group
                  label={t("import.mode")}
                  value={mode}
                  onChange={(v) => setMode(v as "valid" | "all")}
                >
                  <Stack gap={4} mt={4}>
                    <Radio value="valid" label={t("import.modeValid", { count: preview.validRows })} />
                    <Radio value="all" label={t("import.modeAll")} />
                  </Stack>
                </Radio.Group>
                <Group>
                  <Button onClick={start} disabled={busy}>
                    {t("import.run")}
                  </Button>
                </Group>
              </>
            )}
          </Stack>
        </Paper>
      )}

      {run && (
        <Paper withBorder p="md" role="status">
          {run.status === "running" ? (
            <>
              <Text>{t("import.progress", { done: n(run.processedRows), total: n(run.totalRows) })}</Text>
              <Progress
                value={run.totalRows ? (100 * run.processedRows) / run.totalRows : 0}
                animated
                aria-label={t("import.progressLabel")}
              />
            </>
          ) : (
            <Text>
              {t(`import.result.${run.status}` as MessageKey, {
                count: n(run.importedRows),
                errors: n(run.errorCount),
              })}
            </Text>
          )}
        </Paper>
      )}

      <Paper withBorder p="md">
        <Title order={3} size="h4" mb="sm">
          {t("import.history")}
        </Title>
        {runs.data?.length ? (
          <Table.ScrollContainer minWidth={640}>
            <Table striped>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col">{t("import.when")}</Table.Th>
                  <Table.Th scope="col">{t("import.what")}</Table.Th>
                  <Table.Th scope="col">{t("import.file")}</Table.Th>
                  <Table.Th scope="col">{t("import.by")}</Table.Th>
                  <Table.Th scope="col">{t("import.status")}</Table.Th>
                  <Table.Th scope="col">{t("import.importedRows")}</Table.Th>
                  <Table.Th scope="col">
                    <span className="visually-hidden">{t("import.actions")}</span>
                  </Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {runs.data.map((r) => (
                  <Table.Tr key={r.id}>
                    <Table.Td>{formatDateTime(r.createdAt, lang)}</Table.Td>
                    <Table.Td>{t(`import.kind.${r.kind}`)}</Table.Td>
                    <Table.Td>{r.fileName}</Table.Td>
                    <Table.Td>{r.createdBy}</Table.Td>
                    <Table.Td>{t(`import.status.${r.status}` as MessageKey)}</Table.Td>
                    <Table.Td>{n(r.importedRows)}</Table.Td>
                    <Table.Td>
                      {r.status === "imported" && (
                        <Button size="xs" variant="default" onClick={() => undo(r)}>
                          {t("import.undo")}
                        </Button>
                      )}
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        ) : (
          <Text>{t("import.noHistory")}</Text>
        )}
      </Paper>
    </Stack>
  );
}

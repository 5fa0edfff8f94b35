import { Alert, Button, FileInput, Group, NumberInput, Progress, Stack, Text, Title } from "@mantine/core";
import { useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { ApiProblem, api, unwrap } from "../../api";
import { ImportErrors } from "../../components/ImportErrors";
import { formatNumber, useT } from "../../i18n";
import { notify } from "../../notify";

type Report = NonNullable<Awaited<ReturnType<typeof upload>>>;

async function upload(file: File, query: { year: number; mode: "valid" | "all"; dryRun: boolean }) {
  return unwrap(
    await api.POST("/api/v1/areas/import", {
      params: { query: { ...query, dryRun: String(query.dryRun) as "true" | "false" } },
      body: {} as never,
      bodySerializer: () => {
        const data = new FormData();
        data.append("file", file);
        return data;
      },
    }),
  );
}

/**
 * Importing CBS figures: check the file first (nothing is written), see every bad row, then
 * import the good rows, or fix the file and check again.
 */
export function AreaImport() {
  const { t, lang } = useT();
  const queryClient = useQueryClient();
  const [file, setFile] = useState<File | null>(null);
  const [year, setYear] = useState<number>(new Date().getFullYear());
  const [report, setReport] = useState<Report | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  async function run(mode: "valid" | "all", dryRun: boolean) {
    if (!file) return;
    setBusy(true);
    setError(null);
    try {
      const result = await upload(file, { year, mode, dryRun });
      setReport(result);
      if (result.imported) {
        notify(t("areas.imported", { count: result.validRows }));
        await queryClient.invalidateQueries({ queryKey: ["areas"] });
      }
    } catch (e) {
      setReport(null);
      setError(e instanceof ApiProblem ? (e.errors[0]?.message ?? e.title) : t("common.error"));
    } finally {
      setBusy(false);
    }
  }

  const n = (x: number) => formatNumber(x, lang);
  return (
    <Stack>
      <Title order={3} size="h4">
        {t("areas.import")}
      </Title>
      <Text size="sm">{t("areas.importHelp")}</Text>
      <Group align="flex-end">
        <FileInput
          label={t("areas.file")}
          accept=".csv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
          value={file}
          onChange={(f) => {
            setFile(f);
            setReport(null);
          }}
          error={error}
          w={320}
        />
        <NumberInput
          label={t("areas.year")}
          description={t("areas.yearHelp")}
          value={year}
          onChange={(v) => setYear(Number(v) || year)}
          min={1990}
          max={2100}
          w={160}
        />
        <Button onClick={() => run("all", true)} disabled={!file || busy} variant="default">
          {t("areas.check")}
        </Button>
      </Group>
      {busy && (
        <div role="status">
          <Text size="sm">{t("import.busy")}</Text>
          <Progress value={100} animated aria-label={t("import.busy")} />
        </div>
      )}
      {report && !busy && (
        <Stack gap="xs">
          <Text role="status">
            {t(report.imported ? "areas.reportImported" : "areas.reportChecked", {
              rows: n(report.rows),
              valid: n(report.validRows),
              wijken: n(report.wijken.new),
              wijkenUpdated: n(report.wijken.updated),
              buurten: n(report.buurten.new),
              buurtenUpdated: n(report.buurten.updated),
            })}
          </Text>
          <Text size="sm" c="gray.7">
            {report.format.toUpperCase()}
            {report.encoding ? ` · ${report.encoding}` : ""}
            {report.delimiter ? ` · ${t("import.delimiter")} "${report.delimiter}"` : ""}
          </Text>
          <ImportErrors errors={report.errors} />
          {!report.imported && report.validRows > 0 && (
            <Group>
              {report.errors.length === 0 ? (
                <Button onClick={() => run("all", false)}>{t("import.run")}</Button>
              ) : (
                <>
                  <Button onClick={() => run("valid", false)}>
                    {t("import.runValid", { count: report.validRows })}
                  </Button>
                  <Alert color="gray" p="xs">
                    {t("import.orFix")}
                  </Alert>
                </>
              )}
            </Group>
          )}
        </Stack>
      )}
    </Stack>
  );
}

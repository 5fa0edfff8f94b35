import { Alert, Button, FileInput, Group, Progress, Stack, Text, Title } from "@mantine/core";
import { type ReactNode, useState } from "react";
import { ApiProblem } from "../api";
import { useT } from "../i18n";
import { ImportErrors, type RowError } from "./ImportErrors";

export interface ImportReport {
  rows: number;
  validRows: number;
  errors: RowError[];
  imported: boolean;
}
export type ImportMode = "valid" | "all";

/**
 * Importing a spreadsheet: check the file first (nothing is written), see every bad row, then
 * import all rows, or only the good ones, or fix the file and check again.
 */
export function FileImport<R extends ImportReport>({
  title,
  help,
  fileLabel,
  checkLabel,
  upload,
  summary,
  onImported,
  children,
}: {
  title: string;
  help: string;
  fileLabel: string;
  checkLabel: string;
  upload: (file: File, query: { mode: ImportMode; dryRun: boolean }) => Promise<R>;
  /** What the check or the import found, in a sentence. */
  summary: (report: R) => string;
  onImported: (report: R) => Promise<void>;
  /** More inputs beside the file (such as the year of the figures). */
  children?: ReactNode;
}) {
  const { t } = useT();
  const [file, setFile] = useState<File | null>(null);
  const [report, setReport] = useState<R | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  async function run(mode: ImportMode, dryRun: boolean) {
    if (!file) return;
    setBusy(true);
    setError(null);
    try {
      const result = await upload(file, { mode, dryRun });
      setReport(result);
      if (result.imported) await onImported(result);
    } catch (e) {
      setReport(null);
      setError(e instanceof ApiProblem ? (e.errors[0]?.message ?? e.title) : t("common.error"));
    } finally {
      setBusy(false);
    }
  }

  return (
    <Stack>
      <Title order={3} size="h4">
        {title}
      </Title>
      <Text size="sm">{help}</Text>
      <Group align="flex-end">
        <FileInput
          label={fileLabel}
          accept=".csv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
          value={file}
          onChange={(f) => {
            setFile(f);
            setReport(null);
          }}
          error={error}
          w={320}
        />
        {children}
        <Button onClick={() => run("all", true)} disabled={!file || busy} variant="default">
          {checkLabel}
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
          <Text role="status">{summary(report)}</Text>
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

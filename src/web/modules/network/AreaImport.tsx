import { NumberInput } from "@mantine/core";
import { useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { api, fileBody, unwrap } from "../../api";
import { FileImport, type ImportMode } from "../../components/FileImport";
import { formatNumber, useT } from "../../i18n";
import { notify } from "../../notify";

const upload = async (file: File, query: { year: number; mode: ImportMode; dryRun: boolean }) =>
  unwrap(
    await api.POST("/api/v1/areas/import", {
      params: { query: { ...query, dryRun: String(query.dryRun) as "true" | "false" } },
      ...fileBody(file),
    }),
  );

/**
 * Importing CBS figures for a year: check the file first (nothing is written), see every bad
 * row, then import the good rows, or fix the file and check again.
 */
export function AreaImport() {
  const { t, lang } = useT();
  const queryClient = useQueryClient();
  const [year, setYear] = useState<number>(new Date().getFullYear());
  const n = (x: number) => formatNumber(x, lang);
  return (
    <FileImport
      title={t("areas.import")}
      help={t("areas.importHelp")}
      fileLabel={t("areas.file")}
      checkLabel={t("areas.check")}
      upload={(file, query) => upload(file, { ...query, year })}
      summary={(report) =>
        t(report.imported ? "areas.reportImported" : "areas.reportChecked", {
          rows: n(report.rows),
          valid: n(report.validRows),
          wijken: n(report.wijken.new),
          wijkenUpdated: n(report.wijken.updated),
          buurten: n(report.buurten.new),
          buurtenUpdated: n(report.buurten.updated),
        }) +
        ` (${report.format.toUpperCase()}${report.encoding ? `, ${report.encoding}` : ""}${
          report.delimiter ? `, ${t("import.delimiter")} "${report.delimiter}"` : ""
        })`
      }
      onImported={async (report) => {
        notify(t("areas.imported", { count: report.validRows }));
        await queryClient.invalidateQueries({ queryKey: ["areas"] });
      }}
    >
      <NumberInput
        label={t("areas.year")}
        description={t("areas.yearHelp")}
        value={year}
        onChange={(v) => setYear(Number(v) || year)}
        min={1990}
        max={2100}
        w={160}
      />
    </FileImport>
  );
}

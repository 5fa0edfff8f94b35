import { Button } from "@mantine/core";
import { useT } from "../i18n";

/**
 * "Exporteer CSV" and "Exporteer Excel" for a list: plain links to the list's export route with
 * the list's current filter, so the browser downloads exactly what is shown.
 */
export function ExportButtons({
  path,
  filter,
}: {
  path: string;
  filter: Record<string, string | undefined>;
}) {
  const { t } = useT();
  const href = (format: "csv" | "xlsx") =>
    `${path}?${new URLSearchParams(
      Object.entries<string | undefined>({ ...filter, format }).filter((e): e is [string, string] =>
        Boolean(e[1]),
      ),
    )}`;
  return (
    <>
      <Button component="a" href={href("csv")} variant="default" size="xs" download>
        {t("common.exportCsv")}
      </Button>
      <Button component="a" href={href("xlsx")} variant="default" size="xs" download>
        {t("common.exportXlsx")}
      </Button>
    </>
  );
}

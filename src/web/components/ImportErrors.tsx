import { Table, Text } from "@mantine/core";
import { useT } from "../i18n";

export interface RowError {
  row: number;
  field: string;
  message: string;
}

/** Shown at most; the rest is counted, so a file with 2,000 bad rows stays readable. */
const SHOWN = 200;

/**
 * The bad rows of an import, as the user finds them in their spreadsheet: row number, column and
 * what is wrong.
 */
export function ImportErrors({ errors }: { errors: RowError[] }) {
  const { t } = useT();
  if (errors.length === 0) return <Text>{t("import.noErrors")}</Text>;
  return (
    <Table.ScrollContainer minWidth={480} maxHeight={360}>
      <Table striped>
        <Table.Caption>{t("import.errorsCaption", { count: errors.length })}</Table.Caption>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{t("import.row")}</Table.Th>
            <Table.Th scope="col">{t("import.column")}</Table.Th>
            <Table.Th scope="col">{t("import.reason")}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {errors.slice(0, SHOWN).map((e) => (
            <Table.Tr key={`${e.row}-${e.field}`}>
              <Table.Td>{e.row}</Table.Td>
              <Table.Td>{e.field}</Table.Td>
              <Table.Td>{e.message}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      {errors.length > SHOWN && (
        <Text size="sm">{t("import.moreErrors", { count: errors.length - SHOWN })}</Text>
      )}
    </Table.ScrollContainer>
  );
}

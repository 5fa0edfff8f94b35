export interface Option {
  value: string;
  label: string;
}

/** Options for a select, under a heading per group, the groups in the order they first appear. */
export function groupedOptions<T>(
  rows: readonly T[],
  groupOf: (row: T) => string,
  optionOf: (row: T) => Option,
) {
  const groups = new Map<string, Option[]>();
  for (const row of rows) {
    const group = groupOf(row);
    groups.set(group, [...(groups.get(group) ?? []), optionOf(row)]);
  }
  return [...groups].map(([group, items]) => ({ group, items }));
}

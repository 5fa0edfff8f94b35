import { MultiSelect, type MultiSelectProps, Select, type SelectProps } from "@mantine/core";
import { useDebouncedValue } from "@mantine/hooks";
import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { useT } from "../i18n";

export interface Option {
  id: string;
  name: string;
}
type Search = (q: string | undefined) => Promise<Option[]>;

/**
 * Options searched on the server as the user types: a region has thousands of organisations and
 * people, too many to send at once. The chosen ones stay among the options whatever is searched.
 */
function useSearchOptions(kind: string, find: Search, initial: string, chosen: Option[], exclude?: string) {
  const [search, setSearch] = useState(initial);
  const [query] = useDebouncedValue(search, 250);
  const found = useQuery({
    queryKey: [`${kind}-options`, query],
    queryFn: () => find(query || undefined),
    placeholderData: keepPreviousData,
  });
  const options = (found.data ?? []).filter((o) => o.id !== exclude);
  for (const c of chosen) if (!options.some((o) => o.id === c.id)) options.unshift(c);
  return { search, setSearch, data: options.map((o) => ({ value: o.id, label: o.name })) };
}

export type SearchSelectProps = Omit<
  SelectProps,
  "data" | "searchable" | "searchValue" | "onSearchChange" | "filter"
> & {
  /** Labels the chosen option before any search. */
  current?: Option | null;
  /** Leaves one option out (e.g. the organisation itself when choosing its parent). */
  exclude?: string;
};

/** Choose one of many, searched on the server. `kind` keys the cache per list. */
export function SearchSelect({
  kind,
  search: find,
  current,
  exclude,
  ...props
}: SearchSelectProps & { kind: string; search: Search }) {
  const { t } = useT();
  const options = useSearchOptions(kind, find, current?.name ?? "", current ? [current] : [], exclude);
  return (
    <Select
      {...props}
      data={options.data}
      searchable
      searchValue={options.search}
      onSearchChange={options.setSearch}
      filter={({ options: all }) => all}
      nothingFoundMessage={t("nav.nothingFound")}
    />
  );
}

export type SearchMultiSelectProps = Omit<
  MultiSelectProps,
  "data" | "searchable" | "searchValue" | "onSearchChange" | "filter" | "onChange" | "value"
> & {
  /** The chosen options, with their names. */
  value: Option[];
  onChange: (value: Option[]) => void;
};

/** Choose several of many, searched on the server; the value carries the names for display. */
export function SearchMultiSelect({
  kind,
  search: find,
  value,
  onChange,
  ...props
}: SearchMultiSelectProps & { kind: string; search: Search }) {
  const { t } = useT();
  const options = useSearchOptions(kind, find, "", value);
  return (
    <MultiSelect
      {...props}
      data={options.data}
      value={value.map((o) => o.id)}
      onChange={(ids) =>
        onChange(ids.map((id) => ({ id, name: options.data.find((o) => o.value === id)?.label ?? "" })))
      }
      searchable
      searchValue={options.search}
      onSearchChange={options.setSearch}
      filter={({ options: all }) => all}
      nothingFoundMessage={t("nav.nothingFound")}
    />
  );
}

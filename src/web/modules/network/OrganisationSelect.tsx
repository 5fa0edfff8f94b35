import { Select, type SelectProps } from "@mantine/core";
import { useDebouncedValue } from "@mantine/hooks";
import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { api, unwrap } from "../../api";
import { useT } from "../../i18n";

/**
 * Choose an organisation of the region, searched on the server as the user types (a region has
 * thousands). `current` labels the chosen one before any search; `exclude` leaves one out.
 */
export function OrganisationSelect({
  current,
  exclude,
  ...props
}: Omit<SelectProps, "data" | "searchable" | "searchValue" | "onSearchChange" | "filter"> & {
  current?: { id: string; name: string } | null;
  exclude?: string;
}) {
  const { t } = useT();
  const [search, setSearch] = useState(current?.name ?? "");
  const [query] = useDebouncedValue(search, 250);
  const found = useQuery({
    queryKey: ["organisation-options", query],
    queryFn: async () =>
      unwrap(
        await api.GET("/api/v1/organisations", { params: { query: { q: query || undefined, limit: 20 } } }),
      ).items,
    placeholderData: keepPreviousData,
  });
  const options = (found.data ?? [])
    .filter((o) => o.id !== exclude)
    .map((o) => ({ value: o.id, label: o.name }));
  if (current && !options.some((o) => o.value === current.id))
    options.unshift({ value: current.id, label: current.name });
  return (
    <Select
      {...props}
      data={options}
      searchable
      searchValue={search}
      onSearchChange={setSearch}
      filter={({ options: all }) => all}
      nothingFoundMessage={t("nav.nothingFound")}
    />
  );
}

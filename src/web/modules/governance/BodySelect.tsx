import { Select } from "@mantine/core";
import { useQuery } from "@tanstack/react-query";
import { api, unwrap } from "../../api";
import { useT } from "../../i18n";

/** The region's bodies as select options (one cached list for every form and filter). */
export function useBodyOptions(enabled = true) {
  const bodies = useQuery({
    queryKey: ["bodies", "options"],
    queryFn: async () => unwrap(await api.GET("/api/v1/bodies", {})).items,
    enabled,
  });
  return (bodies.data ?? []).map((b) => ({ value: b.id, label: b.name }));
}

/** A list filter "Orgaan": one body, or (cleared) all bodies. */
export function BodyFilter({
  value,
  onChange,
}: {
  value: string | null;
  onChange: (id: string | null) => void;
}) {
  const { t } = useT();
  return (
    <Select
      label={t("meeting.body")}
      placeholder={t("meeting.allBodies")}
      clearable
      searchable
      value={value}
      onChange={onChange}
      data={useBodyOptions()}
    />
  );
}

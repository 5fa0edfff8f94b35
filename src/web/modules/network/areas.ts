import { useQuery } from "@tanstack/react-query";
import { api, unwrap } from "../../api";

/** The werkgebied tree (gemeenten → wijken), for a year or the newest one known. */
export const fetchWerkgebied = async (year?: number) =>
  unwrap(await api.GET("/api/v1/areas", { params: { query: { year } } }));

/** The werkgebied's wijken as select options, grouped by gemeente ("Centrum (WK054601)"). */
export function useWijkOptions(enabled = true) {
  const werkgebied = useQuery({ queryKey: ["areas", undefined], queryFn: () => fetchWerkgebied(), enabled });
  return (werkgebied.data?.municipalities ?? [])
    .filter((m) => m.wijken.length)
    .map((m) => ({
      group: m.name,
      items: m.wijken.map((w) => ({ value: w.code, label: `${w.name} (${w.code})` })),
    }));
}

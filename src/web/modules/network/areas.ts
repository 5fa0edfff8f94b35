import { api, unwrap } from "../../api";

/** The werkgebied tree (gemeenten → wijken), for a year or the newest one known. */
export const fetchWerkgebied = async (year?: number) =>
  unwrap(await api.GET("/api/v1/areas", { params: { query: { year } } }));

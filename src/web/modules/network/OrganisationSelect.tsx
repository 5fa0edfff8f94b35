import { api, unwrap } from "../../api";
import {
  SearchMultiSelect,
  type SearchMultiSelectProps,
  SearchSelect,
  type SearchSelectProps,
} from "../../components/SearchSelect";

const searchOrganisations = async (q: string | undefined) =>
  unwrap(await api.GET("/api/v1/organisations", { params: { query: { q, limit: 20 } } })).items;

/** Choose an organisation of the region, searched on the server as the user types. */
export const OrganisationSelect = (props: SearchSelectProps) => (
  <SearchSelect kind="organisation" search={searchOrganisations} {...props} />
);

/** Choose several organisations of the region (e.g. a mandate's constituency). */
export const OrganisationsMultiSelect = (props: SearchMultiSelectProps) => (
  <SearchMultiSelect kind="organisation" search={searchOrganisations} {...props} />
);

const searchWsvs = async (q: string | undefined) =>
  unwrap(
    await api.GET("/api/v1/organisations", {
      params: { query: { q, kind: "neighbourhood_network", limit: 20 } },
    }),
  ).items;

/** Choose one of the region's wijksamenwerkingsverbanden (WSVs). */
export const WsvSelect = (props: SearchSelectProps) => (
  <SearchSelect kind="wsv" search={searchWsvs} {...props} />
);

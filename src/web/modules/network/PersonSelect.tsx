import { api, unwrap } from "../../api";
import { SearchSelect, type SearchSelectProps } from "../../components/SearchSelect";

const searchPersons = async (q: string | undefined) =>
  unwrap(await api.GET("/api/v1/persons", { params: { query: { q, limit: 20 } } })).items;

/** Choose a person of the region (by name, e-mail, BIG or AGB), searched on the server. */
export const PersonSelect = (props: SearchSelectProps) => (
  <SearchSelect kind="person" search={searchPersons} {...props} />
);

import { api, unwrap } from "../../api";
import { useChange } from "../../use-change";

/** One consultation as its page shows it (`GET /consultations/:id`). */
export const fetchConsultation = async (id: string) =>
  unwrap(await api.GET("/api/v1/consultations/{id}", { params: { path: { id } } }));

export type ConsultationDetail = Awaited<ReturnType<typeof fetchConsultation>>;
export type Consultation = ConsultationDetail["consultation"];

export const consultationKey = (id: string) => ["consultation", id] as const;

/** Badge colours per status, on the list and on a consultation's page. */
export const consultationColor = {
  draft: "gray",
  consultation: "blue",
  processed: "violet.9",
  for_decision: "#8a3b00",
  decided: "dark",
} as const;

/** Runs a change to the consultation, says so, and reloads it (with its results) and the lists. */
export const useConsultationChange = (id: string) => useChange(consultationKey(id), ["consultations"]);

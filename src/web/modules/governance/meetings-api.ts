import { api, unwrap } from "../../api";

/** One meeting with its agenda, members, attendance and quorum (`GET /meetings/:id`). */
export const fetchMeeting = async (id: string) =>
  unwrap(await api.GET("/api/v1/meetings/{id}", { params: { path: { id } } }));

export type Meeting = Awaited<ReturnType<typeof fetchMeeting>>;
export type AgendaItem = Meeting["agenda"][number];

export const meetingKey = (id: string) => ["meeting", id] as const;

import { useQuery } from "@tanstack/react-query";
import { ApiProblem, api, setCsrfToken, unwrap } from "./api";

export type Session = NonNullable<Awaited<ReturnType<typeof fetchSession>>>;

/** The logged-in user, or null. Also arms the CSRF header for later mutations. */
export async function fetchSession() {
  try {
    const s = unwrap(await api.GET("/api/v1/auth/session"));
    setCsrfToken(s.csrfToken);
    return s;
  } catch (e) {
    if (e instanceof ApiProblem && e.status === 401) return null;
    throw e;
  }
}

export const sessionQuery = { queryKey: ["session"], queryFn: fetchSession, staleTime: 60_000 } as const;
export const useSession = () => useQuery(sessionQuery).data ?? null;

import createClient, { type Middleware } from "openapi-fetch";
import type { paths } from "./api-schema";

/** The typed API client; the types come from the server's OpenAPI document. */
export const api = createClient<paths>({ baseUrl: "" });

let csrfToken = "";
export const setCsrfToken = (token: string) => {
  csrfToken = token;
};
let language = "nl";
export const setApiLanguage = (lang: string) => {
  language = lang;
};

const headers: Middleware = {
  onRequest({ request }) {
    request.headers.set("accept-language", language);
    if (request.method !== "GET" && csrfToken) request.headers.set("x-csrf-token", csrfToken);
    return request;
  },
};
api.use(headers);

/** A problem+json answer, thrown so TanStack Query and forms can show it. */
export class ApiProblem extends Error {
  constructor(
    readonly status: number,
    readonly title: string,
    readonly errors: { field: string; message: string }[] = [],
    readonly body: Record<string, unknown> = {},
  ) {
    super(title);
  }
  /** Field errors keyed by the form field name (the part after `body.`). */
  fieldErrors(): Record<string, string> {
    return Object.fromEntries(this.errors.map((e) => [e.field.replace(/^body\./, ""), e.message]));
  }
}

/** Unwraps an openapi-fetch result: the data, or an ApiProblem. */
export function unwrap<R extends { data?: unknown; error?: unknown; response: Response }>(
  result: R,
): NonNullable<R["data"]> {
  if (result.error !== undefined || !result.response.ok) {
    const p = (result.error ?? {}) as { title?: string; errors?: { field: string; message: string }[] };
    throw new ApiProblem(
      result.response.status,
      p.title ?? result.response.statusText,
      p.errors ?? [],
      p as Record<string, unknown>,
    );
  }
  return result.data as NonNullable<R["data"]>;
}

/** An upload of one file in multipart field "file", as openapi-fetch options (`...fileBody(f)`). */
export const fileBody = (file: File) => ({
  body: {} as never,
  bodySerializer: () => {
    const data = new FormData();
    data.append("file", file);
    return data;
  },
});

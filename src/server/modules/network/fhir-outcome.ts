import type { FastifyReply, FastifyRequest } from "fastify";

/** The FHIR issue type for each HTTP status a problem can have. */
const ISSUE_CODE: Record<number, string> = {
  400: "invalid",
  401: "login",
  403: "forbidden",
  404: "not-found",
  409: "conflict",
  413: "too-long",
  415: "not-supported",
  422: "processing",
  429: "throttled",
};

interface ProblemJson {
  status: number;
  title: string;
  detail?: string;
  errors?: { field: string; message: string }[];
}

/**
 * A field of the request as FHIRPath where it is in the resource sent (`body.entry.3.resource.name`
 * → `Bundle.entry[3].resource.name`); a query parameter keeps its name.
 */
function expression(field: string, resourceType: string) {
  const [where, ...path] = field.split(".");
  if (where !== "body") return path.join(".") || field;
  return [resourceType, ...path].join(".").replace(/\.(\d+)(?=\.|$)/g, "[$1]");
}

/** An RFC 9457 problem as a FHIR R4 OperationOutcome: one issue per field error, in the same words. */
export function toOperationOutcome(problem: ProblemJson, resourceType = "Bundle") {
  const code = ISSUE_CODE[problem.status] ?? (problem.status >= 500 ? "exception" : "processing");
  const issue = problem.errors?.length
    ? problem.errors.map((e) => ({
        severity: "error",
        code,
        diagnostics: e.message,
        expression: [expression(e.field, resourceType)],
      }))
    : [{ severity: "error", code, diagnostics: problem.detail ?? problem.title }];
  return { resourceType: "OperationOutcome", issue };
}

/** A FHIR client (it asks for or sends application/fhir+json) gets its errors as OperationOutcome. */
const speaksFhir = (request: FastifyRequest) =>
  /fhir\+json/.test(`${request.headers.accept ?? ""} ${request.headers["content-type"] ?? ""}`) ||
  /[?&]_format=/.test(request.url);

/**
 * An onSend hook for the FHIR routes: problem+json becomes an OperationOutcome for FHIR clients;
 * everyone else keeps problem+json, as on the rest of the API.
 */
export async function operationOutcomeHook(request: FastifyRequest, reply: FastifyReply, payload: unknown) {
  const type = String(reply.getHeader("content-type") ?? "");
  if (!type.startsWith("application/problem+json") || !speaksFhir(request) || typeof payload !== "string")
    return payload;
  reply.type("application/fhir+json; charset=utf-8");
  return JSON.stringify(toOperationOutcome(JSON.parse(payload) as ProblemJson));
}

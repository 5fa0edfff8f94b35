import type { FastifyError, FastifyReply, FastifyRequest } from "fastify";
import { hasZodFastifySchemaValidationErrors } from "fastify-type-provider-zod";
import { Problem } from "./errors.js";
import { langFrom, type MessageKey, t, zodMessage } from "./i18n.js";

const contextPrefix: Record<string, string> = {
  body: "body",
  querystring: "query",
  params: "params",
  headers: "headers",
};

/** PostgreSQL errors that mean the client sent something impossible, not that we failed. */
const pgClientErrors: Record<string, [number, MessageKey]> = {
  "23505": [409, "problem.duplicate"], // unique_violation
  "23503": [422, "problem.validation"], // foreign_key_violation
  "23514": [422, "problem.validation"], // check_violation
  "22P02": [400, "problem.badRequest"], // invalid_text_representation (e.g. a bad uuid)
  "22007": [400, "problem.badRequest"], // invalid_datetime_format
  "22008": [400, "problem.badRequest"], // datetime_field_overflow
  "22003": [400, "problem.badRequest"], // numeric_value_out_of_range
  "22001": [400, "problem.badRequest"], // string_data_right_truncation
  "22021": [400, "problem.badRequest"], // character_not_in_repertoire (e.g. NUL bytes)
  "54000": [400, "problem.badRequest"], // program_limit_exceeded
};

export function sendProblem(request: FastifyRequest, reply: FastifyReply, problem: Problem) {
  return reply
    .code(problem.status)
    .type("application/problem+json")
    .send(problem.toJSON(langOf(request), request.url.split("?")[0]!));
}

// Errors raised by the router come before the onRequest hook has set the language.
const langOf = (request: FastifyRequest) => request.lang ?? langFrom(request.headers["accept-language"]);

/** Turns every error into RFC 9457 problem+json in the request's language. */
export function problemHandler(error: FastifyError, request: FastifyRequest, reply: FastifyReply) {
  if (error instanceof Problem) return sendProblem(request, reply, error);

  if (hasZodFastifySchemaValidationErrors(error)) {
    const prefix = contextPrefix[error.validationContext ?? "body"] ?? "body";
    const errors = error.validation.map((v) => {
      const path = v.instancePath.split("/").filter(Boolean);
      const issue = { code: v.keyword, path, message: v.message, ...(v.params as object) };
      return { field: [prefix, ...path].join("."), message: zodMessage(langOf(request), issue as never) };
    });
    return reply
      .code(400)
      .type("application/problem+json")
      .send({
        type: "https://regiotafel.nl/problems/validation",
        title: t(langOf(request), "problem.validation"),
        status: 400,
        instance: request.url.split("?")[0],
        errors,
      });
  }

  const pgCode =
    (error as { code?: string; cause?: { code?: string } }).cause?.code ?? (error as { code?: string }).code;
  const mapped = pgCode ? pgClientErrors[pgCode] : undefined;
  if (mapped) return sendProblem(request, reply, new Problem(mapped[0], mapped[1]));

  const status = error.statusCode ?? 500;
  if (status >= 400 && status < 500) {
    const key: MessageKey =
      status === 413
        ? "problem.tooLarge"
        : status === 415
          ? "problem.unsupportedMedia"
          : status === 429
            ? "problem.rateLimited"
            : error.code === "FST_ERR_CTP_INVALID_JSON_BODY" || error instanceof SyntaxError
              ? "problem.malformedJson"
              : status === 404
                ? "problem.notFound"
                : "problem.badRequest";
    return sendProblem(request, reply, new Problem(status, key));
  }
  request.log.error({ err: error }, "unhandled error");
  return sendProblem(request, reply, new Problem(500, "problem.internal"));
}

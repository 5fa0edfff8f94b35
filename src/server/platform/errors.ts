import type { Lang, MessageKey } from "./i18n.js";
import { t } from "./i18n.js";

export interface FieldError {
  /** Dotted path of the field, e.g. `body.email` or `query.cursor`. */
  field: string;
  message: string;
}

/** An RFC 9457 problem; thrown anywhere, rendered by the app's error handler. */
export class Problem extends Error {
  constructor(
    readonly status: number,
    readonly key: MessageKey,
    readonly fieldErrors: { field: string; key: MessageKey }[] = [],
    /** Extra members, e.g. `current` (the current state) on a 409. */
    readonly extra: Record<string, unknown> = {},
  ) {
    super(key);
  }

  toJSON(lang: Lang, instance: string) {
    return {
      type: `https://regiotafel.nl/problems/${this.key.replace(/^\w+\./, "")}`,
      title: t(lang, this.key),
      status: this.status,
      instance,
      errors: this.fieldErrors.map((e) => ({ field: e.field, message: t(lang, e.key) })),
      ...this.extra,
    };
  }
}

export const notFound = () => new Problem(404, "problem.notFound");
export const forbidden = () => new Problem(403, "problem.forbidden");
export const unauthorized = () => new Problem(401, "problem.unauthorized");
export const conflict = (current: unknown) => new Problem(409, "problem.conflict", [], { current });
export const invalidField = (field: string, key: MessageKey, status = 422) =>
  new Problem(status, "problem.validation", [{ field, key }]);

import { z } from "zod";

/** An optional text field; null or "" clears it. */
export const optionalText = (max = 200) => z.string().trim().max(max).nullable().optional();

/**
 * An optional identifier checked by `check` (the shared Dutch validators); "" becomes null, an
 * invalid value answers 400 with `message` (a message key) on the field.
 */
export const optionalIdentifier = (check: (v: string) => unknown, message: string) =>
  z
    .string()
    .trim()
    .max(40)
    .refine((v) => v === "" || Boolean(check(v)), { message })
    .transform((v) => v || null)
    .nullable()
    .optional();

export const idParams = z.object({ id: z.uuid() }).strict();

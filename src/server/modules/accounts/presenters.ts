import { z } from "zod";
import { ROLES } from "../../../shared/roles.js";
import { users } from "../../platform/identity-schema.js";

export const userSchema = z.object({
  id: z.uuid(),
  email: z.string(),
  name: z.string(),
  role: z.enum(ROLES),
  status: z.enum(["invited", "active", "deactivated"]),
  language: z.enum(["nl", "en"]),
  totpEnabled: z.boolean(),
  lastLoginAt: z.string().nullable(),
  createdAt: z.string(),
  version: z.number().int(),
});
export type UserDto = z.infer<typeof userSchema>;

/** The columns an account is shown with: never the password hash, TOTP secret or lockout counters. */
export const userColumns = {
  id: users.id,
  email: users.email,
  name: users.name,
  role: users.role,
  status: users.status,
  language: users.language,
  totpEnabled: users.totpEnabled,
  lastLoginAt: users.lastLoginAt,
  createdAt: users.createdAt,
  version: users.version,
};

/** The API shape of an account. */
export function presentUser(u: Pick<typeof users.$inferSelect, keyof typeof userColumns>): UserDto {
  return {
    id: u.id,
    email: u.email,
    name: u.name,
    role: u.role,
    status: u.status,
    language: u.language,
    totpEnabled: u.totpEnabled,
    lastLoginAt: u.lastLoginAt?.toISOString() ?? null,
    createdAt: u.createdAt.toISOString(),
    version: u.version,
  };
}

import { and, desc, eq, gt, isNull, sql } from "drizzle-orm";
import * as OTPAuth from "otpauth";
import type { Role } from "../../../shared/roles.js";
import { audit } from "../../platform/audit.js";
import { API_TOKEN_PREFIX } from "../../platform/auth.js";
import { type Actor, type Ctx, inRegion } from "../../platform/context.js";
import type { Db, Tx } from "../../platform/db.js";
import { invalidField, notFound, Problem } from "../../platform/errors.js";
import { apiTokens, sessions, users, userTokens } from "../../platform/identity-schema.js";
import { enqueueMail } from "../../platform/mail.js";
import { hashPassword, hashToken, newToken, verifyPassword } from "../../platform/secrets.js";
import { passwordResetMail } from "./mails.js";
import { presentUser } from "./presenters.js";

const MAX_FAILED_LOGINS = 5;
const LOCK_MINUTES = 15;
const RESET_MINUTES = 60;

type User = typeof users.$inferSelect;
const actorOf = (u: User): Actor => ({
  kind: "session",
  regionId: u.regionId,
  userId: u.id,
  name: u.name,
  role: u.role,
});

/** Finds an account by address across regions (before login no region is known). */
async function findByEmail(db: Db, email: string) {
  const [row] = await db
    .select()
    .from(users)
    .where(sql`lower(${users.email}) = ${email.trim().toLowerCase()}`)
    .limit(1);
  return row;
}

export interface NewSession {
  token: string;
  csrfToken: string;
  expiresAt: Date;
  user: ReturnType<typeof presentUser>;
}

async function createSession(tx: Tx, user: User, meta: SessionMeta): Promise<NewSession> {
  const token = newToken();
  const csrfToken = newToken();
  const expiresAt = new Date(Date.now() + meta.hours * 3_600_000);
  await tx.insert(sessions).values({
    id: hashToken(token),
    regionId: user.regionId,
    userId: user.id,
    csrfToken,
    userAgent: meta.userAgent?.slice(0, 300) ?? null,
    ip: meta.ip,
    expiresAt,
  });
  return { token, csrfToken, expiresAt, user: presentUser(user) };
}

export interface SessionMeta {
  hours: number;
  userAgent?: string;
  ip: string;
  requestId: string;
}

/**
 * Password (and TOTP) login with a temporary lockout after repeated failures. Every failure
 * answers the same, whether the address exists or not.
 */
export async function login(
  db: Db,
  input: { email: string; password: string; totp?: string },
  meta: SessionMeta,
): Promise<NewSession> {
  const user = await findByEmail(db, input.email);
  if (user?.lockedUntil && user.lockedUntil > new Date()) throw new Problem(423, "auth.locked");
  const passwordOk = await verifyPassword(user?.passwordHash ?? null, input.password);
  if (!user || !passwordOk || user.status !== "active") {
    if (user) await recordFailure(db, user);
    throw new Problem(401, "auth.invalidCredentials");
  }
  if (user.totpEnabled) {
    if (!input.totp)
      throw new Problem(401, "auth.totpRequired", [{ field: "body.totp", key: "auth.totpRequired" }]);
    if (!totpValid(user.totpSecret!, input.totp)) {
      await recordFailure(db, user);
      throw new Problem(401, "auth.totpInvalid", [{ field: "body.totp", key: "auth.totpInvalid" }]);
    }
  }
  return inRegion(db, user.regionId, async (tx) => {
    await tx
      .update(users)
      .set({ failedLogins: 0, lockedUntil: null, lastLoginAt: new Date() })
      .where(eq(users.id, user.id));
    const session = await createSession(tx, user, meta);
    await audit(
      { tx, actor: actorOf(user), requestId: meta.requestId },
      { entityType: "session", entityId: user.id, action: "login", after: { ip: meta.ip } },
    );
    return session;
  });
}

async function recordFailure(db: Db, user: User) {
  const failed = user.failedLogins + 1;
  const lock = failed >= MAX_FAILED_LOGINS;
  await inRegion(db, user.regionId, async (tx) => {
    await tx
      .update(users)
      .set({
        failedLogins: lock ? 0 : failed,
        lockedUntil: lock ? new Date(Date.now() + LOCK_MINUTES * 60_000) : user.lockedUntil,
      })
      .where(eq(users.id, user.id));
    if (lock) {
      await audit(
        { tx, actor: { ...actorOf(user), name: "Regiotafel" }, requestId: "" },
        { entityType: "user", entityId: user.id, action: "lock", after: { lockedMinutes: LOCK_MINUTES } },
      );
    }
  });
}

export async function logout(ctx: Ctx) {
  if (!ctx.actor.sessionId) return;
  await ctx.tx.delete(sessions).where(eq(sessions.id, ctx.actor.sessionId));
  await audit(ctx, { entityType: "session", entityId: ctx.actor.userId!, action: "logout" });
}

/** Finds an unused, unexpired e-mailed token; null when it is not (any longer) valid. */
async function findToken(db: Db, token: string, kind: "invitation" | "password_reset") {
  const [row] = await db
    .select({ token: userTokens, user: users })
    .from(userTokens)
    .innerJoin(users, and(eq(users.regionId, userTokens.regionId), eq(users.id, userTokens.userId)))
    .where(
      and(
        eq(userTokens.id, hashToken(token)),
        eq(userTokens.kind, kind),
        isNull(userTokens.usedAt),
        gt(userTokens.expiresAt, sql`now()`),
      ),
    );
  return row;
}

export async function acceptInvitation(
  db: Db,
  input: { token: string; password: string },
  meta: SessionMeta,
) {
  const found = await findToken(db, input.token, "invitation");
  if (!found || found.user.status !== "invited") throw invalidField("body.token", "auth.tokenInvalid", 400);
  const passwordHash = await hashPassword(input.password);
  return inRegion(db, found.user.regionId, async (tx) => {
    await tx.update(userTokens).set({ usedAt: new Date() }).where(eq(userTokens.id, found.token.id));
    const [after] = await tx
      .update(users)
      .set({ passwordHash, status: "active", updatedAt: new Date(), version: found.user.version + 1 })
      .where(eq(users.id, found.user.id))
      .returning();
    await audit(
      { tx, actor: actorOf(after!), requestId: meta.requestId },
      { entityType: "user", entityId: after!.id, action: "accept_invitation", before: found.user, after },
    );
    return createSession(tx, after!, meta);
  });
}

export async function requestPasswordReset(db: Db, email: string, publicUrl: string, requestId: string) {
  const user = await findByEmail(db, email);
  // The answer is the same whether or not the address is known, so it reveals no accounts.
  if (!user || user.status !== "active") return;
  const token = newToken();
  await inRegion(db, user.regionId, async (tx) => {
    await tx.insert(userTokens).values({
      id: hashToken(token),
      regionId: user.regionId,
      userId: user.id,
      kind: "password_reset",
      expiresAt: new Date(Date.now() + RESET_MINUTES * 60_000),
    });
    await enqueueMail(
      tx,
      user.regionId,
      passwordResetMail(user.language, {
        to: user.email,
        name: user.name,
        link: `${publicUrl}/wachtwoord-herstellen/${token}`,
      }),
    );
    await audit(
      { tx, actor: actorOf(user), requestId },
      { entityType: "user", entityId: user.id, action: "request_password_reset" },
    );
  });
}

export async function confirmPasswordReset(
  db: Db,
  input: { token: string; password: string },
  requestId: string,
) {
  const found = await findToken(db, input.token, "password_reset");
  if (!found || found.user.status !== "active") throw invalidField("body.token", "auth.tokenInvalid", 400);
  const passwordHash = await hashPassword(input.password);
  await inRegion(db, found.user.regionId, async (tx) => {
    await tx.update(userTokens).set({ usedAt: new Date() }).where(eq(userTokens.id, found.token.id));
    await tx
      .update(users)
      .set({ passwordHash, failedLogins: 0, lockedUntil: null, updatedAt: new Date() })
      .where(eq(users.id, found.user.id));
    // Whoever knew the old password is logged out everywhere.
    await tx.delete(sessions).where(eq(sessions.userId, found.user.id));
    await audit(
      { tx, actor: actorOf(found.user), requestId },
      {
        entityType: "user",
        entityId: found.user.id,
        action: "reset_password",
        before: { passwordHash: "x" },
        after: { passwordHash: "y" },
      },
    );
  });
}

export async function getMe(ctx: Ctx): Promise<User> {
  const [row] = await ctx.tx
    .select()
    .from(users)
    .where(eq(users.id, ctx.actor.userId ?? "00000000-0000-0000-0000-000000000000"));
  if (!row) throw notFound();
  return row;
}

export async function changePassword(ctx: Ctx, input: { currentPassword: string; newPassword: string }) {
  const user = await getMe(ctx);
  if (!(await verifyPassword(user.passwordHash, input.currentPassword)))
    throw invalidField("body.currentPassword", "auth.wrongPassword");
  await ctx.tx
    .update(users)
    .set({ passwordHash: await hashPassword(input.newPassword), updatedAt: new Date() })
    .where(eq(users.id, user.id));
  // Other sessions end; the one that changed the password stays.
  await ctx.tx
    .delete(sessions)
    .where(and(eq(sessions.userId, user.id), sql`${sessions.id} <> ${ctx.actor.sessionId ?? ""}`));
  await audit(ctx, {
    entityType: "user",
    entityId: user.id,
    action: "change_password",
    before: { passwordHash: "x" },
    after: { passwordHash: "y" },
  });
}

export async function updateProfile(ctx: Ctx, patch: { name?: string; language?: "nl" | "en" }) {
  const before = await getMe(ctx);
  const [after] = await ctx.tx
    .update(users)
    .set({
      name: patch.name?.trim() ?? before.name,
      language: patch.language ?? before.language,
      updatedAt: new Date(),
      version: before.version + 1,
    })
    .where(eq(users.id, before.id))
    .returning();
  await audit(ctx, {
    entityType: "user",
    entityId: before.id,
    action: "update_profile",
    before: presentUser(before),
    after: presentUser(after!),
  });
  return presentUser(after!);
}

export async function listSessions(ctx: Ctx) {
  const rows = await ctx.tx
    .select()
    .from(sessions)
    .where(and(eq(sessions.userId, ctx.actor.userId!), gt(sessions.expiresAt, sql`now()`)))
    .orderBy(desc(sessions.lastSeenAt));
  return rows.map((s) => ({
    // The public id is a hash of the stored id: the stored id would let someone forge the cookie lookup.
    id: s.id.slice(0, 16),
    current: s.id === ctx.actor.sessionId,
    userAgent: s.userAgent,
    ip: s.ip,
    createdAt: s.createdAt.toISOString(),
    lastSeenAt: s.lastSeenAt.toISOString(),
    expiresAt: s.expiresAt.toISOString(),
  }));
}

export async function endSession(ctx: Ctx, publicId: string) {
  const deleted = await ctx.tx
    .delete(sessions)
    .where(and(eq(sessions.userId, ctx.actor.userId!), sql`left(${sessions.id}, 16) = ${publicId}`))
    .returning({ id: sessions.id });
  if (deleted.length === 0) throw notFound();
  await audit(ctx, {
    entityType: "session",
    entityId: ctx.actor.userId!,
    action: "end_session",
    before: { session: publicId },
  });
}

// ── TOTP ──────────────────────────────────────────────────────────────────────────────────────

function totpFor(secret: string, label = "Regiotafel") {
  return new OTPAuth.TOTP({
    issuer: "Regiotafel",
    label,
    secret: OTPAuth.Secret.fromBase32(secret),
    digits: 6,
    period: 30,
  });
}
const totpValid = (secret: string, code: string) =>
  totpFor(secret).validate({ token: code.replace(/\s/g, ""), window: 1 }) !== null;

/** Starts TOTP set-up: a new secret, not yet required until confirmed with a code. */
export async function startTotp(ctx: Ctx) {
  const user = await getMe(ctx);
  const secret = new OTPAuth.Secret({ size: 20 }).base32;
  await ctx.tx.update(users).set({ totpSecret: secret, totpEnabled: false }).where(eq(users.id, user.id));
  await audit(ctx, {
    entityType: "user",
    entityId: user.id,
    action: "start_totp",
    before: { totpSecret: user.totpSecret },
    after: { totpSecret: secret },
  });
  return { secret, uri: totpFor(secret, user.email).toString() };
}

export async function enableTotp(ctx: Ctx, code: string) {
  const user = await getMe(ctx);
  if (!user.totpSecret || !totpValid(user.totpSecret, code))
    throw invalidField("body.code", "auth.totpInvalid");
  await ctx.tx.update(users).set({ totpEnabled: true, updatedAt: new Date() }).where(eq(users.id, user.id));
  await audit(ctx, {
    entityType: "user",
    entityId: user.id,
    action: "enable_totp",
    before: { totpEnabled: false },
    after: { totpEnabled: true },
  });
}

export async function disableTotp(ctx: Ctx, password: string) {
  const user = await getMe(ctx);
  if (!(await verifyPassword(user.passwordHash, password)))
    throw invalidField("body.password", "auth.wrongPassword");
  await ctx.tx
    .update(users)
    .set({ totpEnabled: false, totpSecret: null, updatedAt: new Date() })
    .where(eq(users.id, user.id));
  await audit(ctx, {
    entityType: "user",
    entityId: user.id,
    action: "disable_totp",
    before: { totpEnabled: user.totpEnabled },
    after: { totpEnabled: false },
  });
}

// ── API tokens ────────────────────────────────────────────────────────────────────────────────

/** Makes a bearer token; the plain value is shown once and only its hash is stored. */
export async function createApiToken(
  tx: Tx,
  input: { regionId: string; userId: string | null; name: string; role: Role; expiresAt?: Date | null },
) {
  const token = newToken(API_TOKEN_PREFIX);
  const [row] = await tx
    .insert(apiTokens)
    .values({
      ...input,
      tokenHash: hashToken(token),
      prefix: token.slice(0, 10),
      expiresAt: input.expiresAt ?? null,
    })
    .returning();
  return { token, row: row! };
}

export const presentToken = (t: typeof apiTokens.$inferSelect) => ({
  id: t.id,
  name: t.name,
  role: t.role,
  prefix: t.prefix,
  createdAt: t.createdAt.toISOString(),
  lastUsedAt: t.lastUsedAt?.toISOString() ?? null,
  expiresAt: t.expiresAt?.toISOString() ?? null,
  revokedAt: t.revokedAt?.toISOString() ?? null,
});

export async function createOwnToken(ctx: Ctx, input: { name: string; expiresAt?: string | null }) {
  const user = await getMe(ctx);
  const { token, row } = await createApiToken(ctx.tx, {
    regionId: user.regionId,
    userId: user.id,
    name: input.name,
    role: user.role, // a token never has more rights than its owner
    expiresAt: input.expiresAt ? new Date(input.expiresAt) : null,
  });
  await audit(ctx, { entityType: "api_token", entityId: row.id, action: "create", after: presentToken(row) });
  return { token, ...presentToken(row) };
}

export async function listOwnTokens(ctx: Ctx) {
  const rows = await ctx.tx
    .select()
    .from(apiTokens)
    .where(eq(apiTokens.userId, ctx.actor.userId!))
    .orderBy(desc(apiTokens.createdAt));
  return rows.map(presentToken);
}

export async function revokeOwnToken(ctx: Ctx, id: string) {
  const [before] = await ctx.tx
    .select()
    .from(apiTokens)
    .where(and(eq(apiTokens.id, id), eq(apiTokens.userId, ctx.actor.userId!)));
  if (!before) throw notFound();
  if (before.revokedAt) return presentToken(before);
  const [after] = await ctx.tx
    .update(apiTokens)
    .set({ revokedAt: new Date() })
    .where(eq(apiTokens.id, id))
    .returning();
  await audit(ctx, {
    entityType: "api_token",
    entityId: id,
    action: "revoke",
    before: presentToken(before),
    after: presentToken(after!),
  });
  return presentToken(after!);
}

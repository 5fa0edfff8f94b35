import { and, count, eq, ilike, ne, or, sql } from "drizzle-orm";
import type { Role } from "../../../shared/roles.js";
import { audit } from "../../platform/audit.js";
import type { Ctx } from "../../platform/context.js";
import { conflict, invalidField, notFound } from "../../platform/errors.js";
import { sessions, users, userTokens } from "../../platform/identity-schema.js";
import { enqueueMail } from "../../platform/mail.js";
import { escapeLike, keyset } from "../../platform/pagination.js";
import { hashToken, newToken } from "../../platform/secrets.js";
import { reuse } from "../../platform/statements.js";
import { invitationMail } from "./mails.js";
import { presentUser, userColumns } from "./presenters.js";

const INVITATION_DAYS = 7;

/**
 * The region's accounts, with the total in the same statement. Built once per connection and
 * set of filters, sort and cursor (statements.ts): every value is a placeholder.
 */
export async function listUsers(
  ctx: Ctx,
  q: { q?: string; role?: Role; status?: string; sort?: string; cursor?: string; limit: number },
) {
  const page = keyset({
    sorts: {
      name: [users.name, users.id],
      email: [users.email, users.id],
      createdAt: [users.createdAt, users.id],
    },
    sort: q.sort,
    defaultSort: "name",
    cursor: q.cursor,
    limit: q.limit,
    placeholders: true,
  });
  const p = sql.placeholder;
  const filter = and(
    eq(users.regionId, p("regionId")),
    q.q ? or(ilike(users.name, p("like")), ilike(users.email, p("like"))) : undefined,
    q.role ? eq(users.role, p("role")) : undefined,
    q.status ? eq(users.status, p("status")) : undefined,
  );
  const values = {
    regionId: ctx.actor.regionId,
    like: q.q && `%${escapeLike(q.q)}%`,
    role: q.role,
    status: q.status,
  };
  const countSql = () => ctx.tx.select({ n: count() }).from(users).where(filter);
  const rows = await reuse(
    ctx.tx,
    `users:${q.sort ?? ""}`,
    () =>
      ctx.tx
        .select({ ...userColumns, total: sql<number>`(${countSql()})::int` })
        .from(users)
        .where(and(filter, page.where))
        .orderBy(...page.orderBy)
        .limit(p("take")),
    { ...values, ...page.values, take: page.take },
  );
  // The total comes with the page (one count for the statement); an empty page asks for it apart.
  const total = rows[0]?.total ?? (await reuse(ctx.tx, "usersCount", countSql, values))[0]?.n ?? 0;
  const sortKey = (q.sort ?? "name").replace(/^-/, "") as "name" | "email" | "createdAt";
  const { items, nextCursor } = page.page(rows, (r) => [r[sortKey], r.id]);
  return { items: items.map(presentUser), nextCursor, total };
}

export async function getUser(ctx: Ctx, id: string) {
  const [row] = await ctx.tx
    .select()
    .from(users)
    .where(and(eq(users.regionId, ctx.actor.regionId), eq(users.id, id)));
  if (!row) throw notFound();
  return row;
}

async function emailTaken(ctx: Ctx, email: string) {
  // Addresses are unique across regions; that check must see other regions' rows, which row-level
  // security hides, so it asks a security-definer function instead of the table.
  const result = await ctx.tx.execute<{ taken: boolean }>(sql`select email_taken(${email}) as taken`);
  return Boolean((result as unknown as { rows: { taken: boolean }[] }).rows[0]?.taken);
}

export async function inviteUser(
  ctx: Ctx,
  input: { email: string; name: string; role: Role },
  publicUrl: string,
  regionName: string,
) {
  const email = input.email.trim().toLowerCase();
  if (await emailTaken(ctx, email)) throw invalidField("body.email", "field.emailTaken", 409);
  const [user] = await ctx.tx
    .insert(users)
    .values({
      regionId: ctx.actor.regionId,
      email,
      name: input.name.trim(),
      role: input.role,
      status: "invited",
    })
    .returning();
  await audit(ctx, { entityType: "user", entityId: user!.id, action: "invite", after: presentUser(user!) });
  await sendInvitation(ctx, user!, publicUrl, regionName);
  return presentUser(user!);
}

export async function sendInvitation(
  ctx: Ctx,
  user: typeof users.$inferSelect,
  publicUrl: string,
  regionName: string,
) {
  const token = newToken();
  await ctx.tx.insert(userTokens).values({
    id: hashToken(token),
    regionId: ctx.actor.regionId,
    userId: user.id,
    kind: "invitation",
    expiresAt: new Date(Date.now() + INVITATION_DAYS * 86_400_000),
  });
  await enqueueMail(
    ctx.tx,
    ctx.actor.regionId,
    invitationMail(user.language, {
      to: user.email,
      name: user.name,
      inviter: ctx.actor.name,
      regionName,
      link: `${publicUrl}/uitnodiging/${token}`,
    }),
  );
}

export async function resendInvitation(ctx: Ctx, id: string, publicUrl: string, regionName: string) {
  const user = await getUser(ctx, id);
  if (user.status !== "invited") throw invalidField("params.id", "problem.badRequest", 409);
  await sendInvitation(ctx, user, publicUrl, regionName);
  await audit(ctx, {
    entityType: "user",
    entityId: id,
    action: "reinvite",
    before: {},
    after: { invitationSentAt: new Date() },
  });
}

export async function updateUser(
  ctx: Ctx,
  id: string,
  patch: { version: number; name?: string; role?: Role; status?: "active" | "deactivated" },
) {
  const before = await getUser(ctx, id);
  if (before.version !== patch.version) throw conflict(presentUser(before));
  if (patch.status === "active" && before.status === "invited")
    throw invalidField("body.status", "problem.badRequest");

  const losesBeheer =
    before.role === "beheerder" &&
    before.status === "active" &&
    ((patch.role && patch.role !== "beheerder") || patch.status === "deactivated");
  if (losesBeheer) {
    const [others] = await ctx.tx
      .select({ n: count() })
      .from(users)
      .where(
        and(
          eq(users.regionId, ctx.actor.regionId),
          eq(users.role, "beheerder"),
          eq(users.status, "active"),
          ne(users.id, id),
        ),
      );
    if (!others?.n) throw invalidField(patch.role ? "body.role" : "body.status", "field.lastBeheerder");
  }

  const [after] = await ctx.tx
    .update(users)
    .set({
      name: patch.name?.trim() ?? before.name,
      role: patch.role ?? before.role,
      status: patch.status ?? before.status,
      updatedAt: new Date(),
      version: before.version + 1,
    })
    .where(and(eq(users.regionId, ctx.actor.regionId), eq(users.id, id), eq(users.version, patch.version)))
    .returning();
  if (!after) throw conflict(presentUser(await getUser(ctx, id)));
  // A role change or deactivation takes effect at once: the person logs in again.
  if (after.status === "deactivated" || after.role !== before.role) {
    await ctx.tx
      .delete(sessions)
      .where(and(eq(sessions.regionId, ctx.actor.regionId), eq(sessions.userId, id)));
  }
  await audit(ctx, {
    entityType: "user",
    entityId: id,
    action: "update",
    before: presentUser(before),
    after: presentUser(after),
  });
  return presentUser(after);
}

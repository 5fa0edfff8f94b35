import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { PASSWORD, World } from "../../../../tests/support/world.js";

let world: World;
beforeAll(async () => {
  world = await World.create();
});
afterAll(() => world?.close());

const linkIn = async (to: string, path: string) => {
  const [mail] = await world.rows<{ text: string }>(
    sql`select text from mail_outbox where "to" = ${to} order by created_at desc limit 1`,
  );
  return mail?.text.match(new RegExp(`${path}/([\\w-]+)`))?.[1];
};

const login = (email: string, password: string, ip = "127.0.0.10") =>
  world.inject(null, {
    method: "POST",
    url: "/api/v1/auth/login",
    payload: { email, password },
    remoteAddress: ip,
  });

describe("accounts", () => {
  it("invites by e-mail; the invitee chooses a password, is logged in, and can log in again", async () => {
    const admin = await world.as("a", "beheerder");
    const invited = await world.inject(admin, {
      method: "POST",
      url: "/api/v1/users",
      payload: { email: "Nieuw@Example.org", name: "Nieuwe Huisarts", role: "lid" },
    });
    expect(invited.statusCode).toBe(201);
    expect(invited.json()).toMatchObject({ email: "nieuw@example.org", status: "invited", role: "lid" });

    const token = await linkIn("nieuw@example.org", "/uitnodiging");
    expect(token).toBeTruthy();
    const accepted = await world.inject(null, {
      method: "POST",
      url: "/api/v1/auth/invitations/accept",
      payload: { token, password: "mijn-eigen-wachtwoord" },
    });
    expect(accepted.statusCode).toBe(200);
    expect(accepted.json().user.status).toBe("active");
    expect(accepted.cookies.find((c) => c.name === "rt_session")).toMatchObject({
      httpOnly: true,
      sameSite: "Lax",
    });

    // The link works once.
    const again = await world.inject(null, {
      method: "POST",
      url: "/api/v1/auth/invitations/accept",
      payload: { token, password: "nog-een-wachtwoord" },
    });
    expect(again.statusCode).toBe(400);
    expect((await login("nieuw@example.org", "mijn-eigen-wachtwoord")).statusCode).toBe(200);
  });

  it("refuses a second account with the same address, also in another region", async () => {
    const adminA = await world.as("a", "beheerder");
    const adminB = await world.as("b", "beheerder");
    const body = { email: "dubbel@example.org", name: "Dubbel", role: "lid" };
    expect(
      (await world.inject(adminA, { method: "POST", url: "/api/v1/users", payload: body })).statusCode,
    ).toBe(201);
    const second = await world.inject(adminB, { method: "POST", url: "/api/v1/users", payload: body });
    expect(second.statusCode).toBe(409);
    expect(second.json().errors[0].field).toBe("body.email");
  });

  it("locks an account for 15 minutes after five wrong passwords, with one answer for all failures", async () => {
    const caller = await world.as("a", "lid");
    const [{ email }] = (await world.rows<{ email: string }>(
      sql`select email from users where id = ${caller.userId}`,
    )) as [{ email: string }];
    for (let i = 0; i < 5; i++) {
      const res = await login(email, "fout-wachtwoord", `127.0.1.${i}`);
      expect(res.statusCode).toBe(401);
      expect(res.json().title).toBe("E-mailadres of wachtwoord klopt niet");
    }
    const locked = await login(email, PASSWORD, "127.0.1.9");
    expect(locked.statusCode).toBe(423);
    expect((await login("bestaat-niet@example.org", "x", "127.0.1.8")).statusCode).toBe(401);
  });

  it("requires the CSRF token for cookie mutations, and not for bearer tokens", async () => {
    const caller = await world.as("a", "lid");
    const withoutCsrf = await world.app.inject({
      method: "PATCH",
      url: "/api/v1/me",
      headers: { cookie: caller.headers.cookie! },
      payload: { language: "en" },
    });
    expect(withoutCsrf.statusCode).toBe(403);
    expect(withoutCsrf.json().type).toContain("csrf");

    const created = await world.inject(caller, {
      method: "POST",
      url: "/api/v1/me/tokens",
      payload: { name: "script" },
    });
    expect(created.statusCode).toBe(201);
    const { token, id } = created.json();
    expect(token).toMatch(/^rt_/);
    const bearer = { authorization: `Bearer ${token}` };
    const viaToken = await world.app.inject({
      method: "PATCH",
      url: "/api/v1/me",
      headers: bearer,
      payload: { language: "en" },
    });
    expect(viaToken.statusCode).toBe(200);
    // Stored hashed: the plain token is nowhere in the database.
    expect(
      await world.rows(sql`select 1 from api_tokens where token_hash = ${token} or prefix = ${token}`),
    ).toHaveLength(0);

    expect(
      (await world.inject(caller, { method: "DELETE", url: `/api/v1/me/tokens/${id}` })).statusCode,
    ).toBe(200);
    expect(
      (await world.app.inject({ method: "GET", url: "/api/v1/auth/session", headers: bearer })).statusCode,
    ).toBe(401);
  });

  it("limits login tries per address and account, without blocking colleagues behind the same address", async () => {
    const ip = "127.0.3.1";
    const answers: number[] = [];
    for (let i = 0; i < 11; i++)
      answers.push((await login("geraden@example.org", `fout-${i}`, ip)).statusCode);
    expect(answers.slice(0, 10).every((s) => s !== 429)).toBe(true);
    expect(answers[10]).toBe(429);
    // A colleague at the same office address still gets an answer about her own account.
    expect((await login("collega@example.org", "ook-fout", ip)).statusCode).toBe(401);
  });

  it("resets a forgotten password by e-mail and ends the old sessions", async () => {
    const caller = await world.as("a", "medewerker");
    const [{ email }] = (await world.rows<{ email: string }>(
      sql`select email from users where id = ${caller.userId}`,
    )) as [{ email: string }];
    const asked = await world.inject(null, {
      method: "POST",
      url: "/api/v1/auth/password-reset",
      payload: { email },
      remoteAddress: "127.0.2.1",
    });
    expect(asked.statusCode).toBe(202);
    const token = await linkIn(email, "/wachtwoord-herstellen");
    const done = await world.inject(null, {
      method: "POST",
      url: "/api/v1/auth/password-reset/confirm",
      payload: { token, password: "een-nieuw-wachtwoord" },
      remoteAddress: "127.0.2.1",
    });
    expect(done.statusCode).toBe(200);
    expect((await world.inject(caller, { method: "GET", url: "/api/v1/auth/session" })).statusCode).toBe(401);
    expect((await login(email, "een-nieuw-wachtwoord", "127.0.2.2")).statusCode).toBe(200);
  });

  it("changes roles with optimistic concurrency and keeps at least one beheerder", async () => {
    const admin = await world.as("a", "beheerder");
    const target = await world.create("user", admin);
    const first = await world.inject(admin, {
      method: "PATCH",
      url: `/api/v1/users/${target}`,
      payload: { version: 1, role: "bestuur" },
    });
    expect(first.json()).toMatchObject({ role: "bestuur", version: 2 });
    const stale = await world.inject(admin, {
      method: "PATCH",
      url: `/api/v1/users/${target}`,
      payload: { version: 1, role: "partner" },
    });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().current).toMatchObject({ role: "bestuur", version: 2 });

    // Region b has exactly one beheerder: it cannot demote or deactivate itself away.
    const onlyAdmin = await world.as("b", "beheerder");
    await world.db.execute(
      sql`update users set role = 'lid' where region_id = ${onlyAdmin.regionId} and id <> ${onlyAdmin.userId}`,
    );
    const self = await world.inject(onlyAdmin, {
      method: "PATCH",
      url: `/api/v1/users/${onlyAdmin.userId}`,
      payload: { version: 1, status: "deactivated" },
    });
    expect(self.statusCode).toBe(422);
  });

  it("deactivating an account ends its sessions at once", async () => {
    const admin = await world.as("a", "beheerder");
    const member = await world.as("a", "lid");
    const res = await world.inject(admin, {
      method: "PATCH",
      url: `/api/v1/users/${member.userId}`,
      payload: { version: 1, status: "deactivated" },
    });
    expect(res.statusCode).toBe(200);
    expect((await world.inject(member, { method: "GET", url: "/api/v1/auth/session" })).statusCode).toBe(401);
  });

  it("lists the region's accounts: searched, filtered by role and status, sorted, paged, with a total", async () => {
    const admin = await world.as("b", "beheerder");
    const partners = [
      await world.as("b", "partner"),
      await world.as("b", "partner"),
      await world.as("b", "partner"),
    ];
    const list = async (query: string) => {
      const res = await world.inject(admin, { method: "GET", url: `/api/v1/users?${query}` });
      expect(res.statusCode).toBe(200);
      return res.json() as {
        items: { id: string; email: string; role: string; status: string }[];
        nextCursor: string | null;
        total: number;
      };
    };
    const all = await list("role=partner&sort=-email&limit=100");
    expect(all.items.map((u) => u.role)).toEqual(all.items.map(() => "partner"));
    expect(all.items.map((u) => u.id)).toEqual(expect.arrayContaining(partners.map((p) => p.userId)));
    expect(all.items.map((u) => u.email)).toEqual(
      all.items
        .map((u) => u.email)
        .sort()
        .reverse(),
    );
    expect(all.total).toBe(all.items.length);

    const first = await list("role=partner&sort=-email&limit=2");
    const second = await list(`role=partner&sort=-email&limit=2&cursor=${first.nextCursor}`);
    expect([...first.items, ...second.items].map((u) => u.id)).toEqual(
      all.items.slice(0, 4).map((u) => u.id),
    );
    expect(first.total).toBe(all.total);

    const one = all.items.find((u) => u.id === partners[0]!.userId)!;
    const found = await list(`q=${encodeURIComponent(one.email.slice(8, 30))}`);
    expect(found.items.map((u) => u.id)).toEqual([one.id]);
    expect(found.total).toBe(1);

    const gone = partners[2]!.userId;
    await world.inject(admin, {
      method: "PATCH",
      url: `/api/v1/users/${gone}`,
      payload: { version: 1, status: "deactivated" },
    });
    const deactivated = await list("role=partner&status=deactivated");
    expect(deactivated.items.map((u) => u.id)).toEqual([gone]);
    expect((await list("role=partner&status=active")).items.map((u) => u.id)).not.toContain(gone);

    // An empty page still tells how many there are: none.
    expect(await list("q=niemand-heet-zo")).toEqual({ items: [], nextCursor: null, total: 0 });
  });
});

describe("tenancy", () => {
  it("row-level security hides another region's rows even from a query without a region filter", async () => {
    const a = await world.as("a", "beheerder");
    await world.as("b", "beheerder");
    const { inRegion } = await import("../../platform/context.js");
    const seen = await inRegion(world.db, a.regionId, (tx) =>
      tx.execute(sql`select distinct region_id from users`),
    );
    const regions = (seen as unknown as { rows: { region_id: string }[] }).rows.map((r) => r.region_id);
    expect(regions).toEqual([a.regionId]);
  });

  it("the database refuses a link between rows of two regions", async () => {
    const a = await world.as("a", "lid");
    const b = await world.as("b", "lid");
    await expect(
      world.db.execute(
        sql`insert into sessions (id, region_id, user_id, csrf_token, expires_at) values ('x', ${a.regionId}, ${b.userId}, 'c', now())`,
      ),
    ).rejects.toThrow();
  });
});

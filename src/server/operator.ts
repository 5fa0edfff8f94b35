import { eq } from "drizzle-orm";
import type { Role } from "../shared/roles.js";
import { createApiToken } from "./modules/accounts/auth-service.js";
import { sendInvitation } from "./modules/accounts/users-service.js";
import { MUNICIPALITIES } from "./modules/regions/reference.js";
import { audit } from "./platform/audit.js";
import { type Actor, inRegion } from "./platform/context.js";
import type { Db } from "./platform/db.js";
import { regionMunicipalities, regions, users } from "./platform/identity-schema.js";

/** What the platform operator does from the command line: regions and API tokens. */
const operator = (regionId: string): Actor => ({
  kind: "token",
  regionId,
  userId: null,
  name: "Platformbeheer",
  role: "beheerder",
});

export async function createRegion(
  db: Db,
  input: {
    slug: string;
    name: string;
    adminEmail: string;
    adminName: string;
    municipalities?: string[];
    publicUrl: string;
  },
) {
  const [region] = await db.insert(regions).values({ slug: input.slug, name: input.name }).returning();
  return inRegion(db, region!.id, async (tx) => {
    const ctx = { tx, actor: operator(region!.id), requestId: "cli", lang: "nl" as const };
    await audit(ctx, {
      entityType: "region",
      entityId: region!.id,
      action: "create",
      after: { slug: input.slug, name: input.name },
    });
    const chosen = MUNICIPALITIES.filter((m) => input.municipalities?.includes(m.cbsCode));
    if (chosen.length)
      await tx.insert(regionMunicipalities).values(chosen.map((m) => ({ regionId: region!.id, ...m })));
    const [admin] = await tx
      .insert(users)
      .values({
        regionId: region!.id,
        email: input.adminEmail.toLowerCase(),
        name: input.adminName,
        role: "beheerder",
        status: "invited",
      })
      .returning();
    await audit(ctx, {
      entityType: "user",
      entityId: admin!.id,
      action: "invite",
      after: { email: admin!.email, role: "beheerder" },
    });
    await sendInvitation(ctx, admin!, input.publicUrl, input.name);
    return { region: region!, admin: admin! };
  });
}

export async function createOperatorToken(db: Db, input: { slug: string; role: Role; name: string }) {
  const [region] = await db.select().from(regions).where(eq(regions.slug, input.slug));
  if (!region) throw new Error(`Region '${input.slug}' does not exist`);
  return inRegion(db, region.id, async (tx) => {
    const { token, row } = await createApiToken(tx, {
      regionId: region.id,
      userId: null,
      name: input.name,
      role: input.role,
    });
    await audit(
      { tx, actor: operator(region.id), requestId: "cli" },
      {
        entityType: "api_token",
        entityId: row.id,
        action: "create",
        after: { name: row.name, role: row.role },
      },
    );
    return token;
  });
}

import { and, eq } from "drizzle-orm";
import { audit } from "../../platform/audit.js";
import type { Ctx } from "../../platform/context.js";
import { conflict, invalidField, notFound } from "../../platform/errors.js";
import { type FileStore, IMAGE_TYPES, loadFile, storeFile } from "../../platform/files.js";
import { regionMunicipalities, regions } from "../../platform/identity-schema.js";
import { MUNICIPALITIES } from "./reference.js";

export async function getRegion(ctx: Ctx) {
  const [region] = await ctx.tx.select().from(regions).where(eq(regions.id, ctx.actor.regionId));
  if (!region) throw notFound();
  const municipalities = await ctx.tx
    .select({
      cbsCode: regionMunicipalities.cbsCode,
      name: regionMunicipalities.name,
      inhabitants: regionMunicipalities.inhabitants,
    })
    .from(regionMunicipalities)
    .where(eq(regionMunicipalities.regionId, ctx.actor.regionId))
    .orderBy(regionMunicipalities.name);
  return {
    id: region.id,
    slug: region.slug,
    name: region.name,
    logoFileId: region.logoFileId,
    municipalities,
    inhabitants: municipalities.reduce((sum, m) => sum + (m.inhabitants ?? 0), 0),
    version: region.version,
  };
}

export const regionName = async (ctx: Ctx) => (await getRegion(ctx)).name;

/** Renames the region and/or replaces its werkgebied; optimistic on `version`. */
export async function updateRegion(
  ctx: Ctx,
  patch: { version: number; name?: string; municipalities?: string[] },
) {
  const before = await getRegion(ctx);
  if (before.version !== patch.version) throw conflict(before);
  const chosen = patch.municipalities?.map((code) => {
    const m = MUNICIPALITIES.find((x) => x.cbsCode === code);
    if (!m) throw invalidField("body.municipalities", "problem.badRequest");
    return m;
  });
  const [updated] = await ctx.tx
    .update(regions)
    .set({ name: patch.name?.trim() ?? before.name, updatedAt: new Date(), version: before.version + 1 })
    .where(and(eq(regions.id, ctx.actor.regionId), eq(regions.version, patch.version)))
    .returning();
  if (!updated) throw conflict(await getRegion(ctx));
  if (chosen) {
    await ctx.tx.delete(regionMunicipalities).where(eq(regionMunicipalities.regionId, ctx.actor.regionId));
    if (chosen.length)
      await ctx.tx
        .insert(regionMunicipalities)
        .values(chosen.map((m) => ({ regionId: ctx.actor.regionId, ...m })));
  }
  const after = await getRegion(ctx);
  await audit(ctx, {
    entityType: "region",
    entityId: ctx.actor.regionId,
    action: "update",
    before: { name: before.name, municipalities: before.municipalities.map((m) => m.cbsCode) },
    after: { name: after.name, municipalities: after.municipalities.map((m) => m.cbsCode) },
  });
  return after;
}

export async function setLogo(ctx: Ctx, store: FileStore, file: { name: string; data: Buffer }) {
  const before = await getRegion(ctx);
  const stored = await storeFile(ctx, store, {
    ownerType: "region",
    ownerId: ctx.actor.regionId,
    ...file,
    allowed: IMAGE_TYPES,
  });
  await ctx.tx
    .update(regions)
    .set({ logoFileId: stored.id, updatedAt: new Date(), version: before.version + 1 })
    .where(eq(regions.id, ctx.actor.regionId));
  await audit(ctx, {
    entityType: "region",
    entityId: ctx.actor.regionId,
    action: "update",
    before: { logoFileId: before.logoFileId },
    after: { logoFileId: stored.id },
  });
  return getRegion(ctx);
}

export async function getLogo(ctx: Ctx, store: FileStore) {
  const region = await getRegion(ctx);
  if (!region.logoFileId) throw notFound();
  return loadFile(ctx, store, region.logoFileId);
}

import { randomUUID } from "node:crypto";
import { rm } from "node:fs/promises";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startS3 } from "../../../tests/support/s3.js";
import { type Caller, World } from "../../../tests/support/world.js";
import { loadConfig } from "./config.js";
import { type Ctx, inRegion } from "./context.js";
import { SWEEP_GRACE_MS, sweepOrphanedFiles } from "./file-sweep.js";
import { type FileStore, openFileStore, storeFile, TINY_PDF, TINY_PNG } from "./files.js";

let s3: Awaited<ReturnType<typeof startS3>>;
const s3Dir = `.tmp/s3rver-${process.pid}`;
beforeAll(async () => {
  s3 = await startS3(s3Dir);
});
afterAll(async () => {
  await s3?.close();
  await rm(s3Dir, { recursive: true, force: true });
});

const keyIn = (region: string) => `${region}/${randomUUID()}`;
const keysOf = async (store: FileStore) => {
  const keys: string[] = [];
  for await (const o of store.list()) keys.push(o.key);
  return keys;
};

describe.each(["directory", "s3"] as const)("the %s file store", (kind) => {
  const open = () =>
    openFileStore(loadConfig({ DATA_DIR: `.tmp/store-${process.pid}`, ...(kind === "s3" ? s3.env : {}) }));

  it("keeps bytes under a key, lists them with their time, and deletes them", async () => {
    const store = await open();
    const key = keyIn(randomUUID());
    const data = Buffer.from(TINY_PDF, "base64");
    await store.put(key, data);
    expect((await store.get(key)).equals(data)).toBe(true);
    const listed = [];
    for await (const o of store.list()) if (o.key === key) listed.push(o);
    expect(listed).toHaveLength(1);
    expect(Date.now() - listed[0]!.modifiedAt.getTime()).toBeLessThan(60_000);
    await store.delete(key);
    expect(await keysOf(store)).not.toContain(key);
    await expect(store.get(key)).rejects.toThrow();
  });

  it("refuses a key it did not make, so no path or object name comes from outside", async () => {
    const store = await open();
    await expect(store.put("../../etc/passwd", Buffer.from("x"))).rejects.toThrow("invalid storage key");
    await expect(store.get(`${randomUUID()}/../x`)).rejects.toThrow("invalid storage key");
  });
});

describe("files in an S3 bucket", () => {
  let world: World;
  let staff: Caller;
  beforeAll(async () => {
    world = await World.create(s3.env);
    staff = await world.as("a", "medewerker");
  });
  afterAll(() => world?.close());

  it("stores an upload in the bucket and serves it back through the app", async () => {
    const success = await world.inject(staff, {
      method: "POST",
      url: "/api/v1/successes",
      payload: { title: "Gelukt", story: "Het werkte.", happenedOn: "2026-11-01" },
    });
    expect(success.statusCode, success.body).toBe(201);
    const boundary = "----regiotafel-s3";
    const photo = await world.inject(staff, {
      method: "PUT",
      url: `/api/v1/successes/${success.json().id}/photo`,
      headers: { "content-type": `multipart/form-data; boundary=${boundary}` },
      payload: Buffer.concat([
        Buffer.from(
          `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="foto.png"\r\nContent-Type: image/png\r\n\r\n`,
        ),
        Buffer.from(TINY_PNG, "base64"),
        Buffer.from(`\r\n--${boundary}--\r\n`),
      ]),
    });
    expect(photo.statusCode, photo.body).toBe(200);
    expect((await keysOf(world.files)).some((k) => k.startsWith(`${world.regionIds.a}/`))).toBe(true);
    const shown = await world.inject(staff, {
      method: "GET",
      url: `/api/v1/successes/${success.json().id}/photo`,
    });
    expect(shown.statusCode).toBe(200);
    expect(shown.rawPayload.equals(Buffer.from(TINY_PNG, "base64"))).toBe(true);
  });
});

describe("the sweep of orphaned bytes", () => {
  let world: World;
  beforeAll(async () => {
    world = await World.create();
  });
  afterAll(() => world?.close());

  const ctxFor = (tx: Ctx["tx"]): Ctx => ({
    tx,
    actor: { kind: "token", regionId: world.regionIds.a, userId: null, name: "Test", role: "beheerder" },
    lang: "nl",
    requestId: "sweep-test",
  });
  const upload = (tx: Ctx["tx"], name: string) =>
    storeFile(ctxFor(tx), world.files, {
      ownerType: "test",
      ownerId: randomUUID(),
      name,
      data: Buffer.from(TINY_PDF, "base64"),
      allowed: ["application/pdf"],
    });

  it("removes the bytes of an upload whose transaction rolled back, once the grace period is over", async () => {
    const kept = await inRegion(world.db, world.regionIds.a, (tx) => upload(tx, "blijft.pdf"));
    let orphan = "";
    await expect(
      inRegion(world.db, world.regionIds.a, async (tx) => {
        orphan = (await upload(tx, "teruggedraaid.pdf")).storageKey;
        throw new Error("the rest of the change failed");
      }),
    ).rejects.toThrow("the rest of the change failed");
    expect(await keysOf(world.files)).toEqual(expect.arrayContaining([kept.storageKey, orphan]));

    // Within the grace period nothing goes: the upload's transaction could still be running.
    expect(await sweepOrphanedFiles(world.db, world.files, new Date(Date.now() - SWEEP_GRACE_MS))).toBe(0);
    expect(await sweepOrphanedFiles(world.db, world.files, new Date(Date.now() + 1000))).toBe(1);
    const left = await keysOf(world.files);
    expect(left).toContain(kept.storageKey);
    expect(left).not.toContain(orphan);
  });
});

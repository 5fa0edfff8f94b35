import { mkdirSync, writeFileSync } from "node:fs";
import { migrateDatabase, openPglite } from "../../src/server/platform/db.js";

export const TEMPLATE = ".tmp/test-template.tar.gz";

/** Creates and migrates one embedded database once; every test file starts from its dump. */
export default async function setup() {
  mkdirSync(".tmp", { recursive: true });
  const database = await openPglite();
  await migrateDatabase(database);
  const dump = await database.pglite!.dumpDataDir("gzip");
  writeFileSync(TEMPLATE, Buffer.from(await dump.arrayBuffer()));
  await database.close();
}

import { readFileSync } from "node:fs";
import pg from "pg";
import { type Database, migrateDatabase, openPglite, openPostgres } from "../../src/server/platform/db.js";

/**
 * A fresh, migrated database for one test file: PGlite from the template dump, or (TEST_DB=postgres)
 * a new database on the TEST_DATABASE_URL server, dropped again on close.
 */
export async function freshDatabase(): Promise<Database> {
  if (process.env.TEST_DB !== "postgres") {
    const dump = new Blob([readFileSync(".tmp/test-template.tar.gz")]);
    return openPglite(undefined, dump);
  }
  const adminUrl = process.env.TEST_DATABASE_URL!;
  const name = `rt_test_${process.pid}_${Math.random().toString(36).slice(2, 8)}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`create database ${name}`);
  await admin.end();
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  const database = openPostgres(url.toString(), 4);
  await migrateDatabase(database);
  return {
    ...database,
    async close() {
      await database.close();
      const c = new pg.Client({ connectionString: adminUrl });
      await c.connect();
      await c.query(`drop database if exists ${name} with (force)`);
      await c.end();
    },
  };
}

import { parseArgs } from "node:util";
import { ROLES, type Role } from "../shared/roles.js";
import { createOperatorToken, createRegion } from "./operator.js";
import { loadConfig } from "./platform/config.js";
import { migrateDatabase, openDatabase } from "./platform/db.js";

const USAGE = `Gebruik:
  npm run cli -- db migrate
  npm run cli -- region create --slug <slug> --name <naam> --admin-email <e-mail> --admin-name <naam> [--gemeente GM0000 ...]
  npm run cli -- token create --region <slug> --role <${ROLES.join("|")}> [--name <naam>]`;

const { positionals, values } = parseArgs({
  allowPositionals: true,
  options: {
    slug: { type: "string" },
    name: { type: "string" },
    "admin-email": { type: "string" },
    "admin-name": { type: "string" },
    gemeente: { type: "string", multiple: true },
    region: { type: "string" },
    role: { type: "string" },
  },
});

function need(name: keyof typeof values): string {
  const v = values[name];
  if (typeof v !== "string" || !v) {
    console.error(`--${name} ontbreekt\n\n${USAGE}`);
    process.exit(2);
  }
  return v;
}

const config = loadConfig();
const database = await openDatabase({ url: config.DATABASE_URL, dataDir: config.DATA_DIR });
try {
  await migrateDatabase(database);
  const command = positionals.join(" ");
  if (command === "db migrate") {
    console.log("Database is bijgewerkt.");
  } else if (command === "region create") {
    const { region, admin } = await createRegion(database.db, {
      slug: need("slug"),
      name: need("name"),
      adminEmail: need("admin-email"),
      adminName: need("admin-name"),
      municipalities: values.gemeente,
      publicUrl: config.publicUrl,
    });
    console.log(
      `Regio '${region.name}' (${region.slug}) aangemaakt; uitnodiging voor ${admin.email} staat klaar (zie de e-mail of, zonder SMTP, Beheer → E-mail).`,
    );
  } else if (command === "token create") {
    const role = need("role");
    if (!ROLES.includes(role as Role))
      throw new Error(`Onbekende rol '${role}'. Kies uit: ${ROLES.join(", ")}`);
    console.log(
      await createOperatorToken(database.db, {
        slug: need("region"),
        role: role as Role,
        name: values.name ?? `cli-${role}`,
      }),
    );
  } else {
    console.error(USAGE);
    process.exitCode = 2;
  }
} catch (err) {
  console.error(err instanceof Error ? err.message : err);
  process.exitCode = 1;
} finally {
  await database.close();
}

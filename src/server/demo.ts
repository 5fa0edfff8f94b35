import { count } from "drizzle-orm";
import { ROLES, type Role } from "../shared/roles.js";
import { seedGovernanceDemo } from "./modules/governance/demo.js";
import { seedNetworkDemo } from "./modules/network/demo.js";
import { seedPlanDemo } from "./modules/plan/demo.js";
import { MUNICIPALITIES } from "./modules/regions/reference.js";
import { audit } from "./platform/audit.js";
import { inRegion } from "./platform/context.js";
import type { Db } from "./platform/db.js";
import { regionMunicipalities, regions, users } from "./platform/identity-schema.js";
import { hashPassword } from "./platform/secrets.js";

export const DEMO_PASSWORD = "regiotafel-demo";

/** One demo account per role; the addresses are printed at start-up. */
export const DEMO_ACCOUNTS: { role: Role; name: string; email: string }[] = [
  { role: "beheerder", name: "Sanne de Vries", email: "beheerder@zhn.demo" },
  { role: "bestuur", name: "Dr. Pieter van den Berg", email: "bestuur@zhn.demo" },
  { role: "medewerker", name: "Fatima El Amrani", email: "medewerker@zhn.demo" },
  { role: "projectleider", name: "Joost Bakker", email: "projectleider@zhn.demo" },
  { role: "wijkcoordinator", name: "Anouk Jansen", email: "wijkcoordinator@zhn.demo" },
  { role: "lid", name: "Huisarts Marieke Visser", email: "lid@zhn.demo" },
  { role: "partner", name: "Thomas Mulder (gemeente Katwijk)", email: "partner@zhn.demo" },
];

// Further fictional members with Dutch names, so lists have something to search and page.
const FIRST = [
  "Eva",
  "Daan",
  "Lotte",
  "Bram",
  "Femke",
  "Ruben",
  "Iris",
  "Sem",
  "Noor",
  "Lucas",
  "Yara",
  "Thijs",
  "Mila",
  "Jesse",
  "Sara",
  "Koen",
];
const LAST = [
  "de Jong",
  "Smit",
  "Meijer",
  "de Boer",
  "Hendriks",
  "van Dijk",
  "Bos",
  "Vos",
  "Peters",
  "Kok",
  "Dekker",
  "van Leeuwen",
  "Brouwer",
  "de Graaf",
  "Willems",
  "Kramer",
];

/**
 * Seeds the demo region Zuid-Holland Noord into an empty database (`publicUrl` is where the
 * demo's invitation mails link to). Returns false if not empty.
 */
export async function seedDemo(db: Db, publicUrl: string): Promise<boolean> {
  const [existing] = await db.select({ n: count() }).from(regions);
  if ((existing?.n ?? 0) > 0) return false;
  const [region] = await db.insert(regions).values({ slug: "zhn", name: "Zuid-Holland Noord" }).returning();
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  await inRegion(db, region!.id, async (tx) => {
    const actor = {
      kind: "token" as const,
      regionId: region!.id,
      userId: null,
      name: "Demo-gegevens",
      role: "beheerder" as const,
    };
    await tx.insert(regionMunicipalities).values(MUNICIPALITIES.map((m) => ({ regionId: region!.id, ...m })));
    const members = FIRST.flatMap((first, i) =>
      [0, 1].map((k) => {
        const last = LAST[(i * 3 + k * 5) % LAST.length]!;
        const role: Role = ROLES[5 + ((i + k) % 2)] ?? "lid";
        return {
          name: `${first} ${last}`,
          email: `${first}.${last}`.toLowerCase().replace(/\s+/g, "") + `${k || ""}@zhn.demo`,
          role,
        };
      }),
    );
    const rows = await tx
      .insert(users)
      .values(
        [...DEMO_ACCOUNTS, ...members].map((a) => ({
          ...a,
          regionId: region!.id,
          status: "active" as const,
          passwordHash,
        })),
      )
      .returning({ id: users.id, email: users.email, role: users.role });
    for (const r of rows)
      await audit(
        { tx, actor, requestId: "demo" },
        { entityType: "user", entityId: r.id, action: "create", after: { email: r.email, role: r.role } },
      );
    await seedNetworkDemo({ tx, actor, lang: "nl", requestId: "demo" });
    await seedGovernanceDemo({ tx, actor, lang: "nl", requestId: "demo" }, publicUrl);
    await seedPlanDemo({ tx, actor, lang: "nl", requestId: "demo" });
  });
  return true;
}

import { buildApp } from "./app.js";
import { DEMO_ACCOUNTS, DEMO_PASSWORD, seedDemo } from "./demo.js";
import { remindActionOwners } from "./modules/governance/action-reminders.js";
import { remindConsultationInvitees } from "./modules/governance/consultation-reminders.js";
import { announceSeatNotices } from "./modules/governance/notices.js";
import { closeExpiredVotes } from "./modules/governance/proposals-service.js";
import { remindPlanActionOwners } from "./modules/plan/action-reminders.js";
import { remindProgressReports } from "./modules/plan/report-reminders.js";
import { loadConfig } from "./platform/config.js";
import { migrateDatabase, openDatabase } from "./platform/db.js";
import { SWEEP_GRACE_MS, sweepOrphanedFiles } from "./platform/file-sweep.js";
import { openFileStore } from "./platform/files.js";
import { MailWorker } from "./platform/mail.js";

const started = performance.now();
const config = loadConfig();
const database = await openDatabase({ url: config.DATABASE_URL, dataDir: config.DATA_DIR });
await migrateDatabase(database);
const seeded = config.demo ? await seedDemo(database.db, config.publicUrl) : false;

const files = await openFileStore(config);
const mail = new MailWorker(database.db, {
  smtpUrl: config.SMTP_URL,
  from: config.MAIL_FROM,
  files,
  onError: (err) => app.log.error({ err }, "mail delivery failed"),
});
const app = await buildApp({ database, config, files, mail });
await app.listen({ port: config.PORT, host: config.HOST });
mail.start();

// Terms ending within 90 days, seats fallen vacant, actiepunten and actions coming due or overdue and
// consultation deadlines drawing near are announced by e-mail, and online votes past their window are closed: now and hourly.
const announce = () =>
  Promise.all([
    announceSeatNotices(database.db, config.publicUrl),
    remindActionOwners(database.db, config.publicUrl),
    remindConsultationInvitees(database.db, config.publicUrl),
    remindPlanActionOwners(database.db, config.publicUrl),
    remindProgressReports(database.db, config.publicUrl),
    closeExpiredVotes(database.db),
  ])
    .then(([seats, actionItems, consultations, actions, reports]) =>
      seats + actionItems + consultations + actions + reports ? mail.kick() : undefined,
    )
    .catch((err) => app.log.error({ err }, "notices failed"));
// Bytes that no file row points at (a rolled-back upload, a removed file) are swept a day later.
const sweep = () =>
  sweepOrphanedFiles(database.db, files, new Date(Date.now() - SWEEP_GRACE_MS))
    .then((removed) => (removed ? app.log.info({ removed }, "orphaned file bytes removed") : undefined))
    .catch((err) => app.log.error({ err }, "file sweep failed"));
const hourly = () => Promise.all([announce(), sweep()]);
void hourly();
setInterval(hourly, 3_600_000).unref();

const seconds = ((performance.now() - started) / 1000).toFixed(1);
const where = database.kind === "pglite" ? `embedded database in ${config.DATA_DIR}` : "PostgreSQL server";
console.log(`\nRegiotafel draait op ${config.publicUrl} (${where}, gestart in ${seconds} s)`);
if (config.demo) {
  console.log(
    `${seeded ? "Demoregio Zuid-Holland Noord aangemaakt." : "Demoregio Zuid-Holland Noord."} Demo-accounts (wachtwoord: ${DEMO_PASSWORD}):`,
  );
  for (const a of DEMO_ACCOUNTS) console.log(`  ${a.role.padEnd(16)} ${a.email}`);
}

for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.once(signal, async () => {
    await app.close();
    await mail.stop();
    await database.close();
    process.exit(0);
  });
}

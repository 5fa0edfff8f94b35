import { type SQL, sql } from "drizzle-orm";
import type { PgColumn, PgTable } from "drizzle-orm/pg-core";
import { inEveryRegion } from "./context.js";
import type { Db, Tx } from "./db.js";
import { enqueueMails, type Mail } from "./mail.js";

/** A table of things with a due date that remind their owner once before and once after it. */
export type DueTable = PgTable & {
  id: PgColumn;
  regionId: PgColumn;
  dueDate: PgColumn;
  dueSoonNoticeSentAt: PgColumn;
  overdueNoticeSentAt: PgColumn;
};

/**
 * Reminds owners by e-mail, once each: `soonDays` before the due date, and when it has passed.
 * `find` selects the open rows that match `when` (and locks them, so two app processes never both
 * send); `mail` writes the message. Runs for every region; a new due date earns new reminders
 * when the service clears the marks. Returns how many mails were queued.
 */
export async function remindOfDueDates<T extends { id: string }>(
  db: Db,
  day: string,
  opts: {
    table: DueTable;
    soonDays: number;
    find: (tx: Tx, regionId: string, when: SQL) => Promise<T[]>;
    mail: (item: T, overdue: boolean) => Mail;
  },
) {
  const { table } = opts;
  const column = (c: PgColumn) => sql.identifier(c.name);
  return inEveryRegion(db, async (tx, regionId) => {
    const soon = await opts.find(
      tx,
      regionId,
      sql`${table.dueSoonNoticeSentAt} is null
        and ${table.dueDate} between ${day}::date and ${day}::date + ${opts.soonDays}::int`,
    );
    const overdue = await opts.find(
      tx,
      regionId,
      sql`${table.overdueNoticeSentAt} is null and ${table.dueDate} < ${day}::date`,
    );
    await enqueueMails(tx, regionId, [
      ...soon.map((item) => opts.mail(item, false)),
      ...overdue.map((item) => opts.mail(item, true)),
    ]);
    const mark = async (items: T[], columns: PgColumn[]) => {
      if (!items.length) return;
      const set = sql.join(
        columns.map((c) => sql`${column(c)} = now()`),
        sql`, `,
      );
      const ids = sql.join(
        items.map((i) => sql`${i.id}::uuid`),
        sql`, `,
      );
      await tx.execute(
        sql`update ${table} set ${set} where ${column(table.regionId)} = ${regionId} and ${column(table.id)} in (${ids})`,
      );
    };
    await mark(soon, [table.dueSoonNoticeSentAt]);
    await mark(overdue, [table.overdueNoticeSentAt, table.dueSoonNoticeSentAt]);
    return soon.length + overdue.length;
  });
}

import { and, eq, inArray, type SQL, sql } from "drizzle-orm";
import { today } from "../../../shared/dates.js";
import { inRegion } from "../../platform/context.js";
import type { Db, Tx } from "../../platform/db.js";
import { regions } from "../../platform/identity-schema.js";
import { enqueueMails } from "../../platform/mail.js";
import { persons } from "../network/schema.js";
import { actionItems } from "./decisions-schema.js";
import { meetings } from "./meetings-schema.js";
import { bodies } from "./schema.js";
import { dutchDay } from "./words.js";

/** An owner hears of an action this many days before it is due. */
export const ACTION_REMINDER_DAYS = 7;

/** Open actions whose owner has an e-mail address and matches `when`, locked so two app processes never both send. */
function dueActions(tx: Tx, regionId: string, when: SQL) {
  return tx
    .select({
      id: actionItems.id,
      description: actionItems.description,
      dueDate: actionItems.dueDate,
      meetingId: actionItems.meetingId,
      meetingTitle: meetings.title,
      bodyName: bodies.name,
      email: persons.email,
      givenName: persons.givenName,
    })
    .from(actionItems)
    .innerJoin(
      persons,
      and(eq(persons.regionId, actionItems.regionId), eq(persons.id, actionItems.ownerPersonId)),
    )
    .innerJoin(
      meetings,
      and(eq(meetings.regionId, actionItems.regionId), eq(meetings.id, actionItems.meetingId)),
    )
    .innerJoin(bodies, and(eq(bodies.regionId, actionItems.regionId), eq(bodies.id, actionItems.bodyId)))
    .where(
      and(
        eq(actionItems.regionId, regionId),
        inArray(actionItems.status, ["open", "in_progress"]),
        sql`${persons.email} is not null`,
        when,
      ),
    )
    .for("update", { of: actionItems, skipLocked: true });
}

/**
 * Reminds owners of open actions by e-mail, once each: a week before the due date, and when it
 * has passed. Runs for every region; the app calls it hourly. A new due date earns new reminders
 * (the service clears the marks). Returns how many mails were queued.
 */
export async function remindActionOwners(db: Db, publicUrl: string, day = today()) {
  let queued = 0;
  for (const region of await db.select({ id: regions.id }).from(regions)) {
    queued += await inRegion(db, region.id, async (tx) => {
      const soon = await dueActions(
        tx,
        region.id,
        sql`${actionItems.dueSoonNoticeSentAt} is null
          and ${actionItems.dueDate} between ${day}::date and ${day}::date + ${ACTION_REMINDER_DAYS}::int`,
      );
      const overdue = await dueActions(
        tx,
        region.id,
        sql`${actionItems.overdueNoticeSentAt} is null and ${actionItems.dueDate} < ${day}::date`,
      );
      await enqueueMails(
        tx,
        region.id,
        (
          [
            [soon, "Herinnering: actiepunt", "moet klaar zijn op"],
            [overdue, "Over de datum: actiepunt", "had klaar moeten zijn op"],
          ] as const
        ).flatMap(([list, subject, sentence]) =>
          list.map((a) => ({
            to: a.email!,
            subject: `${subject} ${a.bodyName}`,
            text: `Beste ${a.givenName},\n\nUw actiepunt uit ${a.bodyName} (${a.meetingTitle}) ${sentence} ${dutchDay(a.dueDate)}:\n\n${a.description}\n\nWerk de status bij in Regiotafel: ${publicUrl}/vergaderingen/${a.meetingId}\n`,
          })),
        ),
      );
      const now = new Date();
      const mark = (ids: string[], set: Partial<typeof actionItems.$inferInsert>) =>
        ids.length
          ? tx
              .update(actionItems)
              .set(set)
              .where(and(eq(actionItems.regionId, region.id), inArray(actionItems.id, ids)))
          : undefined;
      await mark(
        soon.map((a) => a.id),
        { dueSoonNoticeSentAt: now },
      );
      await mark(
        overdue.map((a) => a.id),
        { overdueNoticeSentAt: now, dueSoonNoticeSentAt: now },
      );
      return soon.length + overdue.length;
    });
  }
  return queued;
}

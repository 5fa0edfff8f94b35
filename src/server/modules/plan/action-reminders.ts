import { and, eq, inArray, type SQL, sql } from "drizzle-orm";
import { today } from "../../../shared/dates.js";
import { inRegion } from "../../platform/context.js";
import type { Db, Tx } from "../../platform/db.js";
import { regions } from "../../platform/identity-schema.js";
import { enqueueMails } from "../../platform/mail.js";
import { ACTION_REMINDER_DAYS } from "../governance/action-reminders.js";
import { dutchDay } from "../governance/words.js";
import { persons } from "../network/schema.js";
import { actions } from "./actions-schema.js";

/** Open actions whose owner person has an e-mail address and matches `when`, locked so two app processes never both send. */
function dueActions(tx: Tx, regionId: string, when: SQL) {
  return tx
    .select({
      id: actions.id,
      title: actions.title,
      dueDate: actions.dueDate,
      email: persons.email,
      givenName: persons.givenName,
      context: sql<string>`coalesce(
        (select 'speerpunt ' || p.title from priorities p where p.region_id = ${regionId} and p.id = ${actions.priorityId}),
        (select 'project ' || p.name from projects p where p.region_id = ${regionId} and p.id = ${actions.projectId}))`,
    })
    .from(actions)
    .innerJoin(persons, and(eq(persons.regionId, actions.regionId), eq(persons.id, actions.ownerPersonId)))
    .where(
      and(
        eq(actions.regionId, regionId),
        inArray(actions.status, ["open", "in_progress"]),
        sql`${persons.email} is not null`,
        when,
      ),
    )
    .for("update", { of: actions, skipLocked: true });
}

/**
 * Reminds the people who carry out actions by e-mail, once each: a week before the due date, and
 * when it has passed. Runs for every region; the app calls it hourly. A new due date earns new
 * reminders (the service clears the marks). Returns how many mails were queued.
 */
export async function remindPlanActionOwners(db: Db, publicUrl: string, day = today()) {
  let queued = 0;
  for (const region of await db.select({ id: regions.id }).from(regions)) {
    queued += await inRegion(db, region.id, async (tx) => {
      const soon = await dueActions(
        tx,
        region.id,
        sql`${actions.dueSoonNoticeSentAt} is null
          and ${actions.dueDate} between ${day}::date and ${day}::date + ${ACTION_REMINDER_DAYS}::int`,
      );
      const overdue = await dueActions(
        tx,
        region.id,
        sql`${actions.overdueNoticeSentAt} is null and ${actions.dueDate} < ${day}::date`,
      );
      await enqueueMails(
        tx,
        region.id,
        (
          [
            [soon, "Herinnering: actie", "moet klaar zijn op"],
            [overdue, "Over de datum: actie", "had klaar moeten zijn op"],
          ] as const
        ).flatMap(([list, subject, sentence]) =>
          list.map((a) => ({
            to: a.email!,
            subject: `${subject} ${a.title}`,
            text: `Beste ${a.givenName},\n\nUw actie voor ${a.context} ${sentence} ${dutchDay(a.dueDate)}:\n\n${a.title}\n\nWerk de status bij in Regiotafel: ${publicUrl}/wie-doet-wat\n`,
          })),
        ),
      );
      const now = new Date();
      if (soon.length)
        await tx
          .update(actions)
          .set({ dueSoonNoticeSentAt: now })
          .where(
            and(
              eq(actions.regionId, region.id),
              inArray(
                actions.id,
                soon.map((a) => a.id),
              ),
            ),
          );
      if (overdue.length)
        await tx
          .update(actions)
          .set({ overdueNoticeSentAt: now, dueSoonNoticeSentAt: now })
          .where(
            and(
              eq(actions.regionId, region.id),
              inArray(
                actions.id,
                overdue.map((a) => a.id),
              ),
            ),
          );
      return soon.length + overdue.length;
    });
  }
  return queued;
}

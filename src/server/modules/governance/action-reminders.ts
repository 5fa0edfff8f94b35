import { and, eq, inArray, type SQL, sql } from "drizzle-orm";
import { today } from "../../../shared/dates.js";
import type { Db, Tx } from "../../platform/db.js";
import { remindOfDueDates } from "../../platform/due-reminders.js";
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
 * Reminds owners of open actiepunten by e-mail, once a week before the due date and once when it
 * has passed. The app calls it hourly. Returns how many mails were queued.
 */
export function remindActionOwners(db: Db, publicUrl: string, day = today()) {
  return remindOfDueDates(db, day, {
    table: actionItems,
    soonDays: ACTION_REMINDER_DAYS,
    find: dueActions,
    mail: (a, overdue) => ({
      to: a.email!,
      subject: `${overdue ? "Over de datum: actiepunt" : "Herinnering: actiepunt"} ${a.bodyName}`,
      text: `Beste ${a.givenName},\n\nUw actiepunt uit ${a.bodyName} (${a.meetingTitle}) ${overdue ? "had klaar moeten zijn op" : "moet klaar zijn op"} ${dutchDay(a.dueDate)}:\n\n${a.description}\n\nWerk de status bij in Regiotafel: ${publicUrl}/vergaderingen/${a.meetingId}\n`,
    }),
  });
}

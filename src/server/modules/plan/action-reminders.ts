import { and, eq, inArray, type SQL, sql } from "drizzle-orm";
import { today } from "../../../shared/dates.js";
import type { Db, Tx } from "../../platform/db.js";
import { remindOfDueDates } from "../../platform/due-reminders.js";
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
 * Reminds the people who carry out actions by e-mail, once a week before the due date and once
 * when it has passed. The app calls it hourly. Returns how many mails were queued.
 */
export function remindPlanActionOwners(db: Db, publicUrl: string, day = today()) {
  return remindOfDueDates(db, day, {
    table: actions,
    soonDays: ACTION_REMINDER_DAYS,
    find: dueActions,
    mail: (a, overdue) => ({
      to: a.email!,
      subject: `${overdue ? "Over de datum: actie" : "Herinnering: actie"} ${a.title}`,
      text: `Beste ${a.givenName},\n\nUw actie voor ${a.context} ${overdue ? "had klaar moeten zijn op" : "moet klaar zijn op"} ${dutchDay(a.dueDate)}:\n\n${a.title}\n\nWerk de status bij in Regiotafel: ${publicUrl}/wie-doet-wat\n`,
    }),
  });
}

import { and, eq, inArray, isNull, sql } from "drizzle-orm";
import { today } from "../../../shared/dates.js";
import { inEveryRegion } from "../../platform/context.js";
import type { Db } from "../../platform/db.js";
import { enqueueMails } from "../../platform/mail.js";
import { dutchDay } from "../governance/words.js";
import { persons } from "../network/schema.js";
import { projects } from "./projects-schema.js";
import { progressReports, reportRounds } from "./reports-schema.js";

/** A projectleider is reminded of a report not yet written this many days before it is due. */
export const REPORT_REMINDER_DAYS = 3;

/**
 * Reminds projectleiders, once, of progress reports of open rounds that are due within three days
 * (or overdue) and not yet written. Runs for every region; the app calls it hourly. Returns how
 * many mails were queued.
 */
export async function remindProgressReports(db: Db, publicUrl: string, day = today()) {
  return inEveryRegion(db, async (tx, regionId) => {
    const due = await tx
      .select({
        id: progressReports.id,
        roundId: reportRounds.id,
        period: reportRounds.period,
        dueDate: reportRounds.dueDate,
        projectName: projects.name,
        email: persons.email,
        givenName: persons.givenName,
      })
      .from(progressReports)
      .innerJoin(
        reportRounds,
        and(
          eq(reportRounds.regionId, progressReports.regionId),
          eq(reportRounds.id, progressReports.roundId),
        ),
      )
      .innerJoin(
        projects,
        and(eq(projects.regionId, progressReports.regionId), eq(projects.id, progressReports.projectId)),
      )
      .innerJoin(
        persons,
        and(eq(persons.regionId, projects.regionId), eq(persons.id, projects.leaderPersonId)),
      )
      .where(
        and(
          eq(progressReports.regionId, regionId),
          isNull(reportRounds.closedAt),
          isNull(progressReports.submittedAt),
          isNull(progressReports.remindedAt),
          sql`${persons.email} is not null`,
          sql`${reportRounds.dueDate} <= ${day}::date + ${REPORT_REMINDER_DAYS}::int`,
        ),
      )
      .for("update", { of: progressReports, skipLocked: true });
    await enqueueMails(
      tx,
      regionId,
      due.map((r) => ({
        to: r.email!,
        subject: `Herinnering: voortgangsrapportage ${r.period}: ${r.projectName}`,
        text: `Beste ${r.givenName},\n\nDe voortgangsrapportage over ${r.period} voor ${r.projectName} moet uiterlijk ${dutchDay(r.dueDate)} binnen zijn en is nog niet ingevuld.\n\n${publicUrl}/voortgang/${r.roundId}\n`,
      })),
    );
    if (due.length)
      await tx
        .update(progressReports)
        .set({ remindedAt: new Date() })
        .where(
          and(
            eq(progressReports.regionId, regionId),
            inArray(
              progressReports.id,
              due.map((r) => r.id),
            ),
          ),
        );
    return due.length;
  });
}

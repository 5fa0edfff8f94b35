import { and, eq, inArray, sql } from "drizzle-orm";
import { CONSULTATION_REMINDER_DAYS } from "../../../shared/consultation.js";
import { dayInNetherlands } from "../../../shared/dates.js";
import { inEveryRegion } from "../../platform/context.js";
import type { Db } from "../../platform/db.js";
import { enqueueMails } from "../../platform/mail.js";
import { persons } from "../network/schema.js";
import { consultationInvitees, consultations } from "./consultations-schema.js";
import { consultationMailText } from "./consultations-service.js";
import { bodies } from "./schema.js";

/**
 * Reminds those asked who have not responded, once, in the last days before the deadline of a
 * round in consultation. Runs for every region; the app calls it hourly. The invitees are locked
 * (skipping locked ones), so two app processes never both send. Returns how many mails were queued.
 */
export async function remindConsultationInvitees(
  db: Db,
  publicUrl: string,
  day = dayInNetherlands(new Date()),
) {
  return inEveryRegion(db, async (tx, regionId) => {
    const due = await tx
      .select({
        consultationId: consultationInvitees.consultationId,
        personId: consultationInvitees.personId,
        email: persons.email,
        givenName: persons.givenName,
        c: {
          id: consultations.id,
          title: consultations.title,
          questions: consultations.questions,
          deadline: consultations.deadline,
        },
        bodyName: bodies.name,
      })
      .from(consultationInvitees)
      .innerJoin(
        consultations,
        and(
          eq(consultations.regionId, consultationInvitees.regionId),
          eq(consultations.id, consultationInvitees.consultationId),
        ),
      )
      .innerJoin(
        bodies,
        and(eq(bodies.regionId, consultations.regionId), eq(bodies.id, consultations.bodyId)),
      )
      .innerJoin(
        persons,
        and(
          eq(persons.regionId, consultationInvitees.regionId),
          eq(persons.id, consultationInvitees.personId),
        ),
      )
      .where(
        and(
          eq(consultationInvitees.regionId, regionId),
          eq(consultations.status, "consultation"),
          sql`${consultations.deadline} between ${day}::date and ${day}::date + ${CONSULTATION_REMINDER_DAYS}::int`,
          sql`${consultationInvitees.respondedAt} is null and ${consultationInvitees.remindedAt} is null`,
          sql`${persons.email} is not null`,
        ),
      )
      .for("update", { of: consultationInvitees, skipLocked: true });
    await enqueueMails(
      tx,
      regionId,
      due.map((d) => ({
        to: d.email!,
        subject: `Herinnering: consultatie ${d.c.title}`,
        text: consultationMailText(d.c, d.bodyName, d.givenName, publicUrl, true),
      })),
    );
    const now = new Date();
    const byConsultation = new Map<string, string[]>();
    for (const d of due) {
      const group = byConsultation.get(d.consultationId) ?? [];
      group.push(d.personId);
      byConsultation.set(d.consultationId, group);
    }
    for (const [consultationId, group] of byConsultation)
      await tx
        .update(consultationInvitees)
        .set({ remindedAt: now })
        .where(
          and(
            eq(consultationInvitees.regionId, regionId),
            eq(consultationInvitees.consultationId, consultationId),
            inArray(consultationInvitees.personId, group),
          ),
        );
    return due.length;
  });
}

import { and, eq, inArray, sql } from "drizzle-orm";
import { today } from "../../../shared/dates.js";
import { type SeatRole, TERM_NOTICE_DAYS } from "../../../shared/governance.js";
import { inEveryRegion } from "../../platform/context.js";
import type { Db, Tx } from "../../platform/db.js";
import type { Lang } from "../../platform/i18n.js";
import { users } from "../../platform/identity-schema.js";
import { enqueueMails, type Mail } from "../../platform/mail.js";
import { organisations, persons } from "../network/schema.js";
import { bodies, seatExistsOn, seats, seatTerms } from "./schema.js";

/** A vacancy older than this is not announced any more (e.g. when notices are first turned on). */
const VACANCY_LOOKBACK_DAYS = 30;

const ROLE_LABELS: Record<Lang, Record<SeatRole, string>> = {
  nl: {
    chair: "voorzitter",
    secretary: "secretaris",
    treasurer: "penningmeester",
    member: "lid",
    advisor: "adviseur",
    agenda_member: "agendalid",
  },
  en: {
    chair: "chair",
    secretary: "secretary",
    treasurer: "treasurer",
    member: "member",
    advisor: "advisor",
    agenda_member: "agenda member",
  },
};

interface DueTerm {
  id: string;
  endDate: string;
  bodyId: string;
  bodyName: string;
  role: SeatRole;
  represents: string | null;
  holderName: string;
  holderEmail: string | null;
}

const seatWords = (lang: Lang, t: DueTerm) =>
  `${ROLE_LABELS[lang][t.role]}${t.represents ? (lang === "en" ? ` for ${t.represents}` : ` namens ${t.represents}`) : ""}`;

function endingMail(lang: Lang, to: string, t: DueTerm, link: string): Mail {
  return lang === "en"
    ? {
        to,
        subject: `Term ending on ${t.endDate}: ${t.bodyName}`,
        text: `The term of ${t.holderName} as ${seatWords(lang, t)} in ${t.bodyName} ends on ${t.endDate}.\nArrange a reappointment or a successor in time:\n\n${link}\n`,
      }
    : {
        to,
        subject: `Termijn loopt af op ${t.endDate}: ${t.bodyName}`,
        text: `De termijn van ${t.holderName} als ${seatWords(lang, t)} in ${t.bodyName} loopt af op ${t.endDate}.\nRegel op tijd een herbenoeming of een opvolger:\n\n${link}\n`,
      };
}

function vacancyMail(lang: Lang, to: string, t: DueTerm, link: string): Mail {
  return lang === "en"
    ? {
        to,
        subject: `Vacant seat: ${t.bodyName}`,
        text: `Since ${t.endDate} ended, the seat of ${seatWords(lang, t)} in ${t.bodyName} (last held by ${t.holderName}) is vacant.\n\n${link}\n`,
      }
    : {
        to,
        subject: `Vacature: ${t.bodyName}`,
        text: `Sinds ${t.endDate} is de zetel ${seatWords(lang, t)} in ${t.bodyName} (laatst bezet door ${t.holderName}) vacant.\n\n${link}\n`,
      };
}

/**
 * Terms of the region that `when` selects, not yet announced and without a next term on their
 * seat, locked so that two app processes never announce one twice.
 */
function dueTerms(tx: Tx, regionId: string, when: ReturnType<typeof sql>) {
  return tx
    .select({
      id: seatTerms.id,
      endDate: sql<string>`${seatTerms.endDate}`,
      bodyId: bodies.id,
      bodyName: bodies.name,
      role: seats.role,
      represents: sql<string | null>`coalesce(${organisations.name}, ${seats.representsConstituency})`,
      holderName: sql<string>`concat_ws(' ', ${persons.givenName}, ${persons.namePrefix}, ${persons.familyName})`,
      holderEmail: persons.email,
    })
    .from(seatTerms)
    .innerJoin(seats, and(eq(seats.regionId, seatTerms.regionId), eq(seats.id, seatTerms.seatId)))
    .innerJoin(bodies, and(eq(bodies.regionId, seats.regionId), eq(bodies.id, seats.bodyId)))
    .innerJoin(persons, and(eq(persons.regionId, seatTerms.regionId), eq(persons.id, seatTerms.personId)))
    .leftJoin(
      organisations,
      and(eq(organisations.regionId, seats.regionId), eq(organisations.id, seats.representsOrganisationId)),
    )
    .where(
      and(
        eq(seatTerms.regionId, regionId),
        when,
        sql`not exists (select 1 from ${seatTerms} n where n.region_id = ${seatTerms.regionId}
          and n.seat_id = ${seatTerms.seatId} and n.start_date > ${seatTerms.endDate})`,
        // A term that ends because its seat is abolished leaves nothing to arrange.
        seatExistsOn(sql`${seatTerms.endDate} + 1`),
      ),
    )
    .for("update", { of: seatTerms, skipLocked: true });
}

/**
 * Announces, once each, terms that end within 90 days (to the holder and the bureau) and seats
 * that fell vacant at a term's end without a successor (to the bureau). Runs for every region;
 * the app calls it hourly. Returns how many mails were queued.
 */
export async function announceSeatNotices(db: Db, publicUrl: string, day = today()) {
  const notice = sql`${day}::date + ${TERM_NOTICE_DAYS}::int`;
  const lookback = sql`${day}::date - ${VACANCY_LOOKBACK_DAYS}::int`;
  return inEveryRegion(db, async (tx, regionId) => {
    const ending = await dueTerms(
      tx,
      regionId,
      sql`${seatTerms.endingNoticeSentAt} is null and ${seatTerms.endDate} between ${day}::date and ${notice}`,
    );
    const vacated = await dueTerms(
      tx,
      regionId,
      sql`${seatTerms.vacancyNoticeSentAt} is null and ${seatTerms.endDate} < ${day}::date
        and ${seatTerms.endDate} >= ${lookback}`,
    );
    if (!ending.length && !vacated.length) return 0;
    const bureau = await tx
      .select({ email: users.email, language: users.language })
      .from(users)
      .where(
        and(
          eq(users.regionId, regionId),
          eq(users.status, "active"),
          inArray(users.role, ["beheerder", "medewerker"]),
        ),
      );
    const mails: Mail[] = [];
    for (const t of ending) {
      const link = `${publicUrl}/organen/${t.bodyId}`;
      for (const b of bureau) mails.push(endingMail(b.language, b.email, t, link));
      if (t.holderEmail && !bureau.some((b) => b.email.toLowerCase() === t.holderEmail!.toLowerCase()))
        mails.push(endingMail("nl", t.holderEmail, t, link));
    }
    for (const t of vacated)
      for (const b of bureau)
        mails.push(vacancyMail(b.language, b.email, t, `${publicUrl}/organen/${t.bodyId}`));
    await enqueueMails(tx, regionId, mails);
    const now = new Date();
    if (ending.length)
      await tx
        .update(seatTerms)
        .set({ endingNoticeSentAt: now })
        .where(
          and(
            eq(seatTerms.regionId, regionId),
            inArray(
              seatTerms.id,
              ending.map((t) => t.id),
            ),
          ),
        );
    if (vacated.length)
      await tx
        .update(seatTerms)
        .set({ vacancyNoticeSentAt: now })
        .where(
          and(
            eq(seatTerms.regionId, regionId),
            inArray(
              seatTerms.id,
              vacated.map((t) => t.id),
            ),
          ),
        );
    return mails.length;
  });
}

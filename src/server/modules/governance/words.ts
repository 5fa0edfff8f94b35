import { netherlandsParts } from "../../../shared/dates.js";

/**
 * The Dutch words and date formats of what the governance module writes outside the web app:
 * invitations and reminders, exports and PDFs. (The web app has its own, translated, labels.)
 */
export const AGENDA_KIND_WORDS = {
  decision: "ter besluitvorming",
  discussion: "ter bespreking",
  information: "ter informatie",
} as const;

export const SEAT_ROLE_WORDS: Record<string, string> = {
  chair: "voorzitter",
  secretary: "secretaris",
  treasurer: "penningmeester",
  member: "lid",
  advisor: "adviseur",
  agenda_member: "agendalid",
};

export const ATTENDANCE_WORDS = { present: "aanwezig", absent: "afwezig", excused: "afgemeld" } as const;

export const ACTION_STATUS_WORDS = {
  open: "open",
  in_progress: "bezig",
  done: "klaar",
  cancelled: "vervallen",
} as const;

/** "ter besluitvorming" → "Ter besluitvorming". */
export const capitalised = (word: string) => word.charAt(0).toUpperCase() + word.slice(1);

const fullMoment = new Intl.DateTimeFormat("nl-NL", {
  dateStyle: "full",
  timeStyle: "short",
  timeZone: "Europe/Amsterdam",
});
/** A moment in words, in Dutch time: "dinsdag 8 december 2026 om 19:30". */
export const dutchDateTime = (iso: string) => fullMoment.format(new Date(iso));

const longDay = new Intl.DateTimeFormat("nl-NL", { dateStyle: "long", timeZone: "UTC" });
/** A calendar date in words: "15 januari 2027". */
export const dutchDay = (day: string) => longDay.format(new Date(`${day}T00:00:00Z`));

/** A moment as Dutch spreadsheets show it: 11-01-2027 16:00 (Dutch time). */
export const dutchMoment = (iso: string) => {
  const { date, time } = netherlandsParts(iso);
  return `${date.split("-").reverse().join("-")} ${time}`;
};

export const COMMENT_HANDLING_WORDS = {
  adopted: "overgenomen",
  partly: "deels overgenomen",
  not_adopted: "niet overgenomen",
  noted: "ter kennisgeving",
} as const;

export const PROPOSAL_STATUS_WORDS = { draft: "concept", open: "open", closed: "gesloten" } as const;

export const OUTCOME_WORDS = {
  adopted: "aangenomen",
  rejected: "verworpen",
  chosen: "gekozen",
  undecided: "onbeslist",
  no_quorum: "geen quorum",
} as const;

export const CONSULTATION_STATUS_WORDS = {
  draft: "concept",
  consultation: "in consultatie",
  processed: "verwerkt",
  for_decision: "ter besluitvorming",
  decided: "besloten",
} as const;

export const AUDIENCE_WORDS = {
  associations: "monodisciplinaire verenigingen",
  networks: "WSV's",
  members: "alle leden",
} as const;

export const CONSULTATION_OUTCOME_WORDS = {
  adopted: "vastgesteld",
  amended: "gewijzigd vastgesteld",
  rejected: "verworpen",
} as const;

export const BODY_KIND_WORDS = {
  general_assembly: "ALV / ledenraad",
  board: "bestuur",
  supervisory_board: "raad van toezicht",
  medical_council: "medische raad",
  steering_group: "stuurgroep",
  transition_team: "transitieteam",
  working_group: "werkgroep",
  management_team: "managementteam",
  alliance: "alliantie",
  advisory_council: "adviesraad",
} as const;

/**
 * Calendar dates as the API speaks them: ISO `yyyy-mm-dd` strings, in UTC so a date never shifts
 * by a time zone. Shared by server and web.
 */

/** Today as `yyyy-mm-dd`. */
export const today = () => new Date().toISOString().slice(0, 10);

/** `date` moved by `days` (negative: back). */
export const addDays = (date: string, days: number) =>
  new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);

/** Whether a date input holds a whole date yet (while typing it may not). */
export const isIsoDate = (value: string) => /^\d{4}-\d{2}-\d{2}$/.test(value);

const amsterdamDay = new Intl.DateTimeFormat("en-CA", { timeZone: "Europe/Amsterdam" });

/** The calendar date in the Netherlands of a moment: a meeting at 23:30 UTC is on the next day. */
export const dayInNetherlands = (moment: Date) => amsterdamDay.format(moment);

const offsetFormat = new Intl.DateTimeFormat("en-US", {
  timeZone: "Europe/Amsterdam",
  timeZoneName: "longOffset",
});

/**
 * A date and a wall-clock time in the Netherlands (`2026-12-08`, `19:30`) as an ISO moment with
 * its offset that day (`2026-12-08T19:30:00+01:00`; in summer +02:00).
 */
export function netherlandsMoment(date: string, time: string) {
  const probe = new Date(`${date}T${time}:00Z`);
  const name = offsetFormat.formatToParts(probe).find((p) => p.type === "timeZoneName")?.value ?? "GMT";
  const offset = name === "GMT" ? "+00:00" : name.slice(3);
  return `${date}T${time}:00${offset}`;
}

const wallClock = new Intl.DateTimeFormat("en-GB", {
  timeZone: "Europe/Amsterdam",
  hour: "2-digit",
  minute: "2-digit",
  hourCycle: "h23",
});

/** A moment as the date and wall-clock time in the Netherlands: the inverse of `netherlandsMoment`. */
export const netherlandsParts = (iso: string) => {
  const moment = new Date(iso);
  return { date: dayInNetherlands(moment), time: wallClock.format(moment) };
};

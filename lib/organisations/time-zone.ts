// Dating an instant by an organisation's calendar. Receipts, statements and reports say which day
// (and so which tax year) a gift belongs to in the organisation's own time zone: a gift made at
// 00:30 in Berlin on 1 January is a gift of the new year there, though UTC still says 31 December.

export type CalendarDate = { year: number; month: number; day: number };

let zones: Set<string> | undefined;

/** The IANA zone names this runtime lists (`Europe/Berlin`), to choose from. */
export function timeZones(): string[] {
  zones ??= new Set(["UTC", ...Intl.supportedValuesOf("timeZone")]);
  return [...zones].sort();
}

/**
 * An IANA zone name the runtime knows: one it lists, or an alias it resolves (ICU lists some zones
 * by their older names, `Asia/Calcutta` for `Asia/Kolkata`). Never an offset like `+02:00`, whose
 * dates would ignore daylight saving time.
 */
export function isTimeZone(value: string): boolean {
  zones ??= new Set(["UTC", ...Intl.supportedValuesOf("timeZone")]);
  if (zones.has(value)) return true;
  if (!/^[A-Z][A-Za-z_-]+(?:\/[A-Za-z0-9_+-]+){1,2}$/.test(value)) return false;
  try {
    new Intl.DateTimeFormat("en", { timeZone: value });
    return true;
  } catch {
    return false;
  }
}

const clockFormats = new Map<string, Intl.DateTimeFormat>();

/** The wall clock in `timeZone` at `instant`: "2027", "01", "01", "00", "30", "05". */
function wallClock(instant: Date, timeZone: string) {
  let format = clockFormats.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat("en-GB", {
      timeZone,
      hourCycle: "h23",
      year: "numeric",
      month: "2-digit",
      day: "2-digit",
      hour: "2-digit",
      minute: "2-digit",
      second: "2-digit",
    });
    clockFormats.set(timeZone, format);
  }
  const parts: Record<string, string> = {};
  for (const part of format.formatToParts(instant)) parts[part.type] = part.value;
  return parts as { year: string; month: string; day: string; hour: string; minute: string; second: string };
}

/** The day `instant` falls on in `timeZone` (month 1-12). */
export function calendarDate(instant: Date, timeZone: string): CalendarDate {
  const clock = wallClock(instant, timeZone);
  return { year: Number(clock.year), month: Number(clock.month), day: Number(clock.day) };
}

/** "2027-01-01": the day `instant` falls on in `timeZone`, as ISO 8601. */
export function dayIn(instant: Date, timeZone: string): string {
  const clock = wallClock(instant, timeZone);
  return `${clock.year}-${clock.month}-${clock.day}`;
}

/** "2026-11-30 00:30:05": ISO 8601 date and time in the zone (space-separated, as spreadsheets read it). */
export function isoLocal(instant: Date, timeZone: string): string {
  const clock = wallClock(instant, timeZone);
  return `${clock.year}-${clock.month}-${clock.day} ${clock.hour}:${clock.minute}:${clock.second}`;
}

/** How far the zone's clocks are ahead of UTC at `instant`, in milliseconds. */
function offsetAt(instant: Date, timeZone: string): number {
  const clock = wallClock(instant, timeZone);
  const asUtc = Date.UTC(Number(clock.year), Number(clock.month) - 1, Number(clock.day), Number(clock.hour), Number(clock.minute), Number(clock.second));
  return asUtc - Math.floor(instant.getTime() / 1000) * 1000;
}

/** The instant a calendar day ("2026-11-29") starts in the zone: its local midnight. */
export function startOfDay(day: string, timeZone: string): Date {
  const [year, month, date] = day.split("-").map(Number) as [number, number, number];
  const wall = Date.UTC(year, month - 1, date);
  // Twice: the offset at the first guess may differ from the offset at the answer around a clock change.
  let guess = wall - offsetAt(new Date(wall), timeZone);
  guess = wall - offsetAt(new Date(guess), timeZone);
  return new Date(guess);
}

/** The day after a calendar day ("YYYY-MM-DD"). */
export function nextDay(day: string): string {
  const [year, month, date] = day.split("-").map(Number) as [number, number, number];
  return new Date(Date.UTC(year, month - 1, date + 1)).toISOString().slice(0, 10);
}

/** "1 January 2027": the day `instant` falls on in `timeZone`, written out for a person. */
export function formatDate(instant: Date, timeZone: string, locale = "en-GB"): string {
  return new Intl.DateTimeFormat(locale, { timeZone, day: "numeric", month: "long", year: "numeric" }).format(instant);
}

/** "29 November 2026, 14:05": a date and the time of day on the organisation's clock. */
export function formatDateTime(instant: Date, timeZone: string, locale = "en-GB"): string {
  return new Intl.DateTimeFormat(locale, { timeZone, day: "numeric", month: "long", year: "numeric", hour: "2-digit", minute: "2-digit" }).format(instant);
}

// Countries (among those Stripe accounts can be opened in) whose whole territory keeps one zone's
// time. Countries with several (US, Canada, Australia, Brazil, Mexico, Spain with the Canaries,
// Portugal with the Azores, New Zealand with the Chathams, Cyprus) get UTC until the organisation
// chooses: guessing would date some gifts on the wrong day.
const COUNTRY_ZONES: Record<string, string> = {
  AE: "Asia/Dubai",
  AT: "Europe/Vienna",
  BE: "Europe/Brussels",
  BG: "Europe/Sofia",
  CH: "Europe/Zurich",
  CZ: "Europe/Prague",
  DE: "Europe/Berlin",
  DK: "Europe/Copenhagen",
  EE: "Europe/Tallinn",
  FI: "Europe/Helsinki",
  FR: "Europe/Paris",
  GB: "Europe/London",
  GI: "Europe/Gibraltar",
  GR: "Europe/Athens",
  HK: "Asia/Hong_Kong",
  HR: "Europe/Zagreb",
  HU: "Europe/Budapest",
  IE: "Europe/Dublin",
  IN: "Asia/Kolkata",
  IT: "Europe/Rome",
  JP: "Asia/Tokyo",
  LI: "Europe/Vaduz",
  LT: "Europe/Vilnius",
  LU: "Europe/Luxembourg",
  LV: "Europe/Riga",
  MT: "Europe/Malta",
  MY: "Asia/Kuala_Lumpur",
  NL: "Europe/Amsterdam",
  NO: "Europe/Oslo",
  PL: "Europe/Warsaw",
  RO: "Europe/Bucharest",
  SE: "Europe/Stockholm",
  SG: "Asia/Singapore",
  SI: "Europe/Ljubljana",
  SK: "Europe/Bratislava",
  TH: "Asia/Bangkok",
};

/** A new organisation's zone: its country's when the country has only one, otherwise UTC. */
export function defaultTimeZone(country: string): string {
  return COUNTRY_ZONES[country.toUpperCase()] ?? "UTC";
}

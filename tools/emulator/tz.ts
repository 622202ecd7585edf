/**
 * Wall-clock arithmetic in IANA time zones for the emulator (Utilities.formatDate, the
 * schedules of time-driven triggers). Node's Intl carries the tz database, so no table
 * of offsets lives here.
 */

export interface ZonedParts {
  year: number;
  /** 1–12 */
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
  millisecond: number;
  /** 0 = Sunday … 6 = Saturday, as Date#getDay */
  weekday: number;
}

const formatters = new Map<string, Intl.DateTimeFormat>();
const WEEKDAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];

function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      era: 'short',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
      weekday: 'short',
    });
    formatters.set(timeZone, f);
  }
  return f;
}

/** True for a time zone name Intl knows ("Europe/Moscow", "UTC"). */
export function isValidTimeZone(timeZone: string): boolean {
  try {
    formatterFor(timeZone);
    return true;
  } catch {
    return false;
  }
}

export function zonedParts(ms: number, timeZone: string): ZonedParts {
  if (ms < FAST_FROM_MS || !Number.isFinite(ms)) return zonedPartsByIntl(ms, timeZone);
  // Intl's formatToParts is slow and runs for every date the bundle reads or formats (a
  // large demo spent a sixth of its time here). A zone's offset only changes at transitions,
  // which since 1980 fall on quarter hours of UTC: the offset is looked up once per zone and
  // quarter hour, and the parts are that offset's UTC arithmetic.
  const bucket = Math.floor(ms / OFFSET_BUCKET_MS);
  const key = `${timeZone}\u0000${bucket}`;
  let offset = offsets.get(key);
  if (offset === undefined) {
    if (offsets.size > 100_000) offsets.clear();
    offset = offsetMsByIntl(bucket * OFFSET_BUCKET_MS, timeZone);
    offsets.set(key, offset);
  }
  const local = new Date(ms + offset);
  return {
    year: local.getUTCFullYear(), month: local.getUTCMonth() + 1, day: local.getUTCDate(),
    hour: local.getUTCHours(), minute: local.getUTCMinutes(), second: local.getUTCSeconds(),
    millisecond: local.getUTCMilliseconds(), weekday: local.getUTCDay(),
  };
}

/** Before 1980 some zones' offsets had seconds and odd transition times: those dates take Intl every time. */
const FAST_FROM_MS = Date.UTC(1980, 0, 1);
const OFFSET_BUCKET_MS = 15 * 60_000;
const offsets = new Map<string, number>();

function offsetMsByIntl(ms: number, timeZone: string): number {
  const p = zonedPartsByIntl(ms, timeZone);
  return Date.UTC(p.year, p.month - 1, p.day, p.hour, p.minute, p.second, p.millisecond) - ms;
}

function zonedPartsByIntl(ms: number, timeZone: string): ZonedParts {
  const parts: Record<string, string> = {};
  for (const p of formatterFor(timeZone).formatToParts(new Date(ms))) parts[p.type] = p.value;
  const rawYear = Number(parts.year);
  return {
    year: parts.era === 'BC' ? 1 - rawYear : rawYear,
    month: Number(parts.month),
    day: Number(parts.day),
    hour: Number(parts.hour),
    minute: Number(parts.minute),
    second: Number(parts.second),
    millisecond: ((ms % 1000) + 1000) % 1000,
    weekday: WEEKDAYS.indexOf(parts.weekday),
  };
}

/** Local time minus UTC, in minutes, at the instant `ms` (+180 for Moscow). */
export function offsetMinutes(ms: number, timeZone: string): number {
  const p = zonedParts(ms, timeZone);
  const asUtc = new Date(0);
  asUtc.setUTCFullYear(p.year, p.month - 1, p.day); // Date.UTC maps years 0–99 to 1900s
  asUtc.setUTCHours(p.hour, p.minute, p.second, p.millisecond);
  return Math.round((asUtc.getTime() - ms) / 60000);
}

export interface LocalTime {
  year: number;
  /** 1–12; out-of-range values roll over like Date.UTC */
  month: number;
  day: number;
  hour?: number;
  minute?: number;
  second?: number;
  millisecond?: number;
}

/**
 * The instant at which the wall clock of `timeZone` shows `local`. In a DST gap the
 * later offset wins; in an overlap the earlier instant, as java.util.Calendar does.
 */
export function zonedToInstant(local: LocalTime, timeZone: string): number {
  const naive = Date.UTC(
    local.year,
    local.month - 1,
    local.day,
    local.hour ?? 0,
    local.minute ?? 0,
    local.second ?? 0,
    local.millisecond ?? 0,
  );
  let guess = naive - offsetMinutes(naive, timeZone) * 60000;
  guess = naive - offsetMinutes(guess, timeZone) * 60000;
  return guess;
}

/** Days in `month` (1–12) of `year`. */
export function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** ISO-8601 week number of a calendar date. */
export function isoWeek(year: number, month: number, day: number): number {
  const date = new Date(Date.UTC(year, month - 1, day));
  const dayNum = (date.getUTCDay() + 6) % 7; // Monday = 0
  date.setUTCDate(date.getUTCDate() - dayNum + 3); // the Thursday of this week
  const firstThursday = new Date(Date.UTC(date.getUTCFullYear(), 0, 4));
  const diff = (date.getTime() - firstThursday.getTime()) / 86400000;
  return 1 + Math.round((diff - 3 + ((firstThursday.getUTCDay() + 6) % 7)) / 7);
}

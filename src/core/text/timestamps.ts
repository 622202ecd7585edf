/**
 * Submission times. The form-submit event carries the timestamp as the spreadsheet
 * displays it (e.g. "23.11.2026 9:05:00" in Russian, "11/23/2026 9:05:00" in US
 * English), while a recalculation reads a Date from the sheet. Both become the same
 * local ISO text so a response scores identically on arrival and on rebuild.
 */

function pad(n: number): string {
  return String(n).padStart(2, '0');
}

export function localIso(year: number, month: number, day: number, hour: number, minute: number, second: number): string {
  return `${year}-${pad(month)}-${pad(day)}T${pad(hour)}:${pad(minute)}:${pad(second)}`;
}

const DOTTED = /^(\d{1,2})\.(\d{1,2})\.(\d{4})[ ,T]+(\d{1,2}):(\d{2})(?::(\d{2}))?$/;
const SLASHED = /^(\d{1,2})\/(\d{1,2})\/(\d{4})[ ,T]+(\d{1,2}):(\d{2})(?::(\d{2}))?$/;
const ISO = /^(\d{4})-(\d{2})-(\d{2})[ T](\d{1,2}):(\d{2})(?::(\d{2}))?/;

/** A displayed timestamp as local ISO text, or null when it is not one. */
export function parseDisplayedTimestamp(text: string): string | null {
  const value = text.trim();
  let m = DOTTED.exec(value);
  if (m) return localIso(+m[3], +m[2], +m[1], +m[4], +m[5], +(m[6] ?? 0));
  m = SLASHED.exec(value);
  if (m) return localIso(+m[3], +m[1], +m[2], +m[4], +m[5], +(m[6] ?? 0));
  m = ISO.exec(value);
  if (m) return localIso(+m[1], +m[2], +m[3], +m[4], +m[5], +(m[6] ?? 0));
  return null;
}

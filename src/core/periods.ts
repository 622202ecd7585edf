/**
 * Reporting periods: a month ('2026-11'), a calendar quarter ('2026-Q4') or a school year
 * ('2026/27', September to August). Periods cross every API as their id strings and
 * dates as ISO 'YYYY-MM-DD' strings, so everything stays JSON-safe and free of time zones.
 */
import { Lang, Localized, tr } from './text/i18n';

export type PeriodKind = 'month' | 'quarter' | 'school_year';

export interface Period {
  /** Canonical id: '2026-11', '2026-Q4', '2026/27'. */
  id: string;
  kind: PeriodKind;
  /** First day, ISO date. */
  start: string;
  /** Last day (inclusive), ISO date. */
  end: string;
}

export const PERIOD_KINDS: readonly PeriodKind[] = ['month', 'quarter', 'school_year'];

export const PERIOD_KIND_TITLES: Record<PeriodKind, Localized> = {
  month: { ru: 'месяц', en: 'month' },
  quarter: { ru: 'квартал', en: 'quarter' },
  school_year: { ru: 'учебный год', en: 'school year' },
};

/** The school year starts in September (month 9) and ends in August. */
export const SCHOOL_YEAR_FIRST_MONTH = 9;

const MONTH_RE = /^(\d{4})-(\d{2})$/;
const QUARTER_RE = /^(\d{4})-[QqКк]([1-4])$/;
const SCHOOL_YEAR_RE = /^(\d{4})\s*[/–-]\s*(\d{2}|\d{4})$/;
const ISO_DATE_RE = /^(\d{4})-(\d{2})-(\d{2})/;

const pad2 = (n: number) => String(n).padStart(2, '0');

function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

function isoDate(year: number, month: number, day: number): string {
  return `${year}-${pad2(month)}-${pad2(day)}`;
}

function monthPeriod(year: number, month: number): Period {
  return {
    id: `${year}-${pad2(month)}`,
    kind: 'month',
    start: isoDate(year, month, 1),
    end: isoDate(year, month, daysInMonth(year, month)),
  };
}

function quarterPeriod(year: number, quarter: number): Period {
  const first = (quarter - 1) * 3 + 1;
  return {
    id: `${year}-Q${quarter}`,
    kind: 'quarter',
    start: isoDate(year, first, 1),
    end: isoDate(year, first + 2, daysInMonth(year, first + 2)),
  };
}

function schoolYearPeriod(startYear: number): Period {
  return {
    id: `${startYear}/${pad2((startYear + 1) % 100)}`,
    kind: 'school_year',
    start: isoDate(startYear, SCHOOL_YEAR_FIRST_MONTH, 1),
    end: isoDate(startYear + 1, SCHOOL_YEAR_FIRST_MONTH - 1, daysInMonth(startYear + 1, SCHOOL_YEAR_FIRST_MONTH - 1)),
  };
}

/**
 * Reads a period id. Accepts the canonical forms plus the spellings people type:
 * '2026-q4', '2026-К4' (Cyrillic), '2026/2027', '2026-27'. Returns null for anything else,
 * including a school year whose two years are not consecutive.
 */
export function parsePeriod(text: string): Period | null {
  const value = String(text ?? '').trim();
  let match = MONTH_RE.exec(value);
  // '2026-27' also matches the month pattern; an impossible month falls through to the school year.
  if (match && Number(match[2]) >= 1 && Number(match[2]) <= 12) return monthPeriod(Number(match[1]), Number(match[2]));
  match = QUARTER_RE.exec(value);
  if (match) return quarterPeriod(Number(match[1]), Number(match[2]));
  match = SCHOOL_YEAR_RE.exec(value);
  if (match) {
    const start = Number(match[1]);
    const endText = match[2];
    const end = endText.length === 2 ? Math.floor(start / 100) * 100 + Number(endText) : Number(endText);
    const expected = start + 1;
    // '2099/00' rolls over the century.
    if (end === expected || (endText.length === 2 && end + 100 === expected)) return schoolYearPeriod(start);
    return null;
  }
  return null;
}

/** The canonical id of a period text, or null when it is not a period. */
export function normalizePeriodId(text: string): string | null {
  return parsePeriod(text)?.id ?? null;
}

function mustParse(id: string): Period {
  const period = parsePeriod(id);
  if (!period) throw new Error(`not a period: "${id}"`);
  return period;
}

/** The ISO date part of an ISO date or date-time string; null when it is not one. */
export function isoDateOf(text: string): string | null {
  const match = ISO_DATE_RE.exec(String(text ?? '').trim());
  if (!match) return null;
  const [, y, m, d] = match;
  const year = Number(y);
  const month = Number(m);
  const day = Number(d);
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return null;
  return `${y}-${m}-${d}`;
}

/** The period of the given kind containing an ISO date (or date-time: its date part). */
export function periodOf(isoDateText: string, kind: PeriodKind): string {
  const date = isoDateOf(isoDateText);
  if (!date) throw new Error(`not an ISO date: "${isoDateText}"`);
  const year = Number(date.slice(0, 4));
  const month = Number(date.slice(5, 7));
  if (kind === 'month') return monthPeriod(year, month).id;
  if (kind === 'quarter') return quarterPeriod(year, Math.floor((month - 1) / 3) + 1).id;
  return schoolYearPeriod(month >= SCHOOL_YEAR_FIRST_MONTH ? year : year - 1).id;
}

/**
 * periodOf for many dates of one kind: each distinct date text parsed once. Tens of
 * thousands of responses share a few hundred dates, and parsing each is the cost.
 * The function returns null for a text that is not a date.
 */
export function periodsOf(kind: PeriodKind): (isoDateText: string) => string | null {
  const known = new Map<string, string | null>();
  return (text) => {
    let period = known.get(text);
    if (period === undefined) {
      const date = isoDateOf(text);
      period = date === null ? null : periodOf(date, kind);
      known.set(text, period);
    }
    return period;
  };
}

/** The period of the same kind just before. */
export function previousPeriod(id: string): string {
  return shiftPeriod(id, -1);
}

/** The period of the same kind just after. */
export function nextPeriod(id: string): string {
  return shiftPeriod(id, 1);
}

function shiftPeriod(id: string, by: number): string {
  const period = mustParse(id);
  const year = Number(period.start.slice(0, 4));
  const month = Number(period.start.slice(5, 7));
  if (period.kind === 'month') {
    const index = year * 12 + (month - 1) + by;
    return monthPeriod(Math.floor(index / 12), (index % 12) + 1).id;
  }
  if (period.kind === 'quarter') {
    const index = year * 4 + (month - 1) / 3 + by;
    return quarterPeriod(Math.floor(index / 4), (index % 4) + 1).id;
  }
  return schoolYearPeriod(year + by).id;
}

/** Whether an ISO date (or date-time) falls inside the period. */
export function periodContains(id: string, isoDateText: string): boolean {
  const period = mustParse(id);
  const date = isoDateOf(isoDateText);
  return date !== null && date >= period.start && date <= period.end;
}

/** Whether `inner` lies wholly inside `outer` (a period lies within itself). */
export function periodWithin(inner: string, outer: string): boolean {
  const a = mustParse(inner);
  const b = mustParse(outer);
  return a.start >= b.start && a.end <= b.end;
}

/** Chronological order: by start, then the shorter period first. */
export function comparePeriods(a: string, b: string): number {
  const pa = mustParse(a);
  const pb = mustParse(b);
  if (pa.start !== pb.start) return pa.start < pb.start ? -1 : 1;
  if (pa.end !== pb.end) return pa.end < pb.end ? -1 : 1;
  return 0;
}

/** The months (as month ids) a period covers, in order. */
export function monthsOf(id: string): string[] {
  const period = mustParse(id);
  const months: string[] = [];
  let month = periodOf(period.start, 'month');
  const last = periodOf(period.end, 'month');
  for (;;) {
    months.push(month);
    if (month === last) return months;
    month = nextPeriod(month);
  }
}

/**
 * The `count` most recent periods of a kind up to the one containing `isoDateText`,
 * newest first: the choices a school report form offers.
 */
export function recentPeriods(kind: PeriodKind, isoDateText: string, count: number): string[] {
  const out: string[] = [];
  let id = periodOf(isoDateText, kind);
  for (let i = 0; i < count; i++) {
    out.push(id);
    id = previousPeriod(id);
  }
  return out;
}

const MONTH_NAMES: readonly Localized[] = [
  { ru: 'январь', en: 'January' },
  { ru: 'февраль', en: 'February' },
  { ru: 'март', en: 'March' },
  { ru: 'апрель', en: 'April' },
  { ru: 'май', en: 'May' },
  { ru: 'июнь', en: 'June' },
  { ru: 'июль', en: 'July' },
  { ru: 'август', en: 'August' },
  { ru: 'сентябрь', en: 'September' },
  { ru: 'октябрь', en: 'October' },
  { ru: 'ноябрь', en: 'November' },
  { ru: 'декабрь', en: 'December' },
];

/** The name of a month 1–12. */
export function monthName(month: number, lang: Lang): string {
  return tr(MONTH_NAMES[month - 1], lang);
}

const LABELS = {
  month: { ru: '{month} {year}', en: '{month} {year}' },
  quarter: { ru: '{quarter} кв. {year}', en: 'Q{quarter} {year}' },
  school_year: { ru: '{id} уч. год', en: 'school year {id}' },
} satisfies Record<PeriodKind, Localized>;

/** A period as people read it: 'ноябрь 2026', '4 кв. 2026', '2026/27 уч. год'. */
export function formatPeriod(id: string, lang: Lang): string {
  const period = mustParse(id);
  const year = period.start.slice(0, 4);
  const month = Number(period.start.slice(5, 7));
  return tr(LABELS[period.kind], lang, {
    id: period.id,
    year,
    month: monthName(month, lang),
    quarter: (month - 1) / 3 + 1,
  });
}

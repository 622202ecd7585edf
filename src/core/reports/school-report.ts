/**
 * The school report: the counts each school files per period, derived from the preset
 * (the form asks exactly what the preset's indicators read), and its checks: whole
 * numbers ≥ 0, yes/no answers, and a part never exceeding its whole. An inconsistent
 * report is kept out of the indicators with its reasons; a school that files again for
 * the same period replaces its earlier report.
 *
 * Model: a report is a snapshot of the school's counts for its period. Rows with a
 * subject carry the per-subject counts (teachers and teachers diagnosed per subject)
 * for the subject breakdown; the district's own facts come in district reports.
 */
import { Localized } from '../text/i18n';
import { indicatorById, indicatorFields } from '../indicators/catalog';
import { consistencyRules, FIELDS, fieldById } from '../indicators/fields';
import { joinLocalized, LocalizedMessage, message } from '../text/message';
import { DistrictReport, FieldDef, FieldId, FieldLevel, SchoolReport } from '../indicators/types';
import { nameKey } from '../text/normalize';
import { normalizePeriodId } from '../periods';
import { Preset } from '../presets/types';

// ---------------------------------------------------------------------------------------
// Which fields a preset asks.

/**
 * Fields in catalog order: exactly the ones asked for. A whole that no indicator reads is
 * not asked just to check a part against it; the part is checked against the nearest
 * whole that is asked (see consistencyRules).
 */
function inCatalogOrder(ids: Iterable<FieldId>, keep: (field: FieldDef) => boolean): FieldDef[] {
  const wanted = new Set(ids);
  return FIELDS.filter((field) => wanted.has(field.id) && keep(field));
}

function presetFieldIds(preset: Preset, onlySubject = false): FieldId[] {
  const ids: FieldId[] = [];
  for (const id of preset.indicators) {
    const indicator = indicatorById(id);
    if (!indicator) continue;
    if (onlySubject && !indicator.subjectBreakdown) continue;
    ids.push(...indicatorFields(indicator));
  }
  return ids;
}

function levelFields(preset: Preset, level: FieldLevel): FieldDef[] {
  return inCatalogOrder(presetFieldIds(preset), (field) => field.level === level);
}

/** The counts a school reports under this preset: exactly what its indicators read. */
export function schoolReportFields(preset: Preset): FieldDef[] {
  return levelFields(preset, 'school');
}

/** The counts reported per subject: the per-subject fields of the preset's indicators with a subject breakdown. */
export function subjectReportFields(preset: Preset): FieldDef[] {
  const ids = presetFieldIds(preset, true).filter((id) => fieldById(id)?.perSubject);
  return inCatalogOrder(ids, (field) => field.level === 'school' && field.perSubject === true);
}

/** The district's own facts under this preset (entered by the coordinator). */
export function districtReportFields(preset: Preset): FieldDef[] {
  return levelFields(preset, 'district');
}

/** The questions besides the counts: who reports, for when, and (for subject rows) which subject. */
/** The form kind of the school report, beside the survey instruments' ids. */
export const SCHOOL_REPORT = 'school_report';

export const REPORT_HEADER_FIELDS = {
  school: { ru: 'Образовательная организация', en: 'School' },
  period: { ru: 'Отчётный период', en: 'Reporting period' },
  subject: { ru: 'Предмет', en: 'Subject' },
  submittedAt: { ru: 'Отметка времени', en: 'Timestamp' },
} satisfies Record<string, Localized>;

// ---------------------------------------------------------------------------------------
// Checking values.

export const REPORT_MESSAGES = {
  required: { ru: '«{field}» ({id}): не заполнено.', en: '"{field}" ({id}): missing.' },
  notWhole: {
    ru: '«{field}» ({id}): «{value}» — нужно целое число не меньше 0.',
    en: '"{field}" ({id}): "{value}" is not a whole number ≥ 0.',
  },
  notAmount: {
    ru: '«{field}» ({id}): «{value}» — нужно число не меньше 0.',
    en: '"{field}" ({id}): "{value}" is not a number ≥ 0.',
  },
  notYesNo: {
    ru: '«{field}» ({id}): «{value}» — нужно «да» или «нет».',
    en: '"{field}" ({id}): "{value}" is not yes or no.',
  },
  partExceedsWhole: {
    ru: '«{part}» ({partValue}) больше, чем «{whole}» ({wholeValue}).',
    en: '"{part}" ({partValue}) exceeds "{whole}" ({wholeValue}).',
  },
  schoolRequired: { ru: 'Не указана образовательная организация.', en: 'The school is missing.' },
  unknownSchool: {
    ru: 'Образовательной организации «{school}» нет в списке школ.',
    en: 'School "{school}" is not in the list of schools.',
  },
  periodRequired: { ru: 'Не указан отчётный период.', en: 'The reporting period is missing.' },
  periodInvalid: {
    ru: 'Отчётный период «{value}» не распознан: нужен месяц (2026-11), квартал (2026-Q4) или учебный год (2026/27).',
    en: 'Reporting period "{value}" not recognised: use a month (2026-11), a quarter (2026-Q4) or a school year (2026/27).',
  },
  noSubjectFields: {
    ru: 'Строка с предметом «{subject}», но в наборе показателей нет данных по предметам.',
    en: 'A row for subject "{subject}", but the preset has no per-subject counts.',
  },
} satisfies Record<string, Localized>;

export type RawValue = string | number | boolean | null | undefined;

type Parsed = { ok: true; value: number | null } | { ok: false; error: LocalizedMessage };

const YES = new Set(['да', 'д', 'yes', 'y', 'true', '1', 'есть', 'имеется']);
const NO = new Set(['нет', 'н', 'no', 'n', 'false', '0', 'отсутствует']);

function isBlank(raw: RawValue): boolean {
  return raw === null || raw === undefined || (typeof raw === 'string' && raw.trim() === '');
}

/** Reads one answer of a field; blank is `value: null`. Spreadsheet numbers and typed text alike. */
export function parseFieldValue(field: FieldDef, raw: RawValue): Parsed {
  if (isBlank(raw)) return { ok: true, value: null };
  const shown = String(raw).trim();
  const fail = (text: Localized): Parsed => ({
    ok: false,
    error: message(text, { field: field.title, id: field.id, value: shown }),
  });
  if (field.kind === 'yesno') {
    if (typeof raw === 'boolean') return { ok: true, value: raw ? 1 : 0 };
    const text = shown.toLowerCase();
    if (YES.has(text)) return { ok: true, value: 1 };
    if (NO.has(text)) return { ok: true, value: 0 };
    return fail(REPORT_MESSAGES.notYesNo);
  }
  let value: number;
  if (typeof raw === 'number') {
    value = raw;
  } else {
    // Thousands separators (spaces, NBSP) and a decimal comma are how Russian spreadsheets write numbers.
    const text = shown.replace(/[\s\u00a0\u202f]/g, '').replace(',', '.');
    value = /^\d+(\.\d+)?$/.test(text) ? Number(text) : NaN;
  }
  if (field.kind === 'count') {
    return Number.isInteger(value) && value >= 0 ? { ok: true, value } : fail(REPORT_MESSAGES.notWhole);
  }
  return Number.isFinite(value) && value >= 0 ? { ok: true, value } : fail(REPORT_MESSAGES.notAmount);
}

export interface ReportCheck {
  ok: boolean;
  errors: LocalizedMessage[];
  /** The values read, yes/no as 1/0; only fields that were read without error. */
  values: Record<FieldId, number>;
}

/** Tolerance for sums of staff rates such as 0.1 + 0.2. */
const EPSILON = 1e-9;

/**
 * Checks one report's answers against the fields asked: every field filled, numbers
 * whole and ≥ 0 (staff rates and ages may have decimals), and every part within its
 * whole. Says every problem at once.
 */
export function validateSchoolReport(fields: readonly FieldDef[], values: Record<string, RawValue>): ReportCheck {
  const errors: LocalizedMessage[] = [];
  const read: Record<FieldId, number> = {};
  for (const field of fields) {
    const parsed = parseFieldValue(field, values[field.id]);
    if (!parsed.ok) errors.push(parsed.error);
    else if (parsed.value === null) errors.push(message(REPORT_MESSAGES.required, { field: field.title, id: field.id }));
    else read[field.id] = parsed.value;
  }
  for (const rule of consistencyRules(fields)) {
    if (![...rule.parts, ...rule.wholes].every((id) => id in read)) continue;
    const partValue = rule.parts.reduce((sum, id) => sum + read[id], 0);
    const wholeValue = rule.wholes.reduce((sum, id) => sum + read[id], 0);
    if (partValue > wholeValue + EPSILON) {
      // Inside the message's quotes: «a» + «b» in Russian, "a" + "b" in English.
      const title = (ids: FieldId[]) => joinLocalized(ids.map((id) => fieldById(id)!.title), { ru: '» + «', en: '" + "' });
      errors.push(
        message(REPORT_MESSAGES.partExceedsWhole, {
          part: title(rule.parts),
          whole: title(rule.wholes),
          partValue: round(partValue),
          wholeValue: round(wholeValue),
        }),
      );
    }
  }
  return { ok: errors.length === 0, errors, values: read };
}

function round(value: number): number {
  return Math.round(value * 1e6) / 1e6;
}

// ---------------------------------------------------------------------------------------
// Filings: who reported what, and which filing counts.

/** A school report as filed (a form response, a CSV row). */
export interface SchoolReportRow {
  school: string;
  period: string;
  /** Set on the per-subject rows only. */
  subject?: string | null;
  /** ISO date-time of the filing; later filings replace earlier ones. */
  submittedAt?: string | null;
  values: Record<string, RawValue>;
  /** Where the row came from (sheet or file row), for messages. */
  row?: number;
}

/** A report that passed every check; the school's statement for its period. */

export interface RejectedReport {
  row?: number;
  school: string;
  period: string;
  subject: string | null;
  reasons: LocalizedMessage[];
}

export interface SupersededReport {
  row?: number;
  school: string;
  period: string;
  subject: string | null;
  /** The row of the filing that replaced it. */
  replacedBy?: number;
}

export interface AcceptedReports {
  accepted: SchoolReport[];
  rejected: RejectedReport[];
  superseded: SupersededReport[];
}


function filingKey(school: string, period: string, subject: string | null | undefined): string {
  return `${nameKey(school)}\u0000${period}\u0000${nameKey(subject)}`;
}

/**
 * Keeps each school's last filing per period (and subject): a later filing replaces an
 * earlier one. "Later" is by `submittedAt` when both filings have one, else by order.
 * Rows whose period cannot be read are kept (the checks reject them).
 */
export function latestReports<T extends SchoolReportRow>(rows: readonly T[]): { latest: T[]; superseded: T[] } {
  const byKey = new Map<string, T>();
  const superseded: T[] = [];
  const unkeyed: T[] = [];
  for (const row of rows) {
    const period = normalizePeriodId(row.period);
    if (!period || nameKey(row.school) === '') {
      unkeyed.push(row);
      continue;
    }
    const key = filingKey(row.school, period, row.subject);
    const current = byKey.get(key);
    if (!current) {
      byKey.set(key, row);
    } else if (current.submittedAt && row.submittedAt && row.submittedAt < current.submittedAt) {
      superseded.push(row);
    } else {
      superseded.push(current);
      byKey.set(key, row);
    }
  }
  const keep = new Set<T>([...byKey.values(), ...unkeyed]);
  return { latest: rows.filter((row) => keep.has(row)), superseded };
}

export interface AcceptOptions {
  /** The district's schools; when given, a report from any other school is rejected. */
  schools?: readonly string[];
}

/**
 * The school reports that count: the latest filing of each school per period (and
 * subject), checked. Rejected filings are returned with their reasons, never dropped.
 * A school whose latest filing is rejected has no report for that period until it files
 * a corrected one.
 */
export function acceptSchoolReports(
  preset: Preset,
  rows: readonly SchoolReportRow[],
  options: AcceptOptions = {},
): AcceptedReports {
  const schoolFields = schoolReportFields(preset);
  const subjectFields = subjectReportFields(preset);
  const known = options.schools ? new Set(options.schools.map(nameKey)) : null;
  const { latest, superseded } = latestReports(rows);
  const replacedBy = new Map<string, number | undefined>();
  for (const row of latest) {
    const period = normalizePeriodId(row.period);
    if (period) replacedBy.set(filingKey(row.school, period, row.subject), row.row);
  }

  const accepted: SchoolReport[] = [];
  const rejected: RejectedReport[] = [];
  for (const row of latest) {
    const school = String(row.school ?? '').trim().replace(/\s+/g, ' ');
    const subject = isBlank(row.subject) ? null : String(row.subject).trim().replace(/\s+/g, ' ');
    const period = normalizePeriodId(row.period);
    const reasons: LocalizedMessage[] = [];
    if (!school) reasons.push(message(REPORT_MESSAGES.schoolRequired));
    else if (known && !known.has(nameKey(school))) reasons.push(message(REPORT_MESSAGES.unknownSchool, { school }));
    if (isBlank(row.period)) reasons.push(message(REPORT_MESSAGES.periodRequired));
    else if (!period) reasons.push(message(REPORT_MESSAGES.periodInvalid, { value: String(row.period).trim() }));

    let values: Record<FieldId, number> = {};
    if (subject !== null && subjectFields.length === 0) {
      reasons.push(message(REPORT_MESSAGES.noSubjectFields, { subject }));
    } else {
      const check = validateSchoolReport(subject === null ? schoolFields : subjectFields, row.values);
      reasons.push(...check.errors);
      values = check.values;
    }
    const where = { row: row.row, school, period: period ?? String(row.period ?? '').trim(), subject };
    if (reasons.length > 0) rejected.push({ ...where, reasons });
    else accepted.push({ ...where, period: period!, values, submittedAt: row.submittedAt ?? null });
  }
  return {
    accepted,
    rejected,
    superseded: superseded.map((row) => {
      const period = normalizePeriodId(row.period)!;
      return {
        row: row.row,
        school: String(row.school).trim(),
        period,
        subject: isBlank(row.subject) ? null : String(row.subject).trim(),
        replacedBy: replacedBy.get(filingKey(row.school, period, row.subject)),
      };
    }),
  };
}

/** A district report as entered: the district's own facts for a period. */
export interface DistrictReportRow {
  period: string;
  submittedAt?: string | null;
  values: Record<string, RawValue>;
  row?: number;
}


export interface AcceptedDistrictReports {
  accepted: DistrictReport[];
  rejected: RejectedReport[];
}

/**
 * The district reports that count: the last entry per period, checked like a school
 * report. Fields left blank are allowed here (the indicator stays empty) since the
 * district's facts are gathered over the year; wrong values and broken part–whole
 * rules are not.
 */
export function acceptDistrictReports(preset: Preset, rows: readonly DistrictReportRow[]): AcceptedDistrictReports {
  const fields = districtReportFields(preset);
  const { latest } = latestReports(rows.map((row) => ({ ...row, school: '*' })));
  const accepted: DistrictReport[] = [];
  const rejected: RejectedReport[] = [];
  for (const row of latest) {
    const period = normalizePeriodId(row.period);
    const reasons: LocalizedMessage[] = [];
    if (!period) {
      reasons.push(
        isBlank(row.period)
          ? message(REPORT_MESSAGES.periodRequired)
          : message(REPORT_MESSAGES.periodInvalid, { value: String(row.period).trim() }),
      );
    }
    const filled = fields.filter((field) => !isBlank(row.values[field.id]));
    const check = validateSchoolReport(filled, row.values);
    reasons.push(...check.errors);
    const where = { row: row.row, school: '', period: period ?? String(row.period ?? '').trim(), subject: null };
    if (reasons.length > 0) rejected.push({ ...where, reasons });
    else accepted.push({ period: period!, values: check.values, row: row.row });
  }
  return { accepted, rejected };
}

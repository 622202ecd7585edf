/**
 * School and district reports exported as a table (CSV from Excel, Yandex Forms or the
 * workbook): which column is which, by field id or title in either language or one of the
 * usual header texts, then one report row per data row. Rows that cannot be reports
 * (ragged, an unreadable time) are refused with a reason; a header that lacks a needed
 * column or names a field twice is an error for the whole file (a MessageError).
 */
import { CsvRecord, isBlankRecord } from '../text/csv';
import { Localized } from '../text/i18n';
import { message, MessageError } from '../text/message';
import { findNamed, normalizeText } from '../text/normalize';
import { parseDisplayedTimestamp } from '../text/timestamps';
import { isoDateOf } from '../periods';
import { FieldDef } from '../indicators/types';
import { RejectedReport, REPORT_HEADER_FIELDS, SchoolReportRow } from './school-report';

export const REPORT_TABLE_MESSAGES = {
  missingColumns: {
    ru: 'в файле «{path}» нет столбцов, нужных набору «{preset}»: {columns}. Столбец можно назвать идентификатором поля или его названием.',
    en: 'file "{path}" lacks columns the preset "{preset}" needs: {columns}. Name a column by the field id or its title.',
  },
  duplicateColumn: {
    ru: 'в файле «{path}» поле «{field}» встречается в нескольких столбцах: {columns}. Оставьте один.',
    en: 'file "{path}": field "{field}" appears in several columns: {columns}. Keep one.',
  },
  ragged: {
    ru: 'Строка {line}: полей {count}, а в заголовке {width} — проверьте кавычки и разделители.',
    en: 'Row {line}: {count} fields, but the header has {width} — check the quotes and separators.',
  },
  badSubmittedAt: {
    ru: 'Строка {line}: «{column}» = «{value}» — не дата и время.',
    en: 'Row {line}: "{column}" = "{value}" is not a date and time.',
  },
} satisfies Record<string, Localized>;

export type HeaderRole = 'school' | 'period' | 'subject' | 'submittedAt';

/** Header texts besides the field titles that name the non-count columns. */
const HEADER_ALIASES: Record<HeaderRole, string[]> = {
  school: ['school', 'школа', 'оо', 'организация', 'образовательное учреждение'],
  period: ['period', 'период'],
  subject: ['subject', 'учебный предмет'],
  submittedAt: ['submitted_at', 'submitted at', 'дата подачи', 'дата заполнения'],
};

const ROLES = (Object.keys(HEADER_ALIASES) as HeaderRole[]).map((role) => ({ id: role, title: REPORT_HEADER_FIELDS[role] }));

function headerRole(cell: string): HeaderRole | null {
  const text = normalizeText(cell);
  const role = findNamed(cell, ROLES)?.id ?? ROLES.find(({ id }) => HEADER_ALIASES[id].some((alias) => normalizeText(alias) === text))?.id;
  return role ?? null;
}

export interface ReportTable {
  rows: SchoolReportRow[];
  /** Rows refused before the checks (ragged, bad timestamp). */
  refused: RejectedReport[];
}

/**
 * Reads a report table (header record first): header roles and field columns; `needed`
 * columns must be there. `fields` are all the fields a row may carry; `path` and `presetId`
 * only name things in messages.
 */
export function readReportTable(
  records: readonly CsvRecord[],
  path: string,
  fields: readonly FieldDef[],
  needed: { roles: HeaderRole[]; fields: readonly FieldDef[] },
  presetId: string,
): ReportTable {
  const header = records[0].fields;
  const roleAt = new Map<HeaderRole, number>();
  const fieldAt = new Map<string, number>();
  const seen = new Map<string, number[]>();
  header.forEach((cell, index) => {
    const field = findNamed(cell, fields);
    const role = field ? null : headerRole(cell);
    const key = field ? field.id : role;
    if (!key) return;
    seen.set(key, [...(seen.get(key) ?? []), index]);
    if (field) fieldAt.set(field.id, index);
    else if (role) roleAt.set(role, index);
  });
  for (const [key, columns] of seen) {
    if (columns.length > 1) {
      const list = columns.map((c) => `${c + 1} «${header[c].trim()}»`).join(', ');
      throw new MessageError(message(REPORT_TABLE_MESSAGES.duplicateColumn, { path, field: key, columns: list }));
    }
  }
  const missing: Localized[] = [
    ...needed.roles.filter((role) => !roleAt.has(role)).map((role) => ({ id: role, title: REPORT_HEADER_FIELDS[role] })),
    ...needed.fields.filter((field) => !fieldAt.has(field.id)),
  ].map(({ id, title }) => ({ ru: `${id} (${title.ru})`, en: `${id} (${title.en})` }));
  if (missing.length > 0) {
    const columns = { ru: missing.map((m) => m.ru).join(', '), en: missing.map((m) => m.en).join(', ') };
    throw new MessageError(message(REPORT_TABLE_MESSAGES.missingColumns, { path, preset: presetId, columns }));
  }

  const rows: SchoolReportRow[] = [];
  const refused: RejectedReport[] = [];
  for (const record of records.slice(1)) {
    if (isBlankRecord(record.fields)) continue;
    const cell = (index: number | undefined) => (index === undefined ? '' : (record.fields[index] ?? ''));
    const where = {
      row: record.line,
      school: cell(roleAt.get('school')).trim(),
      period: cell(roleAt.get('period')).trim(),
      subject: cell(roleAt.get('subject')).trim() || null,
    };
    if (record.fields.length !== header.length) {
      refused.push({
        ...where,
        reasons: [message(REPORT_TABLE_MESSAGES.ragged, { line: record.line, count: record.fields.length, width: header.length })],
      });
      continue;
    }
    const stamp = cell(roleAt.get('submittedAt')).trim();
    let submittedAt: string | null = null;
    if (stamp) {
      // A date alone (an export with dates only) counts as its midnight.
      submittedAt = parseDisplayedTimestamp(stamp) ?? (isoDateOf(stamp) ? `${isoDateOf(stamp)}T00:00:00` : null);
      if (!submittedAt) {
        const column = header[roleAt.get('submittedAt')!].trim();
        refused.push({ ...where, reasons: [message(REPORT_TABLE_MESSAGES.badSubmittedAt, { line: record.line, column, value: stamp })] });
        continue;
      }
    }
    const values: Record<string, string> = {};
    for (const [id, index] of fieldAt) values[id] = cell(index);
    rows.push({ ...where, submittedAt, values });
  }
  return { rows, refused };
}

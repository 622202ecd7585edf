/**
 * `pd-monitor indicators --preset <id> <school_reports.csv> [survey score files…]`:
 * computes a preset's indicators from exported school reports and scored surveys and
 * prints JSON. Files may be UTF-8 or Windows-1251, comma or semicolon separated.
 * A file the tool cannot use ends the run with a message naming the file, row or column;
 * a school report that fails its checks is listed under rejectedReports with its reasons
 * and left out of the indicators.
 */
import { CsvError, CsvRecord, isBlankRecord, parseCsvRecords } from '../core/text/csv';
import { Catalog, Lang, tr } from '../core/text/i18n';
import { computeIndicators, IndicatorsResult, ResponseRate } from '../core/indicators/compute';
import { renderMessage } from '../core/indicators/message';
import { readSurveyRecord } from '../core/indicators/survey-rows';
import { FieldDef, IndicatorValue, Scope, SurveyScoreRow } from '../core/indicators/types';
import { normalizeText } from '../core/text/normalize';
import { formatPeriod, isoDateOf, parsePeriod, previousPeriod } from '../core/periods';
import { Preset, PRESET_IDS, presetById, presetIndicators } from '../core/presets';
import {
  acceptDistrictReports,
  acceptSchoolReports,
  DistrictReportRow,
  districtReportFields,
  RejectedReport,
  REPORT_HEADER_FIELDS,
  SchoolReportRow,
  schoolReportFields,
  subjectReportFields,
} from '../core/reports/school-report';
import { parseDisplayedTimestamp } from '../core/text/timestamps';
import { readTextFile } from './decode';
import { CliError, CliIo } from './io';

const M = {
  usage: {
    ru: 'использование: pd-monitor indicators --preset <набор> <school_reports.csv> [файлы баллов анкет…]\n  [--district <district.csv>] [--period <период>] [--privacy-threshold <k>] [--survey-period <период>]\nнаборы: {list}\n',
    en: 'usage: pd-monitor indicators --preset <id> <school_reports.csv> [survey score files…]\n  [--district <district.csv>] [--period <period>] [--privacy-threshold <k>] [--survey-period <period>]\npresets: {list}\n',
  },
  noPreset: { ru: 'не указан набор показателей: --preset <{list}>.', en: 'no preset given: --preset <{list}>.' },
  unknownPreset: {
    ru: 'неизвестный набор показателей «{value}»; допустимы: {list}.',
    en: 'unknown preset "{value}"; expected one of: {list}.',
  },
  noReports: { ru: 'не указан файл отчётов школ (school_reports.csv).', en: 'no school reports file (school_reports.csv) given.' },
  unknownOption: { ru: 'неизвестный параметр «{value}».', en: 'unknown option "{value}".' },
  optionValue: { ru: 'у параметра {option} нет значения.', en: 'option {option} needs a value.' },
  badPeriod: {
    ru: '{option}: «{value}» — не период; нужен месяц (2026-11), квартал (2026-Q4) или учебный год (2026/27).',
    en: '{option}: "{value}" is not a period; use a month (2026-11), a quarter (2026-Q4) or a school year (2026/27).',
  },
  badThreshold: {
    ru: '--privacy-threshold: нужно целое число от 2 до 50, получено «{value}».',
    en: '--privacy-threshold: expected a whole number from 2 to 50, got "{value}".',
  },
  empty: { ru: 'файл «{path}» пуст: нет строки заголовков.', en: 'file "{path}" is empty: there is no header row.' },
  badCsv: {
    ru: 'файл «{path}», строка {line}: кавычка открыта и не закрыта до конца файла — это не корректный CSV.',
    en: 'file "{path}", line {line}: a quote is opened and never closed — this is not valid CSV.',
  },
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
  badJson: {
    ru: 'файл «{path}», строка {line}: не JSON ({reason}).',
    en: 'file "{path}", line {line}: not JSON ({reason}).',
  },
  notScores: {
    ru: 'файл «{path}», строка {line}: это не результат pd-monitor score (нет instrument и profile или scores).',
    en: 'file "{path}", line {line}: not an output of pd-monitor score (no instrument and profile or scores).',
  },
  noDate: {
    ru: 'файл «{path}»: ответов без даты — {count}; они не отнесены ни к одному периоду (укажите --survey-period).',
    en: 'file "{path}": {count} response(s) without a date were not placed in any period (use --survey-period).',
  },
  badDate: {
    ru: 'файл «{path}», строка {line}: дата «{value}» не распознана.',
    en: 'file "{path}", line {line}: date "{value}" not recognised.',
  },
} satisfies Catalog<string>;

interface Args {
  preset: Preset;
  reports: string;
  surveys: string[];
  district: string | null;
  period: string | null;
  surveyPeriod: string | null;
  threshold: number | undefined;
}

function parseArgs(args: string[], lang: Lang): Args | null {
  const list = PRESET_IDS.join(', ');
  const positional: string[] = [];
  const options: Record<string, string> = {};
  const known = ['--preset', '--district', '--period', '--privacy-threshold', '--survey-period'];
  for (let i = 0; i < args.length; i++) {
    const arg = args[i];
    if (arg === '--help' || arg === '-h') return null;
    const eq = arg.indexOf('=');
    const name = arg.startsWith('--') && eq > 0 ? arg.slice(0, eq) : arg;
    if (known.includes(name)) {
      const value = eq > 0 && arg.startsWith('--') ? arg.slice(eq + 1) : args[++i];
      if (value === undefined) throw new CliError(tr(M.optionValue, lang, { option: name }));
      options[name] = value;
    } else if (arg.startsWith('-') && arg !== '-') {
      throw new CliError(tr(M.unknownOption, lang, { value: arg }));
    } else {
      positional.push(arg);
    }
  }
  const presetId = options['--preset'];
  if (presetId === undefined) throw new CliError(tr(M.noPreset, lang, { list }));
  const preset = presetById(presetId);
  if (!preset) throw new CliError(tr(M.unknownPreset, lang, { value: presetId, list }));
  if (positional.length === 0) throw new CliError(tr(M.noReports, lang));
  const period = (option: string): string | null => {
    const value = options[option];
    if (value === undefined) return null;
    const parsed = parsePeriod(value);
    if (!parsed) throw new CliError(tr(M.badPeriod, lang, { option, value }));
    return parsed.id;
  };
  let threshold: number | undefined;
  if (options['--privacy-threshold'] !== undefined) {
    threshold = Number(options['--privacy-threshold']);
    if (!Number.isInteger(threshold) || threshold < 2 || threshold > 50) {
      throw new CliError(tr(M.badThreshold, lang, { value: options['--privacy-threshold'] }));
    }
  }
  return {
    preset,
    reports: positional[0],
    surveys: positional.slice(1),
    district: options['--district'] ?? null,
    period: period('--period'),
    surveyPeriod: period('--survey-period'),
    threshold,
  };
}

function readText(io: CliIo, path: string): string {
  return readTextFile(io, path).text;
}

function readCsv(text: string, path: string, lang: Lang): CsvRecord[] {
  let records: CsvRecord[];
  try {
    records = parseCsvRecords(text);
  } catch (error) {
    if (error instanceof CsvError) throw new CliError(tr(M.badCsv, lang, { path, line: error.line }));
    throw error;
  }
  if (records.length === 0 || isBlankRecord(records[0].fields)) throw new CliError(tr(M.empty, lang, { path }));
  return records;
}

// --- school and district report files ------------------------------------------------

type HeaderRole = 'school' | 'period' | 'subject' | 'submittedAt';

/** Header texts besides the field titles that name the non-count columns. */
const HEADER_ALIASES: Record<HeaderRole, string[]> = {
  school: ['school', 'школа', 'оо', 'организация', 'образовательное учреждение'],
  period: ['period', 'период'],
  subject: ['subject', 'учебный предмет'],
  submittedAt: ['submitted_at', 'submitted at', 'дата подачи', 'дата заполнения'],
};

function headerRole(cell: string): HeaderRole | null {
  const text = normalizeText(cell);
  for (const role of Object.keys(HEADER_ALIASES) as HeaderRole[]) {
    const title = REPORT_HEADER_FIELDS[role];
    if (
      cell.trim() === role ||
      HEADER_ALIASES[role].some((alias) => normalizeText(alias) === text) ||
      normalizeText(title.ru) === text ||
      normalizeText(title.en) === text
    ) {
      return role;
    }
  }
  return null;
}

function fieldOfHeader(cell: string, fields: readonly FieldDef[]): FieldDef | null {
  const raw = cell.trim();
  const text = normalizeText(cell);
  return (
    fields.find(
      (field) => field.id === raw || normalizeText(field.title.ru) === text || normalizeText(field.title.en) === text,
    ) ?? null
  );
}

interface ReportTable {
  rows: SchoolReportRow[];
  /** Rows refused before the checks (ragged, bad timestamp). */
  refused: RejectedReport[];
}

/**
 * Reads a report file: header roles and field columns; `needed` columns must be there.
 * `fields` are all the fields a row may carry.
 */
function readReportTable(
  text: string,
  path: string,
  lang: Lang,
  fields: readonly FieldDef[],
  needed: { roles: HeaderRole[]; fields: readonly FieldDef[] },
  presetId: string,
): ReportTable {
  const records = readCsv(text, path, lang);
  const header = records[0].fields;
  const roleAt = new Map<HeaderRole, number>();
  const fieldAt = new Map<string, number>();
  const seen = new Map<string, number[]>();
  header.forEach((cell, index) => {
    const field = fieldOfHeader(cell, fields);
    const role = field ? null : headerRole(cell);
    const key = field ? field.id : role;
    if (!key) return;
    seen.set(key, [...(seen.get(key) ?? []), index]);
    if (field) fieldAt.set(field.id, index);
    else if (role) roleAt.set(role, index);
  });
  for (const [key, columns] of seen) {
    if (columns.length > 1) {
      throw new CliError(
        tr(M.duplicateColumn, lang, {
          path,
          field: key,
          columns: columns.map((c) => `${c + 1} «${header[c].trim()}»`).join(', '),
        }),
      );
    }
  }
  const missing = [
    ...needed.roles.filter((role) => !roleAt.has(role)).map((role) => `${role} (${tr(REPORT_HEADER_FIELDS[role], lang)})`),
    ...needed.fields.filter((field) => !fieldAt.has(field.id)).map((field) => `${field.id} (${tr(field.title, lang)})`),
  ];
  if (missing.length > 0) throw new CliError(tr(M.missingColumns, lang, { path, preset: presetId, columns: missing.join(', ') }));

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
        reasons: [{ text: M.ragged, params: { line: record.line, count: record.fields.length, width: header.length } }],
      });
      continue;
    }
    const stamp = cell(roleAt.get('submittedAt')).trim();
    let submittedAt: string | null = null;
    if (stamp) {
      submittedAt = parseDisplayedTimestamp(stamp) ?? (isoDateOf(stamp) ? `${isoDateOf(stamp)}T00:00:00` : null);
      if (!submittedAt) {
        refused.push({
          ...where,
          reasons: [
            {
              text: M.badSubmittedAt,
              params: { line: record.line, column: header[roleAt.get('submittedAt')!].trim(), value: stamp },
            },
          ],
        });
        continue;
      }
    }
    const values: Record<string, string> = {};
    for (const [id, index] of fieldAt) values[id] = cell(index);
    rows.push({ ...where, submittedAt, values });
  }
  return { rows, refused };
}

// --- survey score files --------------------------------------------------------------

/** CSV cells of a score file back to JSON values; profile texts stay text. */
function cellValue(column: string, cell: string): unknown {
  const text = cell.trim();
  if (text === '') return null;
  if (column.startsWith('profile.') || ['instrument', 'version', 'date', 'school', 'subject', 'status'].includes(column)) {
    return text.replace(/^'/, ''); // an apostrophe kept a text inert in spreadsheets
  }
  if (text === 'true') return true;
  if (text === 'false') return false;
  const number = Number(text);
  return Number.isFinite(number) && /^-?\d+(\.\d+)?$/.test(text) ? number : text;
}

/** Dotted CSV columns (profile.school, scores.index) back into nested objects. */
function unflatten(header: readonly string[], fields: readonly string[]): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  header.forEach((column, index) => {
    const path = column.trim().split('.');
    let node = out;
    for (const part of path.slice(0, -1)) {
      if (typeof node[part] !== 'object' || node[part] === null) node[part] = {};
      node = node[part] as Record<string, unknown>;
    }
    node[path[path.length - 1]] = cellValue(column.trim(), fields[index] ?? '');
  });
  return out;
}

function readSurveyFile(text: string, path: string, lang: Lang, surveyPeriod: string | null): { rows: SurveyScoreRow[]; notices: string[] } {
  const records: { record: unknown; line: number }[] = [];
  const body = text.replace(/^\uFEFF/, '');
  if (body.trimStart().startsWith('{')) {
    body.split(/\r?\n/).forEach((line, index) => {
      if (line.trim() === '') return;
      try {
        records.push({ record: JSON.parse(line), line: index + 1 });
      } catch (error) {
        const reason = error instanceof Error ? error.message : String(error);
        throw new CliError(tr(M.badJson, lang, { path, line: index + 1, reason }));
      }
    });
  } else {
    const csv = readCsv(body, path, lang);
    const header = csv[0].fields;
    for (const record of csv.slice(1)) {
      if (!isBlankRecord(record.fields)) records.push({ record: unflatten(header, record.fields), line: record.line });
    }
  }
  const rows: SurveyScoreRow[] = [];
  let undated = 0;
  const fallback = surveyPeriod ? parsePeriod(surveyPeriod)!.start : null;
  for (const { record, line } of records) {
    const read = readSurveyRecord(record);
    if (!read) throw new CliError(tr(M.notScores, lang, { path, line }));
    let date = read.date;
    if (date !== null && !isoDateOf(date)) throw new CliError(tr(M.badDate, lang, { path, line, value: date }));
    if (date === null) date = fallback;
    if (date === null) {
      undated++;
      continue;
    }
    rows.push({ ...read.row, date });
  }
  return { rows, notices: undated > 0 ? [tr(M.noDate, lang, { path, count: undated })] : [] };
}

// --- output --------------------------------------------------------------------------

function numbers(value: IndicatorValue | undefined) {
  if (!value) return { numerator: null, denominator: null, value: null };
  return {
    numerator: value.numerator,
    denominator: value.denominator,
    value: value.value,
    ...(value.suppressed ? { suppressed: true } : {}),
  };
}

function scopeKey(scope: Scope): string {
  return scope.kind === 'overall' ? '' : scope.key;
}

function shape(result: IndicatorsResult, preset: Preset, lang: Lang) {
  const current = result.currentPeriod;
  const inPeriod = (value: IndicatorValue) => value.period === current;
  return presetIndicators(preset).map((indicator) => {
    const values = result.values.filter((value) => value.id === indicator.id);
    const now = values.filter(inPeriod);
    const overall = now.find((value) => value.scope.kind === 'overall');
    const scoped = (kind: 'school' | 'subject', name: 'school' | 'subject') =>
      now
        .filter((value) => value.scope.kind === kind)
        .map((value) => ({ [name]: scopeKey(value.scope), ...numbers(value), change: value.change ?? null }));
    return {
      id: indicator.id,
      title: tr(indicator.title, lang),
      direction: indicator.direction,
      kind: indicator.kind,
      unit: indicator.unit,
      source: indicator.source,
      seeds: indicator.seeds,
      overall: numbers(overall),
      change: overall?.change ?? null,
      bySchool: scoped('school', 'school'),
      bySubject: scoped('subject', 'subject'),
      history: values
        .filter((value) => value.scope.kind === 'overall')
        .map((value) => ({ period: value.period, ...numbers(value) })),
    };
  });
}

function rates(result: IndicatorsResult) {
  const now = result.responseRates.filter((rate) => rate.period === result.currentPeriod);
  const instruments = [...new Set(now.map((rate) => rate.instrument))];
  const strip = ({ respondents, teachers, rate }: ResponseRate) => ({ respondents, teachers, rate });
  return instruments.map((instrument) => {
    const overall = now.find((rate) => rate.instrument === instrument && rate.scope.kind === 'overall')!;
    return {
      instrument,
      ...strip(overall),
      unmatchedRespondents: overall.unmatchedRespondents ?? 0,
      bySchool: now
        .filter((rate) => rate.instrument === instrument && rate.scope.kind === 'school')
        .map((rate) => ({ school: scopeKey(rate.scope), ...strip(rate) })),
    };
  });
}

function rejectedJson(rejected: readonly RejectedReport[], lang: Lang) {
  return rejected.map((report) => ({
    row: report.row ?? null,
    school: report.school,
    period: report.period,
    ...(report.subject ? { subject: report.subject } : {}),
    reasons: report.reasons.map((reason) => renderMessage(reason, lang)),
  }));
}

export function runIndicators(args: string[], io: CliIo): number {
  const lang = io.lang;
  const parsed = parseArgs(args, lang);
  if (!parsed) {
    io.stdout(tr(M.usage, lang, { list: PRESET_IDS.join(', ') }));
    return 0;
  }
  const { preset } = parsed;
  const schoolFields = schoolReportFields(preset);
  const subjectFields = subjectReportFields(preset);
  const table = readReportTable(
    readText(io, parsed.reports),
    parsed.reports,
    lang,
    schoolFields,
    { roles: ['school', 'period'], fields: schoolFields },
    preset.id,
  );
  // Subject rows may leave the school-only columns empty; a subject column is needed only if used.
  const reports = acceptSchoolReports(preset, table.rows);

  let district = { accepted: [] as ReturnType<typeof acceptDistrictReports>['accepted'], rejected: [] as RejectedReport[] };
  if (parsed.district) {
    const fields = districtReportFields(preset);
    const districtTable = readReportTable(
      readText(io, parsed.district),
      parsed.district,
      lang,
      fields,
      { roles: ['period'], fields: [] },
      preset.id,
    );
    const rows: DistrictReportRow[] = districtTable.rows.map(({ period, submittedAt, values, row }) => ({
      period,
      submittedAt,
      values,
      row,
    }));
    const accepted = acceptDistrictReports(preset, rows);
    district = { accepted: accepted.accepted, rejected: [...districtTable.refused, ...accepted.rejected] };
  }

  const scores: SurveyScoreRow[] = [];
  const notices: string[] = [];
  for (const path of parsed.surveys) {
    const read = readSurveyFile(readText(io, path), path, lang, parsed.surveyPeriod);
    scores.push(...read.rows);
    notices.push(...read.notices);
  }

  const schools = [
    ...new Map(
      [...table.rows, ...table.refused]
        .map((row) => row.school.trim().replace(/\s+/g, ' '))
        .filter((school) => school !== '')
        .map((school) => [school.toLowerCase().replace(/ё/g, 'е'), school] as const),
    ).values(),
  ];
  const result = computeIndicators({
    preset,
    reports: reports.accepted,
    districtReports: district.accepted,
    scores,
    schools,
    currentPeriod: parsed.period ?? undefined,
    privacyThreshold: parsed.threshold,
  });

  const output = {
    preset: preset.id,
    presetTitle: tr(preset.title, lang),
    periodKind: result.periodKind,
    periods: result.periods,
    currentPeriod: result.currentPeriod,
    currentPeriodTitle: result.currentPeriod ? formatPeriod(result.currentPeriod, lang) : null,
    previousPeriod: result.currentPeriod ? previousPeriod(result.currentPeriod) : null,
    privacyThreshold: result.privacyThreshold,
    reportFields: schoolFields.map((field) => field.id),
    subjectFields: subjectFields.map((field) => field.id),
    indicators: shape(result, preset, lang),
    responseRates: rates(result),
    missingReports: result.missingReports,
    rejectedReports: rejectedJson([...table.refused, ...reports.rejected], lang),
    rejectedDistrictReports: rejectedJson(district.rejected, lang),
    replacedReports: reports.superseded,
    notices,
  };
  io.stdout(`${JSON.stringify(output, null, 2)}\n`);
  return 0;
}


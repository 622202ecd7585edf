/**
 * `pd-monitor indicators --preset <id> <school_reports.csv> [survey score files…]`:
 * computes a preset's indicators from exported school reports and scored surveys and
 * prints JSON. Files may be UTF-8 or Windows-1251, comma or semicolon separated.
 * A file the tool cannot use ends the run with a message naming the file, row or column;
 * a school report that fails its checks is listed under rejectedReports with its reasons
 * and left out of the indicators.
 */
import { readCsvTable } from '../core/text/csv';
import { Catalog, Lang, tr } from '../core/text/i18n';
import { MessageError, renderMessage } from '../core/text/message';
import { computeIndicators } from '../core/indicators/compute';
import { readScoreFile } from '../core/indicators/score-file';
import { SurveyScoreRow } from '../core/indicators/types';
import { isPrivacyThreshold } from '../core/aggregate';
import { parsePeriod } from '../core/periods';
import { Preset, PRESET_IDS, presetById } from '../core/presets';
import { readReportTable } from '../core/reports/report-table';
import {
  acceptDistrictReports,
  acceptSchoolReports,
  DistrictReportRow,
  districtReportFields,
  RejectedReport,
  schoolReportFields,
  subjectReportFields,
} from '../core/reports/school-report';
import { nameKey } from '../core/text/normalize';
import { indicatorsReport, IndicatorsReportInput } from '../core/views/indicators';
import { readTextFile } from './decode';
import { CliError, CliIo } from './io';

const M = {
  usage: {
    ru: 'использование: pd-monitor indicators --preset <набор> <school_reports.csv> [файлы баллов анкет…]\n  [--district <district.csv>] [--schools <schools.txt>] [--period <период>] [--privacy-threshold <k>] [--survey-period <период>]\n  --schools: все школы района, по одной в строке (по ОО-1); без него — школы, названные в файле отчётов\nнаборы: {list}\n',
    en: 'usage: pd-monitor indicators --preset <id> <school_reports.csv> [survey score files…]\n  [--district <district.csv>] [--schools <schools.txt>] [--period <period>] [--privacy-threshold <k>] [--survey-period <period>]\n  --schools: every school of the district, one per line (as in form OO-1); without it, the schools named in the reports file\npresets: {list}\n',
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
  noSchools: {
    ru: 'в файле «{path}» нет ни одной школы: нужен список школ района, по одной в строке.',
    en: 'the file "{path}" names no school: expected the district\'s schools, one per line.',
  },
  badThreshold: {
    ru: '--privacy-threshold: нужно целое число от 2 до 50, получено «{value}».',
    en: '--privacy-threshold: expected a whole number from 2 to 50, got "{value}".',
  },} satisfies Catalog<string>;

interface Args {
  preset: Preset;
  reports: string;
  surveys: string[];
  district: string | null;
  /** A file listing every school of the district; null: the schools the reports file names. */
  schools: string | null;
  period: string | null;
  surveyPeriod: string | null;
  threshold: number | undefined;
}

function parseArgs(args: string[], lang: Lang): Args | null {
  const list = PRESET_IDS.join(', ');
  const positional: string[] = [];
  const options: Record<string, string> = {};
  const known = ['--preset', '--district', '--schools', '--period', '--privacy-threshold', '--survey-period'];
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
    if (!isPrivacyThreshold(threshold)) {
      throw new CliError(tr(M.badThreshold, lang, { value: options['--privacy-threshold'] }));
    }
  }
  return {
    preset,
    reports: positional[0],
    surveys: positional.slice(1),
    district: options['--district'] ?? null,
    schools: options['--schools'] ?? null,
    period: period('--period'),
    surveyPeriod: period('--survey-period'),
    threshold,
  };
}

function readText(io: CliIo, path: string): string {
  return readTextFile(io, path).text;
}

/** Names once each (matched as the workbook matches them), spacing tidied, blanks dropped. */
function uniqueNames(names: readonly string[]): string[] {
  const tidy = names.map((name) => String(name ?? '').trim().replace(/\s+/g, ' ')).filter((name) => nameKey(name) !== '');
  return [...new Map(tidy.map((name) => [nameKey(name), name] as const)).values()];
}

/** The district's schools, one per line; lines starting with # are comments. */
function readSchoolList(io: CliIo, path: string): string[] {
  const names = uniqueNames(readText(io, path).split(/\r\n|\r|\n/).filter((line) => !line.trim().startsWith('#')));
  if (names.length === 0) throw new CliError(tr(M.noSchools, io.lang, { path }));
  return names;
}

export function runIndicators(args: string[], io: CliIo): number {
  const lang = io.lang;
  const parsed = parseArgs(args, lang);
  if (!parsed) {
    io.stdout(tr(M.usage, lang, { list: PRESET_IDS.join(', ') }));
    return 0;
  }
  try {
    io.stdout(`${JSON.stringify(indicatorsReport(compute(parsed, io), lang), null, 2)}\n`);
  } catch (error) {
    if (error instanceof MessageError) throw new CliError(renderMessage(error.problem, lang));
    throw error;
  }
  return 0;
}

/** Options → core: the files read, the reports checked, the indicators computed. */
function compute(parsed: Args, io: CliIo): IndicatorsReportInput {
  const { preset } = parsed;
  const lang = io.lang;
  const schoolFields = schoolReportFields(preset);
  const subjectFields = subjectReportFields(preset);
  const table = readReportTable(readCsvTable(readText(io, parsed.reports), parsed.reports), parsed.reports, schoolFields,
    { roles: ['school', 'period'], fields: schoolFields }, preset.id);
  // With the district's list, a report from a school not on it is rejected, as in the workbook.
  const listed = parsed.schools === null ? null : readSchoolList(io, parsed.schools);
  // Subject rows may leave the school-only columns empty; a subject column is needed only if used.
  const reports = acceptSchoolReports(preset, table.rows, listed ? { schools: listed } : {});

  let district = { accepted: [] as ReturnType<typeof acceptDistrictReports>['accepted'], rejected: [] as RejectedReport[] };
  if (parsed.district) {
    const districtTable = readReportTable(readCsvTable(readText(io, parsed.district), parsed.district),
      parsed.district, districtReportFields(preset), { roles: ['period'], fields: [] }, preset.id);
    const rows: DistrictReportRow[] = districtTable.rows.map(({ period, submittedAt, values, row }) => ({ period, submittedAt, values, row }));
    const accepted = acceptDistrictReports(preset, rows);
    district = { accepted: accepted.accepted, rejected: [...districtTable.refused, ...accepted.rejected] };
  }

  const scores: SurveyScoreRow[] = [];
  const notices: string[] = [];
  for (const path of parsed.surveys) {
    const read = readScoreFile(readText(io, path), path, parsed.surveyPeriod);
    scores.push(...read.rows);
    notices.push(...read.notices.map((notice) => renderMessage(notice, lang)));
  }

  // The district's schools: its list when given (shares of schools and "N of M" are over the
  // whole district, as 003 asks: «в соответствии с данными ФСН ОО-1»), else every school the
  // reports file names, once, as first written.
  const schools = listed ?? uniqueNames([...table.rows, ...table.refused].map((row) => row.school));
  const result = computeIndicators({
    preset,
    reports: reports.accepted,
    districtReports: district.accepted,
    scores,
    schools,
    currentPeriod: parsed.period ?? undefined,
    privacyThreshold: parsed.threshold,
  });
  return {
    result, preset, schoolFields, subjectFields,
    rejectedReports: [...table.refused, ...reports.rejected],
    rejectedDistrictReports: district.rejected,
    replacedReports: reports.superseded,
    notices,
  };
}

/**
 * `pd-monitor indicators`, run in-process with a fake file system.
 * The Amur fixture (test/fixtures/reports/amur_school_reports.csv), worked by hand:
 *   2025/26: Школа № 1 (40 teachers, 20 diagnosed) and Школа № 3 (20, 10).
 *   2026/27: Школа № 1 (40, 30); Школа № 2 filed twice, the later filing counts (10, 8);
 *            Школа № 4 reports 30 diagnosed of 25 teachers (rejected); Школа № 5 writes
 *            "двадцать" for its teachers (rejected); a subject row for Математика (8, 6).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { runIndicators } from '../../src/cli/indicators';
import { CliError, CliIo } from '../../src/cli/io';
import { main } from '../../src/cli/main';
import { parseCsv, toCsv } from '../../src/core/text/csv';
import { Lang } from '../../src/core/text/i18n';
import { presetById } from '../../src/core/presets';
import { schoolReportFields } from '../../src/core/reports/school-report';
import { encodeCp1251 } from '../fixtures/build-fixtures';

const REPORTS = join(__dirname, '../fixtures/reports');
const RESPONSES = join(__dirname, '../fixtures/responses');
const utf8 = (text: string) => new TextEncoder().encode(text);

interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs through main (exit codes, error printing) with extra in-memory files. */
function run(argv: string[], files: Record<string, Uint8Array> = {}, lang: Lang = 'ru'): Run {
  let stdout = '';
  let stderr = '';
  const io: CliIo = {
    readFile: (path) => {
      if (path in files) return files[path];
      return readFileSync(path.startsWith('/') ? path : join(REPORTS, path));
    },
    stdout: (text) => (stdout += text),
    stderr: (text) => (stderr += text),
    lang,
  };
  return { code: main(argv, io), stdout, stderr };
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- the command's JSON is read loosely here
type Json = any;
const json = (result: Run): Json => {
  expect(result.stderr).toBe('');
  expect(result.code).toBe(0);
  return JSON.parse(result.stdout);
};
const indicator = (out: Json, id: string) => out.indicators.find((i: Json) => i.id === id);

describe('the Amur fixture', () => {
  const out = json(run(['indicators', '--preset', 'amur', 'amur_school_reports.csv', '--district', 'amur_district.csv']));

  test('periods and the preset', () => {
    expect(out).toMatchObject({ preset: 'amur', periods: ['2025/26', '2026/27'], currentPeriod: '2026/27', previousPeriod: '2025/26' });
    expect(out.indicators.map((i: Json) => i.id)).toEqual(presetById('amur')!.indicators);
  });

  test('a share with numerator, denominator, value, change, per school, per subject and history', () => {
    // (30 + 8) / (40 + 10) = 76 %; before (20 + 10) / (40 + 20) = 50 %. Only Школа № 1 reported
    // both years: like for like 30/40 = 75 % against 20/40 = 50 %, +25 (not 76 − 50 = 26).
    // Five schools are known from the file; two reported for 2026/27, with 50 teachers.
    expect(indicator(out, 'deficits.diagnosed_regional_share')).toMatchObject({
      kind: 'share',
      unit: '%',
      overall: { numerator: 38, denominator: 50, value: 76, coverage: { schools: 2, of: 5, teachers: 50 } },
      change: { previousPeriod: '2025/26', previous: 50, sameSchoolsNow: 75, sameSchoolsBefore: 50, delta: 25, schools: 1 },
      bySchool: [
        { school: 'Школа № 1', numerator: 30, denominator: 40, value: 75, change: { previous: 50, delta: 25 } },
        { school: 'Школа № 2', numerator: 8, denominator: 10, value: 80, change: { previous: null, delta: null } },
      ],
      bySubject: [{ subject: 'Математика', numerator: 6, denominator: 8, value: 75 }],
      history: [
        { period: '2025/26', numerator: 30, denominator: 60, value: 50 },
        { period: '2026/27', numerator: 38, denominator: 50, value: 76 },
      ],
    });
  });

  test('the other indicators of the preset', () => {
    // Network: (20 + 2) / 50 = 44 %; before 20 / 60 = 33.3 %. Like for like, Школа № 1 alone:
    // 20/40 = 50 % against 16/40 = 40 %, +10.
    expect(indicator(out, 'network.teachers_share')).toMatchObject({ overall: { numerator: 22, denominator: 50, value: 44 }, change: { previous: 33.3, delta: 10, schools: 1 } });
    // Staffing: (44 + 12) / (45.5 + 12) = 97.4 %; before (40 + 18.5) / (45.5 + 20) = 89.3 %.
    // Like for like, Школа № 1: 44/45.5 = 96.70 % against 40/45.5 = 87.91 %, +8.8.
    expect(indicator(out, 'staffing.staffing_level')).toMatchObject({ overall: { numerator: 56, denominator: 57.5, value: 97.4 }, change: { previous: 89.3, delta: 8.8 } });
    // District facts: 3 projects (2 before), 12 associations (10 before).
    expect(indicator(out, 'mentoring.young_support_projects')).toMatchObject({ overall: { numerator: 3, denominator: null, value: 3 }, change: { delta: 1 } });
    expect(indicator(out, 'network.associations')).toMatchObject({ overall: { value: 12 }, change: { previous: 10, delta: 2 } });
  });

  test('schools without an accepted report for the current period', () => {
    expect(out.missingReports).toEqual(['Школа № 3', 'Школа № 4', 'Школа № 5']);
  });

  test('inconsistent and unreadable rows are reported with row, column and values, not dropped', () => {
    expect(out.rejectedReports).toEqual([
      {
        row: 7,
        school: 'Школа № 4',
        period: '2026/27',
        reasons: ['«Педагогов, участвовавших в диагностике профессиональных дефицитов на региональном уровне» (30) больше, чем «Всего педагогических работников» (25).'],
      },
      {
        row: 8,
        school: 'Школа № 5',
        period: '2026/27',
        reasons: ['«Всего педагогических работников» (teachers_total): «двадцать» — нужно целое число не меньше 0.'],
      },
    ]);
  });

  test('a re-filing replaces the earlier report', () => {
    expect(out.replacedReports).toEqual([{ row: 5, school: 'Школа № 2', period: '2026/27', subject: null, replacedBy: 6 }]);
  });

  test('the same file from Russian Excel (Windows-1251, semicolons) gives the same result', () => {
    const text = readFileSync(join(REPORTS, 'amur_school_reports.csv'), 'utf8');
    const excel = encodeCp1251(toCsv(parseCsv(text), ';'));
    const again = json(run(['indicators', '--preset=amur', 'excel.csv', '--district', 'amur_district.csv'], { 'excel.csv': excel }));
    expect(again.indicators).toEqual(out.indicators);
    expect(again.rejectedReports).toEqual(out.rejectedReports);
  });

  test('--period chooses the current period; English output', () => {
    const before = json(run(['indicators', '--preset', 'amur', 'amur_school_reports.csv', '--period', '2025/2026'], {}, 'en'));
    expect(before.currentPeriod).toBe('2025/26');
    expect(before.missingReports).toEqual(['Школа № 2', 'Школа № 4', 'Школа № 5']);
    expect(indicator(before, 'deficits.diagnosed_regional_share').title).toBe('Share of teachers who took part in professional deficits diagnostics at regional level');
    expect(before.rejectedReports[1].reasons).toEqual(['"Teachers in total" (teachers_total): "двадцать" is not a whole number ≥ 0.']);
  });
});

test('examples/school_reports/amur.csv: (30 + 12) / (40 + 21) = 68.9 %, before (20 + 10) / (40 + 20) = 50 %', () => {
  const example = json(run(['indicators', '--preset', 'amur', join(__dirname, '../../examples/school_reports/amur.csv')]));
  expect(indicator(example, 'deficits.diagnosed_regional_share')).toMatchObject({
    overall: { numerator: 42, denominator: 61, value: 68.9 },
    change: { previous: 50, delta: 18.9 },
    bySubject: [
      { subject: 'Математика', numerator: 6, denominator: 8, value: 75 },
      { subject: 'Русский язык', numerator: 3, denominator: 6, value: 50 },
    ],
  });
  expect(example.rejectedReports).toEqual([]);
  expect(example.missingReports).toEqual([]);
});

describe('bad input', () => {
  test('unknown preset: exit 1 and the list of presets', () => {
    const result = run(['indicators', '--preset', 'moscow', 'amur_school_reports.csv']);
    expect(result.code).toBe(1);
    expect(result.stderr).toBe(
      'pd-monitor indicators: неизвестный набор показателей «moscow»; допустимы: amur, krymsk, kbr, krasnodar, verkhnekamsk, custom.\n',
    );
  });

  test('a missing column is named, with its title', () => {
    const text = readFileSync(join(REPORTS, 'amur_school_reports.csv'), 'utf8');
    const rows = parseCsv(text).map((row) => row.filter((_, i) => i !== 9)); // drop teachers_in_network
    const result = run(['indicators', '--preset', 'amur', 'cut.csv'], { 'cut.csv': utf8(toCsv(rows)) });
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('нет столбцов, нужных набору «amur»: teachers_in_network (Педагогов, включённых в сетевое взаимодействие');
  });

  test('a file without the school or period column', () => {
    const result = run(['indicators', '--preset', 'amur', 'x.csv'], { 'x.csv': utf8('teachers_total,teachers_diagnosed_regional\n1,1\n') }, 'en');
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/lacks columns the preset "amur" needs: school \(School\), period \(Reporting period\), teachers_experts/);
  });

  test('a column named twice', () => {
    const header = schoolReportFields(presetById('amur')!).map((f) => f.id);
    const file = utf8(`school,period,${header.join(',')},Всего педагогических работников\n`);
    const result = run(['indicators', '--preset', 'amur', 'twice.csv'], { 'twice.csv': file });
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('поле «teachers_total» встречается в нескольких столбцах: 3 «teachers_total», 12 «Всего педагогических работников»');
  });

  test('arguments: no preset, no file, unknown option, bad period, bad threshold, unreadable file', () => {
    const err = (argv: string[]) => {
      const result = run(['indicators', ...argv], {}, 'en');
      expect(result.code).toBe(1);
      return result.stderr;
    };
    expect(err(['amur_school_reports.csv'])).toMatch(/no preset given/);
    expect(err(['--preset', 'amur'])).toMatch(/no school reports file/);
    expect(err(['--preset', 'amur', 'a.csv', '--fast'])).toMatch(/unknown option "--fast"/);
    expect(err(['--preset', 'amur', 'amur_school_reports.csv', '--period', 'осень'])).toMatch(/--period: "осень" is not a period/);
    expect(err(['--preset', 'amur', 'amur_school_reports.csv', '--privacy-threshold', '1'])).toMatch(/whole number from 2 to 50/);
    expect(err(['--preset', 'amur', 'nowhere.csv'])).toMatch(/cannot read file "nowhere.csv"/);
    expect(err(['--preset'])).toMatch(/option --preset needs a value/);
  });

  test('an empty file and a broken quote', () => {
    expect(run(['indicators', '--preset', 'amur', 'e.csv'], { 'e.csv': utf8('') }).stderr).toMatch(/пуст/);
    const broken = run(['indicators', '--preset', 'amur', 'q.csv'], { 'q.csv': utf8('school,period\n"Школа,2026/27\n') });
    expect(broken.stderr).toMatch(/строка 2: кавычка открыта и не закрыта/);
  });

  test('a ragged row is rejected, not guessed', () => {
    const text = readFileSync(join(REPORTS, 'amur_school_reports.csv'), 'utf8').trimEnd() + '\n01.06.2027 14:00:00,Школа № 6,2026/27,,10\n';
    const out = json(run(['indicators', '--preset', 'amur', 'r.csv'], { 'r.csv': utf8(text) }));
    expect(out.rejectedReports[0]).toEqual({
      row: 10,
      school: 'Школа № 6',
      period: '2026/27',
      reasons: ['Строка 10: полей 5, а в заголовке 13 — проверьте кавычки и разделители.'],
    });
  });

  test('runIndicators throws CliError for the caller to print', () => {
    const io: CliIo = { readFile: () => utf8(''), stdout: () => undefined, stderr: () => undefined, lang: 'ru' };
    expect(() => runIndicators(['--preset', 'nope', 'x.csv'], io)).toThrow(CliError);
  });

  test('--help prints the usage', () => {
    const result = run(['indicators', '--help']);
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/^использование: pd-monitor indicators --preset/);
  });
});

describe('survey score files', () => {
  /** A Krymsk school report: teachers in total and zeros (consistent by construction). */
  function krymskReports(rows: [string, string, number][]): Uint8Array {
    const fields = schoolReportFields(presetById('krymsk')!);
    const value = (id: string, kind: string, total: number) =>
      id === 'teachers_total' ? total : id === 'staff_headcount' ? total + 5 : kind === 'yesno' ? 'нет' : kind === 'amount' ? 1 : 0;
    return utf8(
      toCsv([
        ['school', 'period', ...fields.map((f) => f.id)],
        ...rows.map(([school, period, total]) => [school, period, ...fields.map((f) => value(f.id, f.kind, total))]),
      ]),
    );
  }

  /** Runs `pd-monitor score` on one of the responses fixtures. */
  function score(instrument: string, file: string, format = 'jsonl'): Uint8Array {
    const result = run(['score', instrument, join(RESPONSES, file), '--format', format]);
    expect(result.code).toBe(0);
    return utf8(result.stdout);
  }

  const schools = ['МБОУ СОШ № 1', 'МБОУ «СОШ № 2», п. Лесной', 'Гимназия "Эрудит"'];
  const reports = krymskReports([
    [schools[0], '2024/25', 30],
    [schools[1], '2024/25', 20],
    [schools[2], '2024/25', 10],
  ]);

  test('the JSONL output of pd-monitor score feeds the burnout indicators and response rates', () => {
    const scored = score('boyko', 'boyko-google-ru.csv');
    const rows = new TextDecoder().decode(scored).trim().split('\n').map((line) => JSON.parse(line));
    const levels = rows.map((r: Json) => Object.values(r.phaseLevels) as (string | null)[]);
    // A respondent counts when the phases decide: one formed, or all three scored.
    const decided = levels.filter((l: (string | null)[]) => l.includes('formed') || !l.includes(null));
    const formed = levels.filter((l: (string | null)[]) => l.includes('formed'));

    const out = json(run(['indicators', '--preset', 'krymsk', 'reports.csv', 'boyko.jsonl'], { 'reports.csv': reports, 'boyko.jsonl': scored }));
    expect(out.currentPeriod).toBe('2024/25');
    const burnout = indicator(out, 'burnout.formed_any_share');
    expect(burnout.overall).toEqual({
      numerator: formed.length,
      denominator: decided.length,
      value: Math.round((formed.length / decided.length) * 1000) / 10,
      coverage: { schools: 3, of: 3, teachers: 60, respondents: decided.length },
    });
    // With the default threshold of 5 no school of this small fixture is shown.
    expect(burnout.bySchool.every((s: Json) => s.suppressed === true && s.value === null && s.numerator === null)).toBe(true);
    // Response rates against the teachers the schools reported (30 + 20 + 10).
    const rate = out.responseRates.find((r: Json) => r.instrument === 'boyko');
    expect(rate).toMatchObject({ respondents: rows.length, teachers: 60, rate: Math.round((rows.length / 60) * 1000) / 10, unmatchedRespondents: 0 });
    expect(rate.bySchool.map((s: Json) => s.teachers).sort()).toEqual([10, 20, 30]);
  });

  test('the CSV output of pd-monitor score feeds the network satisfaction indicator', () => {
    const scored = score('network', 'network-google-ru.csv', 'csv');
    const table = parseCsv(new TextDecoder().decode(scored));
    const index = table[0].indexOf('index');
    const values = table.slice(1).map((r) => r[index]).filter((v) => v !== '').map(Number);
    const sum = values.reduce((a, b) => a + b, 0);
    const out = json(
      run(['indicators', '--preset', 'krymsk', 'reports.csv', 'network.csv', '--privacy-threshold', '2'], { 'reports.csv': reports, 'network.csv': scored }),
    );
    expect(indicator(out, 'network.satisfaction').overall).toMatchObject({
      numerator: sum,
      denominator: values.length,
      value: Math.round((sum / values.length) * 10) / 10,
    });
  });

  test('rows without a date need --survey-period; rows in SurveyScoreRow form are read as such', () => {
    const files = { 'reports.csv': krymskReports([['Школа № 1', '2026/27', 10], ['Школа № 2', '2026/27', 10]]) };
    const without = json(run(['indicators', '--preset', 'krymsk', 'reports.csv', 'scores_undated.jsonl', '--privacy-threshold', '2'], files));
    expect(without.notices).toEqual(['файл «scores_undated.jsonl»: ответов без даты — 2; они не отнесены ни к одному периоду (укажите --survey-period).']);
    // Only the dated respondent is left: one person, below the threshold of 2.
    expect(indicator(without, 'burnout.formed_any_share').overall).toEqual({
      numerator: null, denominator: null, value: null, suppressed: true, coverage: { schools: 1, of: 2, teachers: 10 },
    });
    const placed = json(
      run(['indicators', '--preset', 'krymsk', 'reports.csv', 'scores_undated.jsonl', '--privacy-threshold', '2', '--survey-period', '2026/27'], files),
    );
    expect(placed.notices).toEqual([]);
    // Three respondents, two with a formed phase.
    expect(indicator(placed, 'burnout.formed_any_share').overall).toMatchObject({ numerator: 2, denominator: 3, value: 66.7, coverage: { respondents: 3 } });
  });

  test('a file that is not a score file', () => {
    const result = run(['indicators', '--preset', 'krymsk', 'reports.csv', 'bad.jsonl'], { 'reports.csv': reports, 'bad.jsonl': utf8('{"hello": 1}\n') });
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/bad.jsonl», строка 1: это не результат pd-monitor score/);
    const broken = run(['indicators', '--preset', 'krymsk', 'reports.csv', 'b.jsonl'], { 'reports.csv': reports, 'b.jsonl': utf8('{"instrument":\n') });
    expect(broken.stderr).toMatch(/b.jsonl», строка 1: не JSON/);
  });
});

describe('--schools: the district as its list says, not as the reports file shows it', () => {
  const EXAMPLES = join(__dirname, '../../examples');
  const example = (name: string) => readFileSync(join(EXAMPLES, name));
  const files = { 'r.csv': example('school_reports/custom.csv') };
  const args = (...more: string[]) => ['indicators', '--preset', 'custom', 'r.csv', '--period', '2026/27', ...more];

  test('shares of schools and "N of M" are over every listed school', () => {
    // 2026/27: СОШ № 1 has an HR strategy, СОШ № 2 not, Гимназия № 3 did not report. The file
    // names 3 schools: 1 of 3 = 33.3 %. The list names 4 (СОШ № 4 never reports): 1 of 4 = 25 %.
    const fromFile = indicator(json(run(args(), files)), 'staffing.hr_strategy_schools_share');
    expect([fromFile.overall.numerator, fromFile.overall.denominator, fromFile.overall.value]).toEqual([1, 3, 33.3]);
    const out = json(run(args('--schools', 's.txt'), { ...files, 's.txt': example('schools.txt') }));
    const listed = indicator(out, 'staffing.hr_strategy_schools_share');
    expect([listed.overall.numerator, listed.overall.denominator, listed.overall.value]).toEqual([1, 4, 25]);
    expect(listed.overall.coverage).toMatchObject({ schools: 2, of: 4 });
    expect(out.missingReports).toEqual(['МБОУ Гимназия № 3', 'МБОУ СОШ № 4']);
  });

  test('a school not on the list is rejected as in the workbook; the list may be Windows-1251 with comments', () => {
    const list = encodeCp1251('# школы района\r\nМБОУ СОШ № 1\r\n\r\nмбоу  гимназия  № 3\r\n');
    const out = json(run(args('--schools', 's.txt'), { ...files, 's.txt': list }));
    // СОШ № 2 filed a school row and a Математика row for 2026/27: both rejected, nothing else.
    const unknown = 'Образовательной организации «МБОУ СОШ № 2» нет в списке школ.';
    expect(out.rejectedReports.map((r: Json) => [r.school, r.period, r.reasons])).toEqual([
      ['МБОУ СОШ № 2', '2026/27', [unknown]],
      ['МБОУ СОШ № 2', '2026/27', [unknown]],
    ]);
    // Гимназия № 3 is matched although written in another case and spacing.
    expect(out.missingReports).toEqual(['мбоу гимназия № 3']);
  });

  test('an empty list is refused with its name', () => {
    const result = run(args('--schools', 's.txt'), { ...files, 's.txt': utf8('# nothing\n\n') }, 'en');
    expect(result.code).not.toBe(0);
    expect(result.stderr).toMatch(/the file "s.txt" names no school/);
  });
});

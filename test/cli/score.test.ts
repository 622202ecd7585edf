import fc from 'fast-check';
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { decodeText } from '../../src/cli/decode';
import { CliIo } from '../../src/cli/io';
import { main } from '../../src/cli/main';
import { csvColumns, timestampDate } from '../../src/cli/score';
import { parseCsv } from '../../src/core/text/csv';
import { Lang } from '../../src/core/text/i18n';
import { BOYKO } from '../../src/core/instruments';
import { buildFixtures, encodeCp1251, RESPONSES_DIR } from '../fixtures/build-fixtures';

const ROOT = join(__dirname, '../..');
const FIXTURES = join(ROOT, 'test/fixtures', RESPONSES_DIR);
const fixture = (name: string) => join(FIXTURES, name);

interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

function run(argv: string[], lang: Lang = 'ru'): Run {
  let stdout = '';
  let stderr = '';
  const io: CliIo = {
    readFile: (path) => readFileSync(path),
    stdout: (text) => (stdout += text),
    stderr: (text) => (stderr += text),
    lang,
  };
  const code = main(argv, io);
  return { code, stdout, stderr };
}

const jsonl = (text: string) => text.trim().split('\n').map((line) => JSON.parse(line) as Record<string, unknown>);

const BOYKO_EXPORTS = [
  'boyko-google-ru.csv', // UTF-8, comma, "Отметка времени", "12. …"
  'boyko-google-en.csv', // "Timestamp", English titles, Yes/No
  'boyko-excel-1251.csv', // Windows-1251, semicolon, CRLF
  'boyko-text-shuffled.csv', // titles without numbers, other wordings, shuffled columns
  'boyko-bom-newline.csv', // BOM, CRLF, "12) …", quoted multi-line comments
];

describe('the committed fixtures', () => {
  test('are what build-fixtures.ts makes (regenerate with node scripts/run.mjs test/fixtures/make-fixtures.ts)', () => {
    for (const [name, bytes] of Object.entries(buildFixtures())) {
      expect(Buffer.from(readFileSync(fixture(name))).equals(Buffer.from(bytes))).toBe(true);
    }
  });

  test('the Excel file really is Windows-1251 and the BOM file really starts with a BOM', () => {
    const excel = readFileSync(fixture('boyko-excel-1251.csv'));
    expect(excel.includes(Buffer.from(encodeCp1251('Отметка времени;')))).toBe(true);
    expect(() => new TextDecoder('utf-8', { fatal: true }).decode(excel)).toThrow();
    expect([...readFileSync(fixture('boyko-bom-newline.csv')).subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  });
});

describe('decodeText', () => {
  test('UTF-8 with or without a BOM; anything else is Windows-1251', () => {
    expect(decodeText(new Uint8Array([0xef, 0xbb, 0xbf, 0xd0, 0x94, 0xd0, 0xb0]))).toEqual({ text: 'Да', encoding: 'utf-8' });
    expect(decodeText(new TextEncoder().encode('Нет;Yes'))).toEqual({ text: 'Нет;Yes', encoding: 'utf-8' });
    expect(decodeText(encodeCp1251('Отметка времени;Ёлка «№ 1»'))).toEqual({ text: 'Отметка времени;Ёлка «№ 1»', encoding: 'windows-1251' });
    expect(decodeText(new Uint8Array([]))).toEqual({ text: '', encoding: 'utf-8' });
  });
});

describe('pd-monitor score boyko', () => {
  const runs = Object.fromEntries(BOYKO_EXPORTS.map((name) => [name, run(['score', 'boyko', fixture(name)])]));

  test.each(BOYKO_EXPORTS)('%s is read and scored', (name) => {
    const result = runs[name];
    expect(result.stderr).toContain('подсчитано ответов: 8 (полных: 6, неполных: 2)');
    expect(result.code).toBe(0);
  });

  test('every export format gives identical scores, row for row', () => {
    const reference = runs['boyko-google-ru.csv'].stdout;
    expect(jsonl(reference)).toHaveLength(8);
    for (const name of BOYKO_EXPORTS) expect(runs[name].stdout).toBe(reference);
    expect(runs['boyko-excel-1251.csv'].stderr).toContain('кодировка windows-1251, разделитель «;»');
  });

  test('the scores are those worked by hand, in the documented shape', () => {
    const rows = jsonl(runs['boyko-text-shuffled.csv'].stdout);
    const [allYes, allNo, oddYes, gaps, unreadable] = rows;
    expect(Object.keys(allYes).slice(0, 10)).toEqual([
      'row', 'status', 'missing', 'symptoms', 'phases', 'total', 'symptomLevels', 'dominant', 'phaseLevels', 'unreadable',
    ]);
    expect(allYes).toMatchObject({ row: 1, status: 'ok', missing: [], total: 295, phases: { 1: 89, 2: 100, 3: 106 } });
    expect(allYes.symptoms).toEqual({ 1: 22, 2: 12, 3: 25, 4: 30, 5: 27, 6: 22, 7: 23, 8: 28, 9: 15, 10: 28, 11: 33, 12: 30 });
    expect(allNo).toMatchObject({ row: 2, total: 68, dominant: [], phaseLevels: { 1: 'not_formed', 2: 'not_formed', 3: 'not_formed' } });
    expect(oddYes).toMatchObject({ total: 175, phases: { 1: 65, 2: 60, 3: 50 }, dominant: [1, 3, 5, 7, 11] });
    expect(gaps).toMatchObject({ row: 4, status: 'incomplete', missing: [11, 40], total: null, phases: { 1: null, 2: 100, 3: null } });
    expect(unreadable).toMatchObject({ row: 5, status: 'incomplete', missing: [12], unreadable: [12], total: null });
  });

  test('profile codes and the submission date are carried; no name, no e-mail, no comment', () => {
    const rows = jsonl(runs['boyko-bom-newline.csv'].stdout);
    expect(rows[0]).toMatchObject({
      profile: { school: 'МБОУ СОШ № 1', subject: 'Математика', ageBand: '25_34', experienceBand: '0_3' },
      date: '2025-03-12',
      instrument: 'boyko',
      version: '1',
    });
    expect(rows[1].profile).toMatchObject({ school: 'МБОУ «СОШ № 2», п. Лесной', experienceBand: '21_30' });
    expect(rows.map((r) => r.date)).toEqual(['2025-03-12', '2025-03-12', '2025-03-13', '2025-03-13', '2025-03-14', '2025-03-15', '2025-03-21', '2025-04-01']);
    expect(runs['boyko-bom-newline.csv'].stdout).not.toContain('вторая строка');
    expect(runs['boyko-bom-newline.csv'].stderr).toContain('«Комментарий»');
  });

  test('an unreadable answer is reported with its row and item, not dropped', () => {
    expect(runs['boyko-google-ru.csv'].stderr).toContain('строка данных 5: ответ «Может быть» на вопрос № 12 не распознан');
  });

  test('--format csv: one row per response, the same fields flattened', () => {
    const result = run(['score', 'boyko', fixture('boyko-excel-1251.csv'), '--format', 'csv']);
    expect(result.code).toBe(0);
    const table = parseCsv(result.stdout, ',');
    const [header, ...rows] = table;
    expect(header).toEqual(csvColumns(BOYKO));
    expect(header.slice(0, 4)).toEqual(['row', 'status', 'missing', 'symptoms.1']);
    expect(rows).toHaveLength(8);
    const jsonRows = jsonl(runs['boyko-google-ru.csv'].stdout);
    const col = (name: string) => header.indexOf(name);
    rows.forEach((row, i) => {
      const json = jsonRows[i] as { total: number | null; symptoms: Record<string, number | null>; missing: number[] };
      expect(row[col('total')]).toBe(json.total === null ? '' : String(json.total));
      expect(row[col('symptoms.11')]).toBe(json.symptoms[11] === null ? '' : String(json.symptoms[11]));
      expect(row[col('missing')]).toBe(json.missing.join(' '));
    });
    expect(rows[3][col('missing')]).toBe('11 40');
    expect(rows[1][col('profile.school')]).toBe('МБОУ «СОШ № 2», п. Лесной');
    expect(run(['score', 'boyko', fixture('boyko-google-en.csv'), '--format=csv']).stdout).toBe(result.stdout);
  });
});

describe('files the command refuses, with the row or column named', () => {
  test.each([
    ['bad-no-items.csv', /нет ни одного столбца с вопросами анкеты/],
    ['bad-ragged.csv', /строка данных 3 \(строка файла 4\): полей 88, а в заголовке 89/],
    ['bad-missing-columns.csv', /нет столбцов для вопросов .*: № 5, № 17/],
    ['bad-quote.csv', /строка 3: кавычка открыта и не закрыта/],
    ['mentoring-google-ru.csv', /Похоже, это выгрузка анкеты «Удовлетворенность участием в программе наставничества»: pd-monitor score mentoring/],
  ])('%s', (name, message) => {
    const result = run(['score', 'boyko', fixture(name)]);
    expect(result.code).toBe(1);
    expect(result.stdout).toBe('');
    expect(result.stderr).toMatch(message);
  });

  test('messages in English when asked', () => {
    const result = run(['score', 'boyko', fixture('bad-ragged.csv')], 'en');
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('data row 3 (line 4 of the file): 88 fields, but the header has 89');
  });

  test('bad arguments', () => {
    expect(run(['score', 'burnout', fixture('boyko-google-ru.csv')]).stderr).toContain('неизвестный инструмент «burnout»');
    expect(run(['score', 'boyko', fixture('boyko-google-ru.csv'), '--format', 'xml']).code).toBe(1);
    expect(run(['score', 'boyko']).stderr).toContain('нужны два аргумента');
    const missing = run(['score', 'boyko', fixture('no-such-file.csv')]);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toContain('не удалось прочитать файл');
    expect(run(['score', '--help']).code).toBe(0);
  });
});

describe('pd-monitor score for the other instruments', () => {
  test('mentoring: BOM, quoted line breaks in open answers, mentees and mentors', () => {
    const result = run(['score', 'mentoring', fixture('mentoring-google-ru.csv')]);
    expect(result.code).toBe(0);
    const rows = jsonl(result.stdout);
    expect(rows.map((r) => [r.role, r.status, r.index])).toEqual([
      ['mentee', 'ok', 100],
      ['mentee', 'ok', 0],
      ['mentee', 'ok', 77.78],
      ['mentor', 'ok', 55.56],
      ['mentor', 'ok', 66.67],
      ['mentor', 'incomplete', null],
    ]);
    expect(rows[5].missing).toEqual(['mentor.planDone']);
    expect(result.stdout).not.toContain('разбор уроков');
    expect(result.stdout).not.toContain('прошлой школе');
  });

  test('network: participants with checkbox answers and a non-participant', () => {
    const rows = jsonl(run(['score', 'network', fixture('network-google-ru.csv')]).stdout);
    expect(rows.map((r) => [r.member, r.index, r.techMastery])).toEqual([[true, 100, 100], [true, 50, 25], [false, null, null]]);
    expect(rows[0].forms).toEqual(['association', 'project']);
    expect(rows[2].barriers).toEqual(['noTime', 'noOffer']);
  });

  test('deficits: an English export', () => {
    const result = run(['score', 'deficits', fixture('deficits-google-en.csv'), '--format', 'csv']);
    expect(result.code).toBe(0);
    const [header, first, second] = parseCsv(result.stdout, ',');
    const at = (row: string[], name: string) => row[header.indexOf(name)];
    expect(at(first, 'deficits.subject')).toBe('true');
    expect(at(first, 'deficits.methodological')).toBe('false');
    expect(at(first, 'deficitCount')).toBe('3');
    expect(at(first, 'date')).toBe('2025-04-10');
    expect(at(second, 'routeFromDiagnostics')).toBe('');
    expect(at(second, 'anyDeficit')).toBe('false');
  });
});

const DIST = join(ROOT, 'dist/cli.js');
// The build (npm run build) makes dist/cli.js; without it there is nothing to run.
const withDist = existsSync(DIST) ? test : test.skip;

withDist('the built dist/cli.js gives the same scores as in-process (skipped when dist/cli.js is absent)', () => {
  const stdout = execFileSync(process.execPath, [DIST, 'score', 'boyko', fixture('boyko-excel-1251.csv')], {
    encoding: 'utf8',
    env: { ...process.env, PD_MONITOR_LANG: 'en' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  expect(stdout).toBe(run(['score', 'boyko', fixture('boyko-google-ru.csv')]).stdout);
  const refused = spawnSync(process.execPath, [DIST, 'score', 'boyko', fixture('bad-ragged.csv')], {
    encoding: 'utf8',
    env: { ...process.env, PD_MONITOR_LANG: 'en' },
  });
  expect(refused.status).toBe(1);
  expect(refused.stderr).toContain('data row 3 (line 4 of the file)');
});

describe('reading a file in chunks', () => {
  /** Runs the command with the file served in chunks of the given sizes, cycling. */
  function runChunked(argv: string[], sizes: number[], files: Record<string, Uint8Array> = {}): Run {
    let stdout = '';
    let stderr = '';
    const read = (path: string) => files[path] ?? readFileSync(path);
    const io: CliIo = {
      readFile: read,
      readChunks: (path) => {
        const bytes = read(path);
        const chunks: Uint8Array[] = [];
        for (let at = 0, i = 0; at < bytes.length; i++) {
          chunks.push(bytes.subarray(at, at + sizes[i % sizes.length]));
          at += sizes[i % sizes.length];
        }
        return chunks;
      },
      stdout: (text) => (stdout += text),
      stderr: (text) => (stderr += text),
      lang: 'ru',
    };
    const code = main(argv, io);
    return { code, stdout, stderr };
  }

  const ALL = [...BOYKO_EXPORTS.map((name) => ['boyko', name]), ['mentoring', 'mentoring-google-ru.csv'], ['network', 'network-google-ru.csv'], ['deficits', 'deficits-google-en.csv']];

  test.each(ALL)('%s %s: chunks cutting characters, CRLFs and quotes give the whole-file output', (instrument, name) => {
    const whole = run(['score', instrument, fixture(name), '--format', 'csv']);
    expect(whole.code).toBe(0);
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 1, max: 40 }), { minLength: 1, maxLength: 8 }), (sizes) => {
        expect(runChunked(['score', instrument, fixture(name), '--format', 'csv'], sizes)).toEqual(whole);
      }),
      { numRuns: 25 },
    );
  });

  test.each(['bad-ragged.csv', 'bad-quote.csv', 'bad-no-items.csv'])('%s: the same refusal, nothing written', (name) => {
    const whole = run(['score', 'boyko', fixture(name)]);
    expect(runChunked(['score', 'boyko', fixture(name)], [3, 1, 7])).toEqual(whole);
  });

  const ru = readFileSync(fixture('boyko-google-ru.csv'), 'utf8');
  const [header, ...rows] = ru.trimEnd().split('\n');
  const body = rows.filter((row) => /^\d\d\.\d\d\.\d{4}/.test(row));
  /** A file of `count` rows cycling through the fixture's rows, each line ending in LF. */
  const many = (count: number) => `${header}\n${Array.from({ length: count }, (_, i) => body[i % body.length]).join('\n')}\n`;

  test('a bad row after the first written block: the rows before it are out, the exit code says it failed, the line is named', () => {
    const text = `${many(3000)}${body[0].split(',').slice(0, 10).join(',')}\n`;
    const result = runChunked(['score', 'boyko', 'big.csv'], [1 << 16], { 'big.csv': new TextEncoder().encode(text) });
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('строка данных 3001 (строка файла 3002)');
    const written = jsonl(result.stdout);
    expect(written.length).toBeGreaterThan(0);
    expect(written.length).toBeLessThan(3000);
    expect(written.map((row) => row.row)).toEqual(written.map((_, i) => i + 1));
  });

  test('UTF-8 that breaks off past the first megabyte is refused with the line', () => {
    const start = new TextEncoder().encode(many(2500));
    expect(start.length).toBeGreaterThan(1 << 20);
    const bad = encodeCp1251(`${body[0]}\n`);
    const file = new Uint8Array(start.length + bad.length);
    file.set(start);
    file.set(bad, start.length);
    const result = runChunked(['score', 'boyko', 'mixed.csv'], [50_000], { 'mixed.csv': file });
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/файл «mixed\.csv», строка \d+: байты не в кодировке UTF-8/);
    const line = Number(/строка (\d+):/.exec(result.stderr)![1]);
    expect(line).toBeGreaterThan(2400);
    expect(line).toBeLessThanOrEqual(2502);
  });

  test('slash dates: day first when a day above 12 shows up, month first otherwise, rows in order', () => {
    const en = readFileSync(fixture('boyko-google-en.csv'), 'utf8');
    const reference = jsonl(run(['score', 'boyko', fixture('boyko-google-ru.csv')]).stdout).map((row) => row.date);
    // The same timestamps written day first: the first two rows (12/3) are ambiguous until 13/3.
    const dayFirst = en.replace(/^(\d{1,2})\/(\d{1,2})\//gm, '$2/$1/');
    const result = runChunked(['score', 'boyko', 'dmy.csv'], [97], { 'dmy.csv': new TextEncoder().encode(dayFirst) });
    expect(jsonl(result.stdout).map((row) => row.date)).toEqual(reference);
    expect(jsonl(result.stdout).map((row) => row.row)).toEqual(reference.map((_, i) => i + 1));
    // Nothing ever proves the order: month first, as Google Forms writes for US sheets.
    const ambiguous = en.replace(/^(\d{1,2})\/(\d{1,2})\//gm, '1/2/');
    const dates = jsonl(runChunked(['score', 'boyko', 'a.csv'], [97], { 'a.csv': new TextEncoder().encode(ambiguous) }).stdout).map((row) => row.date);
    expect(new Set(dates)).toEqual(new Set(['2025-01-02']));
  });
});

describe('submission dates', () => {
  // The command keeps dates by a timestamp's text before its first space, so that part must decide them.
  test('a timestamp starting with a digit has the date of its text up to the first space', () => {
    const stamp = fc.tuple(
      fc.integer({ min: 0, max: 9 }),
      fc.string({ unit: fc.constantFrom('0', '1', '2', '3', '9', '.', '/', '-', ' ', ':', 'T', '\t', '\u00a0', 'x'), maxLength: 24 }),
    ).map(([digit, rest]) => `${digit}${rest}`);
    fc.assert(
      fc.property(stamp, fc.constantFrom('mdy', 'dmy') as fc.Arbitrary<'mdy' | 'dmy'>, (value, order) => {
        const space = value.indexOf(' ');
        fc.pre(space >= 0);
        expect(timestampDate(value.slice(0, space), order)).toBe(timestampDate(value, order));
      }),
      { numRuns: 2000 },
    );
    expect(timestampDate('12.03.2025', 'mdy')).toBe('2025-03-12');
    expect(timestampDate('3/12/2025', 'dmy')).toBe('2025-12-03');
  });

  test('rows on the same day with different times, and days in every format, get their own dates', () => {
    const header = readFileSync(fixture('boyko-google-ru.csv'), 'utf8').split('\n')[0];
    const answers = Array(84).fill('Да').join(',');
    const stamps = ['12.03.2025 10:15:30', '12.03.2025 23:59:59', '13.03.2025 00:00:01', '2025-03-14T10:00:00', '2025-03-14 10:00', '3/15/2025 1:00:00', '15.03.25 9:00', ' 16.03.2025 10:00', '17.03.2025', '1x.03.2025 10:00'];
    const text = `${header}\n${stamps.map((stamp) => `${stamp},Школа,Физика,25–34 года,0–3 года,${answers}`).join('\n')}\n`;
    let stdout = '';
    const io: CliIo = { readFile: () => new TextEncoder().encode(text), stdout: (t) => (stdout += t), stderr: () => undefined, lang: 'ru' };
    expect(main(['score', 'boyko', 'dates.csv'], io)).toBe(0);
    expect(jsonl(stdout).map((row) => row.date)).toEqual(stamps.map((stamp) => timestampDate(stamp, 'mdy')));
    expect(jsonl(stdout).map((row) => row.date).slice(0, 5)).toEqual(['2025-03-12', '2025-03-12', '2025-03-13', '2025-03-14', '2025-03-14']);
  });
});

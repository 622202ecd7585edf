/**
 * The command-line tool given hostile or broken files: no input ends in a stack trace or
 * writes into Object.prototype, and a broken file is refused with its line and a non-zero exit.
 */
import fc from 'fast-check';
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { CliIo } from '../../src/cli/io';
import { main } from '../../src/cli/main';
import { Lang } from '../../src/core/text/i18n';

const ROOT = join(__dirname, '../..');
const BOYKO = readFileSync(join(ROOT, 'test/fixtures/responses/boyko-google-ru.csv'), 'utf8');
const REPORTS = readFileSync(join(ROOT, 'examples/school_reports/amur.csv'));

interface Run { code: number; stdout: string; stderr: string }

/** Runs the tool in-process over files held in memory. */
function run(argv: string[], files: Record<string, string | Uint8Array>, lang: Lang = 'ru'): Run {
  let stdout = '';
  let stderr = '';
  const io: CliIo = {
    readFile: (path) => {
      const file = files[path];
      if (file === undefined) throw new Error(`ENOENT: ${path}`);
      return typeof file === 'string' ? Buffer.from(file, 'utf8') : file;
    },
    stdout: (text) => (stdout += text),
    stderr: (text) => (stderr += text),
    lang,
  };
  return { code: main(argv, io), stdout, stderr };
}

/** Every line of stderr is the tool's own message: no stack frame, no raw exception. */
function expectCleanFailureOrSuccess(result: Run): void {
  expect([0, 1, 2]).toContain(result.code);
  expect(result.stderr).not.toMatch(/^\s+at .+:\d+:\d+\)?$/m);
  // Messages may quote the file (a JSON reason shows its text), but each starts as the tool's own.
  if (result.code !== 0) expect(result.stderr).toMatch(/^pd-monitor [a-z]+: /);
}

/** The score file of the Boyko fixture as CSV, with extra columns appended to each row. */
function scoresCsv(extra: Array<[string, string]> = []): string {
  const scored = run(['score', 'boyko', 'in.csv', '--format', 'csv'], { 'in.csv': BOYKO });
  expect(scored.code).toBe(0);
  const lines = scored.stdout.trimEnd().split('\r\n');
  return lines.map((line, i) => [line, ...extra.map(([header, value]) => (i === 0 ? header : value))].join(',')).join('\r\n');
}

const indicators = (scores: string) =>
  run(['indicators', '--preset', 'amur', '--survey-period', '2024/25', 'reports.csv', 'scores.csv'], { 'reports.csv': REPORTS, 'scores.csv': scores });

afterEach(() => {
  // A polluted prototype would leak into every later test: clean it, after the checks have seen it.
  for (const key of ['polluted', 'x']) delete (Object.prototype as Record<string, unknown>)[key];
});

describe('prototype pollution', () => {
  test.each(['__proto__.polluted', 'constructor.prototype.polluted', 'prototype.polluted', '__proto__'])(
    'a score file with a "%s" column: Object.prototype untouched, the indicators as without it',
    (header) => {
      const plain = indicators(scoresCsv());
      expect(plain.code).toBe(0);
      const hostile = indicators(scoresCsv([[header, 'yes'], ['__proto__.x', '{"a":1}']]));
      expect(({} as Record<string, unknown>).polluted).toBeUndefined();
      expect(({} as Record<string, unknown>).x).toBeUndefined();
      expect(hostile.code).toBe(0);
      expect(hostile.stdout).toBe(plain.stdout);
    },
  );

  test('a responses export whose columns are __proto__, constructor and prototype scores as without them', () => {
    const lines = BOYKO.trimEnd().split('\n');
    const hostile = lines.map((line, i) => `${line},${i === 0 ? '__proto__,constructor,prototype' : '{},1,2'}`).join('\n');
    const plain = run(['score', 'boyko', 'in.csv'], { 'in.csv': BOYKO });
    const result = run(['score', 'boyko', 'in.csv'], { 'in.csv': hostile });
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(result.code).toBe(0);
    expect(result.stdout).toBe(plain.stdout);
    expect(result.stderr).toContain('«__proto__»');
  });
});

describe('a stray quote in a middle row', () => {
  // Two rows without quotes of their own, one after the other: the first opens a quote in
  // its subject, the second has a quote inside its subject. Read leniently, they become one
  // record of exactly the header's width, and a response would silently vanish.
  const lines = BOYKO.split('\n');
  const [first, second] = [lines[1], lines[4]];
  expect(first + second).not.toContain('"');
  const broken = [lines[0], first.replace('Математика', '"Математика'), second.replace('Физика', 'Физ"ика'), ...lines.slice(2, 4), ...lines.slice(5)].join('\n');

  test('score: refused with the line of the quote, nothing written', () => {
    for (const lang of ['ru', 'en'] as const) {
      const result = run(['score', 'boyko', 'in.csv'], { 'in.csv': broken }, lang);
      expect(result.code).toBe(1);
      expect(result.stdout).toBe('');
      expect(result.stderr).toContain(lang === 'ru' ? 'строка 2: кавычка' : 'line 2: a quote');
      expectCleanFailureOrSuccess(result);
    }
  });

  test('indicators: a score file with a stray quote is refused with its line', () => {
    // Rows 1 and 4 of the scores name schools without quotes: row 4 is moved up under row 1.
    const scores = scoresCsv().split('\r\n');
    expect(scores[1] + scores[4]).not.toContain('"');
    const cells = scores[4].split(',');
    cells[1] = `${cells[1]}x"y`;
    const result = indicators([scores[0], scores[1].replace(',', ',"'), cells.join(','), scores[2], scores[3], ...scores.slice(5)].join('\r\n'));
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('«scores.csv», строка 2: кавычка');
  });

  test('a quoted answer over several lines is still read (the fixture with line breaks)', () => {
    const text = readFileSync(join(ROOT, 'test/fixtures/responses/boyko-bom-newline.csv'));
    expect(run(['score', 'boyko', 'in.csv'], { 'in.csv': text }).code).toBe(0);
  });
});

describe('files the tool cannot use', () => {
  test.each([
    ['arrays nested 100,000 deep', `${'['.repeat(100_000)}${']'.repeat(100_000)}`],
    ['objects nested 100,000 deep', `${'{"a":'.repeat(100_000)}1${'}'.repeat(100_000)}`],
    ['blocks nested 5,000 deep', `{"blocks":${'{"indicators":'.repeat(5000)}{}${'}'.repeat(5000)}}`],
  ])('rubric with %s: a clear message, exit 1', (_, json) => {
    const result = run(['rubric', 'r.json'], { 'r.json': json });
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/^pd-monitor rubric: /);
    expectCleanFailureOrSuccess(result);
  });

  test('a score file without measure columns: a clear message naming the file, exit 1', () => {
    const result = indicators('school,subject,date\nШкола 1,Математика,2025-01-10\n');
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('«scores.csv», строка 2');
    expectCleanFailureOrSuccess(result);
  });

  test('a responses file without measure columns: a clear message, exit 1', () => {
    const result = run(['score', 'boyko', 'in.csv'], { 'in.csv': 'Отметка времени,Школа\n12.03.2025 10:00:00,1\n' });
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('нет ни одного столбца');
    expectCleanFailureOrSuccess(result);
  });

  test('a failure nobody foresaw (output that cannot be written) is one line, exit 70', () => {
    const io: CliIo = {
      readFile: () => Buffer.from(BOYKO),
      stdout: () => {
        throw new RangeError('Maximum call stack size exceeded');
      },
      stderr: (text) => (stderr += text),
      lang: 'en',
    };
    let stderr = '';
    expect(main(['score', 'boyko', 'in.csv'], io)).toBe(70);
    expect(stderr).toBe('pd-monitor score: the file could not be processed (RangeError: Maximum call stack size exceeded). Check that it is an export of the right kind; if it is, tell the developers.\n');
  });
});

describe('random input never ends in a stack trace', () => {
  const csvish = fc.array(
    fc.array(fc.oneof(fc.constantFrom('"', '""', ',', ';', '\t', '\r', '\n', '\r\n', '__proto__', 'constructor.prototype', '.', 'Да', 'Нет', '=1', '\uFEFF', '12.03.2025'), fc.string({ maxLength: 6 })), { maxLength: 12 }).map((parts) => parts.join('')),
    { maxLength: 8 },
  ).map((rows) => rows.join('\n'));
  const boykoPrefixed = fc.tuple(fc.nat(BOYKO.length), csvish).map(([cut, tail]) => BOYKO.slice(0, cut) + tail);
  const bytes = fc.uint8Array({ maxLength: 300 });
  const input = fc.oneof(csvish, boykoPrefixed, bytes);

  test('score, indicators and rubric over random bytes and CSV-ish text', () => {
    fc.assert(
      fc.property(input, (file) => {
        for (const argv of [
          ['score', 'boyko', 'f'],
          ['score', 'network', 'f', '--format', 'csv'],
          ['indicators', '--preset', 'amur', 'f'],
          ['indicators', '--preset', 'krymsk', 'r', 'f'],
          ['rubric', 'f'],
        ]) {
          expectCleanFailureOrSuccess(run(argv, { f: file, r: REPORTS }));
        }
        expect(({} as Record<string, unknown>).polluted).toBeUndefined();
      }),
      { numRuns: 150, seed: 9 },
    );
  });
});

const DIST = join(ROOT, 'dist/cli.js');
(existsSync(DIST) ? test : test.skip)('the built dist/cli.js: an empty rubric file is one message line and exit 1, no stack', () => {
  const result = spawnSync(process.execPath, [DIST, 'rubric', '/dev/null'], { encoding: 'utf8' });
  expect(result.status).toBe(1);
  expect(result.stderr).not.toMatch(/^\s+at /m);
});

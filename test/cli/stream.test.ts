import fc from 'fast-check';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { CliIo } from '../../src/cli/io';
import { main } from '../../src/cli/main';
import { decodeText } from '../../src/cli/decode';
import { timestampDate } from '../../src/cli/score';
import { BOYKO, matchColumns } from '../../src/core/instruments';
import { scoreResponse } from '../../src/core/scoring';
import { csvField, isBlankRecord, parseCsvRecords } from '../../src/core/text/csv';
import { encodeCp1251, RESPONSES_DIR } from '../fixtures/build-fixtures';

/**
 * The command reads its file in pieces; whatever the pieces, the output must be what the
 * file read whole gives. Random Boyko exports, cut at random byte offsets: inside a
 * two-byte Cyrillic letter, inside a quoted field that spans lines, inside a CRLF and
 * right after a BOM.
 */
const HEADER_LINE = readFileSync(join(__dirname, '../fixtures', RESPONSES_DIR, 'boyko-google-ru.csv'), 'utf8').split('\n')[0];
const HEADER = HEADER_LINE.split(/,(?=(?:[^"]*"[^"]*")*[^"]*$)/).map((title) => title.replace(/^"|"$/g, '').replace(/""/g, '"'));
const ITEMS = HEADER.length - 5;

interface Result { code: number; stdout: string; stderr: string }

function run(bytes: Uint8Array, format: string, cuts?: number[]): Result {
  let stdout = '';
  let stderr = '';
  const io: CliIo = {
    readFile: () => bytes,
    stdout: (text) => (stdout += text),
    stderr: (text) => (stderr += text),
    lang: 'ru',
  };
  if (cuts) {
    io.readChunks = () => {
      const at = [0, ...[...new Set(cuts.map((c) => c % (bytes.length + 1)))].sort((a, b) => a - b), bytes.length];
      return at.slice(1).map((end, i) => bytes.subarray(at[i], end));
    };
  }
  const code = main(['score', 'boyko', 'export.csv', '--format', format], io);
  return { code, stdout, stderr };
}

const answer = fc.constantFrom('Да', 'Нет', 'Да', 'Нет', '', ' да ', 'YES', 'может быть');
const text = fc.oneof(
  fc.constantFrom('МБОУ СОШ № 1', 'Школа «Ёлочка», п. Лесной', 'Гимназия "Эрудит"', 'строка 1\nстрока 2', 'конец\r\nстроки', '=IMPORTXML("x")', '<img src=x onerror=alert(1)>', '😀 эмодзи'),
  fc.string({ unit: fc.constantFrom('а', 'Я', 'ё', ',', ';', '"', '\n', '\r', ' ', 'x', '€', '😀'), maxLength: 12 }),
);
const row = fc.record({
  day: fc.integer({ min: 1, max: 28 }),
  school: text,
  subject: text,
  answers: fc.array(answer, { minLength: ITEMS, maxLength: ITEMS }),
});

const exportFile = fc.record({
  rows: fc.array(row, { minLength: 0, maxLength: 8 }),
  bom: fc.boolean(),
  crlf: fc.boolean(),
  cp1251: fc.boolean(),
});

/** The export as bytes; `ragged` gives one row a field too many (`extra`) or too few. */
function encode(
  file: { rows: Array<{ day: number; school: string; subject: string; answers: string[] }>; bom: boolean; crlf: boolean; cp1251: boolean },
  ragged?: { row: number; extra: boolean },
): Uint8Array {
  const eol = file.crlf ? '\r\n' : '\n';
  const lines = [HEADER, ...file.rows.map((r, i) => {
    const cells = [`${String(r.day).padStart(2, '0')}.03.2025 10:15:30`, r.school, r.subject, '25–34 года', '0–3 года', ...r.answers];
    if (ragged?.row !== i) return cells;
    return ragged.extra ? [...cells, 'Да'] : cells.slice(0, -1);
  })];
  const body = lines.map((cells) => cells.map((cell) => csvField(cell)).join(',')).join(eol) + eol;
  if (file.cp1251) {
    // Characters Windows-1251 (as the fixtures encode it) lacks, the emoji among them, become '?'.
    return encodeCp1251(body.replace(/[^\u0000-\u007f\u0410-\u044fЁё«»—–№\u00a0…“”’]/gu, '?'));
  }
  const utf8 = new TextEncoder().encode(body);
  if (!file.bom) return utf8;
  const out = new Uint8Array(utf8.length + 3);
  out.set([0xef, 0xbb, 0xbf]);
  out.set(utf8, 3);
  return out;
}

describe('pd-monitor score over a file read in pieces', () => {
  test.each(['jsonl', 'csv'])('random exports cut at random offsets give the whole-file output (%s)', (format) => {
    fc.assert(
      fc.property(exportFile, fc.array(fc.nat(), { maxLength: 12 }), (file, cuts) => {
        const bytes = encode(file);
        const whole = run(bytes, format);
        expect(run(bytes, format, cuts)).toEqual(whole);
        // Every byte a piece of its own: each multi-byte character and CRLF is cut.
        expect(run(bytes, format, Array.from({ length: bytes.length }, (_, i) => i))).toEqual(whole);
      }),
      { numRuns: 60 },
    );
  });

  /**
   * The output the general path gives: the whole text decoded and parsed at once, each row
   * scored from an answers object and written by JSON.stringify.
   */
  function reference(bytes: Uint8Array): string {
    const [header, ...rows] = parseCsvRecords(decodeText(bytes).text, ',').map((record) => record.fields);
    const map = matchColumns(BOYKO, header);
    return rows.filter((fields) => !isBlankRecord(fields)).map((fields, i) => {
      const answers: Record<string, string> = {};
      for (const [key, column] of Object.entries(map.columns)) answers[key] = fields[column];
      const date = timestampDate(fields[map.timestampColumn!]);
      return `${JSON.stringify({ row: i + 1, ...scoreResponse(BOYKO, answers), date })}\n`;
    }).join('');
  }

  test('the output is what the general path gives for the whole text, byte for byte', () => {
    fc.assert(
      fc.property(exportFile, fc.array(fc.nat(), { maxLength: 12 }), (file, cuts) => {
        const bytes = encode(file);
        const result = run(bytes, 'jsonl', cuts);
        expect(result.code).toBe(0);
        expect(result.stdout).toBe(reference(bytes));
      }),
      { numRuns: 100 },
    );
  });

  test('a row with a field too few or too many is refused with its line, wherever the pieces are cut', () => {
    fc.assert(
      fc.property(exportFile, fc.nat(), fc.boolean(), fc.array(fc.nat(), { maxLength: 12 }), (file, at, extra, cuts) => {
        fc.pre(file.rows.length > 0);
        const bad = at % file.rows.length;
        const bytes = encode(file, { row: bad, extra });
        const whole = run(bytes, 'jsonl');
        expect(whole.code).toBe(1);
        expect(whole.stderr).toMatch(new RegExp(`строка данных ${bad + 1} \\(строка файла \\d+\\): полей ${HEADER.length + (extra ? 1 : -1)}, а в заголовке ${HEADER.length}`));
        expect(run(bytes, 'jsonl', cuts)).toEqual(whole);
      }),
      { numRuns: 60 },
    );
  });

  test('the generated exports are scored, not refused', () => {
    const sample = fc.sample(exportFile, { numRuns: 30, seed: 5 });
    for (const file of sample) {
      const result = run(encode(file), 'jsonl');
      expect(result.code).toBe(0);
      expect(result.stdout.split('\n').filter(Boolean)).toHaveLength(file.rows.length);
    }
  });
});

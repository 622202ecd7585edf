/**
 * The fast paths of `pd-monitor score boyko` against the general ones they stand in for:
 * the Boyko JSON line written byte by byte is JSON.stringify's line, byte for byte; a line
 * walked in place scores as its split fields do (or is handed to the careful path); output
 * blocks end on whole rows.
 */
import fc from 'fast-check';
import { BoykoRows } from '../../src/cli/boyko-rows';
import { BlockWriter, rowWriter } from '../../src/cli/output';
import { AGE_BANDS, BOYKO, BOYKO_ITEM_COUNT, boykoItemKey, EXPERIENCE_BANDS, PROFILE_KEYS } from '../../src/core/instruments';
import { scoreResponse, ScoredResponse } from '../../src/core/scoring';

/** Text a file may hold: Cyrillic, quotes, backslashes, control characters, lone surrogates, markup, formulas. */
const fileText = fc.oneof(
  fc.constantFrom('МБОУ СОШ № 1', 'Гимназия "Эрудит"', 'a\\b', 'tab\there', 'line\nbreak', '\u0000\u001f\u007f', '\ud800', 'x\udfffy', '😀', '<img src=x onerror=alert(1)>', '=IMPORTXML("x")', ' ', ''),
  fc.string({ unit: 'binary', maxLength: 30 }),
  fc.string({ unit: 'grapheme', minLength: 190, maxLength: 260 }),
);
const answer = fc.constantFrom('Да', 'Нет', '', ' да ', 'YES', 'no', 'может быть', 'Да ', 'Нет.', 'Дa');
const age = fc.oneof(fc.constantFrom(...AGE_BANDS.map((b) => b.label.ru), ...AGE_BANDS.map((b) => b.label.en)), fileText);
const experience = fc.oneof(fc.constantFrom(...EXPERIENCE_BANDS.map((b) => b.label.ru)), fileText);
const boykoAnswers = fc.record({
  items: fc.array(answer, { minLength: BOYKO_ITEM_COUNT, maxLength: BOYKO_ITEM_COUNT }),
  school: fc.option(fileText, { nil: undefined }),
  subject: fc.option(fileText, { nil: undefined }),
  age: fc.option(age, { nil: undefined }),
  experience: fc.option(experience, { nil: undefined }),
});

function answersOf(a: { items: string[]; school?: string; subject?: string; age?: string; experience?: string }): Record<string, string | undefined> {
  const answers: Record<string, string | undefined> = {
    [PROFILE_KEYS.school]: a.school,
    [PROFILE_KEYS.subject]: a.subject,
    [PROFILE_KEYS.ageBand]: a.age,
    [PROFILE_KEYS.experienceBand]: a.experience,
  };
  a.items.forEach((text, i) => (answers[boykoItemKey(i + 1)] = text));
  return answers;
}

/** Everything written through a writer, and the blocks it was handed on in. */
function written(write: (out: BlockWriter) => void): { text: string; blocks: Buffer[] } {
  const blocks: Buffer[] = [];
  const out = new BlockWriter((bytes) => blocks.push(Buffer.from(bytes)));
  write(out);
  out.flush();
  return { text: Buffer.concat(blocks).toString('utf8'), blocks };
}

describe('the Boyko JSON line', () => {
  test('is the bytes JSON.stringify gives for { row, ...score, date }', () => {
    const date = fc.option(fc.oneof(fc.constantFrom('2025-03-12', '1999-12-31'), fileText), { nil: null });
    const row = fc.oneof(fc.integer({ min: 1, max: 300_000 }), fc.constantFrom(1, 9, 10, 99, 100, 4294967295, 4294967296, 2 ** 53 - 1));
    fc.assert(
      fc.property(fc.array(fc.tuple(row, boykoAnswers, date), { minLength: 1, maxLength: 5 }), (rows) => {
        const scored = rows.map(([n, answers, d]) => [n, scoreResponse(BOYKO, answersOf(answers)), d] as const);
        const fast = written((out) => {
          const write = rowWriter(BOYKO, 'jsonl', out);
          for (const [n, score, d] of scored) write(n, score, d);
        });
        const reference = scored.map(([n, score, d]) => `${JSON.stringify({ row: n, ...score, date: d })}\n`).join('');
        expect(fast.text).toBe(reference);
      }),
      { numRuns: 300 },
    );
  });

  test('a score of an unexpected shape still writes as JSON.stringify would (values outside the tables)', () => {
    const base = scoreResponse(BOYKO, answersOf({ items: Array(BOYKO_ITEM_COUNT).fill('Да') }));
    const odd = {
      ...base,
      status: 'другой',
      symptoms: { ...(base as { symptoms: object }).symptoms, 3: 1000, 4: 2.5, 5: -1 },
      symptomLevels: { ...(base as { symptomLevels: object }).symptomLevels, 2: 'не "знаю"' },
      total: 12.75,
      profile: { school: null, subject: null, ageBand: 'x"y', experienceBand: null },
      profileMissing: ['profile.school', 'другое'],
      version: '2"',
    } as unknown as ScoredResponse;
    const fast = written((out) => rowWriter(BOYKO, 'jsonl', out)(7, odd, '2025-01-01'));
    expect(fast.text).toBe(`${JSON.stringify({ row: 7, ...odd, date: '2025-01-01' })}\n`);
  });

  test('blocks end on whole rows, a row longer than a block included', () => {
    const score = scoreResponse(BOYKO, answersOf({ items: Array(BOYKO_ITEM_COUNT).fill('Нет'), school: 'Школа' }));
    const long = scoreResponse(BOYKO, answersOf({ items: Array(BOYKO_ITEM_COUNT).fill('Да'), school: 'Ш'.repeat(1 << 20) }));
    const result = written((out) => {
      const write = rowWriter(BOYKO, 'jsonl', out);
      for (let i = 1; i <= 4000; i++) write(i, i === 2000 ? long : score, null);
    });
    expect(result.blocks.length).toBeGreaterThan(2);
    for (const block of result.blocks) expect(block[block.length - 1]).toBe(0x0a);
    const lines = result.text.split('\n');
    expect(lines).toHaveLength(4001);
    expect(JSON.parse(lines[1999]).profile.school).toHaveLength(1 << 20);
  });
});

describe('a Boyko line walked in place', () => {
  const header = ['Отметка времени', 'Образовательная организация', 'Предмет', 'Возраст', 'Стаж', ...Array.from({ length: BOYKO_ITEM_COUNT }, (_, i) => `${i + 1}. вопрос`)];
  const columns: Record<string, number> = {
    [PROFILE_KEYS.school]: 1,
    [PROFILE_KEYS.subject]: 2,
    [PROFILE_KEYS.ageBand]: 3,
    [PROFILE_KEYS.experienceBand]: 4,
  };
  for (let i = 0; i < BOYKO_ITEM_COUNT; i++) columns[boykoItemKey(i + 1)] = i + 5;

  /** Fields without separators, quotes or line breaks, as such a line holds; some rows short or long by a field. */
  const plain = fc.string({ unit: fc.constantFrom('а', 'Д', 'Н', 'е', 'т', ' ', 'x', '1', '.', ':'), maxLength: 8 });
  const row = fc.record({
    stamp: fc.constantFrom('12.03.2025 10:15:30', '', ' '),
    profile: fc.array(fc.oneof(plain, fc.constantFrom(...AGE_BANDS.map((b) => b.label.ru))), { minLength: 4, maxLength: 4 }),
    // Most rows answer every item readably (as the walk must score them), in the spellings
    // it recognises in place and in others; some carry one text no option matches.
    items: fc.array(
      fc.oneof({ arbitrary: fc.constantFrom('Да', 'Нет'), weight: 20 }, { arbitrary: fc.constantFrom('', ' да ', 'Да ', 'Нет.', 'YES', 'no', 'нет'), weight: 3 }),
      { minLength: BOYKO_ITEM_COUNT, maxLength: BOYKO_ITEM_COUNT },
    ),
    odd: fc.option(fc.tuple(fc.nat(BOYKO_ITEM_COUNT - 1), fc.oneof(answer, plain)), { nil: undefined }),
    blank: fc.constantFrom(false, false, false, false, true),
    change: fc.constantFrom(0, 0, 0, 0, 0, 0, 0, -1, 1, -BOYKO_ITEM_COUNT),
  });

  test.each([',', ';', '\t'])('scores as its split fields do, or goes to the careful path (separator %j)', (separator) => {
    let walkedRows = 0;
    fc.assert(
      fc.property(row, fc.constantFrom('', 'prefix\n'), (r, before) => {
        const items = r.blank ? r.items.map(() => '') : [...r.items];
        if (r.odd) items[r.odd[0]] = r.odd[1];
        let fields = [r.stamp, ...r.profile, ...items.map((text) => text.replace(/[,;\t]/g, ''))];
        if (r.change < 0) fields = fields.slice(0, fields.length + r.change);
        if (r.change > 0) fields = [...fields, 'лишнее'];
        const line = fields.join(separator);
        const text = `${before}${line}\nnext`;
        const rows = new BoykoRows(columns, 0, header.length, separator);
        const walked = rows.fromLine(text, before.length, before.length + line.length);
        const split = line.split(separator);
        const answers: Record<string, string> = {};
        for (const [key, column] of Object.entries(columns)) answers[key] = split[column];
        const reference = scoreResponse(BOYKO, answers);
        // The careful path takes exactly these: a ragged row, no answer at all (a blank row
        // perhaps), or an answer its message must quote.
        const careful = split.length !== header.length || reference.unreadable.length > 0 || reference.missing.length === BOYKO_ITEM_COUNT;
        expect(walked === null).toBe(careful);
        walkedRows += careful ? 0 : 1;
        if (walked === null) return;
        expect(rows.stamp).toBe(split[0]);
        expect(walked).toEqual(reference);
      }),
      { numRuns: 400 },
    );
    // The walk itself was tried, not only the careful path.
    expect(walkedRows).toBeGreaterThan(100);
  });

  test('a column claimed twice (a timestamp that is also an item) leaves every line to the careful path', () => {
    const rows = new BoykoRows(columns, 5, header.length, ',');
    const line = ['12.03.2025', 'Школа', 'Физика', '', '', ...Array(BOYKO_ITEM_COUNT).fill('Да')].join(',');
    expect(rows.fromLine(line, 0, line.length)).toBeNull();
    expect(rows.fromFields(line.split(',')).status).toBe('ok');
  });
});

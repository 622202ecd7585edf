/**
 * The registry's compact form a submission reads instead of the registry sheet: the
 * same answers for any titles and answers, and only the forms a submission may score.
 */
import fc from 'fast-check';
import {
  COMPACT_REGISTRY_MAX, compactAnswers, compactRecord, compactRegistry, FormRecord, mapResponse,
} from '../../../src/core/workbook/registry';

const HOSTILE = ['<img src=x onerror=alert(1)>', '=IMPORTXML("x")', '  spaced  ', 'Вопрос «1»', '', '"quoted"'];

function record(sheetId: number, titles: string[][], overrides: Partial<FormRecord> = {}): FormRecord {
  return {
    formId: `form${sheetId}`, instrument: 'boyko', version: '1', responseSheetId: sheetId, responseSheetName: `Ответы ${sheetId}`,
    editUrl: 'https://docs.google.com/forms/d/x/edit', publishedUrl: 'https://docs.google.com/forms/d/x/viewform', createdAt: '2026-01-01T00:00:00',
    status: 'active', items: titles.map((itemTitles, i) => ({ itemId: 1000 + i, key: `q${i + 1}`, titles: itemTitles })), ...overrides,
  };
}

const title = fc.oneof(fc.constantFrom(...HOSTILE), fc.string({ maxLength: 40 }), fc.string({ unit: 'grapheme', maxLength: 40 }));

test('mapping through the compact form gives what the full record gives, for any titles and answers', () => {
  fc.assert(fc.property(
    fc.array(fc.array(title, { minLength: 1, maxLength: 3 }), { minLength: 1, maxLength: 12 }),
    fc.array(fc.tuple(fc.nat(), fc.boolean(), title, fc.string({ maxLength: 8 })), { maxLength: 20 }),
    fc.oneof(fc.constant(''), fc.constant('Отметка времени'), title),
    (titles, picks, timestampTitle) => {
      const full = record(7, titles);
      const known = titles.flat();
      // Answers under known titles (some padded with spaces) and under unknown ones.
      const pairs: Array<[string, string]> = picks.map(([n, knownTitle, other, value]) =>
        [knownTitle ? `${n % 2 ? ' ' : ''}${known[n % known.length]}` : other, value]);
      const compact = compactRecord(compactRegistry([full]), 7);
      if (!compact) return;
      const expected = mapResponse(full, pairs, timestampTitle);
      const got = mapResponse(compact, compactAnswers(pairs, timestampTitle), '');
      expect(got.answers).toEqual(expected.answers);
      expect(got.blank).toBe(expected.blank);
      expect(got.unmapped.length).toBe(expected.unmapped.length);
      expect(compact).toMatchObject({ formId: full.formId, instrument: 'boyko', version: '1', responseSheetName: full.responseSheetName });
    },
  ), { numRuns: 300 });
});

test('only scored survey forms are kept: relinked forms and school reports read the registry sheet', () => {
  const compact = compactRegistry([
    record(1, [['a']]),
    record(2, [['b']], { status: 'relinked' }),
    record(3, [['c']], { instrument: 'school_report' }),
    record(4, [['d']], { status: 'replaced' }),
  ]);
  expect(Object.keys(compact ?? {}).sort()).toEqual(['1', '4']);
  expect(compactRecord(compact, 2)).toBeNull();
  expect(compactRecord(compact, 99)).toBeNull();
  // A value damaged by hand is not trusted.
  expect(compactRecord({ 1: ['f', 'no-such-instrument', '1', 'x', []] }, 1)).toBeNull();
  expect(compactRecord({ 1: 'junk' as never }, 1)).toBeNull();
});

test('a registry too large for the metadata budget is not kept', () => {
  const titles = Array.from({ length: 200 }, (_, i) => [`Вопрос ${i}`, `Вопрос ${i} (новый)`, `Вопрос ${i} (ещё)`]);
  const records = Array.from({ length: 10 }, (_, i) => record(i + 1, titles));
  expect(JSON.stringify(compactRegistry(records.slice(0, 1))).length).toBeLessThanOrEqual(COMPACT_REGISTRY_MAX);
  expect(compactRegistry(records)).toBeNull();
});

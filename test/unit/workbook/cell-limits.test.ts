/** Text longer than a cell holds, cut so that every write fits: random lengths and titles. */
import fc from 'fast-check';
import { fitText, MAX_CELL_TEXT } from '../../../src/core/text/cells';
import { logRow } from '../../../src/core/workbook/log';
import { itemsCell, parseRegistry, RegistryItem } from '../../../src/core/workbook/registry';

describe('fitText', () => {
  test('any text fits, keeps its start, and says how much was cut', () => {
    fc.assert(fc.property(fc.integer({ min: 0, max: 120_000 }), fc.constantFrom('ru' as const, 'en' as const), (length, lang) => {
      const text = 'ж'.repeat(length);
      const fitted = fitText(text, lang);
      expect(fitted.length).toBeLessThanOrEqual(MAX_CELL_TEXT);
      if (length <= MAX_CELL_TEXT) return expect(fitted).toBe(text);
      // What is kept and what the marker says was cut add up to the whole.
      const cut = Number(/(\d+)/.exec(fitted.slice(fitted.lastIndexOf('[')))?.[1]);
      expect(fitted.indexOf(' … [') + cut).toBe(length);
      expect(fitted.startsWith('ж'.repeat(MAX_CELL_TEXT - 60))).toBe(true);
    }), { numRuns: 60 });
  });

  test('a log line quoting a 60,000-character school fits its cell', () => {
    const row = logRow({ at: '2026-11-30T10:00:00', sheet: 'Ответы', row: 2, reason: 'reportRejected', params: { school: 'Ш'.repeat(60_000), period: '2026/27', reasons: '' } }, 'ru');
    expect(String(row[3]).length).toBeLessThanOrEqual(MAX_CELL_TEXT);
    expect(String(row[3])).toMatch(/^Отчёт школы «Ш+ … \[обрезано, ещё \d+ символов\]$/);
  });
});

describe('itemsCell', () => {
  const item = (n: number, titles: string[]): RegistryItem => ({ itemId: 1000 + n, key: `q${n}`, titles });

  test('short items are written whole', () => {
    const items = [item(1, ['Вопрос 1', 'Вопрос 1 (ред.)'])];
    expect(itemsCell(items)).toEqual({ text: JSON.stringify(items), cut: false });
  });

  test('any pile of titles, quotes and escapes included, fits and still reads as the same items', () => {
    const title = fc.string({ unit: fc.constantFrom('"', '\\', 'ж', 'a', '\u0001'), minLength: 0, maxLength: 3000 });
    fc.assert(fc.property(fc.array(fc.array(title, { minLength: 1, maxLength: 12 }), { minLength: 1, maxLength: 40 }), (piles) => {
      const items = piles.map((titles, n) => item(n, titles));
      const { text, cut } = itemsCell(items);
      expect(text.length).toBeLessThanOrEqual(MAX_CELL_TEXT);
      expect(cut).toBe(JSON.stringify(items).length > MAX_CELL_TEXT);
      const { records, unreadable } = parseRegistry([['f', 'boyko', '1', 1, 'Ответы', '', '', '', 'active', text]]);
      expect(unreadable).toEqual([]);
      expect(records[0].items.map((read) => [read.itemId, read.key])).toEqual(items.map((written) => [written.itemId, written.key]));
      // Whatever was kept of a title is its start, and the current title goes last of all.
      records[0].items.forEach((read, n) => {
        const current = items[n].titles[items[n].titles.length - 1];
        expect(current.startsWith(read.titles[read.titles.length - 1])).toBe(true);
      });
    }), { numRuns: 40 });
  });
});

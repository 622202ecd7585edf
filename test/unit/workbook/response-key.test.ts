import fc from 'fast-check';
import { contentKey, hash53, KeyedRow, keysOfRows } from '../../../src/core/workbook/response-key';

/**
 * Keys are stored in every scores sheet: a change to how they are computed would score
 * every response again. These pin keys computed before the hash was fed cell by cell, and
 * compare with that plain form (canonical cells joined by U+001F, then cyrb53) on random rows.
 */
function plainKey(sheetId: number, row: KeyedRow): string {
  const cells = row.cells.map((cell) => {
    const text = String(cell ?? '').trim();
    return /^[+-]?\d+(?:[.,]\d+)?$/.test(text) ? String(Number(text.replace(',', '.'))) : text;
  });
  while (cells.length > 0 && cells[cells.length - 1] === '') cells.pop();
  return `s${sheetId}t${row.submittedAt.replace(/\D/g, '')}h${plainHash(cells.join('\u001f'))}`;
}

function plainHash(joined: string): string {
  let h1 = 0xdeadbeef;
  let h2 = 0x41c6ce57;
  for (let i = 0; i < joined.length; i++) {
    const c = joined.charCodeAt(i);
    h1 = Math.imul(h1 ^ c, 2654435761);
    h2 = Math.imul(h2 ^ c, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return (4294967296 * (2097151 & h2) + (h1 >>> 0)).toString(36);
}

const ROWS: KeyedRow[] = [
  { submittedAt: '2026-11-02T08:30:15', cells: ['Да', 'Нет', 7, '3,5', ' 07 ', '', 'МБОУ СОШ № 1', ''] },
  { submittedAt: '2026-11-02T08:30:15', cells: ['Да', 'Нет', '7', 3.5, 7, '', 'МБОУ СОШ № 1'] },
  { submittedAt: '2027-01-15T21:00:00', cells: ['=IMPORTXML("x")', '<img src=x onerror=alert(1)>', '-0', '+12.50', true, null, undefined] },
  { submittedAt: '2027-01-15T21:00:00', cells: [] },
];

describe('response keys', () => {
  test('the keys already stored in sheets stay as they are', () => {
    expect(keysOfRows(42, ROWS)).toEqual([
      's42t20261102083015h1gt0bezvwbd', 's42t20261102083015h1gt0bezvwbdn2', 's42t20270115210000h1j1k1ph0u1w', 's42t20270115210000hwvjl67o803',
    ]);
    // 7, "07", "7" and 3.5, "3,5" are the same answers.
    expect(contentKey(7, ROWS[0])).toBe(contentKey(7, ROWS[1]));
  });

  test('random rows: the key is cyrb53 of the canonical cells joined', () => {
    const cell = fc.oneof(
      fc.string({ unit: fc.constantFrom('1', '0', '-', '+', ',', '.', ' ', 'а', 'x', '\u001f', '😀'), maxLength: 8 }),
      fc.string(),
      fc.double({ noNaN: true }),
      fc.integer(),
      fc.boolean(),
      fc.constantFrom(null, undefined, ''),
    );
    fc.assert(
      fc.property(fc.nat(), fc.array(cell, { maxLength: 12 }), (sheetId, cells) => {
        const row = { submittedAt: '2026-11-02T08:30:15', cells };
        expect(contentKey(sheetId, row)).toBe(plainKey(sheetId, row));
        const title = cells.map(String).join(' ');
        expect(hash53(title)).toBe(plainHash(title));
      }),
      { numRuns: 2000 },
    );
  });
});

/**
 * The CSV a panel exports, read back as Russian Excel reads it: a BOM, then `;`-separated
 * cells with RFC 4180 quoting. Any text survives the round trip, and none of it can
 * become a formula.
 */
import fc from 'fast-check';
import { excelCsv, fileName, TableData } from '../../../src/client/csv';
import { parseCsv } from '../../../src/core/text/csv';
import { inert } from '../../../src/core/text/inert';

const read = (csv: string) => parseCsv(csv, ';');
const FORMULA = /^[=+\-@\t\r]/;

describe('the CSV export', () => {
  test('starts with a BOM, separates by ; and ends lines with CRLF', () => {
    const csv = excelCsv([{ title: 'Школы', headers: ['Школа', 'Доля'], rows: [['СОШ № 1', 12.5], ['Лицей; 2', null]] }]);
    expect(csv).toBe('\uFEFFШколы\r\nШкола;Доля\r\nСОШ № 1;12,5\r\n"Лицей; 2";\r\n');
  });

  test('numbers carry a decimal comma and no grouping, whatever their size or sign', () => {
    const csv = excelCsv([{ title: 't', headers: ['n'], rows: [[1234567.891], [-3.5], [0]] }]);
    expect(read(csv).slice(2)).toEqual([['1234567,89'], ['-3,5'], ['0']]);
  });

  test('formula-looking text is made inert: a hostile school name, an answer, a header', () => {
    const csv = excelCsv([{ title: '=HYPERLINK("x")', headers: ['@SUM(A1)'], rows: [['=IMPORTXML("x")'], ['+1'], ['-2'], ['\t=1'], ['<img src=x onerror=alert(1)>']] }]);
    expect(read(csv).flat()).toEqual(["'=HYPERLINK(\"x\")", "'@SUM(A1)", "'=IMPORTXML(\"x\")", "'+1", "'-2", "'\t=1", '<img src=x onerror=alert(1)>']);
  });

  test('any text round-trips, tables are separated by one blank line, and no text cell reads as a formula', () => {
    const cell = fc.oneof(
      fc.string({ unit: 'grapheme' }), fc.constantFrom(';', '"', '\r\n', '\n', '\r', ' x ', '=1+1', '—'),
      fc.double({ noNaN: true, noDefaultInfinity: true, min: -1e9, max: 1e9 }), fc.constant(null),
    );
    const tableArb = fc.record({
      title: fc.string({ minLength: 1 }),
      headers: fc.array(fc.string(), { minLength: 1, maxLength: 4 }),
      rows: fc.array(fc.array(cell, { minLength: 1, maxLength: 4 }), { maxLength: 5 }),
    });
    fc.assert(fc.property(fc.array(tableArb, { minLength: 1, maxLength: 3 }), (tables: TableData[]) => {
      const csv = excelCsv(tables);
      expect(csv.charCodeAt(0)).toBe(0xfeff);
      const rows = read(csv);
      let at = 0;
      tables.forEach((table, i) => {
        if (i > 0) expect(rows[at++]).toEqual(['']);
        expect(rows[at++]).toEqual([inert(table.title)]);
        expect(rows[at++]).toEqual(table.headers.map(inert));
        for (const row of table.rows) {
          const got = rows[at++];
          expect(got).toHaveLength(row.length);
          row.forEach((value, j) => {
            if (value === null) expect(got[j]).toBe('');
            else if (typeof value === 'number') {
              expect(got[j]).toMatch(/^-?\d+(,\d+)?$/);
              expect(Number(got[j].replace(',', '.'))).toBeCloseTo(value, 1);
            } else {
              expect(got[j]).toBe(inert(value));
              expect(FORMULA.test(got[j])).toBe(false);
            }
          });
        }
      });
      expect(at).toBe(rows.length);
    }));
  });

  test('file names keep letters of any script and drop everything else', () => {
    expect(fileName('Показатели: 2025/26 <img>')).toBe('Показатели-2025-26-img.csv');
    expect(fileName('../../')).toBe('export.csv');
  });
});

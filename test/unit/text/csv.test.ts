import fc from 'fast-check';
import { csvField, CsvError, CsvReader, CsvRecord, detectSeparator, MAX_PENDING_CHARS, parseCsv, parseCsvRecords, toCsv } from '../../../src/core/text/csv';

describe('parseCsv (RFC 4180)', () => {
  test('plain fields, empty fields, LF and CRLF and lone CR line ends', () => {
    expect(parseCsv('a,b,c\n1,,3\n', ',')).toEqual([['a', 'b', 'c'], ['1', '', '3']]);
    expect(parseCsv('a,b\r\n1,2\r\n', ',')).toEqual([['a', 'b'], ['1', '2']]);
    expect(parseCsv('a,b\r1,2', ',')).toEqual([['a', 'b'], ['1', '2']]);
    expect(parseCsv('a,b,\n,,', ',')).toEqual([['a', 'b', ''], ['', '', '']]);
  });

  test('quoted fields hold separators, doubled quotes and line breaks', () => {
    const text = 'id,text\r\n1,"Да, конечно"\r\n2,"Он сказал ""нет"""\r\n3,"строка\r\nвторая\nтретья"\r\n4,""\r\n';
    expect(parseCsv(text, ',')).toEqual([
      ['id', 'text'],
      ['1', 'Да, конечно'],
      ['2', 'Он сказал "нет"'],
      ['3', 'строка\r\nвторая\nтретья'],
      ['4', ''],
    ]);
  });

  test('a BOM is dropped; no trailing empty record for a final line break', () => {
    expect(parseCsv('\ufeffОтметка времени,1. Вопрос\n', ',')).toEqual([['Отметка времени', '1. Вопрос']]);
    expect(parseCsv('', ',')).toEqual([]);
    expect(parseCsv('a\n\nb\n', ',')).toEqual([['a'], [''], ['b']]);
  });

  test('lenient where Excel is: stray quotes inside unquoted fields and text after a closing quote are kept', () => {
    expect(parseCsv('a,5" экран,c\n', ',')).toEqual([['a', '5" экран', 'c']]);
    expect(parseCsv('"ab"cd,e\n', ',')).toEqual([['abcd', 'e']]);
  });

  test('records know the line they start on, counting line breaks inside quotes', () => {
    const records = parseCsvRecords('h1,h2\n"a\nb",c\r\nd,"e\r\nf\r\ng"\nlast,x', ',');
    expect(records.map((r) => r.line)).toEqual([1, 2, 4, 7]);
  });

  test('an unterminated quote is an error naming the line where the record starts', () => {
    expect(() => parseCsv('a,b\n1,2\n"3,4\n5,6\n', ',')).toThrow(CsvError);
    try {
      parseCsv('a,b\n1,2\n"3,4\n5,6\n', ',');
    } catch (error) {
      expect((error as CsvError).line).toBe(3);
    }
  });

  test('the separator is detected when not given', () => {
    expect(parseCsv('a;b\n"1;2";3\n')).toEqual([['a', 'b'], ['1;2', '3']]);
  });
});

describe('detectSeparator', () => {
  test('comma, semicolon, tab', () => {
    expect(detectSeparator('a,b,c\n1,2,3\n')).toBe(',');
    expect(detectSeparator('a;b;c\n1;2;3\n')).toBe(';');
    expect(detectSeparator('a\tb\tc\n1\t2\t3\n')).toBe('\t');
  });

  test('Russian Excel: semicolons, with unquoted commas all over the titles', () => {
    const text =
      'Отметка времени;1. Организационные недостатки на работе постоянно заставляют нервничать, переживать, напрягаться.;' +
      '2. Сегодня я доволен своей профессией не меньше, чем в начале карьеры.;3. Я ошибся, в выборе, профессии\r\n' +
      '12.03.2025 10:15;Да;Нет;Да\r\n12.03.2025 11:00;Нет;Нет;Да\r\n';
    expect(detectSeparator(text)).toBe(';');
  });

  test('Google Forms: commas, titles with commas are quoted, answers may hold semicolons', () => {
    const text = 'Отметка времени,"1. Раз, два",Комментарий\n12.03.2025 10:15:30,Да,"а; б"\n12.03.2025 10:16:30,Нет,в; г\n';
    expect(detectSeparator(text)).toBe(',');
  });

  test('a header-only file prefers semicolon over the commas inside titles', () => {
    expect(detectSeparator('Вопрос 1, часть 1;Вопрос 2, часть 2;Вопрос 3, часть 3, 4\r\n')).toBe(';');
  });

  test('a ragged file still gets the separator most rows agree with', () => {
    const rows = ['a;b;c', '1;2;3', '4;5', '7;8;9', '1;2;3'];
    expect(detectSeparator(`${rows.join('\n')}\n`)).toBe(';');
  });
});

describe('toCsv', () => {
  test('quotes only when needed, CRLF after every record, values converted', () => {
    const text = toCsv([
      ['plain', 'a,b', 'say "hi"', 'line\nbreak', ''],
      [1, 2.5, true, null, undefined],
      [new Date(Date.UTC(2025, 2, 12)), ['x', 1], { a: 1 }],
    ]);
    expect(text).toBe(
      'plain,"a,b","say ""hi""","line\nbreak",\r\n' +
        '1,2.5,true,,\r\n' +
        '2025-03-12T00:00:00.000Z,"[""x"",1]","{""a"":1}"\r\n',
    );
  });

  test('semicolon output quotes semicolons, not commas', () => {
    expect(toCsv([['a;b', 'c,d']], ';')).toBe('"a;b";c,d\r\n');
  });

  test('round trip: whatever toCsv writes, parseCsv reads back', () => {
    let seed = 7;
    const rnd = () => ((seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648);
    const alphabet = ['а', 'b', ',', ';', '"', '\n', '\r\n', ' ', 'Ё', '\t'];
    for (let trial = 0; trial < 200; trial++) {
      const width = 1 + Math.floor(rnd() * 5);
      const rows = Array.from({ length: 1 + Math.floor(rnd() * 4) }, () =>
        Array.from({ length: width }, () =>
          Array.from({ length: Math.floor(rnd() * 6) }, () => alphabet[Math.floor(rnd() * alphabet.length)]).join(''),
        ),
      );
      // A record of one empty field is written as an empty line; give such rows content.
      for (const row of rows) if (row.length === 1 && row[0] === '') row[0] = 'x';
      for (const sep of [',', ';'] as const) expect(parseCsv(toCsv(rows, sep), sep)).toEqual(rows);
    }
  });
});

describe('CsvReader: the same records from text given in pieces', () => {
  const cell = fc.oneof(
    fc.constantFrom('', 'Да', 'Нет', ' ', '"', '""', ',', ';', '\r', '\n', '\r\n', 'a"b', '"x"y'),
    fc.string({ maxLength: 6 }),
  );
  const eol = fc.constantFrom('\n', '\r\n', '\r');

  /** CSV text with quoted and unquoted fields, every kind of line end, and a BOM or not. */
  const csvText = fc
    .tuple(fc.array(fc.array(cell, { minLength: 1, maxLength: 5 }), { maxLength: 8 }), eol, fc.boolean(), fc.boolean())
    .map(([rows, end, bom, lastEnd]) => {
      const text = rows.map((row) => row.map((value) => csvField(value)).join(',')).join(end);
      return `${bom ? '\ufeff' : ''}${text}${lastEnd && text ? end : ''}`;
    });

  function readInPieces(text: string, cuts: number[]): CsvRecord[] {
    const reader = new CsvReader(',');
    const records: CsvRecord[] = [];
    let from = 0;
    for (const cut of [...new Set(cuts.map((c) => c % (text.length + 1)))].sort((a, b) => a - b)) {
      records.push(...reader.push(text.slice(from, cut)));
      from = cut;
    }
    records.push(...reader.push(text.slice(from)), ...reader.end());
    return records;
  }

  test('any text cut anywhere reads as the whole text does (fields and lines)', () => {
    fc.assert(
      fc.property(csvText, fc.array(fc.nat(), { maxLength: 12 }), (text, cuts) => {
        expect(readInPieces(text, cuts)).toEqual(parseCsvRecords(text, ','));
      }),
      { numRuns: 500 },
    );
  });

  test('written rows read back as they were, through the whole-text parser and the reader', () => {
    fc.assert(
      fc.property(fc.array(fc.array(cell, { minLength: 1, maxLength: 5 }), { minLength: 1, maxLength: 8 }), eol, fc.array(fc.nat(), { maxLength: 6 }), (rows, end, cuts) => {
        // A final row written as nothing (one empty field) is indistinguishable from no row.
        fc.pre(rows[rows.length - 1].some((value) => value !== ''));
        const text = rows.map((row) => row.map((value) => csvField(value)).join(',')).join(end) + end;
        expect(parseCsv(text, ',')).toEqual(rows);
        expect(readInPieces(text, cuts).map((record) => record.fields)).toEqual(rows);
      }),
      { numRuns: 500 },
    );
  });

  test('text cut at every single position, lenient quotes and lone CRs included', () => {
    const text = 'h1,h2\r\n"a\r\nb",c\rd,"e""f"g\n5" экран,x\r\n,\n"last"';
    for (let cut = 0; cut <= text.length; cut++) expect(readInPieces(text, [cut])).toEqual(parseCsvRecords(text, ','));
  });

  test('an unterminated quote throws at the end, naming the line where its record starts', () => {
    const reader = new CsvReader(',');
    expect(reader.push('a,b\n1,2\n"3,4\n')).toEqual([{ fields: ['a', 'b'], line: 1 }, { fields: ['1', '2'], line: 2 }]);
    expect(reader.push('5,6\n')).toEqual([]);
    expect(() => reader.end()).toThrow(expect.objectContaining({ line: 3 }));
  });

  test('a quoted field left open past the limit throws instead of holding the rest of the file', () => {
    const reader = new CsvReader(',');
    reader.push('a\n1\n"open');
    const block = 'x'.repeat(1 << 20);
    expect(() => {
      for (let i = 0; i <= MAX_PENDING_CHARS >> 20; i++) reader.push(block);
    }).toThrow(expect.objectContaining({ line: 3 }));
  });

  test('the separator of a sample cut inside a quoted record', () => {
    const text = 'a;b;c\n1;2;3\n4;"5\n';
    expect(() => detectSeparator(text)).not.toThrow();
    expect(detectSeparator(text, false)).toBe(';');
  });
});

/**
 * CSV as RFC 4180 describes it, read leniently enough for the files people actually have:
 * Google Forms / Sheets exports (comma, UTF-8), Russian Excel (semicolon), tab-separated
 * copies. Quoted fields may hold separators, doubled quotes and line breaks; CRLF, LF and
 * lone CR all end a record; a leading BOM is dropped.
 */

import { Localized } from './i18n';
import { message, MessageError } from './message';

export type Separator = ',' | ';' | '\t';

/** A record with the 1-based line of the text it starts on (records may span lines). */
export interface CsvRecord {
  fields: string[];
  line: number;
}

/**
 * The text cannot be read as CSV: a quote never closed, or a stray quote whose field runs
 * over line breaks and ends in the middle of a later field — read leniently, it would
 * silently merge the rows between into one.
 */
export class CsvError extends Error {
  constructor(
    message: string,
    /** 1-based line where the offending record starts. */
    readonly line: number,
    readonly kind: 'unclosed' | 'stray' = 'unclosed',
  ) {
    super(message);
    this.name = 'CsvError';
  }
}

const QUOTE = 34;
const CR = 13;
const LF = 10;

export function stripBom(text: string): string {
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

/** Parses `text` into rows of fields; the separator is detected when not given. */
export function parseCsv(text: string, separator?: Separator): string[][] {
  return parseCsvRecords(text, separator).map((record) => record.fields);
}

/** Like parseCsv, keeping the line each record starts on, for error messages. */
export function parseCsvRecords(text: string, separator?: Separator, maxRecords = Infinity): CsvRecord[] {
  const body = stripBom(text);
  const records: CsvRecord[] = [];
  parseRecords(body, (separator ?? detectSeparator(body)).charCodeAt(0), 0, 1, true, maxRecords, collect(records));
  return records;
}

/** Where the parser hands each record it completes, in the order of the text. */
export interface RecordSink {
  /** A record as its fields, with the line it starts on. */
  fields(fields: string[], line: number): void;
  /**
   * A record of the common kind handed over unsplit: `text` from `start` to `end` is one
   * line with no quote and no CR, so its fields are exactly the pieces between separators.
   * A reader that wants only some fields of a long record can pick them out without a
   * string for every field. Without this method such a record is split and given to `fields`.
   */
  line?(text: string, start: number, end: number, line: number): void;
}

function collect(records: CsvRecord[]): RecordSink {
  return { fields: (fields, line) => records.push({ fields, line }) };
}

/**
 * A quoted field still open after this many characters is taken as a quote never closed:
 * waiting for its end would hold the rest of a file of any size in memory.
 */
export const MAX_PENDING_CHARS = 16 * 1024 * 1024;

/**
 * Reads CSV text given in pieces, as a file is read in chunks: each piece returns the
 * records it completes. Records, fields and line numbers are exactly those parseCsvRecords
 * gives for the whole text; only the incomplete last record is held between pieces.
 */
export class CsvReader {
  private rest = '';
  private line = 1;
  private first = true;
  private readonly sep: number;

  constructor(separator: Separator) {
    this.sep = separator.charCodeAt(0);
  }

  /** The records that `text` completes. */
  push(text: string): CsvRecord[] {
    const records: CsvRecord[] = [];
    this.parse(text, false, collect(records));
    return records;
  }

  /** The records left when the text has ended; a quote never closed throws CsvError. */
  end(): CsvRecord[] {
    const records: CsvRecord[] = [];
    this.parse('', true, collect(records));
    return records;
  }

  /** Hands the records that `text` completes to `sink` as they are read: no array of them is built. */
  feed(text: string, sink: RecordSink): void {
    this.parse(text, false, sink);
  }

  /** Hands the records left when the text has ended to `sink`; a quote never closed throws CsvError. */
  finish(sink: RecordSink): void {
    this.parse('', true, sink);
  }

  /** The line the next record starts on (where the reading stands, for messages). */
  get currentLine(): number {
    return this.line;
  }

  private parse(text: string, final: boolean, sink: RecordSink): void {
    if (this.first && text.length > 0) {
      // Nothing is held before the first text that is not empty: the BOM starts it.
      text = stripBom(text);
      this.first = false;
    }
    let body = text;
    let from = 0;
    if (this.rest !== '') {
      const lf = text.indexOf('\n');
      if (lf >= 0 && !this.rest.includes('"') && text.lastIndexOf('"', lf) < 0) {
        // The record held over ends at the piece's first line break: it is read on its own
        // and the piece where it stands. Held text + piece would be a concatenation, which
        // V8 reads character by character several times slower than the piece itself.
        const head = this.rest + text.slice(0, lf + 1);
        this.line = parseRecords(head, this.sep, 0, this.line, final, Infinity, sink).line;
        from = lf + 1;
      } else {
        body = this.rest + text;
      }
    }
    const { pos, line } = parseRecords(body, this.sep, from, this.line, final, Infinity, sink);
    this.rest = pos < body.length ? body.slice(pos) : '';
    this.line = line;
    if (this.rest.length > MAX_PENDING_CHARS && this.rest.charCodeAt(0) === QUOTE) {
      throw new CsvError(`quoted field starting on line ${line} runs past ${MAX_PENDING_CHARS} characters`, line);
    }
  }
}

/**
 * Parses records of `body` from `pos`, handing each to `sink`. When the text may go on
 * (`final` false), a record is complete only once its line break is seen (and, after CR,
 * the character that says whether LF follows); an incomplete record is left unread and its
 * position returned.
 */
function parseRecords(
  body: string, sep: number, pos: number, line: number, final: boolean, maxRecords: number, sink: RecordSink,
): { pos: number; line: number } {
  const length = body.length;
  // Where the next quote and CR stand (-1: none left): a record with neither before its LF
  // is the fast path for typical export rows, handed on unsplit or split by the engine's
  // String.split.
  let nextQuote = -2;
  let nextCr = -2;
  const sepChar = String.fromCharCode(sep);
  let count = 0;
  while (pos < length && count < maxRecords) {
    count++;
    const recordStart = pos;
    const start = line;
    const lf = body.indexOf('\n', pos);
    if (lf >= 0) {
      if (nextQuote !== -1 && nextQuote < pos) nextQuote = body.indexOf('"', pos);
      if (nextCr !== -1 && nextCr < pos) nextCr = body.indexOf('\r', pos);
      const end = nextCr >= 0 && nextCr === lf - 1 ? lf - 1 : lf;
      if ((nextQuote < 0 || nextQuote > lf) && (nextCr < 0 || nextCr >= end)) {
        if (sink.line) sink.line(body, pos, end, start);
        else sink.fields(body.slice(pos, end).split(sepChar), start);
        pos = lf + 1;
        line++;
        continue;
      }
    }
    const fields: string[] = [];
    let endOfRecord = false;
    while (!endOfRecord) {
      let value: string;
      if (body.charCodeAt(pos) === QUOTE) {
        // Quoted field: runs to the next quote not doubled; anything up to the separator after it is kept.
        let chunkStart = pos + 1;
        let cursor = chunkStart;
        value = '';
        for (;;) {
          const close = body.indexOf('"', cursor);
          if (close < 0 || (!final && close + 1 >= length)) {
            if (!final) return { pos: recordStart, line: start };
            throw new CsvError(`unterminated quoted field starting on line ${start}`, start);
          }
          for (let i = cursor; i < close; i++) if (body.charCodeAt(i) === LF || (body.charCodeAt(i) === CR && body.charCodeAt(i + 1) !== LF)) line++;
          if (body.charCodeAt(close + 1) === QUOTE) {
            value += body.slice(chunkStart, close + 1);
            chunkStart = cursor = close + 2;
            continue;
          }
          value += body.slice(chunkStart, close);
          pos = close + 1;
          break;
        }
        // Lenient: text between the closing quote and the separator stays part of the field.
        const tailStart = pos;
        while (pos < length) {
          const c = body.charCodeAt(pos);
          if (c === sep || c === CR || c === LF) break;
          pos++;
        }
        if (pos > tailStart) {
          // A field that crossed a line break and goes on after its closing quote is a stray
          // quote, not a multi-line answer: refusing it keeps the rows between from merging.
          if (line > start) throw new CsvError(`stray quote in the record starting on line ${start}`, start, 'stray');
          value += body.slice(tailStart, pos);
        }
      } else {
        const fieldStart = pos;
        while (pos < length) {
          const c = body.charCodeAt(pos);
          if (c === sep || c === CR || c === LF) break;
          pos++;
        }
        value = body.slice(fieldStart, pos);
      }
      fields.push(value);
      if (pos >= length) {
        if (!final) return { pos: recordStart, line: start };
        endOfRecord = true;
      } else {
        const c = body.charCodeAt(pos);
        if (c === sep) {
          pos++;
        } else {
          if (c === CR && pos + 1 >= length && !final) return { pos: recordStart, line: start };
          pos += c === CR && body.charCodeAt(pos + 1) === LF ? 2 : 1;
          line++;
          endOfRecord = true;
        }
      }
    }
    sink.fields(fields, start);
  }
  return { pos, line };
}

const CANDIDATES: readonly Separator[] = ['\t', ';', ','];
const SAMPLE_RECORDS = 50;

/**
 * Picks the separator that splits the header into more than one field and the first
 * records into as many fields as the header. Counting characters of the header alone is
 * not enough: Russian Excel writes semicolon files whose item titles are full of
 * unquoted commas. When several fit equally (a header-only file), tab beats semicolon
 * beats comma, since commas are the likeliest to occur inside titles.
 */
export function detectSeparator(text: string, complete = true): Separator {
  const body = stripBom(text);
  let best: Separator = ',';
  let bestFit = -1;
  for (const candidate of CANDIDATES) {
    // A sample cut from a longer text (`complete` false) may end inside a record: that
    // record is left out rather than read as an unclosed quote.
    const records: CsvRecord[] = [];
    try {
      parseRecords(body, candidate.charCodeAt(0), 0, 1, complete, SAMPLE_RECORDS, collect(records));
    } catch {
      continue;
    }
    const width = records[0]?.fields.length ?? 0;
    if (width < 2) continue;
    const data = records.slice(1).filter((r) => !isBlankRecord(r.fields));
    const fit = data.length === 0 ? 1 : data.filter((r) => r.fields.length === width).length / data.length;
    if (fit > bestFit) {
      best = candidate;
      bestFit = fit;
    }
  }
  return best;
}

/** A record with no content at all: a blank line, or only separators. */
export function isBlankRecord(fields: readonly string[]): boolean {
  for (const field of fields) if (field.trim() !== '') return false;
  return true;
}

/** One CSV field: quoted only when it has to be (separator, quote, CR or LF inside). */
export function csvField(value: unknown, separator: Separator = ','): string {
  const text = fieldText(value);
  if (text.includes(separator) || text.includes('"') || text.includes('\n') || text.includes('\r')) {
    return `"${text.replace(/"/g, '""')}"`;
  }
  return text;
}

function fieldText(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : '';
  if (typeof value === 'boolean' || typeof value === 'bigint') return String(value);
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? '' : value.toISOString();
  return JSON.stringify(value);
}

/**
 * Serialises rows as RFC 4180: CRLF after every record, fields quoted when needed.
 * null/undefined become empty fields, dates ISO strings, other objects JSON.
 * No BOM: callers writing for Excel add one themselves.
 */
export function toCsv(rows: readonly (readonly unknown[])[], separator: Separator = ','): string {
  let out = '';
  for (const row of rows) {
    out += row.map((value) => csvField(value, separator)).join(separator) + '\r\n';
  }
  return out;
}

/** Said by every command that reads CSV when a stray quote would merge rows. */
export const STRAY_QUOTE = {
  ru: 'файл «{path}», строка {line}: кавычка в этой строке закрывается только на одной из следующих строк, посреди поля — похоже на лишнюю кавычку; строки не объединены, исправьте кавычки в строке {line}.',
  en: 'file "{path}", line {line}: a quote on this line closes only on a later line, in the middle of a field — likely a stray quote; the rows are not merged, fix the quotes on line {line}.',
} satisfies Localized;

const TABLE_MESSAGES = {
  empty: { ru: 'файл «{path}» пуст: нет строки заголовков.', en: 'file "{path}" is empty: there is no header row.' },
  badCsv: {
    ru: 'файл «{path}», строка {line}: кавычка открыта и не закрыта до конца файла — это не корректный CSV.',
    en: 'file "{path}", line {line}: a quote is opened and never closed — this is not valid CSV.',
  },
  strayQuote: STRAY_QUOTE,
} satisfies Record<string, Localized>;

/** A CSV file that must have a header row; a MessageError naming `path` when it cannot be read or is empty. */
export function readCsvTable(text: string, path: string): CsvRecord[] {
  let records: CsvRecord[];
  try {
    records = parseCsvRecords(text);
  } catch (error) {
    if (error instanceof CsvError) {
      throw new MessageError(message(error.kind === 'stray' ? TABLE_MESSAGES.strayQuote : TABLE_MESSAGES.badCsv, { path, line: error.line }));
    }
    throw error;
  }
  if (records.length === 0 || isBlankRecord(records[0].fields)) throw new MessageError(message(TABLE_MESSAGES.empty, { path }));
  return records;
}

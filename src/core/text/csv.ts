/**
 * CSV as RFC 4180 describes it, read leniently enough for the files people actually have:
 * Google Forms / Sheets exports (comma, UTF-8), Russian Excel (semicolon), tab-separated
 * copies. Quoted fields may hold separators, doubled quotes and line breaks; CRLF, LF and
 * lone CR all end a record; a leading BOM is dropped.
 */

export type Separator = ',' | ';' | '\t';

/** A record with the 1-based line of the text it starts on (records may span lines). */
export interface CsvRecord {
  fields: string[];
  line: number;
}

/** The text cannot be read as CSV at all (only an unterminated quote does that). */
export class CsvError extends Error {
  constructor(
    message: string,
    /** 1-based line where the offending record starts. */
    readonly line: number,
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
  const sep = (separator ?? detectSeparator(body)).charCodeAt(0);
  const records: CsvRecord[] = [];
  const length = body.length;
  let pos = 0;
  let line = 1;
  while (pos < length && records.length < maxRecords) {
    const start = line;
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
          if (close < 0) {
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
        if (pos > tailStart) value += body.slice(tailStart, pos);
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
        endOfRecord = true;
      } else {
        const c = body.charCodeAt(pos);
        if (c === sep) {
          pos++;
        } else {
          pos += c === CR && body.charCodeAt(pos + 1) === LF ? 2 : 1;
          line++;
          endOfRecord = true;
        }
      }
    }
    records.push({ fields, line: start });
  }
  return records;
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
export function detectSeparator(text: string): Separator {
  const body = stripBom(text);
  let best: Separator = ',';
  let bestFit = -1;
  for (const candidate of CANDIDATES) {
    let records: CsvRecord[];
    try {
      records = parseCsvRecords(body, candidate, SAMPLE_RECORDS);
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

/**
 * How `pd-monitor score` writes its rows: JSON lines or CSV, collected as UTF-8 bytes in
 * blocks. The Boyko JSON line, the one line written hundreds of thousands of times for a
 * district's export, has a serializer of its own: its keys are known, so the line is put
 * together from pre-written parts instead of walking the object as JSON.stringify does.
 * Its bytes are exactly JSON.stringify's (test/cli/output.test.ts holds it to that).
 */
import { csvField } from '../core/text/csv';
import { flatten } from '../core/text/flat';
import { inert } from '../core/text/inert';
import { AGE_BANDS, BOYKO, BOYKO_PHASE_COUNT, BOYKO_SYMPTOM_COUNT, EXPERIENCE_BANDS, Instrument, PROFILE_KEYS } from '../core/instruments';
import { BOYKO_LEVELS, BoykoScore, scoreResponse, ScoredResponse } from '../core/scoring';

export type Format = 'jsonl' | 'csv';

/** A scored data row as the command writes it. */
export type ScoredRow = { row: number } & ScoredResponse & { date: string | null };

/** Writes one scored data row: its number, its scores and its submission date. */
export type RowWriter = (row: number, score: ScoredResponse, date: string | null) => void;

/**
 * Output is written in blocks of this many bytes: few writes, little memory. A file the
 * command refuses before the first block is full leaves no output at all.
 */
const WRITE_BLOCK_BYTES = 1 << 20;

/**
 * Collects output rows as UTF-8 bytes in a block and hands each full block on. A row is
 * never split between blocks, so output cut short by a bad row further on ends with a whole
 * row. Encoding row by row into a buffer is several times cheaper than joining the rows
 * into one long string and encoding that: the joined string is a rope V8 must flatten
 * before it encodes it.
 */
export class BlockWriter {
  private block = Buffer.allocUnsafe(WRITE_BLOCK_BYTES);
  /** Bytes of the block taken. */
  used = 0;

  constructor(private readonly sink: (bytes: Uint8Array) => void) {}

  /** A whole row as text. */
  write(text: string): void {
    // A UTF-16 code unit takes at most 3 bytes in UTF-8.
    const block = this.reserve(text.length * 3);
    this.used += block.write(text, this.used, 'utf8');
  }

  /**
   * Makes room for a row of at most `bytes` bytes and returns the block to write it into,
   * from `used`; the writer moves `used` past what it wrote.
   */
  reserve(bytes: number): Buffer {
    if (this.used + bytes > this.block.length) {
      this.flush();
      if (bytes > this.block.length) this.block = Buffer.allocUnsafe(bytes);
    }
    return this.block;
  }

  /** Hands on what is collected; a fresh block follows, since the sink may keep the old one (an async pipe). */
  flush(): void {
    if (this.used === 0) return;
    this.sink(this.block.subarray(0, this.used));
    this.block = Buffer.allocUnsafe(WRITE_BLOCK_BYTES);
    this.used = 0;
  }
}

/** A row as dotted columns; arrays become space-separated lists. */
function flatRow(row: ScoredRow): Map<string, unknown> {
  const out = flatten(row);
  for (const [key, value] of out) if (Array.isArray(value)) out.set(key, value.join(' '));
  return out;
}

/** The CSV columns of an instrument: every scored response has the same shape, an empty one included. */
export function csvColumns(instrument: Instrument): string[] {
  const template: ScoredRow = { row: 0, ...scoreResponse(instrument, {}), date: null };
  return [...flatRow(template).keys()];
}

// --- the Boyko JSON line
//
// Written byte by byte into the output block, `at` passed along: the line is some 600
// bytes of keys, small integers and a few words, and only the profile's text comes from
// the file. The key of each symptom and phase comes with its value, looked up.

const ascii = (text: string): Uint8Array => Buffer.from(text, 'latin1');
const NULL = ascii('null');

/** Copies `bytes` to `block` at `at`; a loop is cheaper than a call to set for runs this short. */
function put(block: Uint8Array, at: number, bytes: Uint8Array): number {
  for (let i = 0; i < bytes.length; i++) block[at++] = bytes[i];
  return at;
}

/** Text as JSON: escaped, then UTF-8. */
function putJson(block: Buffer, at: number, value: unknown): number {
  return at + block.write(JSON.stringify(value), at, 'utf8');
}

/**
 * The JSON bytes of short texts from the file, kept: an export repeats the same few schools,
 * subjects and dates, and looking one up is cheaper than escaping and encoding it again.
 */
const TEXT_BYTES = new Map<string, Uint8Array>();
const TEXTS_KEPT = 4096;
const TEXT_KEPT_LENGTH = 200;

function putText(block: Buffer, at: number, value: string | null): number {
  if (value === null) return put(block, at, NULL);
  let bytes = TEXT_BYTES.get(value);
  if (bytes === undefined) {
    if (TEXT_BYTES.size >= TEXTS_KEPT || value.length > TEXT_KEPT_LENGTH) return putJson(block, at, value);
    bytes = Buffer.from(JSON.stringify(value), 'utf8');
    TEXT_BYTES.set(value, bytes);
  }
  return put(block, at, bytes);
}

/** A whole number from 0 as JSON, digit by digit; anything else through JSON.stringify. */
function putInt(block: Buffer, at: number, value: number): number {
  if (!(value >= 0 && value <= 0xffffffff && value === Math.floor(value))) return putJson(block, at, value);
  let end = at + 1;
  for (let rest = value; rest >= 10; rest = Math.floor(rest / 10)) end++;
  let rest = value;
  for (let i = end - 1; i >= at; i--) {
    block[i] = 48 + (rest % 10);
    rest = Math.floor(rest / 10);
  }
  return end;
}

/** `[1,2,3]`. */
function putInts(block: Buffer, at: number, values: readonly number[]): number {
  block[at++] = 0x5b;
  for (let i = 0; i < values.length; i++) {
    if (i > 0) block[at++] = 0x2c;
    at = putInt(block, at, values[i]);
  }
  block[at++] = 0x5d;
  return at;
}

/**
 * A JSON word the scorer writes (a level, a status, a profile code): its bytes, looked up
 * among the few known ones by identity, or written as any string.
 */
function words(known: readonly string[], before = ''): { words: readonly string[]; bytes: readonly Uint8Array[]; before: Uint8Array } {
  return { words: known, bytes: known.map((word) => ascii(before + JSON.stringify(word))), before: ascii(before) };
}

function putWord(block: Buffer, at: number, table: ReturnType<typeof words>, value: string | null): number {
  const { words: known, bytes } = table;
  for (let i = 0; i < known.length; i++) if (known[i] === value) return put(block, at, bytes[i]);
  at = put(block, at, table.before);
  return value === null ? put(block, at, NULL) : putJson(block, at, value);
}


/** `{"1":…,"2":…}` objects with numbers (symptoms, phases): key and value bytes for every value up to `max`. */
function numberedInts(count: number, max: number) {
  return Array.from({ length: count }, (_, i) => {
    const key = `${i === 0 ? '{' : ','}"${i + 1}":`;
    return {
      values: Array.from({ length: max + 1 }, (__, v) => ascii(`${key}${v}`)),
      empty: ascii(`${key}null`),
      key: ascii(key),
    };
  });
}

function putNumberedInts(block: Buffer, at: number, table: ReturnType<typeof numberedInts>, values: Record<number, number | null>): number {
  for (let i = 0; i < table.length; i++) {
    const value = values[i + 1];
    const entry = table[i];
    if (value === null) at = put(block, at, entry.empty);
    else if (entry.values[value] !== undefined) at = put(block, at, entry.values[value]);
    else at = putInt(block, put(block, at, entry.key), value);
  }
  block[at++] = 0x7d;
  return at;
}

/** `{"1":…,"2":…}` objects with levels. */
function numberedWords(count: number, known: readonly string[]) {
  return Array.from({ length: count }, (_, i) => words([...known], `${i === 0 ? '{' : ','}"${i + 1}":`));
}

function putNumberedWords(block: Buffer, at: number, table: ReturnType<typeof numberedWords>, values: Record<number, string | null>): number {
  for (let i = 0; i < table.length; i++) at = putWord(block, at, table[i], values[i + 1]);
  block[at++] = 0x7d;
  return at;
}

const LEVELS = [...BOYKO_LEVELS, null as unknown as string];
const SYMPTOMS = numberedInts(BOYKO_SYMPTOM_COUNT, Math.max(...BOYKO.phases.flatMap((p) => p.symptoms.map((s) => s.max))));
const PHASES = numberedInts(BOYKO_PHASE_COUNT, Math.max(...BOYKO.phases.map((p) => p.max)));
const SYMPTOM_LEVELS = numberedWords(BOYKO_SYMPTOM_COUNT, LEVELS);
const PHASE_LEVELS = numberedWords(BOYKO_PHASE_COUNT, LEVELS);
const STATUS = words(['ok', 'incomplete']);
const AGE = words([...AGE_BANDS.map((b) => b.value), null as unknown as string]);
const EXPERIENCE = words([...EXPERIENCE_BANDS.map((b) => b.value), null as unknown as string]);
const PROFILE_KEY = words(Object.values(PROFILE_KEYS));
const INSTRUMENT = words([BOYKO.id]);
const VERSION = words([BOYKO.version]);

const K = {
  row: ascii('{"row":'),
  status: ascii(',"status":'),
  missing: ascii(',"missing":'),
  symptoms: ascii(',"symptoms":'),
  phases: ascii(',"phases":'),
  total: ascii(',"total":'),
  symptomLevels: ascii(',"symptomLevels":'),
  dominant: ascii(',"dominant":'),
  phaseLevels: ascii(',"phaseLevels":'),
  unreadable: ascii(',"unreadable":'),
  school: ascii(',"profile":{"school":'),
  subject: ascii(',"subject":'),
  ageBand: ascii(',"ageBand":'),
  experienceBand: ascii(',"experienceBand":'),
  profileMissing: ascii('},"profileMissing":['),
  instrument: ascii('],"instrument":'),
  version: ascii(',"version":'),
  date: ascii(',"date":'),
};

/**
 * Bytes a Boyko line takes at most besides its text from the file and its row number: the
 * item lists at their longest, every word at 64 bytes.
 */
const BOYKO_LINE_BYTES = 4096;

/**
 * The JSON line of a scored Boyko row: the bytes JSON.stringify gives for
 * `{ row, ...score, date }`.
 */
function writeBoykoJson(out: BlockWriter, row: number, s: BoykoScore, date: string | null): void {
  const p = s.profile;
  // JSON escapes a character in at most 6 bytes (\u001f).
  const fromFile = (p.school?.length ?? 0) + (p.subject?.length ?? 0) + (date?.length ?? 0);
  const b = out.reserve(BOYKO_LINE_BYTES + 6 * fromFile);
  let at = out.used;
  at = putInt(b, put(b, at, K.row), row);
  at = putWord(b, put(b, at, K.status), STATUS, s.status);
  at = putInts(b, put(b, at, K.missing), s.missing);
  at = putNumberedInts(b, put(b, at, K.symptoms), SYMPTOMS, s.symptoms);
  at = putNumberedInts(b, put(b, at, K.phases), PHASES, s.phases);
  at = put(b, at, K.total);
  at = s.total === null ? put(b, at, NULL) : putInt(b, at, s.total);
  at = putNumberedWords(b, put(b, at, K.symptomLevels), SYMPTOM_LEVELS, s.symptomLevels);
  at = putInts(b, put(b, at, K.dominant), s.dominant);
  at = putNumberedWords(b, put(b, at, K.phaseLevels), PHASE_LEVELS, s.phaseLevels);
  at = putInts(b, put(b, at, K.unreadable), s.unreadable);
  at = putText(b, put(b, at, K.school), p.school);
  at = putText(b, put(b, at, K.subject), p.subject);
  at = putWord(b, put(b, at, K.ageBand), AGE, p.ageBand);
  at = putWord(b, put(b, at, K.experienceBand), EXPERIENCE, p.experienceBand);
  at = put(b, at, K.profileMissing);
  for (let i = 0; i < s.profileMissing.length; i++) {
    if (i > 0) b[at++] = 0x2c;
    at = putWord(b, at, PROFILE_KEY, s.profileMissing[i]);
  }
  at = putWord(b, put(b, at, K.instrument), INSTRUMENT, s.instrument);
  at = putWord(b, put(b, at, K.version), VERSION, s.version);
  at = putText(b, put(b, at, K.date), date);
  b[at++] = 0x7d;
  b[at++] = 0x0a;
  out.used = at;
}

/** Writes the header (CSV only) and returns the writer of the rows. */
export function rowWriter(instrument: Instrument, format: Format, out: BlockWriter): RowWriter {
  if (format === 'jsonl') {
    if (instrument.id === 'boyko') return (row, score, date) => writeBoykoJson(out, row, score as BoykoScore, date);
    return (row, score, date) => out.write(`${JSON.stringify({ row, ...score, date })}\n`);
  }
  const columns = csvColumns(instrument);
  out.write(`${columns.map((c) => csvField(c)).join(',')}\r\n`);
  return (row, score, date) => {
    const flat = flatRow({ row, ...score, date });
    // Text that came from the file (school, subject) is written inert for spreadsheet programs.
    out.write(`${columns.map((c) => csvField(inert(flat.get(c)))).join(',')}\r\n`);
  };
}

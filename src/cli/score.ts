/**
 * `pd-monitor score <instrument> <responses.csv> [--format jsonl|csv]`: scores a
 * responses export offline. The file may come from Google Forms (UTF-8, comma) or from
 * Russian Excel (Windows-1251, semicolon); encoding and separator are detected. Anything
 * the tool cannot read ends the run with a message naming the row or column: no row is
 * dropped silently. The file is read, scored and written a piece at a time, so a file of
 * any size fits in memory; a bad row past the first written block (about a megabyte of
 * output) ends the run with exit code 1 after the rows before it have been written.
 */
import { CsvError, CsvReader, isBlankRecord, detectSeparator, RecordSink, Separator, STRAY_QUOTE } from '../core/text/csv';
import { Catalog, Lang, tr } from '../core/text/i18n';
import {
  boykoItemKey, ColumnMap, getInstrument, Instrument, INSTRUMENT_IDS, INSTRUMENTS, instrumentItems, isInstrumentId,
  isScoredItem, matchColumns, rankInstruments,
} from '../core/instruments';
import { scoreResponse, ScoredResponse } from '../core/scoring';
import { BoykoRows } from './boyko-rows';
import { MixedEncodingError, streamTextFile } from './decode';
import { CliError, CliIo } from './io';
import { BlockWriter, Format, RowWriter, rowWriter } from './output';

export { csvColumns } from './output';

const M = {
  quoted: { ru: '«{text}»', en: '"{text}"' },
  andMore: { ru: '{shown} и еще {more}', en: '{shown} and {more} more' },
  usage: {
    ru: 'использование: pd-monitor score <инструмент> <ответы.csv> [--format jsonl|csv]\nинструменты: {list}\n',
    en: 'usage: pd-monitor score <instrument> <responses.csv> [--format jsonl|csv]\ninstruments: {list}\n',
  },
  arguments: {
    ru: 'нужны два аргумента: инструмент ({list}) и файл выгрузки ответов (CSV).',
    en: 'two arguments are needed: the instrument ({list}) and the responses export file (CSV).',
  },
  unknownInstrument: {
    ru: 'неизвестный инструмент «{value}»; допустимы: {list}.',
    en: 'unknown instrument "{value}"; expected one of: {list}.',
  },
  unknownOption: { ru: 'неизвестный параметр «{value}».', en: 'unknown option "{value}".' },
  badFormat: {
    ru: 'формат «{value}» не поддерживается; допустимы jsonl и csv.',
    en: 'format "{value}" is not supported; use jsonl or csv.',
  },
  empty: { ru: 'файл «{path}» пуст: нет строки заголовков.', en: 'file "{path}" is empty: there is no header row.' },
  badCsv: {
    ru: 'файл «{path}», строка {line}: кавычка открыта и не закрыта до конца файла — это не корректный CSV.',
    en: 'file "{path}", line {line}: a quote is opened and never closed — this is not valid CSV.',
  },
  noColumns: {
    ru: 'в файле «{path}» нет ни одного столбца с вопросами анкеты «{title}» ({id}).',
    en: 'file "{path}" has no column with the questions of "{title}" ({id}).',
  },
  looksLike: {
    ru: ' Похоже, это выгрузка анкеты «{title}»: pd-monitor score {id} «{path}».',
    en: ' It looks like an export of "{title}": pd-monitor score {id} "{path}".',
  },
  missingColumns: {
    ru: 'в файле «{path}» нет столбцов для вопросов анкеты «{title}»: {items}. Без них ответы нельзя подсчитать.',
    en: 'file "{path}" has no columns for these questions of "{title}": {items}. The answers cannot be scored without them.',
  },
  duplicateColumns: {
    ru: 'вопрос {item} найден в нескольких столбцах: {columns}. Оставьте один.',
    en: 'question {item} is found in several columns: {columns}. Keep one.',
  },
  ragged: {
    ru: 'строка данных {row} (строка файла {line}): полей {count}, а в заголовке {width}. Проверьте кавычки и разделители в этой строке.',
    en: 'data row {row} (line {line} of the file): {count} fields, but the header has {width}. Check the quotes and separators on this row.',
  },
  renumbered: {
    ru: 'столбец {column}: номер указывает на вопрос {byNumber}, а текст — на {byText}; принят по тексту.',
    en: 'column {column}: its number names question {byNumber} but its text {byText}; taken by the text.',
  },
  ignored: {
    ru: 'столбцы не относятся к анкете и не учитываются: {columns}.',
    en: 'columns not part of the questionnaire, not used: {columns}.',
  },
  noProfile: {
    ru: 'нет столбцов профиля: {items} — разбивка по ним будет недоступна.',
    en: 'no profile columns for: {items} — no breakdown by them.',
  },
  unreadable: {
    ru: 'строка данных {row}: ответ «{answer}» на вопрос {item} не распознан — вопрос считается без ответа, анкета неполная.',
    en: 'data row {row}: answer "{answer}" to question {item} is not recognised — counted as unanswered, the response is incomplete.',
  },
  mixedEncoding: {
    ru: 'файл «{path}», строка {line}: байты не в кодировке UTF-8, хотя начало файла в ней — файл склеен из частей в разных кодировках?',
    en: 'file "{path}", line {line}: bytes that are not UTF-8, although the start of the file is — was the file joined from parts in different encodings?',
  },
  moreNotices: { ru: '… и еще {count} таких сообщений.', en: '… and {count} more such messages.' },
  summary: {
    ru: 'подсчитано ответов: {total} (полных: {ok}, неполных: {incomplete}); кодировка {encoding}, разделитель «{separator}».',
    en: 'responses scored: {total} (complete: {ok}, incomplete: {incomplete}); encoding {encoding}, separator "{separator}".',
  },
} satisfies Catalog<string>;

const MAX_NOTICES = 20;

interface ScoreArgs {
  instrument: Instrument;
  path: string;
  format: Format;
}

function parseArgs(args: string[], lang: Lang): ScoreArgs | null {
  const list = INSTRUMENT_IDS.join(', ');
  const positional: string[] = [];
  let format: string = 'jsonl';
  for (let i = 0; i < args.length; i++) {
    const arg = args[i];
    if (arg === '--help' || arg === '-h') return null;
    if (arg === '--format') {
      format = args[++i] ?? '';
    } else if (arg.startsWith('--format=')) {
      format = arg.slice('--format='.length);
    } else if (arg.startsWith('-') && arg !== '-') {
      throw new CliError(tr(M.unknownOption, lang, { value: arg }));
    } else {
      positional.push(arg);
    }
  }
  if (format !== 'jsonl' && format !== 'csv') throw new CliError(tr(M.badFormat, lang, { value: format }));
  if (positional.length !== 2) throw new CliError(tr(M.arguments, lang, { list }));
  const [id, path] = positional;
  if (!isInstrumentId(id)) throw new CliError(tr(M.unknownInstrument, lang, { value: id, list }));
  return { instrument: getInstrument(id), path, format };
}

/** "«12. Организационные недостатки…»": a column title short enough for a message. */
function quoteTitle(title: string, lang: Lang): string {
  const text = title.replace(/\s+/g, ' ').trim();
  const short = text.length > 60 ? `${text.slice(0, 57)}…` : text;
  return tr(M.quoted, lang, { text: short });
}

function columnName(column: number, headers: readonly string[], lang: Lang): string {
  return `${column + 1} ${quoteTitle(headers[column] ?? '', lang)}`;
}

/** How a message names an item: Boyko by its number, the others by their title. */
function itemName(instrument: Instrument, key: string, lang: Lang): string {
  const item = instrumentItems(instrument).find((i) => i.key === key);
  if (!item) return key;
  if (item.number !== undefined) return `№ ${item.number}`;
  return quoteTitle(tr(item.title, lang), lang);
}

function listNames(names: string[], lang: Lang): string {
  const shown = names.slice(0, 12).join(', ');
  const more = names.length - 12;
  return more > 0 ? tr(M.andMore, lang, { shown, more }) : shown;
}

/** Checks the header against the instrument; throws what makes the file unscorable. */
function checkColumns(instrument: Instrument, headers: string[], map: ColumnMap, path: string, lang: Lang): string[] {
  const title = tr(instrument.title, lang);
  const found = instrumentItems(instrument).filter((i) => isScoredItem(i) && map.columns[i.key] !== undefined).length;
  if (found === 0 && map.duplicates.length === 0) {
    let message = tr(M.noColumns, lang, { path, title, id: instrument.id });
    const [best] = rankInstruments(headers, INSTRUMENTS).filter((r) => r.id !== instrument.id);
    if (best && best.found / best.required >= 0.5) {
      message += tr(M.looksLike, lang, { title: tr(INSTRUMENTS[best.id].title, lang), id: best.id, path });
    }
    throw new CliError(message);
  }
  if (map.duplicates.length > 0) {
    const [dup] = map.duplicates;
    throw new CliError(
      tr(M.duplicateColumns, lang, {
        item: itemName(instrument, dup.key, lang),
        columns: dup.columns.map((c) => columnName(c, headers, lang)).join(', '),
      }),
    );
  }
  if (map.missingRequired.length > 0) {
    const items = listNames(map.missingRequired.map((key) => itemName(instrument, key, lang)), lang);
    throw new CliError(tr(M.missingColumns, lang, { path, title, items }));
  }
  const notices: string[] = [];
  for (const conflict of map.conflicts) {
    notices.push(
      tr(M.renumbered, lang, {
        column: columnName(conflict.column, headers, lang),
        byNumber: itemName(instrument, conflict.byNumber, lang),
        byText: itemName(instrument, conflict.byText, lang),
      }),
    );
  }
  const profileMissing = map.missingOptional.filter((key) => key.startsWith('profile.'));
  if (profileMissing.length > 0) {
    notices.push(tr(M.noProfile, lang, { items: profileMissing.map((key) => itemName(instrument, key, lang)).join(', ') }));
  }
  if (map.ignored.length > 0) {
    notices.push(tr(M.ignored, lang, { columns: listNames(map.ignored.map((c) => columnName(c, headers, lang)), lang) }));
  }
  return notices;
}

// --- submission dates: only the date is kept (the time of day helps identify people).

type SlashOrder = 'mdy' | 'dmy';

function isoDate(year: number, month: number, day: number): string | null {
  const y = year < 100 ? 2000 + year : year;
  const date = new Date(Date.UTC(y, month - 1, day));
  if (date.getUTCFullYear() !== y || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) return null;
  return `${String(y).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/** The date of a timestamp as ISO 'YYYY-MM-DD': "12.03.2025 10:15:30", "2025-03-12T…", "3/12/2025 …". */
export function timestampDate(value: string, order: SlashOrder = 'mdy'): string | null {
  let m = /^\s*(\d{4})-(\d{1,2})-(\d{1,2})/.exec(value);
  if (m) return isoDate(Number(m[1]), Number(m[2]), Number(m[3]));
  m = /^\s*(\d{1,2})\.(\d{1,2})\.(\d{4}|\d{2})(?!\d)/.exec(value);
  if (m) return isoDate(Number(m[3]), Number(m[2]), Number(m[1]));
  m = /^\s*(\d{1,2})\/(\d{1,2})\/(\d{4}|\d{2})(?!\d)/.exec(value);
  if (m) {
    const [a, b] = [Number(m[1]), Number(m[2])];
    return order === 'mdy' ? isoDate(Number(m[3]), a, b) : isoDate(Number(m[3]), b, a);
  }
  return null;
}

/** A timestamp's slash date decides the order when one of its first two numbers is above 12. */
function provenOrder(value: string): SlashOrder | null {
  const match = /^\s*(\d{1,2})\/(\d{1,2})\/\d{2,4}/.exec(value);
  if (!match) return null;
  if (Number(match[1]) > 12) return 'dmy';
  if (Number(match[2]) > 12) return 'mdy';
  return null;
}

const isSlashDate = (value: string): boolean => /^\s*\d{1,2}\/\d{1,2}\/\d{2,4}/.test(value);

/**
 * Rows held at most while slash dates are all ambiguous (every day and month ≤ 12): past
 * this the order is taken as month first, as for a file that never proves either.
 */
const MAX_HELD_ROWS = 50_000;

/** A scored row waiting for its date: the raw timestamp is kept until the order is known. */
type HeldRow = { row: number; score: ScoredResponse; stamp: string };

/**
 * Checks and scores an export record by record, handing each scored row on as soon as it
 * can: the first record is the header, checked at once; a ragged row throws CliError naming
 * its line. Rows are only held back while their slash dates are ambiguous (US-locale
 * exports write "3/12/2025"); the first date with a number above 12 settles the order.
 */
export class ExportScorer implements RecordSink {
  private headers: string[] | null = null;
  private columns: Record<string, number> = {};
  private score: (fields: string[]) => ScoredResponse = () => {
    throw new Error('no header yet');
  };
  /** Boyko's reader of records, when the instrument is Boyko: it also walks unsplit lines. */
  private boyko: BoykoRows | null = null;
  private stamp: number | null = null;
  private order: SlashOrder | null = null;
  private held: HeldRow[] = [];
  private index = 0;
  private unreadable = 0;
  readonly notices: string[] = [];
  total = 0;
  ok = 0;

  constructor(
    private readonly instrument: Instrument,
    private readonly path: string,
    private readonly lang: Lang,
    private readonly separator: Separator,
    private readonly emit: RowWriter,
  ) {}

  /** A record without quotes, unsplit: Boyko's rows are read in place, anything else as its fields. */
  line(text: string, start: number, end: number, line: number): void {
    const score = this.boyko?.fromLine(text, start, end);
    if (score) {
      this.accept(++this.index, score, this.stamp === null ? '' : this.boyko!.stamp);
    } else {
      this.fields(text.slice(start, end).split(this.separator), line);
    }
  }

  fields(fields: string[], line: number): void {
    const { instrument, lang } = this;
    if (this.headers === null) {
      if (isBlankRecord(fields)) throw new CliError(tr(M.empty, lang, { path: this.path }));
      this.headers = fields;
      const map = matchColumns(instrument, this.headers);
      this.notices.push(...checkColumns(instrument, this.headers, map, this.path, lang));
      this.columns = map.columns;
      this.stamp = map.timestampColumn;
      if (instrument.id === 'boyko') {
        const boyko = new BoykoRows(map.columns, map.timestampColumn, fields.length, this.separator);
        this.boyko = boyko;
        this.score = (row) => boyko.fromFields(row);
      } else {
        // One answers object for every row: each row sets all its keys, and scoring keeps no reference.
        const entries = Object.entries(map.columns);
        const answers: Record<string, string> = {};
        this.score = (row) => {
          for (const [key, column] of entries) answers[key] = row[column];
          return scoreResponse(instrument, answers);
        };
      }
      return;
    }
    const row = ++this.index;
    if (fields.length !== this.headers.length && !isBlankRecord(fields)) {
      throw new CliError(tr(M.ragged, lang, { row, line, count: fields.length, width: this.headers.length }));
    }
    // Blank records (trailing empty lines, rows of bare separators) hold no response.
    if (isBlankRecord(fields)) return;
    const score = this.score(fields);
    for (const id of score.unreadable) {
      if (++this.unreadable > MAX_NOTICES) continue;
      const key = typeof id === 'number' ? boykoItemKey(id) : id;
      const answer = fields[this.columns[key]] ?? '';
      this.notices.push(tr(M.unreadable, lang, { row, answer, item: itemName(instrument, key, lang) }));
    }
    this.accept(row, score, this.stamp === null ? '' : fields[this.stamp] ?? '');
  }

  /** Counts a scored row and hands it on, or holds it back while its date is ambiguous. */
  private accept(row: number, score: ScoredResponse, stamp: string): void {
    this.total++;
    if (score.status === 'ok') this.ok++;
    const slash = this.order === null && isSlashDate(stamp);
    if (slash) this.order = provenOrder(stamp);
    if (this.order === null && (this.held.length > 0 || slash)) {
      this.held.push({ row, score, stamp });
      if (this.held.length >= MAX_HELD_ROWS) this.release('mdy');
      return;
    }
    this.release(this.order ?? 'mdy');
    this.send(row, score, stamp);
  }

  /** Hands on the rows held back, and the rest; returns the messages for the user. */
  finish(): string[] {
    if (this.headers === null) throw new CliError(tr(M.empty, this.lang, { path: this.path }));
    this.release(this.order ?? 'mdy');
    if (this.unreadable > MAX_NOTICES) {
      this.notices.push(tr(M.moreNotices, this.lang, { count: this.unreadable - MAX_NOTICES }));
    }
    return this.notices;
  }

  private release(order: SlashOrder): void {
    if (this.held.length === 0) return;
    this.order = order;
    for (const { row, score, stamp } of this.held) this.send(row, score, stamp);
    this.held = [];
  }

  private send(row: number, score: ScoredResponse, stamp: string): void {
    this.emit(row, score, this.stamp === null ? null : this.date(stamp, this.order ?? 'mdy'));
  }

  /** Dates already read, by the text before the time of day and by order. */
  private readonly dates = { mdy: new Map<string, string | null>(), dmy: new Map<string, string | null>() };

  /**
   * timestampDate of a timestamp. One that starts with a digit is decided by its text up to
   * the first space (the date; the time of day after it varies row by row), so dates are
   * read once per day an export spans.
   */
  private date(stamp: string, order: SlashOrder): string | null {
    const first = stamp.charCodeAt(0);
    const space = first >= 0x30 && first <= 0x39 ? stamp.indexOf(' ') : -1;
    if (space < 0) return timestampDate(stamp, order);
    const day = stamp.slice(0, space);
    const known = this.dates[order];
    let date = known.get(day);
    if (date === undefined) {
      date = timestampDate(day, order);
      if (known.size >= MAX_DATES_KEPT) known.clear();
      known.set(day, date);
    }
    return date;
  }
}

/** Distinct dates kept at most (an export spans a few months; a stranger file starts afresh). */
const MAX_DATES_KEPT = 4096;

export function runScore(args: string[], io: CliIo): number {
  const lang = io.lang;
  const parsed = parseArgs(args, lang);
  if (!parsed) {
    io.stdout(tr(M.usage, lang, { list: INSTRUMENT_IDS.join(', ') }));
    return 0;
  }
  const { instrument, path, format } = parsed;
  const { encoding, sample, pieces } = streamTextFile(io, path);
  const out = new BlockWriter(io.stdoutBytes ? io.stdoutBytes : (bytes) => io.stdout(Buffer.from(bytes).toString('utf8')));
  // The separator is chosen from the start of the file (its first records), as whole.
  const separator: Separator = detectSeparator(sample, false);
  const scorer = new ExportScorer(instrument, path, lang, separator, rowWriter(instrument, format, out));
  const reader = new CsvReader(separator);
  try {
    // Records are scored as the reader completes them, in the order of the file.
    for (const piece of pieces) reader.feed(piece, scorer);
    reader.finish(scorer);
  } catch (error) {
    if (error instanceof CsvError) throw new CliError(tr(error.kind === 'stray' ? STRAY_QUOTE : M.badCsv, lang, { path, line: error.line }));
    if (error instanceof MixedEncodingError) {
      throw new CliError(tr(M.mixedEncoding, lang, { path, line: reader.currentLine }));
    }
    throw error;
  }
  const notices = scorer.finish();
  out.flush();
  for (const notice of notices) io.stderr(`pd-monitor score: ${notice}\n`);
  io.stderr(
    `pd-monitor score: ${tr(M.summary, lang, {
      total: scorer.total,
      ok: scorer.ok,
      incomplete: scorer.total - scorer.ok,
      encoding,
      separator: separator === '\t' ? 'TAB' : separator,
    })}\n`,
  );
  return 0;
}

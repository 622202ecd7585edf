/**
 * The form registry: which Google Form feeds which response sheet, for which instrument
 * and version, and which form item is which instrument item. Answers are mapped through
 * it (by item, not by column position), so a form edited after it has responses — items
 * reworded, reordered, added, removed — never has its answers misread.
 */
import { Lang } from '../text/i18n';
import { MAX_CELL_TEXT } from '../text/cells';
import { InstrumentId, isInstrumentId } from '../instruments';
import { SCHOOL_REPORT } from '../reports/school-report';
import { hash53 } from './response-key';

/** The school report form is registered beside the survey instruments. */
export type FormKind = InstrumentId | typeof SCHOOL_REPORT;

export function isFormKind(value: string): value is FormKind {
  return value === SCHOOL_REPORT || isInstrumentId(value);
}

export interface RegistryItem {
  /** The Google Form item id: stable while the item lives, whatever its title becomes. */
  itemId: number;
  /** The instrument item key it asks. */
  key: string;
  /** Every title the item has had: response sheet columns may carry any of them. */
  titles: string[];
}

/**
 * active: the form's current sheet. replaced: an older form of the instrument, its
 * answers still count. relinked: the form now writes to a newer sheet into which Google
 * copied these answers, so this sheet no longer counts (its answers would count twice).
 */
export type FormStatus = 'active' | 'replaced' | 'relinked';

/** A registered survey form (not the school report). */
export type SurveyRecord = FormRecord & { instrument: InstrumentId };

export function isSurveyRecord(record: FormRecord): record is SurveyRecord {
  return record.instrument !== SCHOOL_REPORT;
}

export function isScored(record: FormRecord): boolean {
  return record.status !== 'relinked';
}

export interface FormRecord {
  formId: string;
  instrument: FormKind;
  /** The instrument's version, or the preset a school report form was generated from. */
  version: string;
  responseSheetId: number;
  responseSheetName: string;
  editUrl: string;
  publishedUrl: string;
  /** ISO timestamp. */
  createdAt: string;
  status: FormStatus;
  items: RegistryItem[];
}

const HEADER: Record<Lang, string[]> = {
  ru: ['ID формы', 'Инструмент', 'Версия', 'ID листа ответов', 'Лист ответов', 'Ссылка для редактирования', 'Ссылка для ответов', 'Создана', 'Статус', 'Вопросы (служебное)'],
  en: ['Form ID', 'Instrument', 'Version', 'Response sheet ID', 'Response sheet', 'Edit link', 'Respondent link', 'Created', 'Status', 'Items (internal)'],
};

export function registryHeader(lang: Lang): string[] {
  return HEADER[lang];
}

/**
 * The items as one registry cell, which holds at most MAX_CELL_TEXT characters. Titles
 * pile up as questions are reworded; when they no longer fit, earlier titles go first (a
 * response column shows the current one), then over-long titles are cut. The cell stays
 * JSON either way: a cut row still reads. Result: the cell, and whether anything was cut.
 */
export function itemsCell(items: readonly RegistryItem[]): { text: string; cut: boolean } {
  const whole = JSON.stringify(items);
  if (whole.length <= MAX_CELL_TEXT) return { text: whole, cut: false };
  let fitted = items.map((item) => ({ ...item, titles: item.titles.slice(-1) }));
  let text = JSON.stringify(fitted);
  for (let share = MAX_CELL_TEXT; text.length > MAX_CELL_TEXT; share = Math.floor(share / 2)) {
    fitted = fitted.map((item) => ({ ...item, titles: item.titles.map((title) => title.slice(0, share)) }));
    text = JSON.stringify(fitted);
  }
  return { text, cut: true };
}

export function registryRow(record: FormRecord): (string | number)[] {
  return [
    record.formId, record.instrument, record.version, record.responseSheetId, record.responseSheetName,
    record.editUrl, record.publishedUrl, record.createdAt, record.status, itemsCell(record.items).text,
  ];
}

/** Reads the registry sheet's data rows (header excluded); rows it cannot read are reported. */
export function parseRegistry(rows: readonly unknown[][]): { records: FormRecord[]; unreadable: number[] } {
  const records: FormRecord[] = [];
  const unreadable: number[] = [];
  rows.forEach((row, index) => {
    const [formId, instrument, version, sheetId, sheetName, editUrl, publishedUrl, createdAt, status, items] = row.map((v) => String(v ?? ''));
    if (!formId) return;
    try {
      if (!isFormKind(instrument)) throw new Error('instrument');
      records.push({
        formId, instrument, version, responseSheetId: Number(sheetId), responseSheetName: sheetName,
        editUrl, publishedUrl, createdAt, status: status === 'replaced' || status === 'relinked' ? status : 'active',
        items: JSON.parse(items) as RegistryItem[],
      });
    } catch {
      unreadable.push(index + 2);
    }
  });
  return { records, unreadable };
}

/** The answers of one response, by instrument item key, and what could not be mapped. */
export interface MappedResponse {
  answers: Record<string, string>;
  /** Non-empty answers under a title the registry does not know (a question added later…). */
  unmapped: string[];
  /** Every answer was empty: a phantom event, not a response. */
  blank: boolean;
}

/**
 * A response's answers by column title, in column order. Pairs rather than a record:
 * two columns may carry one title (a question deleted and added again), and both count.
 */
export type TitledAnswers = Readonly<Record<string, string>> | ReadonlyArray<readonly [string, string]>;

function answerPairs(answers: TitledAnswers): ReadonlyArray<readonly [string, string]> {
  return Array.isArray(answers) ? answers : Object.entries(answers);
}

/**
 * Maps a response given by column title (the event's namedValues, or a sheet row read
 * with its header) to item keys through the registry.
 */
export function mapResponse(record: FormRecord, byTitle: TitledAnswers, timestampTitle: string): MappedResponse {
  const keyByTitle = new Map<string, string>();
  for (const item of record.items) for (const title of item.titles) keyByTitle.set(title.trim(), item.key);
  const answers: Record<string, string> = {};
  const unmapped: string[] = [];
  let blank = true;
  for (const [title, raw] of answerPairs(byTitle)) {
    if (title === timestampTitle) continue;
    const text = raw.trim();
    if (text !== '') blank = false;
    const key = keyByTitle.get(title.trim());
    if (key === undefined) {
      if (text !== '') unmapped.push(title);
      continue;
    }
    // Two columns for one item (an old and a new title, or one title twice): the answered one counts.
    if (text !== '' || !(key in answers)) answers[key] = text;
  }
  return { answers, unmapped, blank };
}

/**
 * What a submission needs of the registry, small enough for the workbook's developer
 * metadata (the Sheets API allows 30,000 characters per location, every entry together):
 * per response sheet id, a scored survey form's id, instrument, version, sheet name and,
 * per item, its key and the hashes of its titles. Full titles would not fit (a district's
 * forms hold tens of thousands of characters of them); the registry sheet stays the
 * record, and the source this is rebuilt from whenever the registry is written.
 */
export type CompactForm = [formId: string, instrument: string, version: string, sheetName: string, items: string[][]];
export type CompactRegistry = Record<string, CompactForm>;

/** Beyond this the compact registry is not kept: submissions read the registry sheet. */
export const COMPACT_REGISTRY_MAX = 15_000;

/** A title as the compact registry knows it: trimmed, as mapResponse compares titles. */
export function titleHash(title: string): string {
  return hash53(title.trim());
}

/**
 * Answers by title as a compact record maps them (pass '' as mapResponse's timestamp
 * title, which no hash equals): the timestamp column left out as mapResponse leaves it
 * out, by its exact title, and every other title hashed.
 */
export function compactAnswers(pairs: ReadonlyArray<readonly [string, string]>, timestampTitle: string): Array<[string, string]> {
  return pairs.filter(([title]) => title !== timestampTitle).map(([title, value]) => [titleHash(title), value]);
}

/**
 * The compact form of these records, or null when it would not fit. A form two of whose
 * titles share a hash is left out: its submissions read the registry sheet, exactly.
 */
export function compactRegistry(records: readonly FormRecord[]): CompactRegistry | null {
  const compact: CompactRegistry = {};
  for (const record of records) {
    if (!isScored(record) || !isSurveyRecord(record) || String(record.responseSheetId) in compact) continue;
    const byHash = new Map<string, string>();
    let clash = false;
    const items = record.items.map((item) => [item.key, ...item.titles.map((title) => {
      const hash = titleHash(title);
      if ((byHash.get(hash) ?? title.trim()) !== title.trim()) clash = true;
      byHash.set(hash, title.trim());
      return hash;
    })]);
    if (!clash) compact[String(record.responseSheetId)] = [record.formId, record.instrument, record.version, record.responseSheetName, items];
  }
  return JSON.stringify(compact).length <= COMPACT_REGISTRY_MAX ? compact : null;
}

/**
 * The survey record of a response sheet from the compact registry, its titles as hashes
 * (map the answers' titles through titleHash); null when the sheet is not in it.
 */
export function compactRecord(compact: CompactRegistry | null, sheetId: number): SurveyRecord | null {
  const form = compact?.[String(sheetId)];
  if (!Array.isArray(form) || form.length !== 5 || !isInstrumentId(String(form[1]))) return null;
  const [formId, instrument, version, sheetName, items] = form;
  if (!Array.isArray(items)) return null;
  return {
    formId, instrument: instrument as InstrumentId, version, responseSheetId: sheetId, responseSheetName: sheetName,
    editUrl: '', publishedUrl: '', createdAt: '', status: 'active',
    items: items.map(([key, ...titles]) => ({ itemId: 0, key, titles })),
  };
}

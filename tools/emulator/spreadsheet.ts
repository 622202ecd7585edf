/**
 * The emulated SpreadsheetApp: spreadsheets, sheets, ranges and protections held in
 * memory, with the documented semantics the add-on relies on (size checks, user-entered
 * parsing of strings, protected ranges refusing non-editors, "Form Responses N" sheets).
 *
 * Cells are stored as arrays of rows so reads and appends cost the size of the range,
 * not of the sheet. Formulas are kept; one, a COUNTA of a whole column, is evaluated when
 * read (formulas.ts), every other one reads as FORMULA_PLACEHOLDER.
 */
import { addDeveloperMetadata, DeveloperMetadataVisibility, getDeveloperMetadata } from './metadata';
import { instrument, Runtime } from './kernel';
import { zonedParts, zonedToInstant } from './tz';
import { AppsScriptError, isDate, makeId, signatureMismatch, typeName } from './support';
import {
  brokenCounta, CountaRef, isBrokenCounta, parseCounta, REF_ERROR, renamedCounta, shiftedCounta,
} from './formulas';
import {
  cellA1, coveredBy, GridRect, intersection, parseA1, rectA1, resolveA1, shiftRect,
} from './a1';

type GSpreadsheetApp = GoogleAppsScript.Spreadsheet.SpreadsheetApp;
type GSpreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;
type GSheet = GoogleAppsScript.Spreadsheet.Sheet;
type GRange = GoogleAppsScript.Spreadsheet.Range;
type GProtection = GoogleAppsScript.Spreadsheet.Protection;
type GProtectionType = GoogleAppsScript.Spreadsheet.ProtectionType;
type GUser = GoogleAppsScript.Base.User;
type GUi = GoogleAppsScript.Base.Ui;

/** What a cell holds: '' is an empty cell. */
export type CellValue = string | number | boolean | Date;
export type SheetsLanguage = 'ru' | 'en';

export const MESSAGES = {
  protectedCell:
    'You are trying to edit a protected cell or object. Please contact the spreadsheet owner to remove protection if you need to edit.',
  rangeNotFound: 'Range not found',
  outsideSheet: 'The coordinates of the range are outside the dimensions of the sheet.',
  startRowTooSmall: 'The starting row of the range is too small.',
  startColumnTooSmall: 'The starting column of the range is too small.',
  rowsAtLeastOne: 'The number of rows in the range must be at least 1.',
  columnsAtLeastOne: 'The number of columns in the range must be at least 1.',
  rowsMismatch: (data: number, range: number) =>
    `The number of rows in the data does not match the number of rows in the range. The data has ${data} but the range has ${range}.`,
  columnsMismatch: (data: number, range: number) =>
    `The number of columns in the data does not match the number of columns in the range. The data has ${data} but the range has ${range}.`,
  duplicateSheet: (name: string) => `A sheet with the name "${name}" already exists. Please enter another name.`,
  removeAllSheets: "You can't remove all the sheets in a document.",
  deleteAllRows: 'Sorry, it is not possible to delete all non-frozen rows.',
  rowsOutOfBounds: 'Those rows are out of bounds.',
  openById: 'Unexpected error while getting the method or property openById on object SpreadsheetApp.',
  openByUrl: 'Unexpected error while getting the method or property openByUrl on object SpreadsheetApp.',
  /** Wording reported by users of Sheets and Apps Script for an over-long cell. */
  cellTooLong: 'Your input contains more than the maximum of 50000 characters in a single cell.',
};

/**
 * Names Google gives generated sheets and columns follow the language of the user who
 * makes them: a Russian coordinator gets "Лист1" and "Ответы на форму (1)" with an
 * "Отметка времени" column, so code must find response sheets by getFormUrl(), not by name.
 */
export const SHEETS_LABELS: Record<SheetsLanguage, {
  sheet: string;
  responses: (n: number) => string;
  timestamp: string;
  email: string;
}> = {
  en: { sheet: 'Sheet', responses: (n) => `Form Responses ${n}`, timestamp: 'Timestamp', email: 'Email Address' },
  ru: { sheet: 'Лист', responses: (n) => `Ответы на форму (${n})`, timestamp: 'Отметка времени', email: 'Адрес электронной почты' },
};

const BOOLEAN_DISPLAY: Record<SheetsLanguage, [string, string]> = { en: ['TRUE', 'FALSE'], ru: ['ИСТИНА', 'ЛОЖЬ'] };

/** A formula cell reads as this, unless it is the one formula evaluated (formulas.ts). */
export const FORMULA_PLACEHOLDER = '#ERROR!';

const DEFAULT_ROWS = 1000;
const DEFAULT_COLUMNS = 26;
const WHOLE_SHEET: GridRect = { row: 1, col: 1, numRows: 1e12, numCols: 1e12 };

/** Copies a Date in its own realm, so a script's `instanceof Date` keeps working. */
function cloneDate(value: Date): Date {
  const Ctor = (value as unknown as { constructor: DateConstructor }).constructor;
  return new Ctor(value.getTime());
}

function cloneCell(value: CellValue | undefined): CellValue {
  if (value === undefined) return '';
  // Only a Date is an object among cell values; the rest are returned without the realm-safe check.
  return typeof value === 'object' && isDate(value) ? cloneDate(value) : value;
}

function usesDecimalComma(locale: string): boolean {
  return /^(ru|uk|be|kk|de|fr|es|it|pt|pl|cs|nl|tr|sv|fi|nb|da)/i.test(locale);
}

const NUMBER_TEXT = /^[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?$/;
const COMMA_NUMBER_TEXT = /^[+-]?(?:\d+,\d*|,\d+)$/;
/** "50%" and, in decimal-comma locales, "12,5%". */
const PERCENT_TEXT = /^([+-]?(?:\d+(?:[.,]\d*)?|[.,]\d+))\s?%$/;
/** Day-first dates of decimal-comma locales: "12.03.2026", "12.03.26", "12.03". */
const DOT_DATE_TEXT = /^(\d{1,2})\.(\d{1,2})(?:\.(\d{2}|\d{4}))?$/;
/** Month-first dates of the en_US locale: "3/12/2026", "3/12". */
const SLASH_DATE_TEXT = /^(\d{1,2})\/(\d{1,2})(?:\/(\d{2}|\d{4}))?$/;
/** ISO dates are read as dates in every locale. */
const ISO_DATE_TEXT = /^(\d{4})-(\d{1,2})-(\d{1,2})$/;
/** Maximum characters in one cell: a longer write fails (see MESSAGES.cellTooLong). */
export const MAX_CELL_CHARS = 50_000;

/** How Sheets reads a string typed into a cell (USER_ENTERED): what the cell stores. */
export interface ParsedInput {
  value: CellValue;
  formula: string | null;
}

/** Makes the Date a typed date stands for: local midnight of y-m-d in the spreadsheet's zone. */
export type LocalDateMaker = (year: number, month: number, day: number) => Date;

function validDay(year: number, month: number, day: number): boolean {
  return month >= 1 && month <= 12 && day >= 1 && day <= new Date(Date.UTC(year, month, 0)).getUTCDate();
}

function typedDate(input: string, locale: string, makeDate: LocalDateMaker | undefined, currentYear: number): Date | null {
  if (!makeDate) return null;
  let year: number;
  let month: number;
  let day: number;
  const iso = ISO_DATE_TEXT.exec(input);
  const local = usesDecimalComma(locale) ? DOT_DATE_TEXT.exec(input) : SLASH_DATE_TEXT.exec(input);
  if (iso) [year, month, day] = [Number(iso[1]), Number(iso[2]), Number(iso[3])];
  else if (local) {
    const [a, b] = [Number(local[1]), Number(local[2])];
    [day, month] = usesDecimalComma(locale) ? [a, b] : [b, a];
    const y = local[3];
    // A two-digit year is read in a sliding century, as Sheets does for 00–29 → 20xx.
    year = y === undefined ? currentYear : y.length === 2 ? (Number(y) < 30 ? 2000 : 1900) + Number(y) : Number(y);
  } else return null;
  return validDay(year, month, day) ? makeDate(year, month, day) : null;
}

/**
 * Sheets parses strings written by setValue/setValues/appendRow as if typed by a user in
 * the spreadsheet's locale (Range.setValue: "the value can be numeric, string, boolean or
 * date"; a string is interpreted as typed): a leading apostrophe forces text (and is not
 * stored), "=…" is a formula, numeric text becomes a number ("007" → 7, "1e3" → 1000, in
 * a Russian workbook "12,5" → 12.5), "50%" a fraction, TRUE/FALSE (and the locale's own
 * ИСТИНА/ЛОЖЬ) a boolean, and a date in the locale's order a Date ("12.03.2026" and
 * "12.03" in a Russian workbook, "3/12/2026" in an American one). Currencies and times
 * typed as text are not recognised here (documented gap). Text longer than 50,000
 * characters does not fit a cell ("Google Sheets: cell content up to 50,000 characters").
 */
export function parseUserEntered(input: unknown, locale: string, makeDate?: LocalDateMaker, currentYear = new Date().getFullYear()): ParsedInput {
  if (input === null || input === undefined) return { value: '', formula: null };
  if (typeof input === 'number' || typeof input === 'boolean') return { value: input, formula: null };
  if (isDate(input)) return { value: cloneDate(input), formula: null };
  if (typeof input !== 'string') {
    throw new AppsScriptError(`Cannot store a value of type ${typeName(input)} in a cell.`);
  }
  if (input.length > MAX_CELL_CHARS) throw new AppsScriptError(MESSAGES.cellTooLong);
  if (input === '') return { value: '', formula: null };
  if (input.startsWith("'")) return { value: input.slice(1), formula: null };
  if (input.startsWith('=') && input.length > 1) return { value: FORMULA_PLACEHOLDER, formula: input };
  const text = input.trim();
  const comma = usesDecimalComma(locale);
  // Where the comma is the decimal mark, a dot separates day and month: "2.5" is 2 May,
  // and a dotted decimal that is no date ("12.55") stays text.
  const date = typedDate(text, locale, makeDate, currentYear);
  if (date) return { value: date, formula: null };
  if (NUMBER_TEXT.test(text) && !(comma && text.includes('.'))) return { value: Number(text), formula: null };
  if (comma && COMMA_NUMBER_TEXT.test(text)) return { value: Number(text.replace(',', '.')), formula: null };
  const percent = PERCENT_TEXT.exec(text);
  if (percent && (comma || !percent[1].includes(','))) {
    return { value: Number(percent[1].replace(',', '.')) / 100, formula: null };
  }
  if (/^(true|false)$/i.test(text)) return { value: text.toLowerCase() === 'true', formula: null };
  if (locale.toLowerCase().startsWith('ru') && /^(истина|ложь)$/i.test(text)) {
    return { value: text.toLowerCase() === 'истина', formula: null };
  }
  return { value: input, formula: null };
}

const pad2 = (n: number): string => String(n).padStart(2, '0');

/**
 * A date-time as the spreadsheet locale shows it by default: ru "23.11.2026 9:00:00",
 * en_US "11/23/2026 9:00:00". Midnight values show the date alone.
 */
export function formatDateTime(ms: number, locale: string, timeZone: string, dateOnlyAtMidnight = false): string {
  const p = zonedParts(ms, timeZone);
  const time = `${p.hour}:${pad2(p.minute)}:${pad2(p.second)}`;
  const midnight = p.hour === 0 && p.minute === 0 && p.second === 0;
  const date = usesDecimalComma(locale) ? `${pad2(p.day)}.${pad2(p.month)}.${p.year}` : `${p.month}/${p.day}/${p.year}`;
  return dateOnlyAtMidnight && midnight ? date : `${date} ${time}`;
}

export function displayValue(value: CellValue, locale: string, timeZone: string): string {
  if (typeof value === 'string') return value;
  if (typeof value === 'number') {
    const text = String(value);
    return usesDecimalComma(locale) ? text.replace('.', ',') : text;
  }
  if (typeof value === 'boolean') {
    const [t, f] = BOOLEAN_DISPLAY[locale.toLowerCase().startsWith('ru') ? 'ru' : 'en'];
    return value ? t : f;
  }
  return formatDateTime(value.getTime(), locale, timeZone, true);
}

// ---------------------------------------------------------------------------
// The stored model
// ---------------------------------------------------------------------------

export interface SheetModel {
  ssId: string;
  id: number;
  name: string;
  /** rows[0] is row 1; a missing row or cell is empty. */
  rows: CellValue[][];
  /** row → column → formula, only for formula cells (1-based). */
  formulas: Map<number, Map<number, string>>;
  maxRows: number;
  maxCols: number;
  frozenRows: number;
  frozenCols: number;
  hidden: boolean;
  /** Set by the emulated FormApp while a form sends its responses here. */
  formUrl: string | null;
  lastColHint: number;
  lastColDirty: boolean;
  formats: FormatRecord[];
}

export interface FormatRecord {
  a1: string;
  method: string;
  value: unknown;
}

export interface ProtectionModel {
  id: number;
  sheet: SheetModel;
  type: 'RANGE' | 'SHEET';
  /** null: the whole sheet. */
  rect: GridRect | null;
  description: string;
  warningOnly: boolean;
  /**
   * Until a script changes the editor list, a new protection mirrors the spreadsheet's
   * permissions, "which effectively means that the range remains unprotected" (Range.protect).
   */
  explicit: boolean;
  editors: Set<string>;
  creator: string;
  domainEdit: boolean;
  unprotected: GridRect[];
  removed: boolean;
}

export interface SpreadsheetModel {
  id: string;
  name: string;
  owner: string;
  editors: string[];
  sheets: SheetModel[];
  activeSheetId: number;
  protections: ProtectionModel[];
  locale: string;
  timeZone: string;
}

export interface ToastRecord {
  spreadsheetId: string;
  message: string;
  title: string;
  timeoutSeconds: number | null;
}

export interface ProtectionInfo {
  type: 'RANGE' | 'SHEET';
  sheet: string;
  range: string;
  description: string;
  warningOnly: boolean;
  editors: string[];
  domainEdit: boolean;
  unprotectedRanges: string[];
}

export interface CreateOptions {
  owner?: string;
  editors?: string[];
  rows?: number;
  columns?: number;
  /** Make it the active spreadsheet; by default the first one created becomes active. */
  active?: boolean;
}

function emailOf(user: unknown): string {
  if (typeof user === 'string') return user;
  if (user && typeof (user as GUser).getEmail === 'function') return (user as GUser).getEmail();
  throw signatureMismatch('SpreadsheetApp.Protection.addEditor', [user]);
}

function domainOf(email: string): string {
  return email.slice(email.indexOf('@') + 1).toLowerCase();
}

// ---------------------------------------------------------------------------
// The store: every spreadsheet of one emulated Drive, and the test-side handle
// ---------------------------------------------------------------------------

export class SpreadsheetStore {
  /** The language generated names follow (see SHEETS_LABELS). */
  language: SheetsLanguage;
  /**
   * Makes the Dates the emulator itself creates (form timestamps). The loader may set it
   * to the script context's Date so `instanceof Date` holds inside the bundle.
   */
  dateFactory: (ms: number) => Date = (ms) => new Date(ms);
  readonly toasts: ToastRecord[] = [];
  private readonly models = new Map<string, SpreadsheetModel>();
  private activeId: string | null = null;
  private bypass = 0;
  private seq = 0;
  private sheetSeq = 0;
  private protectionSeq = 0;
  private readonly spreadsheetApis = new WeakMap<SpreadsheetModel, GSpreadsheet>();
  private readonly sheetApis = new WeakMap<SheetModel, GSheet>();
  private readonly protectionApis = new WeakMap<ProtectionModel, GProtection>();

  constructor(readonly runtime: Runtime) {
    this.language = runtime.locale.toLowerCase().startsWith('ru') ? 'ru' : 'en';
  }

  get labels(): (typeof SHEETS_LABELS)[SheetsLanguage] {
    return SHEETS_LABELS[this.language];
  }

  // --- test side -----------------------------------------------------------

  /** Makes a spreadsheet as if its owner had created it in Drive. */
  create(name: string, options: CreateOptions = {}): GSpreadsheet {
    const model = this.newModel(name, options.owner ?? this.runtime.user, options.rows, options.columns);
    model.editors.push(...(options.editors ?? []));
    if (options.active ?? this.activeId === null) this.activeId = model.id;
    return this.spreadsheetApi(model);
  }

  setActive(ss: GSpreadsheet | string | null): void {
    if (ss === null) {
      this.activeId = null;
      return;
    }
    const id = typeof ss === 'string' ? ss : (ss as unknown as { _model: SpreadsheetModel })._model.id;
    this.model(id);
    this.activeId = id;
  }

  active(): GSpreadsheet | null {
    return this.activeId ? this.spreadsheetApi(this.model(this.activeId)) : null;
  }

  byId(id: string): GSpreadsheet | null {
    const model = this.models.get(id);
    return model ? this.spreadsheetApi(model) : null;
  }

  all(): GSpreadsheet[] {
    return [...this.models.values()].map((m) => this.spreadsheetApi(m));
  }

  sheetNames(ssId: string): string[] {
    return this.model(ssId).sheets.map((s) => s.name);
  }

  /**
   * A copy of the stored values up to the last row and column with content ('' = empty);
   * formula cells hold FORMULA_PLACEHOLDER here, unevaluated.
   */
  rawValues(ssId: string, sheetName: string): CellValue[][] {
    const sheet = this.sheetModel(ssId, sheetName);
    const lastRow = this.lastRow(sheet);
    const lastCol = this.lastColumn(sheet);
    const out: CellValue[][] = [];
    for (let r = 0; r < lastRow; r++) {
      const src = sheet.rows[r] ?? [];
      const line: CellValue[] = new Array(lastCol);
      for (let c = 0; c < lastCol; c++) line[c] = cloneCell(src[c]);
      out.push(line);
    }
    return out;
  }

  /** The formulas of the used area ('' where a cell holds no formula). */
  formulas(ssId: string, sheetName: string): string[][] {
    const sheet = this.sheetModel(ssId, sheetName);
    const lastRow = this.lastRow(sheet);
    const lastCol = this.lastColumn(sheet);
    const out: string[][] = [];
    for (let r = 1; r <= lastRow; r++) {
      const line: string[] = new Array(lastCol).fill('');
      const map = sheet.formulas.get(r);
      if (map) for (const [c, f] of map) if (c <= lastCol) line[c - 1] = f;
      out.push(line);
    }
    return out;
  }

  protections(ssId: string): ProtectionInfo[] {
    const model = this.model(ssId);
    return model.protections.filter((p) => !p.removed).map((p) => ({
      type: p.type,
      sheet: p.sheet.name,
      range: rectA1(p.rect ?? { row: 1, col: 1, numRows: p.sheet.maxRows, numCols: p.sheet.maxCols }),
      description: p.description,
      warningOnly: p.warningOnly,
      editors: this.protectionEditors(p),
      domainEdit: p.domainEdit,
      unprotectedRanges: p.unprotected.map(rectA1),
    }));
  }

  /** Formatting calls recorded on a sheet (number formats, widths, colours, …). */
  formatLog(ssId: string, sheetName: string): FormatRecord[] {
    return this.sheetModel(ssId, sheetName).formats.slice();
  }

  frozenRows(ssId: string, sheetName: string): number {
    return this.sheetModel(ssId, sheetName).frozenRows;
  }

  // --- shared with the emulated FormApp ------------------------------------

  model(ssId: string): SpreadsheetModel {
    const model = this.models.get(ssId);
    if (!model) throw new AppsScriptError(MESSAGES.openById);
    return model;
  }

  hasModel(ssId: string): boolean {
    return this.models.has(ssId);
  }

  sheetModel(ssId: string, sheetName: string): SheetModel {
    const sheet = this.findSheet(this.model(ssId), sheetName);
    if (!sheet) throw new Error(`no sheet "${sheetName}" in spreadsheet ${ssId}`);
    return sheet;
  }

  /** Runs `fn` as Google itself (a form writing its responses): protections do not apply. */
  asSystem<T>(fn: () => T): T {
    this.bypass++;
    try {
      return fn();
    } finally {
      this.bypass--;
    }
  }

  /** Adds the "Form Responses N" sheet a form destination creates, at the first position. */
  insertResponseSheet(model: SpreadsheetModel, formUrl: string, columns: number): SheetModel {
    let n = 1;
    while (this.findSheet(model, this.labels.responses(n))) n++;
    const sheet = this.newSheet(model, this.labels.responses(n), DEFAULT_ROWS, Math.max(DEFAULT_COLUMNS, columns));
    sheet.frozenRows = 1;
    sheet.formUrl = formUrl;
    model.sheets.unshift(sheet);
    return sheet;
  }

  /** Writes already-typed values (no user-entered parsing), growing the grid as needed. */
  writeRaw(sheet: SheetModel, row: number, col: number, values: CellValue[]): void {
    if (row > sheet.maxRows) sheet.maxRows = row;
    if (col + values.length - 1 > sheet.maxCols) sheet.maxCols = col + values.length - 1;
    this.writeCells(sheet, { row, col, numRows: 1, numCols: values.length }, [values.map((v) => ({ value: v, formula: null }))]);
  }

  /** A written value as Sheets stores it, parsed in the spreadsheet's locale and zone. */
  parseTyped(model: SpreadsheetModel, input: unknown): ParsedInput {
    const makeDate: LocalDateMaker = (year, month, day) => this.dateFactory(zonedToInstant({ year, month, day }, model.timeZone));
    return parseUserEntered(input, model.locale, makeDate, zonedParts(this.runtime.clock.now(), model.timeZone).year);
  }

  spreadsheetApi(model: SpreadsheetModel): GSpreadsheet {
    let api = this.spreadsheetApis.get(model);
    if (!api) {
      api = new EmuSpreadsheet(this, model)._api;
      this.spreadsheetApis.set(model, api);
    }
    return api;
  }

  sheetApi(sheet: SheetModel): GSheet {
    let api = this.sheetApis.get(sheet);
    if (!api) {
      api = new EmuSheet(this, sheet)._api;
      this.sheetApis.set(sheet, api);
    }
    return api;
  }

  rangeApi(sheet: SheetModel, rect: GridRect): GRange {
    return new EmuRange(this, sheet, rect)._api;
  }

  protectionApi(p: ProtectionModel): GProtection {
    let api = this.protectionApis.get(p);
    if (!api) {
      api = new EmuProtection(this, p)._api;
      this.protectionApis.set(p, api);
    }
    return api;
  }

  userApi(email: string): GUser {
    return new EmuUser(email, this)._api;
  }

  spreadsheetOf(sheet: SheetModel): SpreadsheetModel {
    return this.model(sheet.ssId);
  }

  // --- internals used by the emulated classes --------------------------------

  newModel(name: string, owner: string, rows?: number, columns?: number): SpreadsheetModel {
    this.seq++;
    const model: SpreadsheetModel = {
      id: makeId('EmuSs', this.seq),
      name,
      owner,
      editors: [],
      sheets: [],
      activeSheetId: 0,
      protections: [],
      locale: this.runtime.locale,
      timeZone: this.runtime.timeZone,
    };
    // The first sheet of a spreadsheet has gid 0, as in the sheet URLs (#gid=0).
    const first = this.newSheet(model, `${this.labels.sheet}1`, rows ?? DEFAULT_ROWS, columns ?? DEFAULT_COLUMNS, 0);
    model.sheets.push(first);
    this.models.set(model.id, model);
    return model;
  }

  newSheet(model: SpreadsheetModel, name: string, rows = DEFAULT_ROWS, cols = DEFAULT_COLUMNS, id?: number): SheetModel {
    return {
      ssId: model.id,
      id: id ?? 100000 + ++this.sheetSeq * 7919,
      name,
      rows: [],
      formulas: new Map(),
      maxRows: rows,
      maxCols: cols,
      frozenRows: 0,
      frozenCols: 0,
      hidden: false,
      formUrl: null,
      lastColHint: 0,
      lastColDirty: false,
      formats: [],
    };
  }

  /** A new protection as Apps Script creates it: not warning-only, no editors yet but its creator. */
  addProtection(book: SpreadsheetModel, sheet: SheetModel, type: ProtectionModel['type'], rect: ProtectionModel['rect']): GProtection {
    const p: ProtectionModel = {
      id: ++this.protectionSeq, sheet, type, rect, description: '', warningOnly: false, explicit: false,
      editors: new Set(), creator: this.runtime.user, domainEdit: false, unprotected: [], removed: false,
    };
    book.protections.push(p);
    return this.protectionApi(p);
  }

  /** Sheet names are unique regardless of case, and getSheetByName ignores case too. */
  findSheet(model: SpreadsheetModel, name: string): SheetModel | undefined {
    const key = String(name).toLowerCase();
    return model.sheets.find((s) => s.name.toLowerCase() === key);
  }

  /**
   * What the formula cell at (row, col) reads as now: a COUNTA of a whole column evaluated
   * against the current cells (so it follows every later write), '#REF!' for a reference
   * to no sheet, and FORMULA_PLACEHOLDER for any other formula. A cell holding the text
   * '#ERROR!' without a formula reads as that text. Costs no service call.
   */
  formulaValue(sheet: SheetModel, row: number, col: number): CellValue {
    const formula = sheet.formulas.get(row)?.get(col);
    if (formula === undefined) return FORMULA_PLACEHOLDER;
    const ref = parseCounta(formula);
    if (!ref) return isBrokenCounta(formula) ? REF_ERROR : FORMULA_PLACEHOLDER;
    const target = this.findSheet(this.spreadsheetOf(sheet), ref.sheetName);
    // A column past the grid is no range; a cell counting its own column is a circular
    // dependency, which Sheets reports as #REF! too.
    if (!target || ref.column > target.maxCols || (target === sheet && ref.column === col)) return REF_ERROR;
    let filled = 0;
    for (const line of target.rows) {
      const v = line?.[ref.column - 1];
      if (v !== undefined && v !== '') filled++;
    }
    return filled;
  }

  /**
   * Rewrites the COUNTA formulas of the spreadsheet that reference `sheet` (resolved by the
   * names as they are now, so call it before renaming or removing the sheet); `rewrite`
   * returns the new text, or null to keep a formula as it is.
   */
  rewriteReferences(sheet: SheetModel, rewrite: (ref: CountaRef) => string | null): void {
    const book = this.spreadsheetOf(sheet);
    for (const holder of book.sheets) {
      for (const line of holder.formulas.values()) {
        for (const [col, formula] of line) {
          const ref = parseCounta(formula);
          const next = ref && this.findSheet(book, ref.sheetName) === sheet ? rewrite(ref) : null;
          if (next !== null) line.set(col, next);
        }
      }
    }
  }

  lastRow(sheet: SheetModel): number {
    const rows = sheet.rows;
    while (rows.length > 0 && isEmptyRow(rows[rows.length - 1])) rows.pop();
    return rows.length;
  }

  lastColumn(sheet: SheetModel): number {
    if (sheet.lastColDirty) {
      let last = 0;
      for (const row of sheet.rows) {
        if (!row) continue;
        for (let c = row.length - 1; c >= last; c--) {
          const v = row[c];
          if (v !== undefined && v !== '') {
            last = c + 1;
            break;
          }
        }
      }
      sheet.lastColHint = last;
      sheet.lastColDirty = false;
    }
    return sheet.lastColHint;
  }

  canEditProtection(p: ProtectionModel, user: string): boolean {
    const model = this.spreadsheetOf(p.sheet);
    if (user === model.owner) return true;
    if (!p.explicit) return true;
    if (p.editors.has(user)) return true;
    return p.domainEdit && domainOf(user) === domainOf(model.owner);
  }

  protectionEditors(p: ProtectionModel): string[] {
    const model = this.spreadsheetOf(p.sheet);
    const list = p.explicit ? [model.owner, ...p.editors] : [model.owner, ...model.editors, p.creator];
    return [...new Set(list)];
  }

  /** Refuses a write by the current user into cells a protection keeps from them. */
  assertWritable(sheet: SheetModel, rect: GridRect): void {
    if (this.bypass > 0) return;
    const user = this.runtime.user;
    for (const p of this.spreadsheetOf(sheet).protections) {
      if (p.removed || p.sheet !== sheet || p.warningOnly) continue;
      const cut = intersection(p.rect ?? WHOLE_SHEET, rect);
      if (!cut) continue;
      if (p.unprotected.length > 0 && coveredBy(cut, p.unprotected)) continue;
      // Scripts get no "are you sure" prompt: warning-only protections never refuse.
      if (!this.canEditProtection(p, user)) throw new AppsScriptError(MESSAGES.protectedCell);
    }
  }

  /**
   * Refuses renaming a sheet and inserting or deleting its rows or columns to a user a
   * sheet protection keeps out: a protected sheet's structure is as protected as its
   * cells ("Protection: … a protected sheet", developers.google.com/apps-script/reference/
   * spreadsheet/protection; in the Sheets UI the same message as for a protected cell).
   */
  assertStructureEditable(sheet: SheetModel): void {
    if (this.bypass > 0) return;
    const user = this.runtime.user;
    for (const p of this.spreadsheetOf(sheet).protections) {
      if (p.removed || p.sheet !== sheet || p.type !== 'SHEET' || p.warningOnly) continue;
      if (!this.canEditProtection(p, user)) throw new AppsScriptError(MESSAGES.protectedCell);
    }
  }

  canEditRect(sheet: SheetModel, rect: GridRect): boolean {
    try {
      this.assertWritable(sheet, rect);
      return true;
    } catch {
      return false;
    }
  }

  writeCells(sheet: SheetModel, rect: GridRect, cells: ParsedInput[][]): void {
    const rows = sheet.rows;
    while (rows.length < rect.row - 1 + rect.numRows) rows.push([]);
    let touchedLastCol = 0;
    let cleared = false;
    for (let i = 0; i < rect.numRows; i++) {
      const rowNo = rect.row + i;
      const line = rows[rowNo - 1] ?? (rows[rowNo - 1] = []);
      const src = cells[i];
      let formulas = sheet.formulas.get(rowNo);
      for (let j = 0; j < rect.numCols; j++) {
        const col = rect.col + j;
        const { value, formula } = src[j];
        line[col - 1] = value;
        if (value === '') cleared = true;
        else if (col > touchedLastCol) touchedLastCol = col;
        if (formula !== null) {
          if (!formulas) sheet.formulas.set(rowNo, (formulas = new Map()));
          formulas.set(col, formula);
        } else if (formulas) {
          formulas.delete(col);
        }
      }
      if (formulas && formulas.size === 0) sheet.formulas.delete(rowNo);
    }
    if (touchedLastCol > sheet.lastColHint) sheet.lastColHint = touchedLastCol;
    if (cleared) sheet.lastColDirty = true;
  }

  clearCells(sheet: SheetModel, rect: GridRect): void {
    const rows = sheet.rows;
    const end = Math.min(rows.length, rect.row - 1 + rect.numRows);
    for (let r = rect.row - 1; r < end; r++) {
      const line = rows[r];
      if (!line) continue;
      const stop = Math.min(line.length, rect.col - 1 + rect.numCols);
      for (let c = rect.col - 1; c < stop; c++) if (line[c] !== undefined) line[c] = '';
      const formulas = sheet.formulas.get(r + 1);
      if (formulas) {
        for (const col of [...formulas.keys()]) if (col >= rect.col && col < rect.col + rect.numCols) formulas.delete(col);
        if (formulas.size === 0) sheet.formulas.delete(r + 1);
      }
    }
    sheet.lastColDirty = true;
  }

  /** Moves protections with inserted (count > 0) or deleted (count < 0) rows or columns. */
  shiftProtections(sheet: SheetModel, dim: 'row' | 'col', at: number, count: number): void {
    for (const p of this.spreadsheetOf(sheet).protections) {
      if (p.sheet !== sheet || p.removed) continue;
      if (p.rect) {
        const moved = shiftRect(p.rect, dim, at, count);
        if (moved) p.rect = moved;
        else p.removed = true;
      }
      p.unprotected = p.unprotected
        .map((r) => shiftRect(r, dim, at, count))
        .filter((r): r is GridRect => r !== null);
    }
  }

  recordFormat(sheet: SheetModel, a1: string, method: string, value: unknown): void {
    sheet.formats.push({ a1, method, value });
  }
}

function isEmptyRow(row: CellValue[] | undefined): boolean {
  if (!row) return true;
  for (const v of row) if (v !== undefined && v !== '') return false;
  return true;
}

function shiftFormulaRows(sheet: SheetModel, at: number, count: number): void {
  if (sheet.formulas.size === 0) return;
  const next = new Map<number, Map<number, string>>();
  for (const [row, map] of sheet.formulas) {
    if (row < at) next.set(row, map);
    else if (count > 0) next.set(row + count, map);
    else if (row >= at - count) next.set(row + count, map);
  }
  sheet.formulas = next;
}

function shiftFormulaCols(sheet: SheetModel, at: number, count: number): void {
  for (const [row, map] of sheet.formulas) {
    const next = new Map<number, string>();
    for (const [col, f] of map) next.set(col >= at ? col + count : col, f);
    sheet.formulas.set(row, next);
  }
}

// ---------------------------------------------------------------------------
// Emulated classes. Each instance hands out `_api`, itself wrapped by instrument().
// ---------------------------------------------------------------------------

class EmuUser implements Pick<GUser, 'getEmail'> {
  readonly _api: GUser;

  constructor(readonly _email: string, store: SpreadsheetStore) {
    this._api = instrument(this, 'User', store.runtime.counter) as unknown as GUser;
  }

  getEmail(): string {
    return this._email;
  }
}

type RangeMembers =
  | 'getValues' | 'setValues' | 'getValue' | 'setValue' | 'getDisplayValues' | 'getDisplayValue'
  | 'getFormulas' | 'getFormula' | 'setFormula' | 'setFormulas'
  | 'getRow' | 'getColumn' | 'getNumRows' | 'getNumColumns' | 'getLastRow' | 'getLastColumn'
  | 'getA1Notation' | 'getSheet' | 'getGridId' | 'getCell' | 'offset' | 'isBlank'
  | 'clearContent' | 'clear' | 'activate' | 'protect' | 'canEdit'
  | 'setNumberFormat' | 'setNumberFormats' | 'setFontWeight' | 'setFontWeights' | 'setBackground'
  | 'setBackgrounds' | 'setFontColor' | 'setFontSize' | 'setWrap' | 'setHorizontalAlignment'
  | 'setVerticalAlignment' | 'setNote' | 'createTextFinder';

type GTextFinder = GoogleAppsScript.Spreadsheet.TextFinder;
type TextFinderMembers = 'matchCase' | 'matchEntireCell' | 'findNext' | 'findAll';

/**
 * Range.createTextFinder: searches the range's displayed values row by row, left to
 * right; case-insensitive and matching parts of cells unless told otherwise.
 */
class EmuTextFinder implements Pick<GTextFinder, TextFinderMembers> {
  readonly _api: GTextFinder;
  private _case = false;
  private _entire = false;
  private _cursor = -1;

  constructor(private readonly _range: EmuRange, private readonly _text: string) {
    this._api = instrument(this, 'TextFinder', _range._store.runtime.counter) as unknown as GTextFinder;
  }

  matchCase(matchCase: boolean): GTextFinder {
    this._case = matchCase;
    return this._api;
  }

  matchEntireCell(entireCell: boolean): GTextFinder {
    this._entire = entireCell;
    return this._api;
  }

  /**
   * The index (row by row in the range, 0-based) of the first match after `after`, or -1.
   * Reads the stored cells in place instead of copying the range: a key looked up in a
   * column of 40,000 rows would otherwise copy the column on every call.
   */
  private _nextMatch(after: number): number {
    const { row, col, numRows, numCols } = this._range._rect;
    const { locale, timeZone } = this._range._ss;
    const needle = this._case ? this._text : this._text.toLowerCase();
    const rows = this._range._sheet.rows;
    const first = after + 1;
    // An empty cell matches only a whole-cell search for '': otherwise the rows past the
    // stored ones (a whole column reaches the sheet's last row) and empty rows need no look.
    const emptyMatches = this._entire && needle === '';
    const end = emptyMatches ? numRows : Math.min(numRows, rows.length - (row - 1));
    for (let i = Math.floor(first / numCols); i < end; i++) {
      const src = rows[row - 1 + i];
      if (src === undefined && !emptyMatches) continue;
      for (let j = i === Math.floor(first / numCols) ? first % numCols : 0; j < numCols; j++) {
        let value = src?.[col - 1 + j];
        if (value === FORMULA_PLACEHOLDER) value = this._range._store.formulaValue(this._range._sheet, row + i, col + j);
        const cell = value === undefined ? '' : displayValue(value, locale, timeZone);
        const hay = this._case ? cell : cell.toLowerCase();
        if (this._entire ? hay === needle : needle !== '' && hay.includes(needle)) return i * numCols + j;
      }
    }
    return -1;
  }

  private _matches(): number[] {
    const found: number[] = [];
    for (let next = this._nextMatch(-1); next >= 0; next = this._nextMatch(next)) found.push(next);
    return found;
  }

  private _cell(index: number): GRange {
    const { row, col, numCols } = this._range._rect;
    const rect = { row: row + Math.floor(index / numCols), col: col + (index % numCols), numRows: 1, numCols: 1 };
    return this._range._store.rangeApi(this._range._sheet, rect);
  }

  findNext(): GRange | null {
    const next = this._nextMatch(this._cursor);
    if (next < 0) return null;
    this._cursor = next;
    return this._cell(next);
  }

  findAll(): GRange[] {
    return this._matches().map((index) => this._cell(index));
  }
}

class EmuRange implements Pick<GRange, RangeMembers> {
  readonly _api: GRange;

  constructor(readonly _store: SpreadsheetStore, readonly _sheet: SheetModel, readonly _rect: GridRect) {
    this._api = instrument(this, 'Range', _store.runtime.counter) as unknown as GRange;
  }

  get _ss(): SpreadsheetModel {
    return this._store.spreadsheetOf(this._sheet);
  }

  getValues(): CellValue[][] {
    const { row, col, numRows, numCols } = this._rect;
    const rows = this._sheet.rows;
    const out: CellValue[][] = new Array(numRows);
    for (let i = 0; i < numRows; i++) {
      const src = rows[row - 1 + i];
      const line: CellValue[] = new Array(numCols);
      for (let j = 0; j < numCols; j++) {
        const v = src?.[col - 1 + j];
        line[j] = v === FORMULA_PLACEHOLDER ? this._store.formulaValue(this._sheet, row + i, col + j) : cloneCell(v);
      }
      out[i] = line;
    }
    return out;
  }

  getValue(): CellValue {
    const { row, col } = this._rect;
    const v = this._sheet.rows[row - 1]?.[col - 1];
    return v === FORMULA_PLACEHOLDER ? this._store.formulaValue(this._sheet, row, col) : cloneCell(v);
  }

  getDisplayValues(): string[][] {
    const { locale, timeZone } = this._ss;
    return this.getValues().map((line) => line.map((v) => displayValue(v, locale, timeZone)));
  }

  getDisplayValue(): string {
    return displayValue(this.getValue(), this._ss.locale, this._ss.timeZone);
  }

  createTextFinder(findText: string): GTextFinder {
    return new EmuTextFinder(this, String(findText))._api;
  }

  setValues(values: unknown[][]): GRange {
    const { numRows, numCols } = this._rect;
    if (!Array.isArray(values)) {
      throw signatureMismatch('SpreadsheetApp.Range.setValues', [values]);
    }
    if (values.length !== numRows) throw new AppsScriptError(MESSAGES.rowsMismatch(values.length, numRows));
    for (const line of values) {
      if (!Array.isArray(line)) {
        throw signatureMismatch('SpreadsheetApp.Range.setValues', [values]);
      }
      if (line.length !== numCols) throw new AppsScriptError(MESSAGES.columnsMismatch(line.length, numCols));
    }
    this._store.assertWritable(this._sheet, this._rect);
    const parsed = values.map((line) => line.map((v) => this._store.parseTyped(this._ss, v)));
    this._store.writeCells(this._sheet, this._rect, parsed);
    return this._api;
  }

  setValue(value: unknown): GRange {
    const parsed = this._store.parseTyped(this._ss, value);
    this._store.assertWritable(this._sheet, this._rect);
    const { numRows, numCols } = this._rect;
    const cells = Array.from({ length: numRows }, () => Array.from({ length: numCols }, () => parsed));
    this._store.writeCells(this._sheet, this._rect, cells);
    return this._api;
  }

  getFormulas(): string[][] {
    const { row, col, numRows, numCols } = this._rect;
    const out: string[][] = [];
    for (let i = 0; i < numRows; i++) {
      const map = this._sheet.formulas.get(row + i);
      const line: string[] = new Array(numCols).fill('');
      if (map) for (let j = 0; j < numCols; j++) line[j] = map.get(col + j) ?? '';
      out.push(line);
    }
    return out;
  }

  getFormula(): string {
    return this._sheet.formulas.get(this._rect.row)?.get(this._rect.col) ?? '';
  }

  setFormula(formula: string): GRange {
    this._store.assertWritable(this._sheet, this._rect);
    const cell: ParsedInput = { value: FORMULA_PLACEHOLDER, formula: String(formula) };
    const { numRows, numCols } = this._rect;
    this._store.writeCells(this._sheet, this._rect, Array.from({ length: numRows }, () => new Array(numCols).fill(cell)));
    return this._api;
  }

  setFormulas(formulas: string[][]): GRange {
    const { numRows, numCols } = this._rect;
    if (!Array.isArray(formulas) || formulas.length !== numRows) {
      throw new AppsScriptError(MESSAGES.rowsMismatch(Array.isArray(formulas) ? formulas.length : 0, numRows));
    }
    for (const line of formulas) {
      if (!Array.isArray(line) || line.length !== numCols) {
        throw new AppsScriptError(MESSAGES.columnsMismatch(Array.isArray(line) ? line.length : 0, numCols));
      }
    }
    this._store.assertWritable(this._sheet, this._rect);
    this._store.writeCells(this._sheet, this._rect, formulas.map((line) => line.map((f) =>
      (f === '' ? { value: '', formula: null } : this._store.parseTyped(this._ss, f)))));
    return this._api;
  }

  getRow(): number {
    return this._rect.row;
  }

  getColumn(): number {
    return this._rect.col;
  }

  getNumRows(): number {
    return this._rect.numRows;
  }

  getNumColumns(): number {
    return this._rect.numCols;
  }

  getLastRow(): number {
    return this._rect.row + this._rect.numRows - 1;
  }

  getLastColumn(): number {
    return this._rect.col + this._rect.numCols - 1;
  }

  getA1Notation(): string {
    return rectA1(this._rect);
  }

  getSheet(): GSheet {
    return this._store.sheetApi(this._sheet);
  }

  /** "Returns the grid ID of the range's parent sheet": its sheet id, without the Sheet object. */
  getGridId(): number {
    return this._sheet.id;
  }

  getCell(row: number, column: number): GRange {
    if (row < 1 || column < 1 || row > this._rect.numRows || column > this._rect.numCols) {
      throw new AppsScriptError('Cell reference out of range');
    }
    return this._store.rangeApi(this._sheet, { row: this._rect.row + row - 1, col: this._rect.col + column - 1, numRows: 1, numCols: 1 });
  }

  offset(rowOffset: number, columnOffset: number, numRows?: number, numColumns?: number): GRange {
    const rect = {
      row: this._rect.row + rowOffset,
      col: this._rect.col + columnOffset,
      numRows: numRows ?? this._rect.numRows,
      numCols: numColumns ?? this._rect.numCols,
    };
    checkRect(this._sheet, rect);
    return this._store.rangeApi(this._sheet, rect);
  }

  isBlank(): boolean {
    return this.getValues().every((line) => line.every((v) => v === ''));
  }

  clearContent(): GRange {
    this._store.assertWritable(this._sheet, this._rect);
    this._store.clearCells(this._sheet, this._rect);
    return this._api;
  }

  clear(options?: { contentsOnly?: boolean; formatOnly?: boolean }): GRange {
    this._store.assertWritable(this._sheet, this._rect);
    if (!options?.formatOnly) this._store.clearCells(this._sheet, this._rect);
    return this._api;
  }

  activate(): GRange {
    this._ss.activeSheetId = this._sheet.id;
    return this._api;
  }

  protect(): GProtection {
    return this._store.addProtection(this._ss, this._sheet, 'RANGE', { ...this._rect });
  }

  canEdit(): boolean {
    return this._store.canEditRect(this._sheet, this._rect);
  }

  private _format(method: string, value: unknown): GRange {
    this._store.assertWritable(this._sheet, this._rect);
    this._store.recordFormat(this._sheet, this.getA1Notation(), method, value);
    return this._api;
  }

  setNumberFormat(numberFormat: string): GRange {
    return this._format('setNumberFormat', numberFormat);
  }

  setNumberFormats(numberFormats: string[][]): GRange {
    return this._format('setNumberFormats', numberFormats);
  }

  setFontWeight(fontWeight: string | null): GRange {
    return this._format('setFontWeight', fontWeight);
  }

  setFontWeights(fontWeights: Array<Array<string | null>>): GRange {
    return this._format('setFontWeights', fontWeights);
  }

  setBackground(color: string | null): GRange {
    return this._format('setBackground', color);
  }

  setBackgrounds(colors: string[][]): GRange {
    return this._format('setBackgrounds', colors);
  }

  setFontColor(color: string | null): GRange {
    return this._format('setFontColor', color);
  }

  setFontSize(size: number): GRange {
    return this._format('setFontSize', size);
  }

  setWrap(isWrapEnabled: boolean): GRange {
    return this._format('setWrap', isWrapEnabled);
  }

  setHorizontalAlignment(alignment: string | null): GRange {
    return this._format('setHorizontalAlignment', alignment);
  }

  setVerticalAlignment(alignment: string | null): GRange {
    return this._format('setVerticalAlignment', alignment);
  }

  setNote(note: string | null): GRange {
    return this._format('setNote', note);
  }
}

/** The documented getRange(row, column, numRows, numColumns) checks, in Apps Script's order. */
function checkRect(sheet: SheetModel, rect: GridRect): void {
  if (rect.row < 1) throw new AppsScriptError(MESSAGES.startRowTooSmall);
  if (rect.col < 1) throw new AppsScriptError(MESSAGES.startColumnTooSmall);
  if (rect.numRows < 1) throw new AppsScriptError(MESSAGES.rowsAtLeastOne);
  if (rect.numCols < 1) throw new AppsScriptError(MESSAGES.columnsAtLeastOne);
  if (rect.row + rect.numRows - 1 > sheet.maxRows || rect.col + rect.numCols - 1 > sheet.maxCols) {
    throw new AppsScriptError(MESSAGES.outsideSheet);
  }
}

type SheetMembers =
  | 'getName' | 'setName' | 'getSheetId' | 'getIndex' | 'getParent' | 'getRange' | 'getDataRange'
  | 'getSheetValues' | 'getLastRow' | 'getLastColumn' | 'getMaxRows' | 'getMaxColumns'
  | 'insertRowsAfter' | 'insertRowAfter' | 'insertRowsBefore' | 'insertRowBefore'
  | 'insertColumnsAfter' | 'insertColumnAfter' | 'appendRow' | 'clear' | 'clearContents'
  | 'deleteRow' | 'deleteRows' | 'setFrozenRows' | 'getFrozenRows' | 'setFrozenColumns' | 'getFrozenColumns'
  | 'hideSheet' | 'showSheet' | 'isSheetHidden' | 'getFormUrl' | 'protect' | 'getProtections'
  | 'setColumnWidth' | 'setColumnWidths' | 'autoResizeColumns' | 'activate' | 'createTextFinder';

class EmuSheet implements Pick<GSheet, SheetMembers> {
  readonly _api: GSheet;

  constructor(readonly _store: SpreadsheetStore, readonly _model: SheetModel) {
    this._api = instrument(this, 'Sheet', _store.runtime.counter) as unknown as GSheet;
  }

  private get _ss(): SpreadsheetModel {
    return this._store.spreadsheetOf(this._model);
  }

  getName(): string {
    return this._model.name;
  }

  setName(name: string): GSheet {
    const other = this._store.findSheet(this._ss, name);
    if (other && other !== this._model) throw new AppsScriptError(MESSAGES.duplicateSheet(name));
    this._store.assertStructureEditable(this._model);
    const newName = String(name);
    this._store.rewriteReferences(this._model, (ref) => renamedCounta(ref, newName));
    this._model.name = newName;
    return this._api;
  }

  getSheetId(): number {
    return this._model.id;
  }

  getIndex(): number {
    return this._ss.sheets.indexOf(this._model) + 1;
  }

  getParent(): GSpreadsheet {
    return this._store.spreadsheetApi(this._ss);
  }

  getRange(a: string | number, column?: number, numRows?: number, numColumns?: number): GRange {
    if (typeof a === 'string') {
      const parsed = parseA1(a);
      const target = parsed?.sheetName ? this._store.findSheet(this._ss, parsed.sheetName) : this._model;
      const rect = parsed && target ? resolveA1(parsed, target.maxRows, target.maxCols) : null;
      if (!rect || !target) throw new AppsScriptError(MESSAGES.rangeNotFound);
      return this._store.rangeApi(target, rect);
    }
    const args = [a, column, numRows, numColumns].filter((x) => x !== undefined);
    if (args.length < 2 || args.some((x) => typeof x !== 'number' || !Number.isFinite(x))) {
      throw signatureMismatch('SpreadsheetApp.Sheet.getRange', args);
    }
    const rect = { row: a, col: column as number, numRows: numRows ?? 1, numCols: numColumns ?? 1 };
    checkRect(this._model, rect);
    return this._store.rangeApi(this._model, rect);
  }

  getDataRange(): GRange {
    const rows = Math.max(1, this._store.lastRow(this._model));
    const cols = Math.max(1, this._store.lastColumn(this._model));
    return this._store.rangeApi(this._model, { row: 1, col: 1, numRows: rows, numCols: cols });
  }

  /** Sheet.createTextFinder: "find or replace text within a range, sheet or spreadsheet"; here, the sheet's data. */
  createTextFinder(findText: string): GTextFinder {
    const rect = { row: 1, col: 1, numRows: Math.max(1, this._store.lastRow(this._model)), numCols: Math.max(1, this._store.lastColumn(this._model)) };
    return new EmuTextFinder(new EmuRange(this._store, this._model, rect), String(findText))._api;
  }

  getSheetValues(startRow: number, startColumn: number, numRows: number, numColumns: number): CellValue[][] {
    const rows = numRows === -1 ? this._store.lastRow(this._model) - startRow + 1 : numRows;
    const cols = numColumns === -1 ? this._store.lastColumn(this._model) - startColumn + 1 : numColumns;
    const rect = { row: startRow, col: startColumn, numRows: rows, numCols: cols };
    checkRect(this._model, rect);
    return new EmuRange(this._store, this._model, rect).getValues();
  }

  getLastRow(): number {
    return this._store.lastRow(this._model);
  }

  getLastColumn(): number {
    return this._store.lastColumn(this._model);
  }

  getMaxRows(): number {
    return this._model.maxRows;
  }

  getMaxColumns(): number {
    return this._model.maxCols;
  }

  private _insertRows(before: number, howMany: number): GSheet {
    if (before < 1 || before > this._model.maxRows + 1 || howMany < 1) {
      throw new AppsScriptError(MESSAGES.rowsOutOfBounds);
    }
    this._store.assertStructureEditable(this._model);
    const rows = this._model.rows;
    if (before - 1 < rows.length) rows.splice(before - 1, 0, ...Array.from({ length: howMany }, () => [] as CellValue[]));
    shiftFormulaRows(this._model, before, howMany);
    this._store.shiftProtections(this._model, 'row', before, howMany);
    this._model.maxRows += howMany;
    return this._api;
  }

  insertRowsAfter(afterPosition: number, howMany: number): GSheet {
    return this._insertRows(afterPosition + 1, howMany);
  }

  insertRowAfter(afterPosition: number): GSheet {
    return this._insertRows(afterPosition + 1, 1);
  }

  insertRowsBefore(beforePosition: number, howMany: number): GSheet {
    return this._insertRows(beforePosition, howMany);
  }

  insertRowBefore(beforePosition: number): GSheet {
    return this._insertRows(beforePosition, 1);
  }

  insertColumnsAfter(afterPosition: number, howMany: number): GSheet {
    if (afterPosition < 0 || afterPosition > this._model.maxCols || howMany < 1) {
      throw new AppsScriptError('Those columns are out of bounds.');
    }
    this._store.assertStructureEditable(this._model);
    for (const row of this._model.rows) {
      if (row && row.length > afterPosition) row.splice(afterPosition, 0, ...new Array<CellValue>(howMany).fill(''));
    }
    shiftFormulaCols(this._model, afterPosition + 1, howMany);
    // References to this sheet's columns move with them, as cell references do in Sheets.
    this._store.rewriteReferences(this._model, (ref) => (ref.column > afterPosition ? shiftedCounta(ref, howMany) : null));
    this._store.shiftProtections(this._model, 'col', afterPosition + 1, howMany);
    this._model.maxCols += howMany;
    this._model.lastColDirty = true;
    return this._api;
  }

  insertColumnAfter(afterPosition: number): GSheet {
    return this.insertColumnsAfter(afterPosition, 1);
  }

  appendRow(rowContents: unknown[]): GSheet {
    if (!Array.isArray(rowContents)) {
      throw signatureMismatch('SpreadsheetApp.Sheet.appendRow', [rowContents]);
    }
    const row = this._store.lastRow(this._model) + 1;
    const width = Math.max(1, rowContents.length);
    const rect = { row, col: 1, numRows: 1, numCols: width };
    this._store.assertWritable(this._model, rect);
    const parsed = rowContents.length === 0 ? [{ value: '', formula: null }] : rowContents.map((v) => this._store.parseTyped(this._ss, v));
    // appendRow grows the grid instead of failing at its edge.
    if (row > this._model.maxRows) this._model.maxRows = row;
    if (width > this._model.maxCols) this._model.maxCols = width;
    this._store.writeCells(this._model, rect, [parsed]);
    return this._api;
  }

  clear(options?: { formatOnly?: boolean; contentsOnly?: boolean }): GSheet {
    this._store.assertWritable(this._model, WHOLE_SHEET);
    if (!options?.formatOnly) {
      this._model.rows = [];
      this._model.formulas = new Map();
      this._model.lastColHint = 0;
      this._model.lastColDirty = false;
    }
    if (!options?.contentsOnly) this._model.formats = [];
    return this._api;
  }

  clearContents(): GSheet {
    return this.clear({ contentsOnly: true });
  }

  deleteRow(rowPosition: number): GSheet {
    this.deleteRows(rowPosition, 1);
    return this._api;
  }

  deleteRows(rowPosition: number, howMany: number): void {
    const sheet = this._model;
    if (rowPosition < 1 || howMany < 1 || rowPosition + howMany - 1 > sheet.maxRows) {
      throw new AppsScriptError(MESSAGES.rowsOutOfBounds);
    }
    if (sheet.maxRows - howMany <= sheet.frozenRows) throw new AppsScriptError(MESSAGES.deleteAllRows);
    this._store.assertStructureEditable(sheet);
    this._store.assertWritable(sheet, { row: rowPosition, col: 1, numRows: howMany, numCols: WHOLE_SHEET.numCols });
    if (rowPosition - 1 < sheet.rows.length) sheet.rows.splice(rowPosition - 1, howMany);
    shiftFormulaRows(sheet, rowPosition, -howMany);
    this._store.shiftProtections(sheet, 'row', rowPosition, -howMany);
    sheet.maxRows -= howMany;
    sheet.lastColDirty = true;
  }

  setFrozenRows(rows: number): void {
    if (rows < 0 || rows >= this._model.maxRows) throw new AppsScriptError('Sorry, it is not possible to freeze all rows.');
    this._model.frozenRows = rows;
  }

  getFrozenRows(): number {
    return this._model.frozenRows;
  }

  setFrozenColumns(columns: number): void {
    this._model.frozenCols = columns;
  }

  getFrozenColumns(): number {
    return this._model.frozenCols;
  }

  hideSheet(): GSheet {
    this._model.hidden = true;
    return this._api;
  }

  showSheet(): GSheet {
    this._model.hidden = false;
    return this._api;
  }

  isSheetHidden(): boolean {
    return this._model.hidden;
  }

  getFormUrl(): string | null {
    return this._model.formUrl;
  }

  protect(): GProtection {
    // A sheet carries at most one protection: protect() hands back the existing one.
    const existing = this._ss.protections.find((p) => p.sheet === this._model && p.type === 'SHEET' && !p.removed);
    if (existing) return this._store.protectionApi(existing);
    return this._store.addProtection(this._ss, this._model, 'SHEET', null);
  }

  getProtections(type: GProtectionType): GProtection[] {
    const wanted = String(type);
    return this._ss.protections
      .filter((p) => !p.removed && p.sheet === this._model && p.type === wanted)
      .map((p) => this._store.protectionApi(p));
  }

  setColumnWidth(columnPosition: number, width: number): GSheet {
    this._store.recordFormat(this._model, cellA1(1, columnPosition), 'setColumnWidth', width);
    return this._api;
  }

  setColumnWidths(startColumn: number, numColumns: number, width: number): GSheet {
    this._store.recordFormat(this._model, cellA1(1, startColumn), 'setColumnWidths', [numColumns, width]);
    return this._api;
  }

  autoResizeColumns(startColumn: number, numColumns: number): GSheet {
    this._store.recordFormat(this._model, cellA1(1, startColumn), 'autoResizeColumns', numColumns);
    return this._api;
  }

  activate(): GSheet {
    this._ss.activeSheetId = this._model.id;
    return this._api;
  }
}

type ProtectionMembers =
  | 'addEditor' | 'addEditors' | 'removeEditor' | 'removeEditors' | 'getEditors'
  | 'canDomainEdit' | 'setDomainEdit' | 'canEdit' | 'getDescription' | 'setDescription'
  | 'isWarningOnly' | 'setWarningOnly' | 'getProtectionType' | 'getRange' | 'remove'
  | 'getUnprotectedRanges' | 'setUnprotectedRanges';

class EmuProtection implements Pick<GProtection, ProtectionMembers> {
  readonly _api: GProtection;

  constructor(readonly _store: SpreadsheetStore, readonly _model: ProtectionModel) {
    this._api = instrument(this, 'Protection', _store.runtime.counter) as unknown as GProtection;
  }

  /** Only someone who may edit the protected cells may change the protection. */
  private _assertCanChange(): void {
    if (!this._store.canEditProtection(this._model, this._store.runtime.user)) {
      throw new AppsScriptError(MESSAGES.protectedCell);
    }
  }

  /** The first change to the editor list turns the mirrored permissions into an explicit list. */
  private _makeExplicit(): void {
    this._assertCanChange();
    const p = this._model;
    if (p.explicit) return;
    const ss = this._store.spreadsheetOf(p.sheet);
    p.editors = new Set([...ss.editors, p.creator].filter((e) => e !== ss.owner));
    p.explicit = true;
  }

  addEditor(user: string | GUser): GProtection {
    this._makeExplicit();
    this._model.editors.add(emailOf(user));
    return this._api;
  }

  addEditors(users: Array<string | GUser>): GProtection {
    this._makeExplicit();
    for (const u of users) this._model.editors.add(emailOf(u));
    return this._api;
  }

  removeEditor(user: string | GUser): GProtection {
    return this.removeEditors([user]);
  }

  /** "Neither the owner of the spreadsheet nor the current user can be removed." */
  removeEditors(users: Array<string | GUser>): GProtection {
    this._makeExplicit();
    const owner = this._store.spreadsheetOf(this._model.sheet).owner;
    for (const u of users) {
      const email = emailOf(u);
      if (email === owner || email === this._store.runtime.user) continue;
      this._model.editors.delete(email);
    }
    return this._api;
  }

  getEditors(): GUser[] {
    return this._store.protectionEditors(this._model).map((e) => this._store.userApi(e));
  }

  canDomainEdit(): boolean {
    return this._model.domainEdit;
  }

  setDomainEdit(editable: boolean): GProtection {
    this._makeExplicit();
    this._model.domainEdit = Boolean(editable);
    return this._api;
  }

  canEdit(): boolean {
    return this._store.canEditProtection(this._model, this._store.runtime.user);
  }

  getDescription(): string {
    return this._model.description;
  }

  setDescription(description: string): GProtection {
    this._assertCanChange();
    this._model.description = String(description);
    return this._api;
  }

  isWarningOnly(): boolean {
    return this._model.warningOnly;
  }

  setWarningOnly(warningOnly: boolean): GProtection {
    this._assertCanChange();
    this._model.warningOnly = Boolean(warningOnly);
    return this._api;
  }

  getProtectionType(): GProtectionType {
    return this._model.type as unknown as GProtectionType;
  }

  getRange(): GRange {
    const sheet = this._model.sheet;
    return this._store.rangeApi(sheet, this._model.rect ?? { row: 1, col: 1, numRows: sheet.maxRows, numCols: sheet.maxCols });
  }

  remove(): void {
    this._assertCanChange();
    this._model.removed = true;
  }

  getUnprotectedRanges(): GRange[] {
    return this._model.unprotected.map((r) => this._store.rangeApi(this._model.sheet, r));
  }

  setUnprotectedRanges(ranges: GRange[]): GProtection {
    this._assertCanChange();
    this._model.unprotected = ranges.map((r) => ({ ...(r as unknown as { _rect: GridRect })._rect }));
    return this._api;
  }
}

type SpreadsheetMembers =
  | 'getId' | 'getName' | 'rename' | 'getUrl' | 'getSheets' | 'getNumSheets' | 'getSheetByName' | 'getSheetById'
  | 'insertSheet' | 'deleteSheet' | 'getActiveSheet' | 'setActiveSheet' | 'getOwner' | 'getEditors'
  | 'addEditor' | 'addEditors' | 'removeEditor' | 'getSpreadsheetLocale' | 'setSpreadsheetLocale'
  | 'getSpreadsheetTimeZone' | 'setSpreadsheetTimeZone' | 'getFormUrl' | 'getProtections' | 'toast' | 'getRange'
  | 'addDeveloperMetadata' | 'getDeveloperMetadata';

class EmuSpreadsheet implements Pick<GSpreadsheet, SpreadsheetMembers> {
  readonly _api: GSpreadsheet;

  constructor(readonly _store: SpreadsheetStore, readonly _model: SpreadsheetModel) {
    this._api = instrument(this, 'Spreadsheet', _store.runtime.counter) as unknown as GSpreadsheet;
  }

  getId(): string {
    return this._model.id;
  }

  /** Spreadsheet-level developer metadata (metadata.ts). */
  addDeveloperMetadata(key: string, value?: unknown, visibility?: unknown): GSpreadsheet {
    addDeveloperMetadata(this._model, key, value, visibility);
    return this._api;
  }

  getDeveloperMetadata(): GoogleAppsScript.Spreadsheet.DeveloperMetadata[] {
    return getDeveloperMetadata(this._store.runtime, this._model);
  }

  getName(): string {
    return this._model.name;
  }

  rename(newName: string): void {
    this._model.name = String(newName);
  }

  getUrl(): string {
    return `https://docs.google.com/spreadsheets/d/${this._model.id}/edit`;
  }

  getSheets(): GSheet[] {
    return this._model.sheets.map((s) => this._store.sheetApi(s));
  }

  getNumSheets(): number {
    return this._model.sheets.length;
  }

  getSheetByName(name: string): GSheet | null {
    const sheet = this._store.findSheet(this._model, name);
    return sheet ? this._store.sheetApi(sheet) : null;
  }

  getSheetById(id: number): GSheet | null {
    const sheet = this._model.sheets.find((s) => s.id === id);
    return sheet ? this._store.sheetApi(sheet) : null;
  }

  /** insertSheet([name][, index][, options]); the new sheet becomes the active one. */
  insertSheet(a?: string | number | object, b?: number | object): GSheet {
    let name: string | undefined;
    let index: number | undefined;
    if (typeof a === 'string') name = a;
    else if (typeof a === 'number') index = a;
    if (typeof b === 'number') index = b;
    if (name !== undefined && this._store.findSheet(this._model, name)) {
      throw new AppsScriptError(MESSAGES.duplicateSheet(name));
    }
    if (name === undefined) {
      let n = 1;
      while (this._store.findSheet(this._model, `${this._store.labels.sheet}${n}`)) n++;
      name = `${this._store.labels.sheet}${n}`;
    }
    const sheet = this._store.newSheet(this._model, name);
    const at = index === undefined ? this._model.sheets.length : Math.max(0, Math.min(index, this._model.sheets.length));
    this._model.sheets.splice(at, 0, sheet);
    this._model.activeSheetId = sheet.id;
    return this._store.sheetApi(sheet);
  }

  deleteSheet(sheet: GSheet): void {
    const model = (sheet as unknown as { _model: SheetModel })._model;
    const at = this._model.sheets.indexOf(model);
    if (at < 0) throw new AppsScriptError('Sheet not found');
    if (this._model.sheets.length === 1) throw new AppsScriptError(MESSAGES.removeAllSheets);
    // Unverified wording: Sheets refuses to delete a sheet a form still writes to.
    if (model.formUrl) {
      throw new AppsScriptError("This sheet is linked to a form and can't be deleted. Unlink the form first.");
    }
    this._store.assertWritable(model, WHOLE_SHEET);
    this._store.rewriteReferences(model, brokenCounta);
    this._model.sheets.splice(at, 1);
    for (const p of this._model.protections) if (p.sheet === model) p.removed = true;
    if (this._model.activeSheetId === model.id) this._model.activeSheetId = this._model.sheets[0].id;
  }

  getActiveSheet(): GSheet {
    const sheet = this._model.sheets.find((s) => s.id === this._model.activeSheetId) ?? this._model.sheets[0];
    return this._store.sheetApi(sheet);
  }

  setActiveSheet(sheet: GSheet): GSheet {
    this._model.activeSheetId = (sheet as unknown as { _model: SheetModel })._model.id;
    return sheet;
  }

  getOwner(): GUser | null {
    return this._store.userApi(this._model.owner);
  }

  getEditors(): GUser[] {
    return [...new Set([this._model.owner, ...this._model.editors])].map((e) => this._store.userApi(e));
  }

  addEditor(user: string | GUser): GSpreadsheet {
    const email = emailOf(user);
    if (!this._model.editors.includes(email)) this._model.editors.push(email);
    return this._api;
  }

  addEditors(emailAddresses: string[]): GSpreadsheet {
    for (const e of emailAddresses) this.addEditor(e);
    return this._api;
  }

  removeEditor(user: string | GUser): GSpreadsheet {
    const email = emailOf(user);
    this._model.editors = this._model.editors.filter((e) => e !== email);
    return this._api;
  }

  getSpreadsheetLocale(): string {
    return this._model.locale;
  }

  setSpreadsheetLocale(locale: string): void {
    this._model.locale = String(locale);
  }

  getSpreadsheetTimeZone(): string {
    return this._model.timeZone;
  }

  setSpreadsheetTimeZone(timezone: string): void {
    this._model.timeZone = String(timezone);
  }

  getFormUrl(): string | null {
    return this._model.sheets.find((s) => s.formUrl)?.formUrl ?? null;
  }

  getProtections(type: GProtectionType): GProtection[] {
    const wanted = String(type);
    return this._model.protections
      .filter((p) => !p.removed && p.type === wanted)
      .map((p) => this._store.protectionApi(p));
  }

  toast(msg: string, title?: string, timeoutSeconds?: number | null): void {
    this._store.toasts.push({
      spreadsheetId: this._model.id,
      message: String(msg),
      title: title === undefined ? '' : String(title),
      timeoutSeconds: timeoutSeconds ?? null,
    });
  }

  getRange(a1Notation: string): GRange {
    const parsed = parseA1(String(a1Notation));
    const sheet = parsed?.sheetName
      ? this._store.findSheet(this._model, parsed.sheetName)
      : this._model.sheets.find((s) => s.id === this._model.activeSheetId) ?? this._model.sheets[0];
    const rect = parsed && sheet ? resolveA1(parsed, sheet.maxRows, sheet.maxCols) : null;
    if (!rect || !sheet) throw new AppsScriptError(MESSAGES.rangeNotFound);
    return this._store.rangeApi(sheet, rect);
  }
}

type AppMembers = 'getActiveSpreadsheet' | 'getActive' | 'getActiveSheet' | 'openById' | 'openByUrl' | 'create' | 'flush' | 'getUi';

class EmuSpreadsheetApp implements Pick<GSpreadsheetApp, AppMembers> {
  readonly _api: GSpreadsheetApp;
  /** Enums are plain strings of their names, like the other emulated enums. */
  readonly ProtectionType = { RANGE: 'RANGE', SHEET: 'SHEET' };
  readonly DeveloperMetadataVisibility = DeveloperMetadataVisibility;

  constructor(readonly _store: SpreadsheetStore, readonly _ui: () => unknown) {
    this._api = instrument(this, 'SpreadsheetApp', _store.runtime.counter) as unknown as GSpreadsheetApp;
  }

  getActiveSpreadsheet(): GSpreadsheet {
    return this._store.active() as GSpreadsheet;
  }

  getActive(): GSpreadsheet {
    return this._store.active() as GSpreadsheet;
  }

  getActiveSheet(): GSheet {
    const ss = this._store.active();
    if (!ss) return null as unknown as GSheet;
    return new EmuSpreadsheet(this._store, (ss as unknown as { _model: SpreadsheetModel })._model).getActiveSheet();
  }

  openById(id: string): GSpreadsheet {
    if (typeof id !== 'string' || !this._store.hasModel(id)) throw new AppsScriptError(MESSAGES.openById);
    return this._store.spreadsheetApi(this._store.model(id));
  }

  openByUrl(url: string): GSpreadsheet {
    const m = /\/spreadsheets\/d\/([-\w]+)/.exec(String(url));
    if (!m || !this._store.hasModel(m[1])) throw new AppsScriptError(MESSAGES.openByUrl);
    return this._store.spreadsheetApi(this._store.model(m[1]));
  }

  create(name: string, rows?: number, columns?: number): GSpreadsheet {
    const model = this._store.newModel(String(name), this._store.runtime.user, rows, columns);
    return this._store.spreadsheetApi(model);
  }

  /** Writes are applied at once here, so flush has nothing to do (it is still counted). */
  flush(): void {}

  getUi(): GUi {
    return this._ui() as GUi;
  }
}

export interface SpreadsheetService {
  SpreadsheetApp: GSpreadsheetApp;
  store: SpreadsheetStore;
}

export function createSpreadsheetService(runtime: Runtime, ui: () => unknown): SpreadsheetService {
  const store = new SpreadsheetStore(runtime);
  const app = new EmuSpreadsheetApp(store, ui);
  return { SpreadsheetApp: app._api, store };
}

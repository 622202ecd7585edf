/**
 * What every handler needs first: the workbook, where its sheets are (the layout kept
 * in the workbook's developer metadata, see adapters/state.ts) and its settings (the
 * protected settings sheet).
 */
import { DEFAULT_LANG, Lang, tr } from '../core/text/i18n';
import { ERRORS, PROTECTION_DESCRIPTION } from '../core/text/messages';
import { PRESET_IDS } from '../core/presets';
import { explainSettingsRows, Settings, settingsFromRows, validateSettings } from '../core/settings';
import { LayoutKey, SheetDef, sheetTitle, WorkbookLayout } from '../core/workbook/sheets';
import { withLock } from './adapters/lock';
import { loadBookState, readBookJson, writeBookJson } from './adapters/state';
import { activeWorkbook, createSheet, hideSheet, protectSheet, readDocumentJson, readRows, Sheet, sheetById, Spreadsheet, workbookTimeZone } from './adapters/workbook';
import { PROPERTY_KEYS } from '../core/workbook/state-keys';

export const LAYOUT_PROPERTY = PROPERTY_KEYS.layout;

/** A failure the user can act on; its message is already in their language. */
export class UserError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UserError';
  }
}

export interface Context {
  book: Spreadsheet;
  layout: WorkbookLayout;
  lang: Lang;
  /** When set, the names of the sheets ensureLayoutSheet creates: setup says what it did. */
  created?: string[];
  /** The workbook's time zone once read: one getSpreadsheetTimeZone per execution (see contextTimeZone). */
  timeZone?: string;
  /** The settings sheet's rows once read (see settingsSheetRows); cleared by whoever rewrites the sheet. */
  settingsRows?: unknown[][];
}

/** The workbook's time zone, read once per context (one context per execution). */
export function contextTimeZone(context: Context): string {
  return (context.timeZone ??= workbookTimeZone(context.book));
}

/**
 * The workbook's layout. Workbooks set up before it moved to developer metadata keep it
 * in document properties: it is moved over the first time it is read where those exist.
 */
export function loadLayout(book: Spreadsheet): WorkbookLayout | null {
  const layout = readBookJson<WorkbookLayout>(book, LAYOUT_PROPERTY);
  if (layout) return layout;
  const legacy = readDocumentJson<WorkbookLayout>(LAYOUT_PROPERTY);
  if (legacy) writeBookJson(book, LAYOUT_PROPERTY, legacy);
  return legacy;
}

export function saveLayout(context: Pick<Context, 'book' | 'layout'>): void {
  writeBookJson(context.book, LAYOUT_PROPERTY, context.layout);
}

/**
 * The one way a context is made: a workbook and its layout, in the layout's language.
 * recordCreated: collect the names of the sheets ensureLayoutSheet creates (setup says what it did).
 */
export function newContext(book: Spreadsheet, layout: WorkbookLayout, options: { recordCreated?: boolean } = {}): Context {
  return options.recordCreated ? { book, layout, lang: layout.lang, created: [] } : { book, layout, lang: layout.lang };
}

/** The context of a workbook that has a layout (the active one by default); null when it has none. */
export function contextOf(book: Spreadsheet = activeWorkbook()): Context | null {
  // Every execution starts here: the workbook's state is read once, afresh.
  loadBookState(book);
  const layout = loadLayout(book);
  return layout ? newContext(book, layout) : null;
}

/** Whether setup has finished: the settings sheet is the last thing a first setup can lack. */
export function isSetUp(context: Pick<Context, 'layout'> | null): boolean {
  return context !== null && context.layout.sheets.settings !== undefined;
}

/** The context of a set-up workbook; a clear error when it is not set up. */
export function requireContext(): Context {
  const context = contextOf();
  if (!context || !isSetUp(context)) throw new UserError(tr(ERRORS.notSetUp, context?.lang ?? DEFAULT_LANG));
  return context;
}

/** The sheet of a layout key, created with its header when it does not exist yet. */
export function ensureLayoutSheet(context: Context, key: LayoutKey, def: SheetDef, header: unknown[]): Sheet {
  const id = context.layout.sheets[key];
  const existing = id === undefined ? null : sheetById(context.book, id);
  if (existing) return existing;
  const sheet = createSheet(context.book, sheetTitle(def, context.lang), header);
  context.layout.sheets[key] = sheet.getSheetId();
  context.created?.push(sheet.getName());
  return sheet;
}

/**
 * A sheet the add-on derives and can always rebuild (the panels' summaries, the row
 * counts): when missing, made with its header, recorded in the layout, protected for the
 * coordinators and hidden.
 */
export function derivedSheet(context: Context, key: LayoutKey, def: SheetDef, header: string[], coordinators: readonly string[]): Sheet {
  const existing = layoutSheet(context, key);
  if (existing) return existing;
  const sheet = ensureLayoutSheet(context, key, def, header);
  saveLayout(context);
  protectSheet(sheet, coordinators, tr(PROTECTION_DESCRIPTION, context.lang));
  hideSheet(sheet);
  return sheet;
}

export function layoutSheet(context: Context, key: LayoutKey): Sheet | null {
  const id = context.layout.sheets[key];
  return id === undefined ? null : sheetById(context.book, id);
}

/**
 * The settings sheet's rows below its header, read once per execution: the settings and
 * the mail settings share the sheet, and a run that needs both reads it once.
 */
export function settingsSheetRows(context: Context): unknown[][] {
  if (context.settingsRows) return context.settingsRows;
  const sheet = layoutSheet(context, 'settings');
  context.settingsRows = sheet ? readRows(sheet).slice(1) : [];
  return context.settingsRows;
}

export function readSettings(context: Context): Settings {
  const rows = settingsSheetRows(context);
  const result = validateSettings(settingsFromRows(rows), context.lang, PRESET_IDS);
  if (!result.ok) {
    throw new UserError(tr(ERRORS.settingsUnreadable, context.lang, { errors: explainSettingsRows(rows, context.lang, PRESET_IDS).join(' ') }));
  }
  return result.value;
}

/**
 * Runs fn under the add-on's lock; a busy workbook is a clear error for the user.
 * `untilEnd`: the endpoint returns as fn does, and the execution's end releases the lock.
 */
export function locked<T>(context: Context, fn: () => T, options: { untilEnd?: boolean } = {}): T {
  const outcome = withLock(fn, options);
  if (outcome === 'busy') throw new UserError(tr(ERRORS.busy, context.lang));
  return outcome;
}

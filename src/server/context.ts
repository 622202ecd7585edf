/**
 * What every handler needs first: the workbook, where its sheets are (the layout kept
 * in document properties) and its settings (the protected settings sheet).
 */
import { DEFAULT_LANG, Lang, tr } from '../core/text/i18n';
import { ERRORS } from '../core/text/messages';
import { PRESET_IDS } from '../core/presets';
import { Settings, settingsFromRows, validateSettings } from '../core/settings';
import { SheetDef, sheetTitle, WorkbookLayout } from '../core/workbook/sheets';
import { withDocumentLock } from './adapters/lock';
import { activeWorkbook, createSheet, readDocumentJson, readRows, Sheet, sheetById, Spreadsheet, writeDocumentJson } from './adapters/workbook';

export const LAYOUT_PROPERTY = 'pdm.layout';

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
}

export function loadLayout(): WorkbookLayout | null {
  return readDocumentJson<WorkbookLayout>(LAYOUT_PROPERTY);
}

export function saveLayout(layout: WorkbookLayout): void {
  writeDocumentJson(LAYOUT_PROPERTY, layout);
}

/** The context of a set-up workbook; a clear error when it is not set up. */
export function requireContext(): Context {
  const layout = loadLayout();
  if (!layout || layout.sheets.settings === undefined) throw new UserError(tr(ERRORS.notSetUp, layout?.lang ?? DEFAULT_LANG));
  return { book: activeWorkbook(), layout, lang: layout.lang };
}

/** The sheet of a layout key, created with its header when it does not exist yet. */
export function ensureLayoutSheet(context: Context, key: string, def: SheetDef, header: unknown[]): Sheet {
  const id = context.layout.sheets[key];
  const existing = id === undefined ? null : sheetById(context.book, id);
  if (existing) return existing;
  const sheet = createSheet(context.book, sheetTitle(def, context.lang), header);
  context.layout.sheets[key] = sheet.getSheetId();
  return sheet;
}

export function layoutSheet(context: Context, key: string): Sheet | null {
  const id = context.layout.sheets[key];
  return id === undefined ? null : sheetById(context.book, id);
}

export function readSettings(context: Context): Settings {
  const sheet = layoutSheet(context, 'settings');
  const rows = sheet ? readRows(sheet).slice(1) : [];
  const result = validateSettings(settingsFromRows(rows), context.lang, PRESET_IDS);
  if (!result.ok) throw new UserError(tr(ERRORS.settingsUnreadable, context.lang, { errors: result.errors.join(' ') }));
  return result.value;
}

/** Runs fn under the document lock; a busy workbook is a clear error for the user. */
export function locked<T>(context: Context, fn: () => T): T {
  const outcome = withDocumentLock(fn);
  if (outcome === 'busy') throw new UserError(tr(ERRORS.busy, context.lang));
  return outcome;
}

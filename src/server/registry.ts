/** Reading and writing the form registry sheet (see core/registry). */
import { inertRow } from '../core/text/inert';
import { fitRow, MAX_CELL_TEXT } from '../core/text/cells';
import { compactRegistry, FormRecord, isFormKind, itemsCell, parseRegistry, registryHeader, registryRow } from '../core/workbook/registry';
import { PROPERTY_KEYS } from '../core/workbook/state-keys';
import { deleteBookValue, readBookJson, writeBookJson } from './adapters/state';
import { formIdOfUrl, formItemTitles, openForm } from './adapters/forms';
import { readRows, replaceRows, Sheet, sheetById } from './adapters/workbook';
import { Context, layoutSheet } from './context';
import { logEntry, writeLog } from './log';

/**
 * The registry's records. A header row deleted by hand does not cost the first record
 * (row 1 is read as data when it names a form kind); a row that cannot be read is logged
 * and left out, and nothing derived from its form is touched while it is unreadable.
 */
export function readRegistry(context: Context): FormRecord[] {
  const sheet = layoutSheet(context, 'registry');
  if (!sheet) return [];
  const rows = readRows(sheet);
  const headerless = rows.length > 0 && isFormKind(String(rows[0][1] ?? ''));
  const { records, unreadable } = parseRegistry(headerless ? rows : rows.slice(1));
  const shift = headerless ? -1 : 0;
  if (unreadable.length > 0) {
    writeLog(context, unreadable.map((row) => logEntry(context, sheet.getName(), row + shift, 'unreadableRegistry', { row: row + shift })));
  }
  return records;
}

/**
 * Rewrites the registry with these records. Rows it cannot read are kept below them as
 * they are: a damaged row is the coordinator's to repair, never the add-on's to drop.
 */
export function writeRegistry(context: Context, records: FormRecord[]): void {
  const sheet = layoutSheet(context, 'registry');
  if (!sheet) return;
  const rows = readRows(sheet);
  const headerless = rows.length > 0 && isFormKind(String(rows[0][1] ?? ''));
  const damaged = (headerless ? rows : rows.slice(1)).filter((row) => parseRegistry([row]).unreadable.length > 0);
  const cells = (row: unknown[]) => row.map((cell) => String(cell ?? ''));
  replaceRows(sheet, registryHeader(context.lang), [...records.map(registryRow), ...damaged.map(cells)].map((row) => inertRow(fitRow(row, context.lang))));
  syncCompactRegistry(context, records);
  const cut = records.filter((record) => itemsCell(record.items).cut);
  if (cut.length > 0) writeLog(context, cut.map((record) => logEntry(context, record.responseSheetName, '', 'registryTitlesCut', { sheet: record.responseSheetName, max: MAX_CELL_TEXT })));
}

/**
 * Keeps the compact registry a submission reads (core/workbook/registry) equal to these
 * records, as read from or written to the registry sheet: no call when it already is.
 */
export function syncCompactRegistry(context: Context, records: readonly FormRecord[]): void {
  const compact = compactRegistry(records);
  if (JSON.stringify(readBookJson(context.book, PROPERTY_KEYS.forms)) === JSON.stringify(compact)) return;
  if (compact) writeBookJson(context.book, PROPERTY_KEYS.forms, compact);
  else deleteBookValue(context.book, PROPERTY_KEYS.forms);
}

/**
 * The form and sheet ids every registry row names, unreadable rows included: a form
 * whose row is damaged is known all the same and must not be registered twice.
 */
export function registeredIds(context: Context): { forms: Set<string>; sheets: Set<number> } {
  const sheet = layoutSheet(context, 'registry');
  const forms = new Set<string>();
  const sheets = new Set<number>();
  for (const row of sheet ? readRows(sheet) : []) {
    const formId = String(row[0] ?? '').trim();
    if (formId) forms.add(formId);
    const sheetId = Number(row[3]);
    if (String(row[3] ?? '') !== '' && Number.isFinite(sheetId)) sheets.add(sheetId);
  }
  return { forms, sheets };
}

/**
 * The raw response sheet of a record, only when that sheet really receives the form's
 * responses: a registry row with a wrong sheet id must not make another sheet (a scores
 * sheet, a relinked copy) read as this form's answers.
 */
export function rawSheetOf(context: Context, record: FormRecord): Sheet | null {
  const sheet = sheetById(context.book, record.responseSheetId);
  if (!sheet) return null;
  const linked = formIdOfUrl(sheet.getFormUrl());
  const ids = new Set([record.formId, formIdOfUrl(record.publishedUrl), formIdOfUrl(record.editUrl)]);
  return linked !== null && ids.has(linked) ? sheet : null;
}

/** Logs a record whose sheet is not its form's: its scores are kept as they are. */
export function logMismatch(context: Context, record: FormRecord, records: readonly FormRecord[]): void {
  const row = records.indexOf(record) + 2;
  writeLog(context, [logEntry(context, record.responseSheetName, row, 'registrySheetMismatch', { row })]);
}

/**
 * Brings the item titles of the registry up to date with the forms as they are now: a
 * question reworded without a relink renames its response column, and the new title
 * must still map to the item. Returns the changes per record (−gone, old → new, +added).
 */
export function refreshItemTitles(records: FormRecord[]): Map<FormRecord, string[]> {
  const changed = new Map<FormRecord, string[]>();
  for (const record of records) {
    if (record.status === 'relinked') continue;
    const form = openForm(record.formId);
    if (!form) continue;
    const titles = formItemTitles(form);
    const changes: string[] = [];
    for (const item of record.items) {
      const title = titles.get(item.itemId);
      if (title === undefined) changes.push(`−${item.titles[item.titles.length - 1]}`);
      else if (!item.titles.includes(title)) {
        item.titles.push(title);
        changes.push(`${item.titles[item.titles.length - 2]} → ${title}`);
      }
    }
    const known = new Set(record.items.map((item) => item.itemId));
    for (const [id, title] of titles) if (!known.has(id) && title) changes.push(`+${title}`);
    if (changes.length > 0) changed.set(record, changes);
  }
  return changed;
}

/**
 * SpreadsheetApp and document properties: the only file that reads or writes the
 * workbook. Reads are whole-sheet (one getValues), writes are one setValues or one
 * appendRow, whatever the number of rows.
 */
import { inertRow, sheetText } from '../../core/text/inert';
import { parseDisplayedTimestamp } from '../../core/text/timestamps';
import { KeyedRow } from '../../core/workbook/response-key';

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;
type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

export type { Sheet, Spreadsheet };

export function activeWorkbook(): Spreadsheet {
  return SpreadsheetApp.getActiveSpreadsheet();
}

/** A workbook by id: the scheduled job has no active spreadsheet (needs the spreadsheets scope). */
export function openWorkbook(id: string): Spreadsheet {
  return SpreadsheetApp.openById(id);
}

export function sheetById(book: Spreadsheet, id: number): Sheet | null {
  return book.getSheetById(id);
}

/** Every value of a sheet in one call; an empty sheet gives no rows. */
export function readRows(sheet: Sheet): unknown[][] {
  const values = sheet.getDataRange().getValues();
  if (values.length === 1 && values[0].every((cell) => cell === '')) return [];
  return values;
}

/**
 * Rows 1 to the sheet's last row with content, of every column from `column` or of
 * `columns` of them, in one call: Sheet.getSheetValues takes -1 as "the very last row or
 * column that has data", so what it returns has exactly getLastRow rows and no getLastRow
 * (nor getDataRange) is asked. An empty sheet has no row to return and getSheetValues
 * refuses it: only then is getLastRow asked, to tell that from a failure, which is thrown.
 */
export function readToLastRow(sheet: Sheet, column = 1, columns = -1): unknown[][] {
  try {
    return sheet.getSheetValues(1, column, -1, columns);
  } catch (error) {
    if (sheet.getLastRow() === 0) return [];
    throw error;
  }
}

/**
 * Replaces the first column with a header and cells in one setValues over the old and the
 * new extent together, the rows beyond the new cells written empty: three calls when the
 * cells take no more rows than the sheet has content (getMaxRows only when they do). A
 * failure at any call leaves the old cells or the new, never a column half cleared.
 */
export function replaceFirstColumn(sheet: Sheet, header: string, cells: readonly unknown[]): void {
  const last = sheet.getLastRow();
  const height = Math.max(1 + cells.length, last);
  if (height > last) {
    const maxRows = sheet.getMaxRows();
    if (maxRows < height) sheet.insertRowsAfter(maxRows, height - maxRows);
  }
  const column = [[sheetText(header)], ...cells.map((cell) => [cell])];
  while (column.length < height) column.push(['']);
  sheet.getRange(1, 1, height, 1).setValues(column);
}

/** Appends one row atomically (appendRow finds the end itself: no getLastRow). */
export function appendRow(sheet: Sheet, row: unknown[]): void {
  sheet.appendRow(row);
}

/** Grows the grid so a write of rows × columns starting at A1 fits. */
function ensureSize(sheet: Sheet, rows: number, columns: number): void {
  const maxRows = sheet.getMaxRows();
  if (maxRows < rows) sheet.insertRowsAfter(maxRows, rows - maxRows);
  const maxColumns = sheet.getMaxColumns();
  if (maxColumns < columns) sheet.insertColumnsAfter(maxColumns, columns - maxColumns);
}

/**
 * Replaces a sheet's content with a header and rows in one setValues over the old and
 * the new extent together, cells beyond the new content written empty. A failure at any
 * call leaves the old content or the new, never a sheet cleared and half written (a
 * clear followed by a write could lose the header or everything).
 */
export function replaceRows(sheet: Sheet, header: unknown[], rows: unknown[][]): void {
  const width = Math.max(header.length, sheet.getLastColumn());
  const height = Math.max(1 + rows.length, sheet.getLastRow());
  const pad = (row: unknown[]): unknown[] => (row.length >= width ? row.slice(0, width) : [...row, ...new Array(width - row.length).fill('')]);
  const table = [pad(inertRow(header)), ...rows.map(pad)];
  while (table.length < height) table.push(new Array(width).fill(''));
  ensureSize(sheet, height, width);
  sheet.getRange(1, 1, height, width).setValues(table);
}

/**
 * replaceRows, unless the sheet already holds exactly the header and rows (as they read
 * back: text without its protecting apostrophe): one read instead of a write then.
 */
export function replaceChangedRows(sheet: Sheet, header: unknown[], rows: unknown[][]): void {
  const held = readToLastRow(sheet);
  const table = [header, ...rows];
  const same = held.length === table.length && table.every((row, r) => held[r].length >= row.length
    && held[r].every((cell, column) => cell === (column < row.length ? row[column] ?? '' : '')));
  if (!same) replaceRows(sheet, header, rows.map(inertRow));
}

/** Writes rows below the existing ones in one write. */
export function appendRows(sheet: Sheet, firstRow: number, rows: unknown[][]): void {
  if (rows.length === 0) return;
  const width = rows[0].length;
  ensureSize(sheet, firstRow + rows.length - 1, width);
  sheet.getRange(firstRow, 1, rows.length, width).setValues(rows);
}

/** "A", "Z", "AA": a column's letters in A1 notation. */
function columnLetters(column: number): string {
  let letters = '';
  for (let n = column; n > 0; n = Math.floor((n - 1) / 26)) letters = String.fromCharCode(65 + ((n - 1) % 26)) + letters;
  return letters;
}

/**
 * Every cell of one column, header included, blank rows below the data too: two calls
 * whatever the sheet's size, and only that column's cells moved.
 */
export function readWholeColumn(sheet: Sheet, column: number): unknown[] {
  const letters = columnLetters(column);
  return sheet.getRange(`${letters}:${letters}`).getValues().map((row) => row[0]);
}

/** Reads one column (e.g. the response keys) in one call. */
export function readColumn(sheet: Sheet, column: number): unknown[] {
  const last = sheet.getLastRow();
  if (last === 0) return [];
  return sheet.getRange(1, column, last, 1).getValues().map((row) => row[0]);
}

/**
 * Whether a key is already in column A. A TextFinder costs the same few calls on ten
 * rows as on ten thousand, which keeps a submission's cost constant. Whole cells only
 * (a key may begin another: "…h1x" and "…h1xn2"); case is left to the default, ignored,
 * since keys are lower-case letters and digits and column A holds only keys below the
 * header: ignoring it finds exactly what matching it would, one call cheaper.
 */
export function hasKey(sheet: Sheet, key: string): boolean {
  return sheet.getRange('A:A').createTextFinder(key).matchEntireCell(true).findNext() !== null;
}

/**
 * Whether a key may be in the sheet: a finder over the whole sheet, matching parts of
 * cells (Sheet.createTextFinder's default), two calls. No cell containing the key means
 * no key cell equal to it, so false is exact; true (the key again, or a cell that merely
 * contains it) is settled by hasKey.
 */
export function mayHaveKey(sheet: Sheet, key: string): boolean {
  return sheet.createTextFinder(key).findNext() !== null;
}

/** Creates a sheet with a frozen header row. */
export function createSheet(book: Spreadsheet, title: string, header: unknown[]): Sheet {
  const sheet = book.insertSheet(uniqueTitle(book, title));
  ensureSize(sheet, 1, header.length);
  sheet.getRange(1, 1, 1, header.length).setValues([inertRow(header)]).setFontWeight('bold');
  sheet.setFrozenRows(1);
  return sheet;
}

function uniqueTitle(book: Spreadsheet, title: string): string {
  let candidate = title;
  for (let n = 2; book.getSheetByName(candidate); n++) candidate = `${title} (${n})`;
  return candidate;
}

/**
 * Protects a whole sheet for the coordinators only. A new protection starts with the
 * spreadsheet's own editors, so everyone else is removed explicitly ("Range.protect");
 * the owner and the user running the script always stay editors.
 */
export function protectSheet(sheet: Sheet, editors: readonly string[], description: string): void {
  const protection = sheet.getProtections(SpreadsheetApp.ProtectionType.SHEET)[0] ?? sheet.protect();
  protection.setDescription(description);
  if (protection.isWarningOnly()) protection.setWarningOnly(false);
  const keep = new Set(editors.map((email) => email.toLowerCase()));
  const others = protection.getEditors().map((user) => user.getEmail()).filter((email) => !keep.has(email.toLowerCase()));
  if (others.length > 0) protection.removeEditors(others);
  if (editors.length > 0) protection.addEditors([...editors]);
  if (protection.canDomainEdit()) protection.setDomainEdit(false);
}

/** Hides a sheet the add-on derives (users read it through the sidebar, not the tab). */
export function hideSheet(sheet: Sheet): void {
  if (!sheet.isSheetHidden()) sheet.hideSheet();
}

/** Null outside a document (a time-driven trigger has no document properties). */
export function readDocumentJson<T>(key: string): T | null {
  const properties = PropertiesService.getDocumentProperties();
  if (!properties) return null;
  const raw = properties.getProperty(key);
  return raw ? (JSON.parse(raw) as T) : null;
}

export function workbookTimeZone(book: Spreadsheet): string {
  return book.getSpreadsheetTimeZone();
}

/** A sheet Date as local ISO text in the workbook's time zone. */
export function formatLocalIso(date: Date, timeZone: string): string {
  return Utilities.formatDate(date, timeZone, "yyyy-MM-dd'T'HH:mm:ss");
}

/** Sheet dates come from the runtime's realm, so no instanceof. */
export function isSheetDate(value: unknown): value is Date {
  return Object.prototype.toString.call(value) === '[object Date]';
}

/** A raw response row as the response key sees it (see core/workbook/response-key). */
export function keyedRow(values: readonly unknown[], timeZone: string): KeyedRow {
  const stamp = values[0];
  const submittedAt = isSheetDate(stamp) ? formatLocalIso(stamp, timeZone) : parseDisplayedTimestamp(String(stamp ?? '')) ?? String(stamp ?? '');
  return { submittedAt, cells: values.slice(1).map((cell) => (isSheetDate(cell) ? formatLocalIso(cell, timeZone) : cell)) };
}

/** A shown timestamp that keeps its seconds, as local ISO text; null for any other text. */
function shownTimestamp(text: string): string | null {
  return /\d:\d\d:\d\d(?!\d)/.test(text) ? parseDisplayedTimestamp(text) : null;
}

/**
 * Every row of a form response sheet, header included, with the timestamp column as
 * local ISO text: the rows keyedRow and rowPairs expect, for one getDisplayValues of that
 * column instead of a Utilities.formatDate per row (the sheet shows a date in its own
 * time zone, to the second in the format Forms gives the column). A timestamp shown
 * without its seconds (the column reformatted by hand) is formatted from its value, so
 * the key is always the one a submission computes.
 */
export function readResponseRows(sheet: Sheet, timeZone: string): unknown[][] {
  const last = sheet.getLastRow();
  const width = sheet.getLastColumn();
  if (last === 0 || width === 0) return [];
  const shown = sheet.getRange(1, 1, last, 1).getDisplayValues();
  const rest = width > 1 ? sheet.getRange(1, 2, last, width - 1).getValues() : shown.map(() => []);
  let stamps: unknown[][] | null = null;
  // Copies of one response share their instant: each instant is formatted once.
  const formatted = new Map<number, string>();
  const local = (date: Date): string => {
    const text = formatted.get(date.getTime()) ?? formatLocalIso(date, timeZone);
    formatted.set(date.getTime(), text);
    return text;
  };
  const rows = rest.map((cells, index) => {
    const text = shown[index][0];
    const iso = index === 0 ? text : shownTimestamp(text);
    if (iso !== null) return [iso, ...cells];
    stamps ??= sheet.getRange(1, 1, last, 1).getValues();
    const value = stamps[index][0];
    return [isSheetDate(value) ? local(value) : value, ...cells];
  });
  return rows.length === 1 && rows[0].every((cell) => cell === '') ? [] : rows;
}

/**
 * readResponseRows for a sheet small enough to read twice (a school report form's: a row
 * per school and period): the data range once as shown and once as values, three calls
 * instead of six. The same rows, the timestamp column as local ISO text.
 */
export function readSmallResponseRows(sheet: Sheet, timeZone: string): unknown[][] {
  const range = sheet.getDataRange();
  const shown = range.getDisplayValues();
  const rows = range.getValues().map((cells, index) => {
    const iso = index === 0 ? shown[0][0] : shownTimestamp(shown[index][0]);
    const stamp = cells[0];
    return [iso ?? (isSheetDate(stamp) ? formatLocalIso(stamp, timeZone) : stamp), ...cells.slice(1)];
  });
  return rows.length === 1 && rows[0].every((cell) => cell === '') ? [] : rows;
}

/** A raw response row as (title, text) pairs in column order: titles may repeat. */
export function rowPairs(titles: readonly string[], values: readonly unknown[], timeZone: string): Array<[string, string]> {
  return titles.map((title, column) => {
    const cell = values[column];
    return [title, isSheetDate(cell) ? formatLocalIso(cell, timeZone) : String(cell ?? '')];
  });
}

/**
 * A raw response row as title → text, the shape the form-submit event's namedValues
 * give: dates as local ISO text, numbers as their digits.
 */
export function rowTexts(titles: readonly string[], values: readonly unknown[], timeZone: string): Record<string, string> {
  const byTitle: Record<string, string> = {};
  titles.forEach((title, column) => {
    const cell = values[column];
    byTitle[title] = isSheetDate(cell) ? formatLocalIso(cell, timeZone) : String(cell ?? '');
  });
  return byTitle;
}

/** Commits pending writes now: a marker must be stored before the action it guards. */
export function flushWorkbook(): void {
  SpreadsheetApp.flush();
}

export function workbookUrl(book: Spreadsheet): string {
  return book.getUrl();
}

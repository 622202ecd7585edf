/**
 * The workbook's own state (its layout, the recalculation cursor, the scheduled job's
 * marks, the trigger's owner) kept as developer metadata of the spreadsheet. Document
 * properties would be simpler, but a time-driven trigger has none: it runs outside any
 * document and opens the workbook by id, and the metadata travels with the workbook.
 * PROJECT visibility keeps other scripts from reading or changing it; it is not secret
 * and holds nothing that is not already in the workbook's protected sheets.
 */
import { PROPERTY_KEYS } from '../../core/workbook/state-keys';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

function entry(book: Spreadsheet, key: string): GoogleAppsScript.Spreadsheet.DeveloperMetadata | null {
  return book.getDeveloperMetadata().find((m) => m.getKey() === key) ?? null;
}

/** The stored value, or null when absent or unreadable (a damaged value is not fatal). */
export function readBookJson<T>(book: Spreadsheet, key: string): T | null {
  const raw = entry(book, key)?.getValue();
  if (!raw) return null;
  try {
    return JSON.parse(raw) as T;
  } catch {
    return null;
  }
}

export function writeBookJson(book: Spreadsheet, key: string, value: unknown): void {
  const raw = JSON.stringify(value);
  const existing = entry(book, key);
  if (existing) existing.setValue(raw);
  else book.addDeveloperMetadata(key, raw, SpreadsheetApp.DeveloperMetadataVisibility.PROJECT);
}

export function deleteBookValue(book: Spreadsheet, key: string): void {
  entry(book, key)?.remove();
}

/**
 * The workbooks whose triggers the running user owns, as spreadsheet ids in that user's
 * properties: the scheduled job runs outside any document and finds its workbooks here.
 * Ids only: nothing personal, and readable by nobody else.
 */
const WORKBOOKS_PROPERTY = PROPERTY_KEYS.workbooks;

export function myWorkbookIds(): string[] {
  const raw = PropertiesService.getUserProperties().getProperty(WORKBOOKS_PROPERTY);
  try {
    const ids: unknown = raw ? JSON.parse(raw) : [];
    return Array.isArray(ids) ? ids.filter((id): id is string => typeof id === 'string') : [];
  } catch {
    return [];
  }
}

function saveWorkbookIds(ids: string[]): void {
  PropertiesService.getUserProperties().setProperty(WORKBOOKS_PROPERTY, JSON.stringify(ids));
}

export function rememberWorkbook(id: string): void {
  const ids = myWorkbookIds();
  if (!ids.includes(id)) saveWorkbookIds([...ids, id]);
}

export function forgetWorkbook(id: string): void {
  const ids = myWorkbookIds();
  if (ids.includes(id)) saveWorkbookIds(ids.filter((other) => other !== id));
}

/** A per-user mark (e.g. the day a warning was last given). */
export function readUserMark(key: string): string {
  return PropertiesService.getUserProperties().getProperty(key) ?? '';
}

export function writeUserMark(key: string, value: string): void {
  PropertiesService.getUserProperties().setProperty(key, value);
}

/**
 * The workbook's own state (its layout, the recalculation cursor, the scheduled job's
 * marks, the trigger's owner) kept as developer metadata of the spreadsheet. Document
 * properties would be simpler, but a time-driven trigger has none: it runs outside any
 * document and opens the workbook by id, and the metadata travels with the workbook.
 * PROJECT visibility keeps other scripts from reading or changing it; it is not secret
 * and holds nothing that is not already in the workbook's protected sheets.
 *
 * Every execution reads it once (contextOf calls loadBookState): one getDeveloperMetadata
 * and one getValue per entry, since each value names its own key (see core/workbook/
 * state-keys). Most keys share one entry, written back only when one of them changes, and
 * then after reading that entry again, so a key another execution changed meanwhile is
 * kept. The catch-up flag a failed or busy submission leaves, written outside the lock,
 * has an entry of its own: no write of it can undo another key's.
 */
import { ownEntryKey, PROPERTY_KEYS, stateEntryText, unwrapStateEntry } from '../../core/workbook/state-keys';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;
type Metadata = GoogleAppsScript.Spreadsheet.DeveloperMetadata;

const SHARED = PROPERTY_KEYS.state;

interface BookState {
  /** The entry holding the shared keys; null until the first of them is written. */
  shared: Metadata | null;
  own: Map<string, Metadata>;
  values: Map<string, unknown>;
  /** An entry was added: its object is only found by reading the list again. */
  added: boolean;
}

/**
 * Per spreadsheet object, for one execution: contextOf reloads it at the start of each,
 * so nothing read by an earlier execution is trusted.
 */
const loaded = new WeakMap<Spreadsheet, BookState>();

function parsed(raw: string | null): unknown {
  if (!raw) return null;
  try {
    return JSON.parse(raw) as unknown;
  } catch {
    return null;
  }
}

/**
 * Reads every entry once. Entries of the per-key layout of earlier versions are moved
 * into the current one (their values kept) and removed; a second shared entry (two
 * executions moving them at once) is merged into the first and removed.
 */
export function loadBookState(book: Spreadsheet): BookState {
  const state: BookState = { shared: null, own: new Map(), values: new Map(), added: false };
  const legacy: Array<{ entry: Metadata; key: string; value: unknown }> = [];
  const extra: Metadata[] = [];
  for (const entry of book.getDeveloperMetadata()) {
    const raw = entry.getValue();
    const wrapped = unwrapStateEntry(raw);
    if (wrapped && wrapped.key === SHARED) {
      const values = wrapped.value && typeof wrapped.value === 'object' ? (wrapped.value as Record<string, unknown>) : {};
      for (const [key, value] of Object.entries(values)) if (!state.values.has(key)) state.values.set(key, value);
      if (state.shared) extra.push(entry);
      else state.shared = entry;
    } else if (wrapped && ownEntryKey(wrapped.key)) {
      if (state.own.has(wrapped.key)) extra.push(entry);
      else {
        state.own.set(wrapped.key, entry);
        state.values.set(wrapped.key, wrapped.value);
      }
    } else if (wrapped && wrapped.key.startsWith('pdm.')) {
      // A key that had an entry of its own in an earlier version (the heartbeat): moved.
      legacy.push({ entry, key: wrapped.key, value: wrapped.value });
    } else {
      // Not in the current form: an entry of an earlier version, or another script's.
      const key = entry.getKey();
      if (key.startsWith('pdm.')) legacy.push({ entry, key, value: parsed(raw) });
    }
  }
  loaded.set(book, state);
  if (legacy.length > 0 || extra.length > 0) migrate(book, state, legacy, extra);
  return state;
}

function migrate(book: Spreadsheet, state: BookState, legacy: Array<{ entry: Metadata; key: string; value: unknown }>, extra: Metadata[]): void {
  const shared: Record<string, unknown> = {};
  for (const { key, value } of legacy) {
    if (value === null || state.values.has(key)) continue;
    if (ownEntryKey(key)) writeBookJson(book, key, value);
    else shared[key] = value;
  }
  if (Object.keys(shared).length > 0 || extra.length > 0) writeShared(book, state, shared, []);
  for (const entry of [...legacy.map((item) => item.entry), ...extra]) entry.remove();
}

function stateOf(book: Spreadsheet): BookState {
  const state = loaded.get(book) ?? loadBookState(book);
  if (!state.added) return state;
  // Find the entry just added, keeping the values this execution already knows.
  const values = state.values;
  const fresh = loadBookState(book);
  for (const [key, value] of values) if (!fresh.values.has(key)) fresh.values.set(key, value);
  return fresh;
}

/** The stored value, or null when absent or unreadable (a damaged value is not fatal). */
export function readBookJson<T>(book: Spreadsheet, key: string): T | null {
  const value = stateOf(book).values.get(key);
  return value === undefined || value === null ? null : (value as T);
}

function add(book: Spreadsheet, state: BookState, key: string, text: string): void {
  book.addDeveloperMetadata(key, text, SpreadsheetApp.DeveloperMetadataVisibility.PROJECT);
  state.added = true;
}

/** Writes the shared entry: read again first, these keys set and those removed. */
function writeShared(book: Spreadsheet, state: BookState, set: Record<string, unknown>, remove: string[]): void {
  const current = state.shared ? unwrapStateEntry(state.shared.getValue()) : null;
  const values: Record<string, unknown> = { ...(current?.key === SHARED && current.value && typeof current.value === 'object' ? current.value : {}) };
  Object.assign(values, set);
  for (const key of remove) delete values[key];
  const text = stateEntryText(SHARED, values);
  if (state.shared) state.shared.setValue(text);
  else add(book, state, SHARED, text);
  for (const key of [...state.values.keys()]) if (!ownEntryKey(key)) state.values.delete(key);
  for (const [key, value] of Object.entries(values)) state.values.set(key, value);
}

/** Several shared keys in one write (one read and one write of their entry). */
export function writeBookValues(book: Spreadsheet, values: Record<string, unknown>): void {
  const own = Object.keys(values).filter(ownEntryKey);
  for (const key of own) writeBookJson(book, key, values[key]);
  const shared = Object.fromEntries(Object.entries(values).filter(([key]) => !ownEntryKey(key)));
  if (Object.keys(shared).length > 0) writeShared(book, stateOf(book), shared, []);
}

export function writeBookJson(book: Spreadsheet, key: string, value: unknown): void {
  const state = stateOf(book);
  if (!ownEntryKey(key)) {
    writeShared(book, state, { [key]: value }, []);
    return;
  }
  const text = stateEntryText(key, value);
  const existing = state.own.get(key);
  if (existing) existing.setValue(text);
  else add(book, state, key, text);
  state.values.set(key, value);
}

export function deleteBookValue(book: Spreadsheet, key: string): void {
  const state = stateOf(book);
  if (!state.values.has(key)) return;
  if (ownEntryKey(key)) {
    state.own.get(key)?.remove();
    state.own.delete(key);
    state.values.delete(key);
  } else writeShared(book, state, {}, [key]);
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

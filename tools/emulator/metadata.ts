/**
 * Developer metadata at the spreadsheet level: key/value pairs stored in the
 * spreadsheet itself, so any execution that holds the Spreadsheet object reads them —
 * also a time-driven trigger that opened it by id, where document properties are null.
 *
 * Documented (Class DeveloperMetadata, Spreadsheet.addDeveloperMetadata,
 * DeveloperMetadataVisibility): several entries may share a key; getValue() is null when
 * none was set; remove() deletes it; PROJECT visibility is "only visible to and
 * accessible by the developer project that created the metadata", and is no security
 * mechanism (users with view access may see it). Only spreadsheet-level metadata is
 * emulated, with the Sheets API's storage limit (its metadata guide, "metadata storage
 * limits"): 30,000 characters per location, every entry's key and value together; a
 * write beyond it fails and changes nothing.
 */
import { instrument, Runtime } from './kernel';
import { enumOf, signatureMismatch } from './support';

export const DeveloperMetadataVisibility = enumOf('DOCUMENT', 'PROJECT');

interface Entry {
  id: number;
  key: string;
  value: string | null;
  visibility: keyof typeof DeveloperMetadataVisibility;
  removed: boolean;
}

type MetadataApi = Pick<
  GoogleAppsScript.Spreadsheet.DeveloperMetadata,
  'getId' | 'getKey' | 'getValue' | 'setValue' | 'getVisibility' | 'remove'
>;

const stores = new WeakMap<object, Entry[]>();
let idSeq = 0;

function entriesOf(model: object): Entry[] {
  let entries = stores.get(model);
  if (!entries) {
    entries = [];
    stores.set(model, entries);
  }
  return entries;
}

function wrap(runtime: Runtime, entry: Entry): GoogleAppsScript.Spreadsheet.DeveloperMetadata {
  const api: MetadataApi = {
    getId: () => entry.id,
    getKey: () => entry.key,
    getValue: () => entry.value as string,
    setValue(value: string) {
      if (typeof value !== 'string') throw signatureMismatch('DeveloperMetadata.setValue', [value]);
      checkLimit(ownerOf.get(entry) as object, { entry, key: entry.key, value });
      entry.value = value;
      return self;
    },
    getVisibility: () => entry.visibility as unknown as GoogleAppsScript.Spreadsheet.DeveloperMetadataVisibility,
    remove() {
      entry.removed = true;
      const all = entriesOf(ownerOf.get(entry) as object);
      all.splice(all.indexOf(entry), 1);
    },
  };
  const self = instrument(api, 'DeveloperMetadata', runtime.counter) as unknown as GoogleAppsScript.Spreadsheet.DeveloperMetadata;
  return self;
}

const ownerOf = new WeakMap<Entry, object>();

export const METADATA_LIMIT_CHARS = 30_000;

/** Refuses a write that would take the location's metadata beyond its limit. */
function checkLimit(model: object, change: { entry?: Entry; key: string; value: string | null }): void {
  const size = (key: string, value: string | null) => key.length + (value ?? '').length;
  const total = entriesOf(model).reduce((sum, entry) => sum + (entry === change.entry ? 0 : size(entry.key, entry.value)), 0) + size(change.key, change.value);
  if (total > METADATA_LIMIT_CHARS) {
    throw new Error(`Developer metadata of this location would hold ${total} characters; the limit is ${METADATA_LIMIT_CHARS}.`);
  }
}

/** Spreadsheet.addDeveloperMetadata(key[, value][, visibility]). */
export function addDeveloperMetadata(model: object, key: unknown, value?: unknown, visibility?: unknown): void {
  if (typeof key !== 'string' || (value !== undefined && typeof value !== 'string' && !(String(value) in DeveloperMetadataVisibility))) {
    throw signatureMismatch('Spreadsheet.addDeveloperMetadata', [key, value, visibility].filter((x) => x !== undefined));
  }
  // The two-argument form may be (key, visibility).
  const isVisibility = value !== undefined && String(value) in DeveloperMetadataVisibility && visibility === undefined;
  const entry: Entry = {
    id: 7100000 + ++idSeq,
    key,
    value: value === undefined || isVisibility ? null : String(value),
    visibility: (isVisibility ? String(value) : visibility === undefined ? 'DOCUMENT' : String(visibility)) as Entry['visibility'],
    removed: false,
  };
  if (!(entry.visibility in DeveloperMetadataVisibility)) throw signatureMismatch('Spreadsheet.addDeveloperMetadata', [key, value, visibility]);
  checkLimit(model, entry);
  ownerOf.set(entry, model);
  entriesOf(model).push(entry);
}

/** Spreadsheet.getDeveloperMetadata(): the spreadsheet-level entries, in creation order. */
export function getDeveloperMetadata(runtime: Runtime, model: object): GoogleAppsScript.Spreadsheet.DeveloperMetadata[] {
  return entriesOf(model).map((entry) => wrap(runtime, entry));
}

/** Test-side view: key → values of a spreadsheet's metadata. */
export function metadataOf(model: object): Array<{ key: string; value: string | null }> {
  return entriesOf(model).map(({ key, value }) => ({ key, value }));
}

/**
 * PropertiesService: script properties (shared), user properties (per user) and document
 * properties (per document: the active spreadsheet). Every value is stored as a string.
 * Limits from the Apps Script quotas page: 9 KB per value, 500 KB per property store.
 */
import { instrument, Runtime } from './kernel';
import { isPlainObject, signatureMismatch, utf8Bytes } from './support';

type PropertiesApi = Pick<
  GoogleAppsScript.Properties.Properties,
  'getProperty' | 'setProperty' | 'setProperties' | 'getProperties' | 'getKeys' | 'deleteProperty' | 'deleteAllProperties'
>;

export const PROPERTY_VALUE_LIMIT_BYTES = 9 * 1024;
export const PROPERTY_STORE_LIMIT_BYTES = 500 * 1024;

function storeBytes(store: Map<string, string>): number {
  let n = 0;
  for (const [k, v] of store) n += utf8Bytes(k) + utf8Bytes(v);
  return n;
}

class EmuProperties implements PropertiesApi {
  /** The instrumented proxy, returned by the chaining setters. */
  _self: GoogleAppsScript.Properties.Properties | null = null;

  constructor(private readonly store: Map<string, string>) {}

  getProperty(key: string): string | null {
    if (key === undefined) throw signatureMismatch('Properties.getProperty', []);
    return this.store.get(String(key)) ?? null;
  }

  setProperty(key: string, value: string): GoogleAppsScript.Properties.Properties {
    if (key === undefined || value === undefined) throw signatureMismatch('Properties.setProperty', [key, value].filter((x) => x !== undefined));
    this.write([[String(key), String(value)]], false);
    return this.self();
  }

  setProperties(properties: { [key: string]: string }, deleteAllOthers = false): GoogleAppsScript.Properties.Properties {
    if (!isPlainObject(properties)) throw signatureMismatch('Properties.setProperties', [properties]);
    this.write(
      Object.entries(properties).map(([k, v]) => [k, String(v)]),
      Boolean(deleteAllOthers),
    );
    return this.self();
  }

  /** A copy, not a live view, as documented. */
  getProperties(): { [key: string]: string } {
    return Object.fromEntries(this.store);
  }

  getKeys(): string[] {
    return [...this.store.keys()];
  }

  deleteProperty(key: string): GoogleAppsScript.Properties.Properties {
    this.store.delete(String(key));
    return this.self();
  }

  deleteAllProperties(): GoogleAppsScript.Properties.Properties {
    this.store.clear();
    return this.self();
  }

  private self(): GoogleAppsScript.Properties.Properties {
    if (!this._self) throw new Error('properties store used before instrumentation');
    return this._self;
  }

  /** All-or-nothing: a refused write leaves the store as it was. */
  private write(pairs: Array<[string, string]>, deleteAllOthers: boolean): void {
    for (const [, v] of pairs) {
      // The wording Apps Script uses for a value over the per-value limit.
      if (utf8Bytes(v) > PROPERTY_VALUE_LIMIT_BYTES) throw new Error('Argument too large: value');
    }
    const next = deleteAllOthers ? new Map<string, string>() : new Map(this.store);
    for (const [k, v] of pairs) next.set(k, v);
    if (storeBytes(next) > PROPERTY_STORE_LIMIT_BYTES) {
      throw new Error('You have exceeded the property storage quota. Please remove some properties and try again.');
    }
    this.store.clear();
    for (const [k, v] of next) this.store.set(k, v);
  }
}

/** Test-side view of the property stores. */
export interface PropertiesHandle {
  script: Map<string, string>;
  user(email?: string): Map<string, string>;
  document(documentId?: string): Map<string, string>;
}

export function createPropertiesService(
  runtime: Runtime,
  activeDocumentId: () => string | null,
): { PropertiesService: GoogleAppsScript.Properties.PropertiesService; properties: PropertiesHandle } {
  const script = new Map<string, string>();
  const users = new Map<string, Map<string, string>>();
  const documents = new Map<string, Map<string, string>>();
  const scoped = (all: Map<string, Map<string, string>>, key: string): Map<string, string> => {
    let s = all.get(key);
    if (!s) {
      s = new Map();
      all.set(key, s);
    }
    return s;
  };
  const wrap = (store: Map<string, string>): GoogleAppsScript.Properties.Properties => {
    const target = new EmuProperties(store);
    const proxy = instrument(target, 'Properties', runtime.counter) as unknown as GoogleAppsScript.Properties.Properties;
    target._self = proxy;
    return proxy;
  };

  const service: Pick<GoogleAppsScript.Properties.PropertiesService, 'getDocumentProperties' | 'getScriptProperties' | 'getUserProperties'> = {
    getDocumentProperties() {
      // Documented: null when the script is neither bound to a document nor an add-on in one.
      const doc = activeDocumentId();
      return doc === null ? (null as unknown as GoogleAppsScript.Properties.Properties) : wrap(scoped(documents, doc));
    },
    getScriptProperties() {
      return wrap(script);
    },
    getUserProperties() {
      return wrap(scoped(users, runtime.user));
    },
  };

  const properties: PropertiesHandle = {
    script,
    user: (email) => scoped(users, email ?? runtime.user),
    document: (documentId) => {
      const doc = documentId ?? activeDocumentId();
      if (doc === null) throw new Error('no active document');
      return scoped(documents, doc);
    },
  };

  return {
    PropertiesService: instrument(service, 'PropertiesService', runtime.counter) as unknown as GoogleAppsScript.Properties.PropertiesService,
    properties,
  };
}

/**
 * CacheService: document, script and user caches whose entries expire by the emulated
 * clock. Limits from the Apps Script reference: keys up to 250 characters, values up to
 * 100 KB, expiration 1 s … 21600 s (6 h), default 600 s.
 */
import { instrument, Runtime } from './kernel';
import { isPlainObject, signatureMismatch, utf8Bytes } from './support';

type CacheApi = Pick<GoogleAppsScript.Cache.Cache, 'get' | 'getAll' | 'put' | 'putAll' | 'remove' | 'removeAll'>;
type CacheServiceApi = Pick<GoogleAppsScript.Cache.CacheService, 'getDocumentCache' | 'getScriptCache' | 'getUserCache'>;

const MAX_KEY_CHARS = 250;
const MAX_VALUE_BYTES = 100 * 1024;
const DEFAULT_TTL_S = 600;
const MAX_TTL_S = 21600;

interface Entry {
  value: string;
  expiresAt: number;
}

class EmuCache implements CacheApi {
  constructor(
    private readonly runtime: Runtime,
    private readonly entries: Map<string, Entry>,
  ) {}

  get(key: string): string | null {
    if (typeof key !== 'string') throw signatureMismatch('Cache.get', [key]);
    const entry = this.entries.get(key);
    if (!entry) return null;
    if (entry.expiresAt <= this.runtime.clock.now()) {
      this.entries.delete(key);
      return null;
    }
    return entry.value;
  }

  getAll(keys: string[]): { [key: string]: string } {
    if (!Array.isArray(keys)) throw signatureMismatch('Cache.getAll', [keys]);
    const out: Record<string, string> = {};
    for (const key of keys) {
      const value = this.get(String(key));
      if (value !== null) out[String(key)] = value;
    }
    return out;
  }

  put(key: string, value: string, expirationInSeconds?: number): void {
    if (typeof key !== 'string' || value === undefined) {
      throw signatureMismatch('Cache.put', expirationInSeconds === undefined ? [key, value] : [key, value, expirationInSeconds]);
    }
    this.store(key, String(value), expirationInSeconds);
  }

  putAll(values: { [key: string]: string }, expirationInSeconds?: number): void {
    if (!isPlainObject(values)) throw signatureMismatch('Cache.putAll', [values]);
    const pairs = Object.entries(values).map(([k, v]) => [k, String(v)] as const);
    // Validate everything first: a refused batch stores nothing.
    for (const [k, v] of pairs) this.check(k, v);
    for (const [k, v] of pairs) this.store(k, v, expirationInSeconds);
  }

  remove(key: string): void {
    this.entries.delete(String(key));
  }

  removeAll(keys: string[]): void {
    if (!Array.isArray(keys)) throw signatureMismatch('Cache.removeAll', [keys]);
    for (const key of keys) this.entries.delete(String(key));
  }

  private check(key: string, value: string): void {
    // Wording as Apps Script reports both limits.
    if (key.length > MAX_KEY_CHARS) throw new Error('Argument too large: key');
    if (utf8Bytes(value) > MAX_VALUE_BYTES) throw new Error('Argument too large: value');
  }

  private store(key: string, value: string, ttl?: number): void {
    this.check(key, value);
    // Longer expirations are documented as capped at 6 hours; the emulator caps, not refuses.
    const seconds = ttl === undefined ? DEFAULT_TTL_S : Math.min(Math.max(Number(ttl), 1), MAX_TTL_S);
    this.entries.set(key, { value, expiresAt: this.runtime.clock.now() + seconds * 1000 });
  }
}

/** Test-side view of the caches. */
export interface CacheHandle {
  /** Drops every entry: the cache is best-effort and may be evicted at any time. */
  evictAll(): void;
  /** Live (unexpired) entries of one cache. */
  entries(kind: 'document' | 'script' | 'user', scopeKey?: string): Record<string, string>;
}

export function createCacheService(
  runtime: Runtime,
  activeDocumentId: () => string | null,
): { CacheService: GoogleAppsScript.Cache.CacheService; caches: CacheHandle } {
  const stores = new Map<string, Map<string, Entry>>();
  const storeFor = (id: string): Map<string, Entry> => {
    let s = stores.get(id);
    if (!s) {
      s = new Map();
      stores.set(id, s);
    }
    return s;
  };
  const cacheFor = (id: string): GoogleAppsScript.Cache.Cache =>
    instrument(new EmuCache(runtime, storeFor(id)), 'Cache', runtime.counter) as unknown as GoogleAppsScript.Cache.Cache;

  const service: CacheServiceApi = {
    getDocumentCache() {
      // Documented: null when the script is not bound to (or running as an add-on in) a document.
      const doc = activeDocumentId();
      return doc === null ? null : cacheFor(`document:${doc}`);
    },
    getScriptCache() {
      return cacheFor('script');
    },
    getUserCache() {
      return cacheFor(`user:${runtime.user}`);
    },
  };

  const caches: CacheHandle = {
    evictAll() {
      for (const s of stores.values()) s.clear();
    },
    entries(kind, scopeKey) {
      const id =
        kind === 'script' ? 'script' : kind === 'user' ? `user:${scopeKey ?? runtime.user}` : `document:${scopeKey ?? activeDocumentId()}`;
      const out: Record<string, string> = {};
      const now = runtime.clock.now();
      for (const [k, e] of stores.get(id) ?? []) if (e.expiresAt > now) out[k] = e.value;
      return out;
    },
  };

  return {
    CacheService: instrument(service, 'CacheService', runtime.counter) as unknown as GoogleAppsScript.Cache.CacheService,
    caches,
  };
}

/**
 * Utilities (formatDate with java.text.SimpleDateFormat patterns in IANA zones, digests as
 * Java's signed bytes, base64, UUIDs, sleep on the emulated clock, formatString, newBlob),
 * Logger, and a console that records instead of printing, so test output stays clean.
 */
import { createHash, randomUUID } from 'node:crypto';
import { format as nodeFormat } from 'node:util';
import { instrument, NotEmulatedError, Runtime } from './kernel';
import { enumOf, invalidArgument, isDate, signatureMismatch } from './support';
import { isValidTimeZone, offsetMinutes, zonedParts } from './tz';

type UtilitiesApi = Pick<
  GoogleAppsScript.Utilities.Utilities,
  | 'Charset'
  | 'DigestAlgorithm'
  | 'formatDate'
  | 'formatString'
  | 'getUuid'
  | 'computeDigest'
  | 'base64Encode'
  | 'base64Decode'
  | 'base64EncodeWebSafe'
  | 'base64DecodeWebSafe'
  | 'newBlob'
  | 'sleep'
>;

export const Charset = enumOf('US_ASCII', 'UTF_8');
export const DigestAlgorithm = enumOf('MD2', 'MD5', 'SHA_1', 'SHA_256', 'SHA_384', 'SHA_512');

const NODE_DIGEST: Record<string, string | undefined> = { MD5: 'md5', SHA_1: 'sha1', SHA_256: 'sha256', SHA_384: 'sha384', SHA_512: 'sha512' };
/** Documented: "The maximum allowed value is 300000 (or 5 minutes)". */
const MAX_SLEEP_MS = 300000;

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
const DAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];
/** Letters SimpleDateFormat knows; the emulator implements all but a few (those throw "not emulated"). */
const JAVA_LETTERS = new Set('GyYMLwWDdFEuaHkKhmsSzZX');

function pad(n: number, width: number): string {
  const s = String(Math.abs(n)).padStart(width, '0');
  return n < 0 ? `-${s}` : s;
}

/** ±hh:mm or ±hhmm; "Z" only for the X letters at offset zero, as SimpleDateFormat does. */
function offsetText(minutes: number, colon: boolean): string {
  const sign = minutes < 0 ? '-' : '+';
  const abs = Math.abs(minutes);
  return `${sign}${pad(Math.floor(abs / 60), 2)}${colon ? ':' : ''}${pad(abs % 60, 2)}`;
}

/**
 * Java time zone ids Intl lacks: custom "GMT+3" / "GMT+03:00" ids map to Etc zones; an id
 * Java does not know falls back to GMT silently, as java.util.TimeZone.getTimeZone does.
 */
function resolveZone(timeZone: string): string {
  const custom = /^GMT([+-])(\d{1,2})(?::?(\d{2}))?$/.exec(timeZone);
  if (custom && (custom[3] === undefined || custom[3] === '00')) {
    const hours = Number(custom[2]);
    return hours === 0 ? 'UTC' : `Etc/GMT${custom[1] === '+' ? '-' : '+'}${hours}`;
  }
  return isValidTimeZone(timeZone) ? timeZone : 'UTC';
}

/** Short zone names Java prints for `z` where Intl only knows "GMT+3" (best effort; others print GMT±hh:mm). */
const SHORT_ZONE_NAMES: Record<string, string> = { 'Europe/Moscow': 'MSK', UTC: 'UTC', 'Etc/UTC': 'UTC', GMT: 'GMT', 'Etc/GMT': 'GMT' };

export function formatDate(date: Date, timeZone: string, pattern: string): string {
  const ms = date.getTime();
  const zone = resolveZone(timeZone);
  const p = zonedParts(ms, zone);
  const offset = offsetMinutes(ms, zone);
  let out = '';
  let i = 0;
  while (i < pattern.length) {
    const c = pattern[i];
    if (c === "'") {
      if (pattern[i + 1] === "'") {
        out += "'";
        i += 2;
        continue;
      }
      let j = i + 1;
      while (j < pattern.length) {
        if (pattern[j] === "'" && pattern[j + 1] === "'") {
          out += "'";
          j += 2;
        } else if (pattern[j] === "'") break;
        else out += pattern[j++];
      }
      i = j + 1;
      continue;
    }
    if (!/[A-Za-z]/.test(c)) {
      out += c;
      i++;
      continue;
    }
    let n = 1;
    while (pattern[i + n] === c) n++;
    i += n;
    if (!JAVA_LETTERS.has(c)) throw new Error(`Illegal pattern character '${c}'`); // java.text's wording
    switch (c) {
      case 'G':
        out += p.year > 0 ? 'AD' : 'BC';
        break;
      case 'y': {
        const year = p.year > 0 ? p.year : 1 - p.year;
        out += n === 2 ? pad(year % 100, 2) : pad(year, n);
        break;
      }
      case 'M':
      case 'L':
        out += n >= 4 ? MONTHS[p.month - 1] : n === 3 ? MONTHS[p.month - 1].slice(0, 3) : pad(p.month, n);
        break;
      case 'd':
        out += pad(p.day, n);
        break;
      case 'D': {
        const dayOfYear = Math.round((Date.UTC(p.year, p.month - 1, p.day) - Date.UTC(p.year, 0, 1)) / 86400000) + 1;
        out += pad(dayOfYear, n);
        break;
      }
      case 'E':
        out += n >= 4 ? DAYS[p.weekday] : DAYS[p.weekday].slice(0, 3);
        break;
      case 'u':
        out += pad(p.weekday === 0 ? 7 : p.weekday, n);
        break;
      case 'a':
        out += p.hour < 12 ? 'AM' : 'PM';
        break;
      case 'H':
        out += pad(p.hour, n);
        break;
      case 'k':
        out += pad(p.hour === 0 ? 24 : p.hour, n);
        break;
      case 'K':
        out += pad(p.hour % 12, n);
        break;
      case 'h':
        out += pad(p.hour % 12 === 0 ? 12 : p.hour % 12, n);
        break;
      case 'm':
        out += pad(p.minute, n);
        break;
      case 's':
        out += pad(p.second, n);
        break;
      case 'S':
        out += pad(p.millisecond, n);
        break;
      case 'z':
        out += SHORT_ZONE_NAMES[zone] ?? `GMT${offsetText(offset, true)}`;
        break;
      case 'Z':
        out += offsetText(offset, false);
        break;
      case 'X':
        if (offset === 0) out += 'Z';
        else if (n === 1) out += offsetText(offset, false).slice(0, 3);
        else out += offsetText(offset, n >= 3);
        break;
      default:
        throw new NotEmulatedError('Utilities', `formatDate pattern letter '${c}'`);
    }
  }
  return out;
}

/** Java's String.format for the conversions scripts use: %s %d %f %.Nf %x %b %% with width/zero flags. */
export function formatString(template: string, args: readonly unknown[]): string {
  let next = 0;
  return template.replace(/%(-)?(0)?(\d+)?(?:\.(\d+))?([sdfxXbn%])/g, (_m, left: string, zero: string, width: string, prec: string, conv: string) => {
    if (conv === '%') return '%';
    if (conv === 'n') return '\n';
    const arg = args[next++];
    let s: string;
    switch (conv) {
      case 'd':
        s = String(Math.trunc(Number(arg)));
        break;
      case 'f':
        s = Number(arg).toFixed(prec === undefined ? 6 : Number(prec));
        break;
      case 'x':
        s = Math.trunc(Number(arg)).toString(16);
        break;
      case 'X':
        s = Math.trunc(Number(arg)).toString(16).toUpperCase();
        break;
      case 'b':
        s = String(arg !== null && arg !== undefined && arg !== false);
        break;
      default:
        s = String(arg);
        if (prec !== undefined) s = s.slice(0, Number(prec));
    }
    const w = width === undefined ? 0 : Number(width);
    if (s.length >= w) return s;
    if (left) return s.padEnd(w, ' ');
    if (zero && conv !== 's') {
      const neg = s.startsWith('-');
      return (neg ? '-' : '') + s.slice(neg ? 1 : 0).padStart(w - (neg ? 1 : 0), '0');
    }
    return s.padStart(w, ' ');
  });
}

function toSigned(buf: Buffer): number[] {
  return Array.from(buf, (b) => (b > 127 ? b - 256 : b));
}

function bytesOf(value: unknown, charset: unknown, method: string, args: unknown[]): Buffer {
  if (typeof value === 'string') return Buffer.from(value, charset === Charset.US_ASCII ? 'latin1' : 'utf8');
  if (Array.isArray(value) && value.every((b) => typeof b === 'number')) return Buffer.from(value.map((b: number) => b & 0xff));
  throw signatureMismatch(method, args);
}

type BlobApi = Pick<
  GoogleAppsScript.Base.Blob,
  'getBytes' | 'getDataAsString' | 'getContentType' | 'setContentType' | 'getName' | 'setName' | 'setBytes' | 'setDataFromString' | 'copyBlob' | 'isGoogleType' | 'getBlob'
>;

class EmuBlob implements BlobApi {
  _self: GoogleAppsScript.Base.Blob | null = null;

  constructor(
    private readonly _make: (bytes: Buffer, contentType: string | null, name: string | null) => GoogleAppsScript.Base.Blob,
    public _bytes: Buffer,
    public _contentType: string | null,
    public _name: string | null,
  ) {}

  getBytes(): number[] {
    return toSigned(this._bytes);
  }
  getDataAsString(charset?: string): string {
    return this._bytes.toString(charset && /ascii|latin|8859/i.test(charset) ? 'latin1' : 'utf8');
  }
  getContentType(): string | null {
    return this._contentType;
  }
  setContentType(contentType: string | null): GoogleAppsScript.Base.Blob {
    this._contentType = contentType;
    return this.me();
  }
  getName(): string | null {
    return this._name;
  }
  setName(name: string): GoogleAppsScript.Base.Blob {
    this._name = String(name);
    return this.me();
  }
  setBytes(data: number[]): GoogleAppsScript.Base.Blob {
    this._bytes = bytesOf(data, undefined, 'Blob.setBytes', [data]);
    return this.me();
  }
  setDataFromString(text: string): GoogleAppsScript.Base.Blob {
    this._bytes = Buffer.from(String(text), 'utf8');
    return this.me();
  }
  copyBlob(): GoogleAppsScript.Base.Blob {
    return this._make(Buffer.from(this._bytes), this._contentType, this._name);
  }
  isGoogleType(): boolean {
    return false;
  }
  getBlob(): GoogleAppsScript.Base.Blob {
    return this.me();
  }

  private me(): GoogleAppsScript.Base.Blob {
    if (!this._self) throw new Error('Blob used before instrumentation');
    return this._self;
  }
}

export interface LogEntry {
  source: 'Logger' | 'console';
  level: 'log' | 'info' | 'warn' | 'error';
  message: string;
  /** Emulated time (ms). */
  at: number;
}

/** Test-side view of what the code under test logged. */
export interface LogsHandle {
  entries: LogEntry[];
  /** Messages joined by newlines, optionally of one level. */
  text(level?: LogEntry['level']): string;
  clear(): void;
}

export function createUtilities(runtime: Runtime): {
  Utilities: GoogleAppsScript.Utilities.Utilities;
  Logger: GoogleAppsScript.Base.Logger;
  console: Console;
  logs: LogsHandle;
} {
  const makeBlob = (bytes: Buffer, contentType: string | null, name: string | null): GoogleAppsScript.Base.Blob => {
    const target = new EmuBlob(makeBlob, bytes, contentType, name);
    const proxy = instrument(target, 'Blob', runtime.counter) as unknown as GoogleAppsScript.Base.Blob;
    target._self = proxy;
    return proxy;
  };

  const utilities: UtilitiesApi = {
    Charset: Charset as unknown as typeof GoogleAppsScript.Utilities.Charset,
    DigestAlgorithm: DigestAlgorithm as unknown as typeof GoogleAppsScript.Utilities.DigestAlgorithm,
    formatDate(date: unknown, timeZone: unknown, pattern: unknown) {
      if (!isDate(date) || typeof timeZone !== 'string' || typeof pattern !== 'string') {
        throw signatureMismatch('Utilities.formatDate', [date, timeZone, pattern]);
      }
      if (Number.isNaN(date.getTime())) throw invalidArgument('date');
      return formatDate(date, timeZone, pattern);
    },
    formatString(template: string, ...args: unknown[]) {
      return formatString(String(template), args);
    },
    getUuid() {
      return randomUUID();
    },
    computeDigest(algorithm: unknown, value: unknown, charset?: unknown) {
      const args = charset === undefined ? [algorithm, value] : [algorithm, value, charset];
      const name = typeof algorithm === 'string' ? NODE_DIGEST[algorithm] : undefined;
      if (typeof algorithm !== 'string' || !(algorithm in DigestAlgorithm)) throw signatureMismatch('Utilities.computeDigest', args);
      if (!name) throw new NotEmulatedError('Utilities', `computeDigest(${algorithm})`);
      return toSigned(createHash(name).update(bytesOf(value, charset, 'Utilities.computeDigest', args)).digest());
    },
    base64Encode(data: unknown, charset?: unknown) {
      return bytesOf(data, charset, 'Utilities.base64Encode', [data]).toString('base64');
    },
    base64EncodeWebSafe(data: unknown, charset?: unknown) {
      // Java's URL-safe alphabet, padding kept.
      return bytesOf(data, charset, 'Utilities.base64EncodeWebSafe', [data]).toString('base64').replace(/\+/g, '-').replace(/\//g, '_');
    },
    base64Decode(encoded: unknown) {
      if (typeof encoded !== 'string') throw signatureMismatch('Utilities.base64Decode', [encoded]);
      if (!/^[A-Za-z0-9+/]*={0,2}$/.test(encoded.replace(/\s/g, ''))) throw new Error('Could not decode string.');
      return toSigned(Buffer.from(encoded, 'base64'));
    },
    base64DecodeWebSafe(encoded: unknown) {
      if (typeof encoded !== 'string') throw signatureMismatch('Utilities.base64DecodeWebSafe', [encoded]);
      if (!/^[A-Za-z0-9_-]*={0,2}$/.test(encoded.replace(/\s/g, ''))) throw new Error('Could not decode string.');
      return toSigned(Buffer.from(encoded, 'base64url'));
    },
    newBlob(data: unknown, contentType?: unknown, name?: unknown) {
      const bytes = bytesOf(data, undefined, 'Utilities.newBlob', [data, contentType, name].filter((x) => x !== undefined));
      return makeBlob(bytes, contentType === undefined ? null : String(contentType), name === undefined ? null : String(name));
    },
    sleep(milliseconds: unknown) {
      if (typeof milliseconds !== 'number') throw signatureMismatch('Utilities.sleep', [milliseconds]);
      if (milliseconds > MAX_SLEEP_MS || milliseconds < 0) throw invalidArgument('milliseconds'); // wording unconfirmed
      // Sleeping spends the execution's time but fires no triggers meanwhile.
      runtime.clock.tick(milliseconds);
    },
  } as UtilitiesApi;

  const entries: LogEntry[] = [];
  const record = (source: LogEntry['source'], level: LogEntry['level'], message: string): void => {
    entries.push({ source, level, message, at: runtime.clock.now() });
  };

  const logger: Pick<GoogleAppsScript.Base.Logger, 'log' | 'getLog' | 'clear'> & { _self?: GoogleAppsScript.Base.Logger } = {
    log(data: unknown, ...values: unknown[]) {
      record('Logger', 'log', values.length > 0 ? formatString(String(data), values) : String(data));
      return logger._self as GoogleAppsScript.Base.Logger;
    },
    getLog() {
      return entries
        .filter((e) => e.source === 'Logger')
        .map((e) => `[${formatDate(new Date(e.at), runtime.timeZone, 'yy-MM-dd HH:mm:ss:SSS z')}] ${e.message}`)
        .join('\n');
    },
    clear() {
      for (let i = entries.length - 1; i >= 0; i--) if (entries[i].source === 'Logger') entries.splice(i, 1);
    },
  } as typeof logger;
  const Logger = instrument(logger, 'Logger', runtime.counter) as unknown as GoogleAppsScript.Base.Logger;
  logger._self = Logger;

  const timers = new Map<string, number>();
  const consoleTarget: Console = {
    log: (...a: unknown[]) => record('console', 'log', nodeFormat(...a)),
    info: (...a: unknown[]) => record('console', 'info', nodeFormat(...a)),
    warn: (...a: unknown[]) => record('console', 'warn', nodeFormat(...a)),
    error: (...a: unknown[]) => record('console', 'error', nodeFormat(...a)),
    time: (label: string) => void timers.set(String(label), runtime.clock.now()),
    timeEnd: (label: string) => {
      const start = timers.get(String(label));
      timers.delete(String(label));
      if (start !== undefined) record('console', 'log', `${label}: ${runtime.clock.now() - start}ms`);
    },
  } as Console;

  const logs: LogsHandle = {
    entries,
    text: (level) => entries.filter((e) => level === undefined || e.level === level).map((e) => e.message).join('\n'),
    clear: () => void entries.splice(0, entries.length),
  };

  return {
    Utilities: instrument(utilities, 'Utilities', runtime.counter) as unknown as GoogleAppsScript.Utilities.Utilities,
    Logger,
    console: instrument(consoleTarget, 'console', runtime.counter),
    logs,
  };
}

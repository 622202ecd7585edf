/**
 * The shared state of one emulated Apps Script project: the call counter, the clock,
 * the users, the installed triggers, the current execution and the bridge to the
 * loaded bundle. Every service module of the emulator receives one Runtime.
 */

/** Counts every service call as "Service.method", readable by tests and the benchmark. */
export class CallCounter {
  private counts = new Map<string, number>();

  count(service: string, method: string): void {
    const key = `${service}.${method}`;
    this.counts.set(key, (this.counts.get(key) ?? 0) + 1);
  }

  get(key: string): number {
    return this.counts.get(key) ?? 0;
  }

  total(): number {
    let sum = 0;
    for (const n of this.counts.values()) sum += n;
    return sum;
  }

  /** Calls per service ("SpreadsheetApp", "Range", …). */
  byService(): Record<string, number> {
    const out: Record<string, number> = {};
    for (const [key, n] of this.counts) {
      const service = key.slice(0, key.indexOf('.'));
      out[service] = (out[service] ?? 0) + n;
    }
    return out;
  }

  snapshot(): Record<string, number> {
    return Object.fromEntries([...this.counts].sort(([a], [b]) => a.localeCompare(b)));
  }

  /** What was called since an earlier snapshot. */
  since(before: Record<string, number>): Record<string, number> {
    const out: Record<string, number> = {};
    for (const [key, n] of this.counts) {
      const delta = n - (before[key] ?? 0);
      if (delta > 0) out[key] = delta;
    }
    return out;
  }

  reset(): void {
    this.counts.clear();
  }
}

/** Thrown for any member the emulator does not implement, so a test never passes on a guess. */
export class NotEmulatedError extends Error {
  constructor(service: string, member: string) {
    super(`not emulated: ${service}.${member}`);
    this.name = 'NotEmulatedError';
  }
}

/** Properties a caller may probe without meaning an Apps Script member. */
const PROBES = new Set(['then', 'toJSON', 'constructor', 'inspect', 'asymmetricMatch', 'nodeType', '$$typeof', 'toString', 'valueOf']);

/**
 * Wraps an emulated service object: every method call is counted as `service.method`,
 * and any member the object lacks throws `not emulated: service.member` when called.
 * Members starting with `_` are the emulator's own and are neither counted nor exposed.
 */
export function instrument<T extends object>(target: T, service: string, counter: CallCounter): T {
  return new Proxy(target, {
    get(obj, prop, receiver) {
      if (typeof prop === 'symbol' || PROBES.has(prop)) return Reflect.get(obj, prop, receiver);
      if (prop.startsWith('_')) return Reflect.get(obj, prop, receiver);
      const value = Reflect.get(obj, prop, receiver);
      if (value === undefined) {
        return () => {
          throw new NotEmulatedError(service, prop);
        };
      }
      if (typeof value !== 'function') return value;
      return (...args: unknown[]) => {
        counter.count(service, prop);
        return (value as (...a: unknown[]) => unknown).apply(obj, args);
      };
    },
  });
}

/** The emulated wall clock. Time-driven triggers fire when it is advanced past them. */
export class Clock {
  private ms: number;
  private listeners: Array<(from: number, to: number) => void> = [];

  constructor(start: Date | string | number = '2026-11-23T09:00:00+03:00') {
    this.ms = new Date(start).getTime();
  }

  now(): number {
    return this.ms;
  }

  set(date: Date | string | number): void {
    this.moveTo(new Date(date).getTime());
  }

  advance(ms: number): void {
    this.moveTo(this.ms + ms);
  }

  /** Registered by ScriptApp: fires the time-driven triggers due in (from, to]. */
  onAdvance(listener: (from: number, to: number) => void): void {
    this.listeners.push(listener);
  }

  /** Moves time without firing triggers (e.g. Utilities.sleep inside an execution). */
  tick(ms: number): void {
    this.ms += ms;
  }

  private moveTo(to: number): void {
    const from = this.ms;
    if (to < from) throw new Error('the emulated clock cannot go backwards');
    for (const listener of this.listeners) listener(from, to);
    this.ms = to;
  }
}

export type TriggerEventType = 'ON_FORM_SUBMIT' | 'CLOCK' | 'ON_OPEN' | 'ON_EDIT' | 'ON_CHANGE';

/** One installable trigger, as ScriptApp keeps it. */
export interface TriggerRecord {
  uid: string;
  handler: string;
  eventType: TriggerEventType;
  /** 'SPREADSHEET' | 'FORMS' | 'CLOCK' */
  source: string;
  /** The spreadsheet or form id for container triggers; '' for clock triggers. */
  sourceId: string;
  /** Owner's email: add-ons may hold one trigger of each type per user per document. */
  owner: string;
  /** Clock triggers: the next time it fires (ms), and how often after that (ms, 0 = once). */
  nextRunAt?: number;
  intervalMs?: number;
  /**
   * The document the add-on ran in when it created the trigger: an add-on holds one
   * trigger of each type per user per document, clock triggers included.
   */
  documentId?: string;
}

export interface RuntimeOptions {
  now?: Date | string | number;
  /** The user running the code (Session.getActiveUser / getEffectiveUser). */
  user?: string;
  timeZone?: string;
  locale?: string;
  mailQuota?: number;
}

/** The state every service module shares. */
export class Runtime {
  readonly counter = new CallCounter();
  readonly clock: Clock;
  readonly timeZone: string;
  readonly locale: string;
  readonly triggers: TriggerRecord[] = [];
  /** Whose execution this is: protection checks and Session read it. */
  user: string;
  /** The add-on's authorization; tests set it to 'REQUIRED' to emulate a revoked grant. */
  authorizationStatus: 'ENABLED' | 'REQUIRED' = 'ENABLED';
  /**
   * The current execution's id (0 outside any); every execution gets a new one, and
   * locks held by an ended execution are released.
   */
  executionId = 0;
  private executionSeq = 0;
  private executionEndListeners: Array<(id: number) => void> = [];
  private bundle: Record<string, unknown> | null = null;
  mailQuota: number;

  constructor(options: RuntimeOptions = {}) {
    this.clock = new Clock(options.now);
    this.user = options.user ?? 'coordinator@district.example';
    this.timeZone = options.timeZone ?? 'Europe/Moscow';
    this.locale = options.locale ?? 'ru';
    this.mailQuota = options.mailQuota ?? 100;
  }

  /** Connects the loaded build/Code.js context, whose globals triggers call by name. */
  attachBundle(context: Record<string, unknown>): void {
    this.bundle = context;
  }

  onExecutionEnd(listener: (id: number) => void): void {
    this.executionEndListeners.push(listener);
  }

  /**
   * Runs `fn` as one Apps Script execution (a trigger run, a menu click, a
   * google.script.run call): a fresh execution id, and its locks released at the end.
   */
  execute<T>(fn: () => T, asUser?: string): T {
    const previousUser = this.user;
    const previousExecution = this.executionId;
    if (asUser) this.user = asUser;
    // A nested execution (a trigger fired from inside a test's execution) must hand the
    // outer one its id back, or the outer one's later locks would outlive it.
    const id = ++this.executionSeq;
    this.executionId = id;
    try {
      return fn();
    } finally {
      for (const listener of this.executionEndListeners) listener(id);
      this.user = previousUser;
      this.executionId = previousExecution;
    }
  }

  /** Calls a global function of the bundle by name, as a trigger or google.script.run does. */
  invoke(functionName: string, ...args: unknown[]): unknown {
    return this.invokeAs(undefined, functionName, ...args);
  }

  /** As `invoke`, as another user: installable triggers always run as their owner. */
  invokeAs(asUser: string | undefined, functionName: string, ...args: unknown[]): unknown {
    if (!this.bundle) throw new Error('no bundle attached: load build/Code.js first');
    const fn = this.bundle[functionName];
    if (typeof fn !== 'function') {
      throw new Error(`Script function not found: ${functionName}`);
    }
    return this.execute(() => (fn as (...a: unknown[]) => unknown)(...args), asUser);
  }

  /** The loaded bundle's global object (the vm context), or null before loading. */
  get bundleContext(): Record<string, unknown> | null {
    return this.bundle;
  }
}

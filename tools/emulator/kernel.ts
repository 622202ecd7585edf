/**
 * The shared state of one emulated Apps Script project: the call counter, the clock,
 * the users, the installed triggers, the current execution and the bridge to the
 * loaded bundle. Every service module of the emulator receives one Runtime.
 */

/** Range methods that hand the script a grid of cells, and those that take one. */
const GRID_READS = new Set(['getValues', 'getDisplayValues', 'getFormulas', 'getNotes', 'getRichTextValues']);
const GRID_WRITES = new Set(['setValues', 'setFormulas', 'setNotes', 'setRichTextValues']);
const CELL_READS = new Set(['getValue', 'getDisplayValue', 'getFormula', 'getNote']);
const CELL_WRITES = new Set(['setValue', 'setFormula', 'setNote']);

const gridSize = (grid: unknown): number =>
  Array.isArray(grid) ? grid.reduce((sum: number, row) => sum + (Array.isArray(row) ? row.length : 0), 0) : 0;

/**
 * Counts every service call as "Service.method", readable by tests and the benchmark, and
 * the cells the script reads and writes through ranges (what a batched call costs beyond
 * its round trip).
 */
export class CallCounter {
  private counts = new Map<string, number>();
  /**
   * Runs before every call is made and counted; it may throw to refuse the call (the
   * Runtime sets it: authorization modes, scopes, time passing, the execution limit).
   */
  guard: ((service: string, method: string) => void) | null = null;
  cellsRead = 0;
  cellsWritten = 0;

  /** Adds the cells a call moved: a grid read or written, one cell, or an appended row. */
  cells(service: string, method: string, args: unknown[], result: unknown): void {
    if (service === 'Range') {
      if (GRID_READS.has(method)) this.cellsRead += gridSize(result);
      else if (GRID_WRITES.has(method)) this.cellsWritten += gridSize(args[0]);
      else if (CELL_READS.has(method)) this.cellsRead += 1;
      else if (CELL_WRITES.has(method)) this.cellsWritten += 1;
    } else if (service === 'Sheet' && method === 'getSheetValues') {
      // A grid read straight from the sheet, no Range in between: its cells count the same.
      this.cellsRead += gridSize(result);
    } else if (service === 'Sheet' && method === 'appendRow' && Array.isArray(args[0])) {
      this.cellsWritten += args[0].length;
    }
  }
  private failIn: number | null = null;

  count(service: string, method: string): void {
    const key = `${service}.${method}`;
    this.counts.set(key, (this.counts.get(key) ?? 0) + 1);
    // Counted before the call runs: an injected failure leaves the call undone.
    if (this.failIn !== null && --this.failIn === 0) {
      this.failIn = null;
      throw new Error(`Service error: ${key} (injected)`);
    }
  }

  /** Failure injection: the nth service call from now throws instead of running (null: none). */
  failAt(n: number | null): void {
    this.failIn = n;
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
    this.cellsRead = 0;
    this.cellsWritten = 0;
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
        counter.guard?.(service, prop);
        counter.count(service, prop);
        const result = (value as (...a: unknown[]) => unknown).apply(obj, args);
        counter.cells(service, prop, args, result);
        return result;
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

export type AuthModeName = 'NONE' | 'LIMITED' | 'FULL';

/** How one execution runs: its authorization mode and the document it runs in. */
export interface ExecutionOptions {
  /** Simple triggers run in LIMITED (or NONE); everything else in FULL (the default). */
  authMode?: AuthModeName;
  /**
   * The active document during the execution: a spreadsheet id, or null for none (a
   * time-driven trigger). Undefined keeps the current one.
   */
  document?: string | null;
}

/**
 * Apps Script stops an execution after 6 minutes ("Script runtime: 6 min / execution",
 * Quotas for Google Services); the message is the one executions report.
 */
export const MAX_EXECUTION_MS = 6 * 60 * 1000;
export const EXECUTION_TIME_EXCEEDED = 'Exceeded maximum execution time';

interface ExecutionFrame {
  id: number;
  startedAt: number;
  authMode: AuthModeName;
  killed: boolean;
}

export interface RuntimeOptions {
  /**
   * Emulated milliseconds each service call takes (default 0). Real calls take tens of
   * milliseconds; tests set this so time budgets and the 6-minute limit are really met.
   */
  callCostMs?: number | ((service: string, method: string) => number);
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
  /** See RuntimeOptions.callCostMs; tests may change it between executions. */
  callCostMs: number | ((service: string, method: string) => number);
  /** The execution limit; tests may lower it. */
  maxExecutionMs = MAX_EXECUTION_MS;
  /**
   * Checks a call against the current execution's authorization mode and the granted
   * scopes; throws the platform's refusal (auth.ts installs it).
   */
  authorize: ((service: string, method: string, mode: AuthModeName) => void) | null = null;
  /** Makes a document (or none) the active one; returns how to restore (index.ts installs it). */
  switchDocument: ((id: string | null) => () => void) | null = null;
  private frames: ExecutionFrame[] = [];

  constructor(options: RuntimeOptions = {}) {
    this.clock = new Clock(options.now);
    this.user = options.user ?? 'coordinator@district.example';
    this.timeZone = options.timeZone ?? 'Europe/Moscow';
    this.locale = options.locale ?? 'ru';
    this.mailQuota = options.mailQuota ?? 100;
    this.callCostMs = options.callCostMs ?? 0;
    this.counter.guard = (service, method) => this.beforeCall(service, method);
  }

  /** The current execution's authorization mode (FULL outside any execution). */
  get authMode(): AuthModeName {
    return this.frames[this.frames.length - 1]?.authMode ?? 'FULL';
  }

  /**
   * Every service call inside an execution: refused if the mode or the scopes do not
   * allow it, refused once the execution has run past its limit, and otherwise it takes
   * its emulated time. Calls made by the test itself (outside executions) are free.
   */
  private beforeCall(service: string, method: string): void {
    const frame = this.frames[this.frames.length - 1];
    if (!frame) return;
    if (frame.killed) throw new Error(EXECUTION_TIME_EXCEEDED);
    this.authorize?.(service, method, frame.authMode);
    const cost = typeof this.callCostMs === 'function' ? this.callCostMs(service, method) : this.callCostMs;
    if (cost > 0) this.clock.tick(cost);
    if (this.clock.now() - frame.startedAt > this.maxExecutionMs) {
      // Killed: this call and every later one in the execution fail.
      frame.killed = true;
      throw new Error(EXECUTION_TIME_EXCEEDED);
    }
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
  execute<T>(fn: () => T, asUser?: string, options: ExecutionOptions = {}): T {
    const previousUser = this.user;
    const previousExecution = this.executionId;
    if (asUser) this.user = asUser;
    // A nested execution (a trigger fired from inside a test's execution) must hand the
    // outer one its id back, or the outer one's later locks would outlive it.
    const id = ++this.executionSeq;
    this.executionId = id;
    const restoreDocument = options.document !== undefined && this.switchDocument ? this.switchDocument(options.document) : null;
    this.frames.push({ id, startedAt: this.clock.now(), authMode: options.authMode ?? 'FULL', killed: false });
    try {
      return fn();
    } finally {
      this.frames.pop();
      restoreDocument?.();
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
    return this.invokeWith({}, asUser, functionName, ...args);
  }

  /** As `invokeAs`, in a given authorization mode and document context. */
  invokeWith(options: ExecutionOptions, asUser: string | undefined, functionName: string, ...args: unknown[]): unknown {
    if (!this.bundle) throw new Error('no bundle attached: load build/Code.js first');
    const fn = this.bundle[functionName];
    if (typeof fn !== 'function') {
      throw new Error(`Script function not found: ${functionName}`);
    }
    return this.execute(() => (fn as (...a: unknown[]) => unknown)(...args), asUser, options);
  }

  /** The loaded bundle's global object (the vm context), or null before loading. */
  get bundleContext(): Record<string, unknown> | null {
    return this.bundle;
  }
}

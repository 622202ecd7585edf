/**
 * LockService: the document, script and user locks. A lock is held by one execution
 * (runtime.executionId) and released when that execution ends, as Apps Script does when
 * the script terminates. Tests make "another execution" hold a lock with `locks.holdAs`,
 * so the code under test meets contention; waiting consumes emulated time.
 */
import { instrument, Runtime } from './kernel';
import { signatureMismatch } from './support';

type LockApi = Pick<GoogleAppsScript.Lock.Lock, 'tryLock' | 'waitLock' | 'releaseLock' | 'hasLock'>;
export type LockKind = 'document' | 'script' | 'user';

/** Who holds a lock: an execution of the code under test, or a test-declared other process. */
type Holder = { execution: number } | { label: string; until?: number };

interface Registry {
  holders: Map<string, Holder>;
}

/** Documented wording of the exception waitLock throws on timeout. */
export const LOCK_TIMEOUT_MESSAGE = 'Lock timeout: another process was holding the lock for too long.';

class EmuLock implements LockApi {
  /** Set by tryLock/waitLock on success, cleared by releaseLock: hasLock() is per Lock object. */
  private acquired = false;

  constructor(
    private readonly runtime: Runtime,
    private readonly registry: Registry,
    private readonly key: string,
  ) {}

  tryLock(timeoutInMillis: number): boolean {
    if (typeof timeoutInMillis !== 'number') throw signatureMismatch('Lock.tryLock', [timeoutInMillis]);
    return this.acquire(timeoutInMillis);
  }

  waitLock(timeoutInMillis: number): void {
    if (typeof timeoutInMillis !== 'number') throw signatureMismatch('Lock.waitLock', [timeoutInMillis]);
    if (!this.acquire(timeoutInMillis)) throw new Error(LOCK_TIMEOUT_MESSAGE);
  }

  hasLock(): boolean {
    return this.acquired && this.heldByMe();
  }

  /** No effect if the lock was not acquired, as documented. */
  releaseLock(): void {
    if (this.acquired && this.heldByMe()) this.registry.holders.delete(this.key);
    this.acquired = false;
  }

  private heldByMe(): boolean {
    const holder = this.registry.holders.get(this.key);
    return holder !== undefined && 'execution' in holder && holder.execution === this.runtime.executionId;
  }

  private acquire(timeoutMs: number): boolean {
    const holder = this.registry.holders.get(this.key);
    const now = this.runtime.clock.now();
    if (holder && !('execution' in holder && holder.execution === this.runtime.executionId)) {
      // Another process holds it: it frees up only if it is due to release within the wait.
      const freeAt = 'label' in holder ? holder.until : undefined;
      if (freeAt === undefined || freeAt > now + timeoutMs) {
        this.runtime.clock.tick(Math.max(0, timeoutMs));
        this.acquired = false;
        return false;
      }
      if (freeAt > now) this.runtime.clock.tick(freeAt - now);
    }
    this.registry.holders.set(this.key, { execution: this.runtime.executionId });
    this.acquired = true;
    return true;
  }
}

/** Test-side control of the locks. */
export interface LocksHandle {
  /**
   * Makes another execution (named `label`) hold the lock of `kind` for the active
   * document / current user; with `forMs` it lets go after that much emulated time.
   */
  holdAs(kind: LockKind, label: string, options?: { forMs?: number }): void;
  /** Releases a lock held by `holdAs` (any holder if no label). */
  release(kind: LockKind, label?: string): void;
  /** Who holds the lock now: an execution id, a test label, or null. */
  holder(kind: LockKind): number | string | null;
}

export function createLockService(
  runtime: Runtime,
  activeDocumentId: () => string | null,
): { LockService: GoogleAppsScript.Lock.LockService; locks: LocksHandle } {
  const registry: Registry = { holders: new Map() };

  const keyFor = (kind: LockKind): string => {
    if (kind === 'script') return 'script';
    if (kind === 'user') return `user:${runtime.user}`;
    const doc = activeDocumentId();
    if (doc === null) throw new Error('no active document for a document lock');
    return `document:${doc}`;
  };

  const isExpired = (holder: Holder): boolean =>
    'label' in holder && holder.until !== undefined && holder.until <= runtime.clock.now();

  // A lock is released automatically when the script that holds it terminates.
  runtime.onExecutionEnd((id) => {
    for (const [key, holder] of registry.holders) {
      if ('execution' in holder && holder.execution === id) registry.holders.delete(key);
    }
  });

  const newLock = (kind: LockKind): GoogleAppsScript.Lock.Lock => {
    const key = keyFor(kind);
    const holder = registry.holders.get(key);
    if (holder && isExpired(holder)) registry.holders.delete(key);
    return instrument(new EmuLock(runtime, registry, key), 'Lock', runtime.counter) as unknown as GoogleAppsScript.Lock.Lock;
  };

  const service: Pick<GoogleAppsScript.Lock.LockService, 'getDocumentLock' | 'getScriptLock' | 'getUserLock'> = {
    // Documented: null "if this method is called outside of the context of a containing document" — e.g. in a time-driven trigger, which runs with no active spreadsheet here.
    getDocumentLock: () => (activeDocumentId() === null ? (null as unknown as GoogleAppsScript.Lock.Lock) : newLock('document')),
    getScriptLock: () => newLock('script'),
    getUserLock: () => newLock('user'),
  };

  const locks: LocksHandle = {
    holdAs(kind, label, options) {
      const key = keyFor(kind);
      const current = registry.holders.get(key);
      if (current && !isExpired(current) && !('label' in current && current.label === label)) {
        throw new Error(`the ${kind} lock is already held`);
      }
      const until = options?.forMs === undefined ? undefined : runtime.clock.now() + options.forMs;
      registry.holders.set(key, { label, until });
    },
    release(kind, label) {
      const key = keyFor(kind);
      const current = registry.holders.get(key);
      if (current && (label === undefined || ('label' in current && current.label === label))) registry.holders.delete(key);
    },
    holder(kind) {
      const current = registry.holders.get(keyFor(kind));
      if (!current || isExpired(current)) return null;
      return 'execution' in current ? current.execution : current.label;
    },
  };

  return {
    LockService: instrument(service, 'LockService', runtime.counter) as unknown as GoogleAppsScript.Lock.LockService,
    locks,
  };
}

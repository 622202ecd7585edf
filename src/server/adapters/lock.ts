/**
 * LockService: submissions, recalculation, the scheduled job and every write of the
 * add-on serialise on one lock. It is the script lock, not the document lock, because
 * the scheduled job runs in a time-driven trigger, where getDocumentLock() is null
 * ("called outside of the context of a containing document"); the script lock is the
 * one both paths can take ("prevents any user from concurrently running a section of
 * code"). Its price: executions for different workbooks also wait for each other, which
 * is why every holder keeps its section short (one response, one chunk).
 */

/** Apps Script allows 30 simultaneous executions; a burst of them queues this long. */
export const LOCK_WAIT_MS = 30_000;

/**
 * Runs fn holding the lock; returns 'busy' when it cannot be had in time. `untilEnd`:
 * the caller's execution ends as fn returns or throws, and "locks are released
 * automatically when the script terminates" (Lock.releaseLock): one call fewer, paid on
 * every response.
 */
export function withLock<T>(fn: () => T, options: { waitMs?: number; untilEnd?: boolean } = {}): T | 'busy' {
  const lock = LockService.getScriptLock();
  if (!lock.tryLock(options.waitMs ?? LOCK_WAIT_MS)) return 'busy';
  if (options.untilEnd) return fn();
  try {
    return fn();
  } finally {
    lock.releaseLock();
  }
}

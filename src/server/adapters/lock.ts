/** LockService: submissions, recalculation and every write of the add-on serialise on the document lock. */

/** Apps Script allows 30 simultaneous executions; a burst of them queues this long. */
export const LOCK_WAIT_MS = 30_000;

/** Runs fn holding the document lock; returns 'busy' when it cannot be had in time. */
export function withDocumentLock<T>(fn: () => T, waitMs = LOCK_WAIT_MS): T | 'busy' {
  const lock = LockService.getDocumentLock();
  if (!lock || !lock.tryLock(waitMs)) return 'busy';
  try {
    return fn();
  } finally {
    lock.releaseLock();
  }
}

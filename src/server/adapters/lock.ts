/** LockService: submissions and recalculation serialise on the document lock. */

/** Runs fn holding the document lock; returns 'busy' when it cannot be had in time. */
export function withDocumentLock<T>(waitMs: number, fn: () => T): T | 'busy' {
  const lock = LockService.getDocumentLock();
  if (!lock || !lock.tryLock(waitMs)) return 'busy';
  try {
    return fn();
  } finally {
    lock.releaseLock();
  }
}

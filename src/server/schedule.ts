/** The scheduled job and the trigger health check. */
import { SUBMIT_HANDLER, authorizationRequired, ensureTriggers } from './adapters/triggers';
import { activeWorkbook, readDocumentJson, writeDocumentJson } from './adapters/workbook';
import { Context, loadLayout, readSettings } from './context';
import { withDocumentLock } from './adapters/lock';
import { recomputeIndicators } from './reports';
import { logEntry, nowIso, writeLog } from './log';
import { CATCH_UP_PROPERTY, catchUp, CURSOR_PROPERTY, RunOptions } from './recalc';

const DAILY_PROPERTY = 'pdm.dailyDone';

function context(): Context | null {
  const layout = loadLayout();
  return layout ? { book: activeWorkbook(), layout, lang: layout.lang } : null;
}

/**
 * Re-creates a missing trigger and says so in the log. A missing form-submit trigger
 * means responses may have arrived unscored, so a catch-up is queued.
 */
export function checkHealth(ctx: Context): void {
  const health = ensureTriggers(ctx.book);
  if (health.submitCreated) {
    writeLog(ctx, [logEntry(ctx, '', '', 'triggerRecreated', { handler: SUBMIT_HANDLER })]);
    writeDocumentJson(CATCH_UP_PROPERTY, true);
  }
}

/**
 * Installable time-driven trigger, hourly (the most an add-on may ask for). Event: the
 * clock event. Continues a paused recalculation or a queued catch-up; once a day runs
 * the trigger health check, a catch-up of any response left unscored, and the
 * indicators.
 */
export function runScheduledJobs(_e?: unknown, options: RunOptions = {}): void {
  // A revoked grant: nothing can be read; the coordinator sees it on next open.
  if (authorizationRequired()) return;
  const ctx = context();
  if (!ctx) return;
  const today = nowIso(ctx).slice(0, 10);
  const daily = readDocumentJson<string>(DAILY_PROPERTY) !== today;
  if (daily) {
    checkHealth(ctx);
    writeDocumentJson(DAILY_PROPERTY, today);
    writeDocumentJson(CATCH_UP_PROPERTY, true);
  }
  const pending = readDocumentJson(CURSOR_PROPERTY) || readDocumentJson(CATCH_UP_PROPERTY);
  const progress = pending ? catchUp(ctx, options) : null;
  // Survey responses do not recompute the indicators one by one: once a day does,
  // unless a catch-up that scored something has just done it.
  const recomputed = progress !== null && progress.done && progress.processed > 0;
  if (daily && !recomputed) withDocumentLock(() => recomputeIndicators(ctx, readSettings(ctx)));
}

/** Run from onOpen once the add-on is authorized in the document. */
export function checkHealthOnOpen(): void {
  const ctx = context();
  if (ctx) checkHealth(ctx);
}

/**
 * The health status the sidebar shows on open. Called by a coordinator, it first puts
 * the workbook's triggers right (and logs what it changed); called by anyone else it
 * only reads, so it leaves nothing behind.
 */
import { DEFAULT_LANG } from '../core/text/i18n';
import { HealthFacts, healthView, HealthView, REJECTION_CODES } from '../core/views/health';
import { isCoordinator, settingsOrProblem } from './access';
import { readBookJson } from './adapters/state';
import { authorizationRequired, myEmail, mySubmitTriggers } from './adapters/triggers';
import { readColumn } from './adapters/workbook';
import { Context, contextOf, isSetUp, layoutSheet } from './context';
import { nowIso } from './log';
import { CURSOR_PROPERTY } from './recalc';
import { countRows } from './counts';
import { checkTriggersAndLog, LAST_RUN_KEY, OWNER_KEY } from './schedule';

/** Raw responses without a scores row: per instrument, raw rows minus scored rows. */
function waitingResponses(context: Context): number {
  let waiting = 0;
  for (const entry of countRows(context).values()) waiting += Math.max(0, entry.raw - entry.scores);
  return waiting;
}

/** Log rows that record an input not used as it came (one column read). */
function rejectedRows(context: Context): number {
  const log = layoutSheet(context, 'log');
  if (!log) return 0;
  return readColumn(log, 5).slice(1).filter((code) => REJECTION_CODES.has(String(code))).length;
}

/** google.script.run endpoint. Result: the workbook's health, JSON-safe, in its language. */
export function getHealth(): HealthView {
  const context = contextOf();
  const blank: HealthFacts = {
    setUp: false, submitTriggerMine: false, triggerOwner: '', ownerIsMe: false, ownerIsCoordinator: true,
    authorizationRequired: false, lastScheduledRun: '', scheduleRestored: false, now: '', waiting: 0, rejected: 0,
    recalculation: { inProgress: false, processed: 0 }, settingsProblem: '',
  };
  if (!context || !isSetUp(context)) return healthView(blank, context?.lang ?? DEFAULT_LANG);
  const authRequired = authorizationRequired();
  const { settings, problem } = settingsOrProblem(context);
  const check = settings && !authRequired && isCoordinator(settings) ? checkTriggersAndLog(context, settings) : null;
  const owner = readBookJson<string>(context.book, OWNER_KEY) ?? '';
  const cursor = readBookJson<{ processed: number }>(context.book, CURSOR_PROPERTY);
  return healthView(
    {
      setUp: true,
      submitTriggerMine: mySubmitTriggers(context.book).length > 0,
      triggerOwner: owner,
      ownerIsMe: owner !== '' && owner === myEmail(),
      ownerIsCoordinator: settings ? settings.coordinators.includes(owner) : true,
      authorizationRequired: authRequired,
      lastScheduledRun: readBookJson<string>(context.book, LAST_RUN_KEY) ?? '',
      scheduleRestored: check !== null && (check.scheduleCreated || check.handedOverFrom !== null),
      now: nowIso(context),
      waiting: waitingResponses(context),
      rejected: rejectedRows(context),
      recalculation: cursor ? { inProgress: true, processed: cursor.processed } : { inProgress: false, processed: 0 },
      settingsProblem: problem,
    },
    context.lang,
  );
}

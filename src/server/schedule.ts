/**
 * The workbook's triggers and the scheduled job.
 *
 * A workbook has exactly one form-submit trigger, owned by one recorded coordinator (the
 * owner's address in the workbook's developer metadata: it is already in the protected
 * settings sheet). A coordinator who runs the check while the owner is still a
 * coordinator and their job still runs adds nothing; when the owner has left the
 * coordinators, or their job has stalled, the coordinator running the check takes the
 * workbook over, and the former owner's trigger removes itself on its next firing.
 *
 * The scheduled job runs in a time-driven trigger, outside any document: no active
 * spreadsheet, no document properties, no document lock. It opens each workbook its
 * user owns by id and keeps its marks in that workbook.
 */
import { Settings } from '../core/settings';
import { STALL_AFTER_MS } from '../core/views/health';
import { withLock } from './adapters/lock';
import { deleteBookValue, forgetWorkbook, myWorkbookIds, readBookJson, readUserMark, rememberWorkbook, writeBookJson, writeBookValues, writeUserMark } from './adapters/state';
import {
  authorizationRequired, deleteTriggers, installScheduleTrigger, myDocumentTriggers, installSubmitTrigger, myEmail, myScheduleTriggers, mySubmitTriggers, SUBMIT_HANDLER,
} from './adapters/triggers';
import { openWorkbook } from './adapters/workbook';
import { Context, contextOf, readSettings, UserError } from './context';
import { logEntry, nowIso, writeLog } from './log';
import { CATCH_UP_PROPERTY, catchUp, CURSOR_PROPERTY, RunOptions } from './recalc';
import { presetOf, recomputeIndicators } from './reports';
import { periodOf } from '../core/periods';
import { sendDueMail } from './mail';
import { PROPERTY_KEYS } from '../core/workbook/state-keys';
import { compactSurveyRecords, countRows, DailySeen, scoresOf, sheetsToCatchUp } from './counts';
import type { FormRecord } from '../core/workbook/registry';
import { readRegistry, syncCompactRegistry } from './registry';

export const OWNER_KEY = PROPERTY_KEYS.triggerOwner;
export const LAST_RUN_KEY = PROPERTY_KEYS.lastRun;
const DAILY_KEY = PROPERTY_KEYS.dailyDone;
const SETTINGS_LOGGED_KEY = PROPERTY_KEYS.settingsLogged;
const AUTH_LOGGED_KEY = PROPERTY_KEYS.authLogged;
const MISSING_LOGGED_KEY = PROPERTY_KEYS.missingLogged;
const AUTH_WARNED_PROPERTY = PROPERTY_KEYS.authWarned;
const SUBMIT_UID_KEY = PROPERTY_KEYS.submitTrigger;
const SCHEDULE_UID_KEY = PROPERTY_KEYS.scheduleTrigger;
const DAILY_SEEN_KEY = PROPERTY_KEYS.dailySeen;
const INDICATORS_DUE_KEY = PROPERTY_KEYS.indicatorsDue;
const MAIL_PENDING_KEY = PROPERTY_KEYS.mailPending;
const NEXT_DAILY_KEY = PROPERTY_KEYS.nextDaily;

/** The job's own budget, under the 6-minute execution limit, shared by its workbooks. */
const JOB_BUDGET_MS = 270_000;

function today(context: Context): string {
  return nowIso(context).slice(0, 10);
}

/**
 * The scheduled job's daily run last started more than STALL_AFTER_MS ago (never having
 * run is no stall). The heartbeat is written by the daily run only, so that an idle hour
 * writes nothing.
 */
export function jobStalled(context: Context): boolean {
  const last = readBookJson<string>(context.book, LAST_RUN_KEY);
  if (!last) return false;
  return Date.parse(`${nowIso(context)}Z`) - Date.parse(`${last}Z`) > STALL_AFTER_MS;
}

export interface TriggerCheck {
  submitCreated: boolean;
  /** Missing and not re-creatable here (outside the document). */
  submitMissing: boolean;
  scheduleCreated: boolean;
  /** The previous owner when the running coordinator has just taken the workbook over. */
  handedOverFrom: string | null;
}

/**
 * Makes the workbook's triggers right for the running user (a coordinator: callers check).
 * Result: what had to change.
 */
export function checkTriggers(context: Context, settings: Settings, inDocument = true, me = myEmail()): TriggerCheck {
  const owner = readBookJson<string>(context.book, OWNER_KEY) ?? '';
  const mine = inDocument ? mySubmitTriggers(context.book) : myDocumentTriggers(context.book);
  const result: TriggerCheck = { submitCreated: false, submitMissing: false, scheduleCreated: false, handedOverFrom: null };
  const ownerActive = owner !== '' && settings.coordinators.includes(owner) && !(owner !== me && jobStalled(context));
  if (owner !== me && ownerActive) {
    // Another coordinator's trigger scores this workbook; one of ours as well would
    // outlive our place among the coordinators.
    deleteTriggers(mine);
    return result;
  }
  if (!settings.coordinators.includes(me)) return result;
  if (mine.length === 0) {
    // "Add-ons can only create triggers for the file in which the add-on is used": the
    // scheduled job, in no file, can only report the loss.
    if (!inDocument) result.submitMissing = true;
    else {
      installSubmitTrigger(context.book);
      result.submitCreated = true;
    }
  } else if (mine.length > 1) deleteTriggers(mine.slice(1));
  if (owner !== me) {
    writeBookJson(context.book, OWNER_KEY, me);
    if (owner !== '') result.handedOverFrom = owner;
  }
  // The scheduled job runs from its clock trigger and found this workbook in its list.
  if (!inDocument) return result;
  if (myScheduleTriggers().length === 0) {
    installScheduleTrigger();
    result.scheduleCreated = true;
  }
  rememberWorkbook(context.book.getId());
  return result;
}

/**
 * Logs what a check changed. A form-submit trigger that had to be (re-)created means
 * responses may have arrived unscored, so a catch-up is queued for the scheduled job.
 */
export function checkTriggersAndLog(context: Context, settings: Settings, firstSetup = false, inDocument = true, me = myEmail()): TriggerCheck {
  const check = checkTriggers(context, settings, inDocument, me);
  const entries = [];
  if (check.submitMissing) {
    // Once a day; meanwhile the job scores what arrives, hourly, by catch-up.
    const day = today(context);
    if (readBookJson<string>(context.book, MISSING_LOGGED_KEY) !== day) {
      writeBookJson(context.book, MISSING_LOGGED_KEY, day);
      entries.push(logEntry(context, '', '', 'triggerMissing'));
    }
    writeBookJson(context.book, CATCH_UP_PROPERTY, true);
  } else if (readBookJson(context.book, MISSING_LOGGED_KEY) !== null && readBookJson<string>(context.book, OWNER_KEY) === me) {
    // The owner's trigger is there again: the hourly catch-ups that stood in for it stop.
    deleteBookValue(context.book, MISSING_LOGGED_KEY);
  }
  if (check.handedOverFrom !== null) {
    entries.push(logEntry(context, '', '', 'triggerHandedOver', { from: check.handedOverFrom, to: me }));
  } else if (check.submitCreated && !firstSetup) {
    entries.push(logEntry(context, '', '', 'triggerRecreated', { handler: SUBMIT_HANDLER }));
  }
  writeLog(context, entries);
  if (check.submitCreated && !firstSetup) writeBookJson(context.book, CATCH_UP_PROPERTY, true);
  return check;
}

/**
 * The owner's trigger of a kind (form-submit, clock) recorded by its unique id together
 * with the owner it was seen running for: a hand-over to another owner voids it, so a
 * former owner's trigger is never taken for the current one's.
 */
interface OwnersTrigger { owner: string; uid: string }

function isOwnersTrigger(context: Context, owner: string, key: string, uid: string | undefined): boolean {
  const known = readBookJson<OwnersTrigger>(context.book, key);
  return !!uid && known?.owner === owner && known.uid === uid;
}

function rememberOwnersTrigger(context: Context, owner: string, key: string, uid: string | undefined): void {
  if (uid) writeBookJson(context.book, key, { owner, uid } satisfies OwnersTrigger);
}

/**
 * A form-submit trigger firing for a user who no longer owns the workbook's trigger
 * removes itself: the owner's trigger scores the response. Result: whether it did.
 */
export function retireIfNotOwner(context: Context, triggerUid: string | undefined): boolean {
  const owner = readBookJson<string>(context.book, OWNER_KEY) ?? '';
  if (owner === '') return false;
  // The owner's trigger, known by its id once seen: no need to ask who runs it.
  if (isOwnersTrigger(context, owner, SUBMIT_UID_KEY, triggerUid)) return false;
  const me = myEmail();
  if (owner === me) {
    rememberOwnersTrigger(context, owner, SUBMIT_UID_KEY, triggerUid);
    return false;
  }
  const mine = mySubmitTriggers(context.book);
  deleteTriggers(triggerUid ? mine.filter((t) => t.getUniqueId() === triggerUid) : mine);
  return true;
}

/**
 * Revoked authorization: nothing is scored; one log line a day says so, in the workbook
 * when there is one to write to, else in the execution log.
 */
export function noteAuthorizationRequired(context: Context | null): void {
  if (context) {
    const day = today(context);
    if (readBookJson<string>(context.book, AUTH_LOGGED_KEY) === day) return;
    writeBookJson(context.book, AUTH_LOGGED_KEY, day);
    writeBookJson(context.book, CATCH_UP_PROPERTY, true);
    writeLog(context, [logEntry(context, '', '', 'authorizationRequired', { owner: myEmail() })]);
    return;
  }
  const day = new Date().toISOString().slice(0, 10);
  if (readUserMark(AUTH_WARNED_PROPERTY) === day) return;
  writeUserMark(AUTH_WARNED_PROPERTY, day);
  console.warn('PD Monitor: authorization required; the scheduled job does nothing until the add-on is authorized again.');
}

/** Once a day at most: the same damage is not logged every hour. */
function logSettingsDamage(context: Context, reason: string): void {
  const day = today(context);
  if (readBookJson<string>(context.book, SETTINGS_LOGGED_KEY) === day) return;
  writeBookJson(context.book, SETTINGS_LOGGED_KEY, day);
  writeLog(context, [logEntry(context, '', '', 'settingsDamaged', { reason })]);
}

/** Once a week the catch-up reads every sheet and the indicators are recomputed whatever the counts say. */
const FULL_CHECK_AFTER_MS = 7 * 24 * 60 * 60 * 1000;

const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * The instant of the next local midnight after `now` (local ISO text read at `at`, epoch
 * ms). The local offset is today's: on a night the clocks change, the daily run comes an
 * hour early or late, and one that comes early finds the day already done.
 */
function nextLocalMidnight(now: string, at: number): number {
  const offset = Math.round((Date.parse(`${now}Z`) - at) / 60_000) * 60_000;
  return Date.parse(`${now.slice(0, 10)}T00:00:00Z`) + DAY_MS - offset;
}

/**
 * One workbook's share of the job. Whether anything is due is decided from the
 * workbook's state, read once when it was opened: an idle hour makes no other call (no
 * clock in the time zone, no heartbeat, no sheet, no settings). Every hour: only what is
 * marked as waiting — a paused recalculation, a queued catch-up, indicators due after a
 * school report, mail the last run could not finish. Once a day, at the first run after
 * local midnight (its instant stored by the day before): the authorization, the heartbeat,
 * the full trigger check (a deleted form-submit trigger is logged), the counts that tell
 * whether anything waits unscored (those instruments are caught up), the indicators when
 * the scores or the period changed, and the mail (its sheet read only from the day its
 * last reading found work for). The counts cover the sheets the state's compact registry
 * names; a day with work, and the weekly check, read the registry sheet itself. Once a
 * week the catch-up and the indicators run whatever the counts say.
 */
/** `owner`: the recorded owner, who runs this job. */
function runForWorkbook(context: Context, owner: string, options: RunOptions, started: number): void {
  const nextDaily = readBookJson<number>(context.book, NEXT_DAILY_KEY);
  let daily = typeof nextDaily !== 'number' || Date.now() >= nextDaily;
  let settings: Settings | null = null;
  const settingsOrLog = (): Settings | null => {
    if (settings) return settings;
    try {
      settings = readSettings(context);
      return settings;
    } catch (error) {
      if (!(error instanceof UserError)) throw error;
      logSettingsDamage(context, error.message);
      return null;
    }
  };
  let catchUpSheets: number[] | undefined;
  let scoresChanged = false;
  // The daily run's local time, read once: its mail step uses it too.
  let dailyNow: string | undefined;
  if (daily) {
    if (authorizationRequired()) {
      // Nothing is done until authorized again; the day stays due, so the next hour asks again.
      noteAuthorizationRequired(context);
      noteAuthorizationRequired(null);
      return;
    }
    const now = (dailyNow = nowIso(context));
    const day = now.slice(0, 10);
    const marks: Record<string, unknown> = { [NEXT_DAILY_KEY]: nextLocalMidnight(now, Date.now()) };
    if (readBookJson<string>(context.book, DAILY_KEY) === day) {
      // Early (the clocks changed overnight) or already done by an earlier version: only the next instant.
      writeBookValues(context.book, marks);
      daily = false;
    } else {
      const current = settingsOrLog();
      if (!current) {
        writeBookJson(context.book, LAST_RUN_KEY, now);
        return;
      }
      checkTriggersAndLog(context, current, false, false, owner);
      const seen = readBookJson<DailySeen>(context.book, DAILY_SEEN_KEY);
      const full = !seen || Date.now() - seen.fullAt >= FULL_CHECK_AFTER_MS;
      // The registry sheet is the record, and the submissions' compact copy of it in the
      // state is what the add-on last wrote there or read: a quiet day counts the sheets
      // that copy names. The weekly full check, and any day that finds work, read the
      // sheet itself, so a hand edit reaches the compact copy then.
      let fromSheetRead = false;
      const fromSheet = (): FormRecord[] => {
        const records = readRegistry(context);
        syncCompactRegistry(context, records);
        fromSheetRead = true;
        return records;
      };
      const counts = countRows(context, (!full && compactSurveyRecords(context)) || fromSheet(), current.coordinators);
      const scores = scoresOf(counts);
      const period = periodOf(day, presetOf(current).reportingPeriod);
      scoresChanged = full || seen?.period !== period || JSON.stringify(scores) !== JSON.stringify(seen?.scores ?? {});
      const behind = full ? [] : sheetsToCatchUp(context, counts);
      // Read once: a day without a compact copy has read the sheet for its counts already.
      if (!fromSheetRead && (scoresChanged || behind.length > 0)) fromSheet();
      // A catch-up already queued does not know what it misses: it stays a full one.
      if (!full && behind.length > 0 && !readBookJson(context.book, CATCH_UP_PROPERTY)) catchUpSheets = behind;
      if (full || behind.length > 0) writeBookJson(context.book, CATCH_UP_PROPERTY, true);
      writeBookValues(context.book, {
        ...marks,
        [LAST_RUN_KEY]: now,
        [DAILY_KEY]: day,
        [DAILY_SEEN_KEY]: { scores, period, fullAt: full || !seen ? Date.now() : seen.fullAt } satisfies DailySeen,
      });
    }
  }
  // While the form-submit trigger is missing (the daily check found it so), every hour catches up in its place.
  const pending = readBookJson(context.book, CURSOR_PROPERTY) || readBookJson(context.book, CATCH_UP_PROPERTY)
    || readBookJson(context.book, MISSING_LOGGED_KEY);
  const progress = pending ? catchUp(context, options, started, catchUpSheets) : null;
  // A catch-up that scored something has just recomputed the indicators.
  const recomputed = progress !== null && progress.done && progress.processed > 0;
  const due = readBookJson(context.book, INDICATORS_DUE_KEY) !== null || scoresChanged;
  const forIndicators = due && !recomputed ? settingsOrLog() : null;
  if (forIndicators) withLock(() => recomputeIndicators(context, forIndicators));
  const forMail = daily || readBookJson(context.book, MAIL_PENDING_KEY) ? settingsOrLog() : null;
  if (forMail) {
    const run = sendDueMail(context, forMail, dailyNow);
    // Unsent mail (quota, a busy lock) is tried again next hour, not only tomorrow.
    if (run.queued > 0 || run.busy) writeBookJson(context.book, MAIL_PENDING_KEY, true);
    else deleteBookValue(context.book, MAIL_PENDING_KEY);
  }
}

/**
 * Installable time-driven trigger, hourly (the most an add-on may ask for), one per
 * user. Event: the clock event. Runs for every workbook whose triggers this user owns,
 * opening each by id; a workbook that fails is logged in it and the others still run.
 * Authorization is asked by each workbook's daily run, and when a workbook cannot be
 * opened: an idle hour does not ask.
 */
export function runScheduledJobs(e?: unknown, options: RunOptions = {}): void {
  const started = Date.now();
  const uid = (e as { triggerUid?: string } | undefined)?.triggerUid;
  let me: string | undefined;
  const budgetMs = options.budgetMs ?? JOB_BUDGET_MS;
  for (const id of myWorkbookIds()) {
    if (Date.now() - started >= budgetMs) break;
    let context: Context | null;
    try {
      context = contextOf(openWorkbook(id));
    } catch (error) {
      if (authorizationRequired()) {
        noteAuthorizationRequired(null);
        return;
      }
      // Deleted, or no longer shared with this user: said in the execution log; kept in
      // the list, since access may come back.
      console.warn(`PD Monitor: workbook ${id} cannot be opened: ${String(error)}`);
      continue;
    }
    if (!context) continue;
    const owner = readBookJson<string>(context.book, OWNER_KEY) ?? '';
    // This clock trigger, once seen running for the owner, is known by its id.
    if (!isOwnersTrigger(context, owner, SCHEDULE_UID_KEY, uid)) {
      if (owner !== (me ??= myEmail())) {
        forgetWorkbook(id);
        continue;
      }
      rememberOwnersTrigger(context, owner, SCHEDULE_UID_KEY, uid);
    }
    try {
      runForWorkbook(context, owner, { ...options, budgetMs }, started);
    } catch (error) {
      writeLog(context, [logEntry(context, '', '', 'scheduledRunFailed', { error: error instanceof Error ? error.message : String(error) })]);
    }
  }
}

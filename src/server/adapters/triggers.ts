/**
 * ScriptApp. An editor add-on may hold one trigger of each type per user per document,
 * so the workbook has exactly one form-submit trigger (dispatching by sheet) and one
 * clock trigger (the scheduled job). Both are created only when missing.
 */
export const SUBMIT_HANDLER = 'onFormSubmit';
export const SCHEDULE_HANDLER = 'runScheduledJobs';

export function authorizationRequired(): boolean {
  const info = ScriptApp.getAuthorizationInfo(ScriptApp.AuthMode.FULL);
  return info.getAuthorizationStatus() === ScriptApp.AuthorizationStatus.REQUIRED;
}

export interface TriggerHealth {
  submitCreated: boolean;
  scheduleCreated: boolean;
}

/** Creates the missing triggers; says which ones had to be created. */
export function ensureTriggers(book: GoogleAppsScript.Spreadsheet.Spreadsheet): TriggerHealth {
  const triggers = ScriptApp.getProjectTriggers();
  const has = (handler: string, type: GoogleAppsScript.Script.EventType) =>
    triggers.some((t) => t.getHandlerFunction() === handler && t.getEventType() === type);
  const health = { submitCreated: false, scheduleCreated: false };
  if (!has(SUBMIT_HANDLER, ScriptApp.EventType.ON_FORM_SUBMIT)) {
    ScriptApp.newTrigger(SUBMIT_HANDLER).forSpreadsheet(book).onFormSubmit().create();
    health.submitCreated = true;
  }
  if (!has(SCHEDULE_HANDLER, ScriptApp.EventType.CLOCK)) {
    // Hourly is the most an add-on may ask for; the job itself decides what is due.
    ScriptApp.newTrigger(SCHEDULE_HANDLER).timeBased().everyHours(1).create();
    health.scheduleCreated = true;
  }
  return health;
}

/** Google's add-on samples read ScriptApp.AuthMode even under NONE: the enum is allowed. */
export function isAuthModeNone(mode: GoogleAppsScript.Script.AuthMode | undefined): boolean {
  return mode === ScriptApp.AuthMode.NONE;
}

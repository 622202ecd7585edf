/**
 * ScriptApp and Session: the workbook's triggers and who runs the code.
 *
 * Triggers are per user: getProjectTriggers() lists the current user's triggers of this
 * add-on in every document, getUserTriggers(spreadsheet) only those of one workbook, and
 * nobody sees another user's triggers. An add-on holds at most one trigger of each event
 * type per user per document. So a workbook's form-submit trigger is looked up with
 * getUserTriggers, and the clock trigger — one per user, serving every workbook that user
 * owns the triggers of — with getProjectTriggers.
 */
type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;
type Trigger = GoogleAppsScript.Script.Trigger;

export const SUBMIT_HANDLER = 'onFormSubmit';
export const SCHEDULE_HANDLER = 'runScheduledJobs';

export function authorizationRequired(): boolean {
  const info = ScriptApp.getAuthorizationInfo(ScriptApp.AuthMode.FULL);
  return info.getAuthorizationStatus() === ScriptApp.AuthorizationStatus.REQUIRED;
}

/** The running user's form-submit triggers of this workbook (normally zero or one). */
export function mySubmitTriggers(book: Spreadsheet): Trigger[] {
  return ScriptApp.getUserTriggers(book).filter(
    (t) => t.getHandlerFunction() === SUBMIT_HANDLER && t.getEventType() === ScriptApp.EventType.ON_FORM_SUBMIT,
  );
}

/**
 * The running user's triggers in this workbook, unfiltered: one call, for the scheduled
 * job's daily check. The add-on creates no other trigger in a document than the
 * form-submit one.
 */
export function myDocumentTriggers(book: Spreadsheet): Trigger[] {
  return ScriptApp.getUserTriggers(book);
}

/** The running user's scheduled-job triggers, whatever document they were made in. */
export function myScheduleTriggers(): Trigger[] {
  return ScriptApp.getProjectTriggers().filter(
    (t) => t.getHandlerFunction() === SCHEDULE_HANDLER && t.getEventType() === ScriptApp.EventType.CLOCK,
  );
}

export function installSubmitTrigger(book: Spreadsheet): void {
  ScriptApp.newTrigger(SUBMIT_HANDLER).forSpreadsheet(book).onFormSubmit().create();
}

/** Hourly is the most an add-on may ask for; the job itself decides what is due. */
export function installScheduleTrigger(): void {
  ScriptApp.newTrigger(SCHEDULE_HANDLER).timeBased().everyHours(1).create();
}

export function deleteTriggers(triggers: readonly Trigger[]): void {
  for (const trigger of triggers) ScriptApp.deleteTrigger(trigger);
}

/**
 * The running user's address, lower-cased; '' where Apps Script withholds it (a simple
 * trigger). Needs the userinfo.email scope.
 */
export function myEmail(): string {
  return Session.getEffectiveUser().getEmail().trim().toLowerCase();
}

/** Google's add-on samples read ScriptApp.AuthMode even under NONE: the enum is allowed. */
export function isAuthModeNone(mode: GoogleAppsScript.Script.AuthMode | undefined): boolean {
  return mode === ScriptApp.AuthMode.NONE;
}

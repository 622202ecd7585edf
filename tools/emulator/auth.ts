/**
 * Authorization modes and OAuth scopes: which service calls an execution may make.
 *
 * Sources (checked with the documentation search):
 * - Enum AuthMode: NONE "does not allow access to any services that require
 *   authorization" (an add-on's simple onOpen in a document where it has not been used);
 *   LIMITED "allows access to a limited subset of services" (a simple onOpen/onEdit of an
 *   add-on in use, or of a bound script); FULL for everything else.
 * - Custom menus for Editor add-ons: build the menu in every mode, and do not take any
 *   action that requires authorization (the example: reading Properties) under NONE; the
 *   same example reads document properties in the other modes.
 * - Editor add-on authorization: onOpen has limited functionality in those modes;
 *   sensitive actions need a user interaction (a menu item or the sidebar) in FULL.
 * - The refusal's wording, as executions report it: "You do not have permission to call
 *   ScriptApp.getProjectTriggers. Required permissions:
 *   https://www.googleapis.com/auth/script.scriptapp"; the same for
 *   SpreadsheetApp.openById with …/auth/spreadsheets when only
 *   spreadsheets.currentonly is granted (a reported onEdit failure).
 * Which service counts as "needing authorization" under LIMITED is not listed anywhere
 * exhaustively; the emulator takes the strict reading: the current spreadsheet, its UI,
 * properties, cache and locks are allowed, every other service is refused.
 */
import type { AuthModeName } from './kernel';

const SCOPE = 'https://www.googleapis.com/auth/';

/** Services on the current spreadsheet (what spreadsheets.currentonly grants). */
const DOCUMENT_SERVICES = new Set([
  'Spreadsheet', 'Sheet', 'Range', 'RangeList', 'Protection', 'TextFinder', 'DeveloperMetadata', 'DeveloperMetadataFinder',
]);
/** Calls that open spreadsheets other than the current one. */
const OTHER_SPREADSHEETS = new Set(['SpreadsheetApp.openById', 'SpreadsheetApp.openByUrl', 'SpreadsheetApp.create']);
const TRIGGER_SERVICES = new Set([
  'ScriptApp', 'Trigger', 'TriggerBuilder', 'ClockTriggerBuilder', 'SpreadsheetTriggerBuilder', 'FormTriggerBuilder', 'AuthorizationInfo',
]);
/** Needs no authorization at all (usable even under NONE). */
const UNRESTRICTED = new Set(['Ui', 'Menu', 'Utilities', 'Logger', 'console', 'SpreadsheetApp.getUi', 'Session.getActiveUserLocale', 'Session.getScriptTimeZone']);
/** Allowed under LIMITED besides the unrestricted ones. */
const LIMITED_SERVICES = new Set(['PropertiesService', 'Properties', 'CacheService', 'Cache', 'LockService', 'Lock', 'User', 'Session']);
const LIMITED_APP_CALLS = new Set(['SpreadsheetApp.getActiveSpreadsheet', 'SpreadsheetApp.getActive', 'SpreadsheetApp.getActiveSheet', 'SpreadsheetApp.flush']);

/** The scope a call needs, or null when it needs none. */
export function requiredScope(service: string, method: string): string | null {
  const call = `${service}.${method}`;
  if (OTHER_SPREADSHEETS.has(call)) return `${SCOPE}spreadsheets`;
  if (service === 'SpreadsheetApp' || DOCUMENT_SERVICES.has(service)) return call === 'SpreadsheetApp.getUi' ? null : `${SCOPE}spreadsheets.currentonly`;
  // getAuthorizationInfo is how a script finds out it lacks authorization: never refused.
  if (call === 'ScriptApp.getAuthorizationInfo' || service === 'AuthorizationInfo') return null;
  if (TRIGGER_SERVICES.has(service)) return `${SCOPE}script.scriptapp`;
  if (service === 'FormApp' || /^(Form|Item|.*Item|FormResponse|ItemResponse|PageBreakItem|Choice)$/.test(service)) return `${SCOPE}forms`;
  if (service === 'MailApp') return `${SCOPE}script.send_mail`;
  if (service === 'HtmlService' || service === 'HtmlOutput' || service === 'HtmlTemplate') return null;
  if (call === 'Ui.showSidebar' || call === 'Ui.showModalDialog' || call === 'Ui.showModelessDialog') return `${SCOPE}script.container.ui`;
  return null;
}

/** A granted scope covers the required one (spreadsheets covers spreadsheets.currentonly). */
function covered(required: string, granted: readonly string[]): boolean {
  if (granted.includes(required)) return true;
  if (required === `${SCOPE}spreadsheets.currentonly`) return granted.includes(`${SCOPE}spreadsheets`);
  return false;
}

export function permissionDenied(service: string, method: string, scope: string | null): Error {
  return new Error(`You do not have permission to call ${service}.${method}.${scope ? ` Required permissions: ${scope}` : ''}`);
}

function allowedIn(mode: AuthModeName, service: string, method: string): boolean {
  const call = `${service}.${method}`;
  if (mode === 'FULL') return true;
  if (UNRESTRICTED.has(service) || UNRESTRICTED.has(call)) return true;
  if (mode === 'NONE') return false;
  return LIMITED_SERVICES.has(service) || LIMITED_APP_CALLS.has(call) || DOCUMENT_SERVICES.has(service);
}

/**
 * The check Runtime.authorize runs before each call: the mode first, then the scopes
 * the manifest grants (an empty list grants everything, for emulators built without a
 * manifest).
 */
export function makeAuthorizer(scopes: () => readonly string[]): (service: string, method: string, mode: AuthModeName) => void {
  return (service, method, mode) => {
    const scope = requiredScope(service, method);
    if (!allowedIn(mode, service, method)) throw permissionDenied(service, method, scope);
    const granted = scopes();
    if (scope !== null && granted.length > 0 && !covered(scope, granted)) throw permissionDenied(service, method, scope);
  };
}

/** Whether the granted scopes let Session read the user's email (userinfo.email). */
export function canReadEmail(granted: readonly string[], mode: AuthModeName): boolean {
  // Documented: no email "in any context that allows a script to run without that
  // user's authorization, like a simple onOpen(e)".
  if (mode !== 'FULL') return false;
  return granted.length === 0 || granted.includes(`${SCOPE}userinfo.email`);
}

/**
 * Assembles one emulated Apps Script project: the services the add-on uses, the globals
 * object the bundle is loaded into, the active spreadsheet, and the test-side handles
 * that show what happened (mail sent, menus added, triggers fired, …).
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createCacheService, CacheHandle } from './cache';
import { makeEmulatedDate } from './date';
import { createFormService } from './forms';
import { createHtmlService, HtmlHandle, ProjectFiles } from './html';
import { CallCounter, Clock, Runtime, RuntimeOptions } from './kernel';
import { createLockService, LocksHandle } from './lock';
import { createMailService, MailHandle } from './mail';
import { createPropertiesService, PropertiesHandle } from './properties';
import { createScriptService, ScriptHandle } from './script';
import { createSession } from './session';
import { makeAuthorizer } from './auth';
import { metadataOf } from './metadata';
import { createSpreadsheetService, SpreadsheetStore } from './spreadsheet';
import { createUi, UiState } from './ui';
import { createUtilities, LogsHandle } from './utilities';

export interface EmulatorOptions extends RuntimeOptions {
  /** Emulate an editor add-on's restrictions on triggers (default true: the product is one). */
  addOn?: boolean;
  /** The name of the active spreadsheet the add-on runs in. */
  spreadsheetName?: string;
  /** Its owner (default: the runtime user). */
  owner?: string;
  /** The add-on's name, the caption of its menu under Extensions. */
  addOnName?: string;
  /** The OAuth scopes granted (default: the manifest's oauthScopes). */
  scopes?: string[];
}

type FormService = ReturnType<typeof createFormService>;

export interface Emulator {
  runtime: Runtime;
  counter: CallCounter;
  clock: Clock;
  /** The object the bundle is loaded into as its global scope (see bundle.ts). */
  globals: Record<string, unknown>;
  /**
   * `Date` inside the bundle: `new Date()` and `Date.now()` read the emulated clock, local
   * fields are in the project's time zone (see date.ts).
   */
  Date: DateConstructor;
  /** The active spreadsheet (the monitoring workbook the add-on is installed in). */
  spreadsheet: GoogleAppsScript.Spreadsheet.Spreadsheet;
  spreadsheets: SpreadsheetStore;
  forms: FormService['forms'];
  ui: UiState;
  mail: MailHandle;
  locks: LocksHandle;
  properties: PropertiesHandle;
  caches: CacheHandle;
  /** Project files HtmlService serves: name without extension → content. */
  files: ProjectFiles;
  html: HtmlHandle;
  logs: LogsHandle;
  script: ScriptHandle;
  /** A spreadsheet's developer metadata (the active one by default), uncounted. */
  metadata(spreadsheetId?: string): Array<{ key: string; value: string | null }>;
  /** Runs `fn` as one execution by another user. */
  asUser<T>(email: string, fn: () => T): T;
}

const MANIFEST = join(__dirname, '..', '..', 'appsscript.json');

function manifestScopes(): string[] {
  if (!existsSync(MANIFEST)) return [];
  const manifest = JSON.parse(readFileSync(MANIFEST, 'utf8')) as { oauthScopes?: string[] };
  return manifest.oauthScopes ?? [];
}

/** The id behind a Spreadsheet or Form object the emulator made (uncounted), else getId(). */
function documentIdOf(document: unknown): string | null {
  if (!document || typeof document !== 'object') return null;
  // Spreadsheets keep their model in `_model`, forms in `_m` (spreadsheet.ts, forms.ts).
  const d = document as { _model?: { id?: unknown }; _m?: { id?: unknown }; _id?: unknown; getId?: () => unknown };
  if (typeof d._model?.id === 'string') return d._model.id;
  if (typeof d._m?.id === 'string') return d._m.id;
  if (typeof d._id === 'string') return d._id;
  if (typeof d.getId === 'function') {
    const id = d.getId();
    return typeof id === 'string' ? id : null;
  }
  return null;
}

export function createEmulator(options: EmulatorOptions = {}): Emulator {
  const runtime = new Runtime(options);
  const EmuDate = makeEmulatedDate(runtime.clock, runtime.timeZone);

  const uiParts = createUi(runtime, { addOnName: options.addOnName });
  const sheets = createSpreadsheetService(runtime, () => uiParts.ui);
  const spreadsheets = sheets.store;
  // Timestamps the emulator writes must be the bundle's Date class.
  spreadsheets.dateFactory = (ms: number) => new EmuDate(ms);
  const spreadsheet = spreadsheets.create(options.spreadsheetName ?? 'Мониторинг профессионального развития', {
    owner: options.owner ?? runtime.user,
    active: true,
  });
  const activeDocumentId = (): string | null => documentIdOf(spreadsheets.active());
  const scopes = options.scopes ?? manifestScopes();
  runtime.authorize = makeAuthorizer(() => scopes);
  runtime.switchDocument = (id) => {
    const previous = activeDocumentId();
    spreadsheets.setActive(id);
    return () => spreadsheets.setActive(previous);
  };

  const formParts = createFormService(runtime, spreadsheets);
  const scriptParts = createScriptService(runtime, {
    addOn: options.addOn ?? true,
    activeDocumentId,
    idOf: documentIdOf,
    scopes,
  });
  const propertyParts = createPropertiesService(runtime, activeDocumentId);
  const lockParts = createLockService(runtime, activeDocumentId);
  const cacheParts = createCacheService(runtime, activeDocumentId);
  const mailParts = createMailService(runtime);
  const files: ProjectFiles = new Map();
  const htmlParts = createHtmlService(runtime, files);
  const utilityParts = createUtilities(runtime);

  const globals: Record<string, unknown> = {
    SpreadsheetApp: sheets.SpreadsheetApp,
    FormApp: formParts.FormApp,
    ScriptApp: scriptParts.ScriptApp,
    PropertiesService: propertyParts.PropertiesService,
    LockService: lockParts.LockService,
    CacheService: cacheParts.CacheService,
    MailApp: mailParts.MailApp,
    HtmlService: htmlParts.HtmlService,
    Session: createSession(runtime, scopes),
    Utilities: utilityParts.Utilities,
    Logger: utilityParts.Logger,
    console: utilityParts.console,
    Date: EmuDate,
  };

  return {
    runtime,
    counter: runtime.counter,
    clock: runtime.clock,
    globals,
    Date: EmuDate,
    spreadsheet,
    spreadsheets,
    forms: formParts.forms,
    ui: uiParts.state,
    mail: mailParts.mail,
    locks: lockParts.locks,
    properties: propertyParts.properties,
    caches: cacheParts.caches,
    files,
    html: htmlParts.html,
    logs: utilityParts.logs,
    script: scriptParts.script,
    metadata: (id) => metadataOf(spreadsheets.model(id ?? spreadsheet.getId())),
    asUser: (email, fn) => runtime.execute(fn, email),
  };
}

export { Runtime } from './kernel';
export type { RuntimeOptions, TriggerRecord } from './kernel';

import { MENU } from '../core/text/messages';
import { DEFAULT_LANG, tr } from '../core/text/i18n';
import { HEALTH_MESSAGES } from '../core/views/health';
import { addAddonMenu, alert, showSidebarFile, toast } from './adapters/ui';
import { activeWorkbook } from './adapters/workbook';
import { contextOf } from './context';
import { recalculateAll } from './recalc';
import { jobStalled, LAST_RUN_KEY } from './schedule';
import { readBookJson } from './adapters/state';
import { isAuthModeNone } from './adapters/triggers';

/**
 * Simple trigger. Event: Sheets `onOpen` event ({authMode, source, user}). It runs in
 * AuthMode.LIMITED (or NONE, before the add-on is used in this document), where only
 * the menu and the current spreadsheet are available: no triggers, no other
 * spreadsheets, no forms. Under NONE it builds the menu and nothing else. Under LIMITED
 * it reads the workbook's language and, if the scheduled job has stalled, says so in a
 * toast; checking and repairing the triggers is left to FULL-mode paths (the sidebar's
 * health call and the scheduled job). Result: the Extensions → PD Monitor menu.
 */
export function onOpen(e?: GoogleAppsScript.Events.SheetsOnOpen): void {
  const none = isAuthModeNone(e?.authMode);
  const context = none ? null : contextOf(activeWorkbook());
  const lang = context?.lang ?? DEFAULT_LANG;
  addAddonMenu([
    { caption: tr(MENU.open, lang), functionName: 'showSidebar' },
    { caption: tr(MENU.recalculate, lang), functionName: 'menuRecalculate' },
  ]);
  if (context && jobStalled(context)) {
    const since = (readBookJson<string>(context.book, LAST_RUN_KEY) ?? '').replace('T', ' ').slice(0, 16);
    toast(context.book, tr(HEALTH_MESSAGES.scheduleStalled, lang, { since }));
  }
}

/**
 * Simple trigger. Event: add-on install event ({authMode}), which runs in FULL. Installing
 * from the Marketplace does not fire onOpen for the already open document, so this does.
 */
export function onInstall(e?: GoogleAppsScript.Events.AddonOnInstall): void {
  onOpen(e as GoogleAppsScript.Events.SheetsOnOpen | undefined);
}

/** Menu item. Runs with AuthMode.FULL. Result: the sidebar is shown. */
export function showSidebar(): void {
  showSidebarFile(tr(MENU.sidebarTitle, contextOf()?.lang ?? DEFAULT_LANG));
}

/** Menu item. Result: recalculation run (or started) and its progress reported. */
export function menuRecalculate(): void {
  const lang = contextOf()?.lang ?? DEFAULT_LANG;
  const progress = recalculateAll();
  alert(tr(progress.done ? MENU.recalculated : MENU.recalculationPaused, lang, { processed: progress.processed, incomplete: progress.incomplete }));
}

import { MENU } from '../core/text/messages';
import { DEFAULT_LANG, tr } from '../core/text/i18n';
import { addAddonMenu, alert, showSidebarFile } from './adapters/ui';
import { loadLayout } from './context';
import { recalculateAll } from './recalc';
import { checkHealthOnOpen } from './schedule';
import { isAuthModeNone } from './adapters/triggers';

/**
 * Simple trigger. Event: Sheets `onOpen` event ({authMode, source, user}). Under
 * AuthMode.NONE (the add-on not yet used in this document) only the menu may be built:
 * no properties, no sheets. Once authorized, it also runs the trigger health check.
 * Result: the Extensions → PD Monitor menu.
 */
export function onOpen(e?: GoogleAppsScript.Events.SheetsOnOpen): void {
  const limited = isAuthModeNone(e?.authMode);
  const lang = limited ? DEFAULT_LANG : (loadLayout()?.lang ?? DEFAULT_LANG);
  addAddonMenu([
    { caption: tr(MENU.open, lang), functionName: 'showSidebar' },
    { caption: tr(MENU.recalculate, lang), functionName: 'menuRecalculate' },
  ]);
  if (limited) return;
  try {
    checkHealthOnOpen();
  } catch {
    // AuthMode.LIMITED may not manage triggers; the scheduled job checks them too.
  }
}

/**
 * Simple trigger. Event: add-on install event ({authMode}). Installing from the
 * Marketplace does not fire onOpen for the already open document, so this does.
 */
export function onInstall(e?: GoogleAppsScript.Events.AddonOnInstall): void {
  onOpen(e as GoogleAppsScript.Events.SheetsOnOpen | undefined);
}

/** Menu item. Runs with AuthMode.FULL. Result: the sidebar is shown. */
export function showSidebar(): void {
  showSidebarFile(tr(MENU.sidebarTitle, loadLayout()?.lang ?? DEFAULT_LANG));
}

/** Menu item. Result: recalculation run (or started) and its progress reported. */
export function menuRecalculate(): void {
  const lang = loadLayout()?.lang ?? DEFAULT_LANG;
  const progress = recalculateAll();
  alert(tr(progress.done ? MENU.recalculated : MENU.recalculationPaused, lang, { processed: progress.processed, incomplete: progress.incomplete }));
}

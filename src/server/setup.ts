/** Setting up a monitoring workbook: settings, the add-on's sheets, protection, triggers. */
import { DEFAULT_LANG, isLang, tr } from '../core/text/i18n';
import { logHeader } from '../core/workbook/log';
import { ERRORS, PROTECTION_DESCRIPTION } from '../core/text/messages';
import { inertRow } from '../core/text/inert';
import { PRESET_IDS } from '../core/presets';
import { parseRegistry, registryHeader } from '../core/workbook/registry';
import { Settings, SettingsInput, settingsHeader, settingsToRows, validateSettings } from '../core/settings';
import { LOG_SHEET, REGISTRY_SHEET, SETTINGS_SHEET, WorkbookLayout } from '../core/workbook/sheets';
import { withLock } from './adapters/lock';
import { isCoordinator, settingsOrProblem } from './access';
import { checkTriggersAndLog } from './schedule';
import { SCHEDULE_HANDLER, SUBMIT_HANDLER } from './adapters/triggers';
import { activeWorkbook, protectSheet, readRows, replaceRows, sheetById } from './adapters/workbook';
import { Context, contextOf, ensureLayoutSheet, isSetUp, newContext, readSettings, saveLayout, UserError } from './context';
import { ensureReportSheets } from './reports';
import { ensureRubricSheets } from './rubric';
import type { SaveSettingsResult, SettingsView } from '../core/views/settings';
import { ensureMailSheet, mailRowsOf } from './mail';


/** Every sheet the add-on writes or registers: its own and the raw response sheets. */
function protectAll(context: Context, settings: Settings): void {
  const description = tr(PROTECTION_DESCRIPTION, context.lang);
  const ids = new Set(Object.values(context.layout.sheets));
  const registry = context.layout.sheets.registry === undefined ? null : sheetById(context.book, context.layout.sheets.registry);
  if (registry) for (const record of parseRegistry(readRows(registry).slice(1)).records) ids.add(record.responseSheetId);
  for (const id of ids) {
    const sheet = sheetById(context.book, id);
    if (sheet) protectSheet(sheet, settings.coordinators, description);
  }
}

/**
 * google.script.run endpoint. Saves the settings (district, preset, schools, subjects,
 * coordinators, privacy threshold, language), creates and protects the add-on's sheets,
 * and installs its triggers. Result: {ok} or {ok: false, errors} in the chosen language.
 */
export function saveSettings(input: SettingsInput): SaveSettingsResult {
  const lang = isLang(input.lang) ? input.lang : DEFAULT_LANG;
  const validated = validateSettings(input, lang, PRESET_IDS);
  if (!validated.ok) return { ok: false, errors: validated.errors };
  const settings = validated.value;
  const outcome = withLock(() => {
    const book = activeWorkbook();
    const existing = contextOf(book);
    const firstSetup = !isSetUp(existing);
    // Only a coordinator may change a set-up workbook (the new list decides while the old
    // one cannot be read); refused before anything is written, so nothing is left behind.
    if (!firstSetup && !isCoordinator((existing && settingsOrProblem(existing).settings) ?? settings)) throw new UserError(tr(ERRORS.notCoordinator, lang));
    const layout: WorkbookLayout = existing?.layout ?? { lang: settings.lang, sheets: {} };
    layout.lang = settings.lang;
    const context = newContext(book, layout, { recordCreated: true });
    const settingsSheet = ensureLayoutSheet(context, 'settings', SETTINGS_SHEET, settingsHeader(settings.lang));
    // Mail settings share the sheet and are saved by their own endpoint: kept as they are.
    const mailRows = mailRowsOf(readRows(settingsSheet).slice(1));
    replaceRows(settingsSheet, settingsHeader(settings.lang), [...settingsToRows(settings), ...mailRows].map(inertRow));
    ensureLayoutSheet(context, 'registry', REGISTRY_SHEET, registryHeader(settings.lang));
    ensureLayoutSheet(context, 'log', LOG_SHEET, logHeader(settings.lang));
    ensureReportSheets(context, settings);
    ensureRubricSheets(context, settings.coordinators);
    ensureMailSheet(context, settings);
    saveLayout(context);
    protectAll(context, settings);
    // Hands the trigger over when its owner is no longer among the coordinators.
    const triggers = checkTriggersAndLog(context, settings, firstSetup);
    // What this save did, for the sidebar to say: the sheets it added and the triggers it installed.
    const createdSheets = context.created ?? [];
    const triggersCreated = [triggers.submitCreated ? SUBMIT_HANDLER : null, triggers.scheduleCreated ? SCHEDULE_HANDLER : null]
      .filter((name): name is string => name !== null);
    return { createdSheets, triggersCreated };
  });
  if (outcome === 'busy') throw new UserError(tr(ERRORS.busy, lang));
  return { ok: true, ...outcome };
}

/** google.script.run endpoint. Result: the saved settings, or null before setup. */
export function getSettings(): SettingsView | null {
  const context = contextOf();
  return context ? readSettings(context) : null;
}

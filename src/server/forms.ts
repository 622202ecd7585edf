/** Survey forms: create (or re-create), list and relink, all through the registry. */
import { buildFormSpec, FormSpec } from '../core/forms/form-spec';
import { tr } from '../core/text/i18n';
import { getInstrument, INSTRUMENT_IDS } from '../core/instruments';
import { ERRORS, PROTECTION_DESCRIPTION } from '../core/text/messages';
import { FormKind, FormRecord, isFormKind } from '../core/workbook/registry';
import { SCHOOL_REPORT } from '../core/reports/school-report';
import { LogEntry } from '../core/workbook/log';
import { identifyForm } from '../core/workbook/identify-form';
import { presetById } from '../core/presets';
import { Preset } from '../core/presets/types';
import { Settings } from '../core/settings';
import { buildSchoolReportSpec } from '../core/forms/school-report-form';
import { surveyFormInfo as info, SurveyFormInfo } from '../core/views/surveys';
import { buildForm, discardForm, formIdOfUrl, formItemTitles, formLinks, linkedSheets, linkForm, newForm, openForm, publishForm, responseSheetOf } from './adapters/forms';
import { writeBookJson } from './adapters/state';
import { protectSheet, Sheet } from './adapters/workbook';
import { Context, locked, readSettings, requireContext, UserError } from './context';
import { logEntry, nowIso, writeLog } from './log';
import { readRegistry, refreshItemTitles, registeredIds, writeRegistry } from './registry';
import { CATCH_UP_PROPERTY, ensureScoresSheet } from './recalc';
import { ensureReportSheets } from './reports';
import { requireCoordinator } from './access';

/** The form a kind is generated as, from the workbook's settings (and preset, for the school report). */
function specOf(kind: FormKind, settings: Settings, today: string): FormSpec {
  return kind === SCHOOL_REPORT
    ? buildSchoolReportSpec(presetById(settings.presetId) as Preset, settings, today)
    : buildFormSpec(getInstrument(kind), settings);
}

/** The sheets a registered form's scores or reports go to. */
function ensureDerivedSheets(context: Context, settings: Settings, kind: FormKind): void {
  if (kind === SCHOOL_REPORT) ensureReportSheets(context, settings);
  else ensureScoresSheet(context, kind);
}

/** Undoes a form whose creation failed and logs it; never masks the failure itself. */
function undoCreation(context: Context, form: GoogleAppsScript.Forms.Form, title: string, error: unknown): void {
  const clean = discardForm(form, context.book);
  try {
    let url = '';
    try {
      url = form.getEditUrl();
    } catch {
      // The log line is still worth writing without the link.
    }
    writeLog(context, [logEntry(context, '', '', clean ? 'formCreationUndone' : 'formCreationLeftover', { title, url, error: String(error) })]);
  } catch {
    // The caller is told of the original failure; a log that cannot be written changes nothing.
  }
}

/**
 * google.script.run endpoint. Creates and publishes the Google Form of an instrument
 * (or, for 'school_report', the school report form of the workbook's preset) from its
 * definition and the workbook's schools and subjects, registers it, and protects its
 * response sheet. A form the instrument already had is marked replaced: it stays
 * registered, so its answers still count.
 *
 * Nothing is left half-made: the caller's rights are checked and the lock taken before
 * anything is created (a refused or busy call makes nothing), the response sheet is
 * protected before the form is published, and the form is registered last. A failure
 * on the way undoes what was made (see discardForm) and is logged. The price of holding
 * the lock while the form is built: a response arriving meanwhile waits for it, or past
 * the lock's wait is scored by the scheduled catch-up.
 */
export function createSurveyForm(kind: string): SurveyFormInfo {
  const context = requireContext();
  if (!isFormKind(kind)) throw new UserError(tr(ERRORS.unknownInstrument, context.lang, { id: kind }));
  const settings = requireCoordinator(context);
  const spec = specOf(kind, settings, nowIso(context).slice(0, 10));
  return locked(context, () => {
    const records = readRegistry(context).map((record) =>
      record.instrument === kind && record.status === 'active' ? { ...record, status: 'replaced' as const } : record,
    );
    const form = newForm(spec);
    let record: FormRecord;
    try {
      const items = buildForm(form, spec);
      const sheet = linkForm(form, context.book);
      protectSheet(sheet, settings.coordinators, tr(PROTECTION_DESCRIPTION, context.lang));
      ensureDerivedSheets(context, settings, kind);
      publishForm(form);
      record = {
        ...formLinks(form), instrument: kind, version: spec.version,
        responseSheetId: sheet.getSheetId(), responseSheetName: sheet.getName(), createdAt: nowIso(context), status: 'active', items,
      };
      writeRegistry(context, [...records, record]);
    } catch (error) {
      undoCreation(context, form, spec.title, error);
      throw error;
    }
    return info(record);
  });
}

/** google.script.run endpoint. Result: every registered form, newest last. */
export function listSurveyForms(): SurveyFormInfo[] {
  return readRegistry(requireContext()).map(info);
}

/**
 * A form linked to the workbook that the registry does not know (a creation that failed
 * before it was undone, a registry row deleted by hand) is identified by its questions'
 * titles against every form kind in both languages. Identified: its sheet is protected
 * and it is registered (as replaced when the kind already has an active form, so the
 * sidebar keeps offering that one); its answers so far are scored by the next scheduled
 * run. Not identified: logged and left alone.
 */
function adoptUnknownForms(context: Context, settings: Settings, records: readonly FormRecord[], log: LogEntry[]): FormRecord[] {
  const knownForms = new Set(records.flatMap((record) => [record.formId, formIdOfUrl(record.publishedUrl), formIdOfUrl(record.editUrl)]));
  const knownSheets = new Set(records.map((record) => record.responseSheetId));
  let unknown = linkedSheets(context.book).filter(({ sheet, formId }) => !knownForms.has(formId) && !knownSheets.has(sheet.getSheetId()));
  if (unknown.length === 0) return [];
  // Rows of the registry that cannot be read still name their form: never registered twice.
  const listed = registeredIds(context);
  unknown = unknown.filter(({ sheet, formId }) => !listed.forms.has(formId) && !listed.sheets.has(sheet.getSheetId()));
  if (unknown.length === 0) return [];
  const today = nowIso(context).slice(0, 10);
  const kinds: FormKind[] = [...INSTRUMENT_IDS, SCHOOL_REPORT];
  const specs = (['ru', 'en'] as const).flatMap((lang) => kinds.map((kind) => specOf(kind, { ...settings, lang }, today)));
  const adopted: FormRecord[] = [];
  for (const { sheet, formId } of unknown) {
    const form = openForm(formId);
    const found = form ? identifyForm(formItemTitles(form), specs) : null;
    if (!form || !found) {
      log.push(logEntry(context, sheet.getName(), '', 'formNotIdentified', { title: form ? form.getTitle() : formId }));
      continue;
    }
    const kind = found.spec.instrument as FormKind;
    adopted.push(adoptForm(context, settings, form, sheet, kind, found.spec.version, found.items, [...records, ...adopted]));
    log.push(logEntry(context, sheet.getName(), '', 'formAdopted', { title: form.getTitle(), kind: specOf(kind, settings, today).title }));
  }
  return adopted;
}

function adoptForm(
  context: Context, settings: Settings, form: GoogleAppsScript.Forms.Form, sheet: Sheet, kind: FormKind, version: string,
  items: FormRecord['items'], records: readonly FormRecord[],
): FormRecord {
  protectSheet(sheet, settings.coordinators, tr(PROTECTION_DESCRIPTION, context.lang));
  ensureDerivedSheets(context, settings, kind);
  const active = records.some((record) => record.instrument === kind && record.status === 'active');
  return {
    ...formLinks(form), instrument: kind, version, responseSheetId: sheet.getSheetId(), responseSheetName: sheet.getName(),
    createdAt: nowIso(context), status: active ? 'replaced' : 'active', items,
  };
}

/**
 * google.script.run endpoint. Brings the registry up to date with the forms as they
 * are now: reworded questions keep their item (new titles are added to the ones the
 * item had), questions that are gone or new are logged, a form whose responses now
 * go to another sheet gets that sheet registered beside the old one, and a linked form
 * the registry does not know is adopted when its questions say what it is.
 */
export function relinkSurveyForms(): SurveyFormInfo[] {
  const context = requireContext();
  requireCoordinator(context);
  return locked(context, () => {
    const records = readRegistry(context);
    const settings = readSettings(context);
    const added: FormRecord[] = [];
    const log: LogEntry[] = [];
    const titleChanges = refreshItemTitles(records);
    for (const record of records) {
      // A relinked sheet is history: its form is followed through the record that replaced it.
      if (record.status === 'relinked') continue;
      const form = openForm(record.formId);
      if (!form) continue;
      const changes = titleChanges.get(record) ?? [];
      if (changes.length > 0) log.push(logEntry(context, record.responseSheetName, '', 'formItemsChanged', { title: form.getTitle(), changes: changes.join('; ') }));
      const sheet: Sheet | null = record.status === 'active' ? responseSheetOf(context.book, form) : null;
      if (sheet && sheet.getSheetId() !== record.responseSheetId) {
        record.status = 'relinked';
        added.push({ ...record, items: record.items.map((item) => ({ ...item, titles: [...item.titles] })), status: 'active', responseSheetId: sheet.getSheetId(), responseSheetName: sheet.getName(), createdAt: nowIso(context) });
        log.push(logEntry(context, sheet.getName(), '', 'formRelinked', { title: form.getTitle() }));
        protectSheet(sheet, settings.coordinators, tr(PROTECTION_DESCRIPTION, context.lang));
      }
    }
    const adopted = adoptUnknownForms(context, settings, [...records, ...added], log);
    const all = [...records, ...added, ...adopted];
    writeRegistry(context, all);
    writeLog(context, log);
    // Answers that reached an adopted form before it was registered wait in its sheet.
    if (adopted.length > 0) writeBookJson(context.book, CATCH_UP_PROPERTY, true);
    return all.map(info);
  });
}

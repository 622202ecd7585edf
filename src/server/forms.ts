/** Survey forms: create (or re-create), list and relink, all through the registry. */
import { buildFormSpec } from '../core/forms/form-spec';
import { tr } from '../core/text/i18n';
import { getInstrument } from '../core/instruments';
import { ERRORS, PROTECTION_DESCRIPTION } from '../core/text/messages';
import { FormRecord, isFormKind, SCHOOL_REPORT } from '../core/workbook/registry';
import { presetById } from '../core/presets';
import { Preset } from '../core/presets/types';
import { buildSchoolReportSpec } from '../core/forms/school-report-form';
import { surveyFormInfo as info, SurveyFormInfo } from '../core/views/surveys';
import { createForm, openForm, responseSheetOf } from './adapters/forms';
import { protectSheet } from './adapters/workbook';
import { locked, readSettings, requireContext, UserError } from './context';
import { logEntry, nowIso, writeLog } from './log';
import { readRegistry, refreshItemTitles, writeRegistry } from './registry';
import { ensureScoresSheet } from './recalc';
import { ensureReportSheets } from './reports';
import { requireCoordinator } from './access';




/**
 * google.script.run endpoint. Creates and publishes the Google Form of an instrument
 * (or, for 'school_report', the school report form of the workbook's preset) from its
 * definition and the workbook's schools and subjects, registers it, and protects its
 * response sheet. A form the instrument already had is marked replaced: it stays
 * registered, so its answers still count.
 */
export function createSurveyForm(kind: string): SurveyFormInfo {
  const context = requireContext();
  if (!isFormKind(kind)) throw new UserError(tr(ERRORS.unknownInstrument, context.lang, { id: kind }));
  const settings = requireCoordinator(context);
  const spec = kind === SCHOOL_REPORT
    ? buildSchoolReportSpec(presetById(settings.presetId) as Preset, settings, nowIso(context).slice(0, 10))
    : buildFormSpec(getInstrument(kind), settings);
  // Building the form takes a while and touches no sheet of ours: it runs outside the lock.
  const created = createForm(spec, context.book);
  return locked(context, () => {
    const records = readRegistry(context).map((record) =>
      record.instrument === kind && record.status === 'active' ? { ...record, status: 'replaced' as const } : record,
    );
    const record: FormRecord = {
      formId: created.formId, instrument: kind, version: spec.version,
      responseSheetId: created.responseSheet.getSheetId(), responseSheetName: created.responseSheet.getName(),
      editUrl: created.editUrl, publishedUrl: created.publishedUrl, createdAt: nowIso(context), status: 'active',
      items: created.items,
    };
    writeRegistry(context, [...records, record]);
    protectSheet(created.responseSheet, settings.coordinators, tr(PROTECTION_DESCRIPTION, context.lang));
    if (kind === SCHOOL_REPORT) ensureReportSheets(context, settings);
    else ensureScoresSheet(context, kind);
    return info(record);
  });
}

/** google.script.run endpoint. Result: every registered form, newest last. */
export function listSurveyForms(): SurveyFormInfo[] {
  return readRegistry(requireContext()).map(info);
}

/**
 * google.script.run endpoint. Brings the registry up to date with the forms as they
 * are now: reworded questions keep their item (new titles are added to the ones the
 * item had), questions that are gone or new are logged, and a form whose responses now
 * go to another sheet gets that sheet registered beside the old one.
 */
export function relinkSurveyForms(): SurveyFormInfo[] {
  const context = requireContext();
  requireCoordinator(context);
  return locked(context, () => {
    const records = readRegistry(context);
    const { coordinators } = readSettings(context);
    const added: FormRecord[] = [];
    const log = [];
    const titleChanges = refreshItemTitles(records);
    for (const record of records) {
      // A relinked sheet is history: its form is followed through the record that replaced it.
      if (record.status === 'relinked') continue;
      const form = openForm(record.formId);
      if (!form) continue;
      const changes = titleChanges.get(record) ?? [];
      if (changes.length > 0) log.push(logEntry(context, record.responseSheetName, '', 'formItemsChanged', { title: form.getTitle(), changes: changes.join('; ') }));
      const sheet = record.status === 'active' ? responseSheetOf(context.book, form) : null;
      if (sheet && sheet.getSheetId() !== record.responseSheetId) {
        record.status = 'relinked';
        added.push({ ...record, items: record.items.map((item) => ({ ...item, titles: [...item.titles] })), status: 'active', responseSheetId: sheet.getSheetId(), responseSheetName: sheet.getName(), createdAt: nowIso(context) });
        log.push(logEntry(context, sheet.getName(), '', 'formRelinked', { title: form.getTitle() }));
        protectSheet(sheet, coordinators, tr(PROTECTION_DESCRIPTION, context.lang));
      }
    }
    const all = [...records, ...added];
    writeRegistry(context, all);
    writeLog(context, log);
    return all.map(info);
  });
}

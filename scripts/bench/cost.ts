/**
 * Service calls of one form submission when `existing` responses are already in the
 * response and scores sheets: the measure behind "constant cost per submission".
 */
import { createEmulator } from '../../tools/emulator';
import { loadBundle } from '../../tools/emulator/bundle';
import { answerForm, seededRandom } from '../../tools/demo-district/respondents';

export function callsForOneSubmission(existing: number, buildDir?: string): Record<string, number> {
  const emulator = createEmulator({ user: 'coordinator@district.example' });
  const bundle = loadBundle(emulator, buildDir);
  bundle.call('saveSettings', {
    districtName: 'Район', presetId: 'custom', schools: ['Школа № 1', 'Школа № 2'], subjects: ['Математика'],
    coordinators: ['coordinator@district.example'],
  });
  const { formId } = bundle.call('createSurveyForm', 'boyko') as { formId: string };
  const answers = answerForm(emulator.forms.describe(formId), seededRandom(1));
  emulator.forms.submit(formId, answers);
  const book = emulator.spreadsheet;
  const raw = book.getSheets().find((sheet) => sheet.getFormUrl())!;
  const scores = book.getSheets().find((sheet) => sheet.getName().startsWith('Баллы'))!;
  // Grow both sheets as if `existing` responses had been processed (keys kept unique).
  for (const [sheet, keyed] of [[raw, false], [scores, true]] as const) {
    const row = sheet.getRange(2, 1, 1, sheet.getLastColumn()).getValues()[0];
    const rows = Array.from({ length: existing - 1 }, (_, i) => (keyed ? [`s0r${i}`, ...row.slice(1)] : row));
    sheet.insertRowsAfter(sheet.getMaxRows(), existing);
    if (rows.length > 0) sheet.getRange(3, 1, rows.length, row.length).setValues(rows);
  }
  // A second later: the measured response is a new one, not a copy of the rows above.
  emulator.clock.advance(1000);
  const before = emulator.counter.snapshot();
  emulator.forms.submit(formId, answers);
  if (scores.getLastRow() !== existing + 2) throw new Error('the submission was not scored');
  return emulator.counter.since(before);
}

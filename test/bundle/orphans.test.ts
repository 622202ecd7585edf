/**
 * Creating a form leaves no orphan: whatever fails on the way (the lock, the caller's
 * rights, any service call), no published or linked form is left unregistered with an
 * unprotected response sheet. Relinking adopts a linked form the registry does not know
 * when its questions say which instrument it is, and leaves any other alone.
 */
import { answerForm, seededRandom } from '../../tools/demo-district/respondents';
import { COORDINATOR, Harness, SECOND_COORDINATOR, SETTINGS, setUpWorkbook, sheetValues } from './harness';

const HOUR = 3600_000;
type FormAppType = GoogleAppsScript.Forms.FormApp;

interface Registered { formId: string; instrument: string; sheetId: number; status: string }

function registry(h: Harness): Registered[] {
  return sheetValues(h, 'Реестр форм').slice(1).filter((row) => row[0] !== '')
    .map((row) => ({ formId: String(row[0]), instrument: String(row[1]), sheetId: Number(row[3]), status: String(row[8]) }));
}

const logCodes = (h: Harness) => sheetValues(h, 'Журнал').slice(1).map((row) => String(row[4]));

function protectedForCoordinators(h: Harness, sheet: GoogleAppsScript.Spreadsheet.Sheet): boolean {
  const SpreadsheetApp = h.emulator.globals.SpreadsheetApp as GoogleAppsScript.Spreadsheet.SpreadsheetApp;
  const protection = sheet.getProtections(SpreadsheetApp.ProtectionType.SHEET)[0];
  if (!protection || protection.isWarningOnly()) return false;
  const editors = protection.getEditors().map((user) => user.getEmail()).sort();
  return JSON.stringify(editors) === JSON.stringify([COORDINATOR, SECOND_COORDINATOR].sort());
}

/**
 * No orphan: every sheet a form writes to is registered and protected, and every form
 * that is published or linked to the workbook is registered.
 */
function orphans(h: Harness): string[] {
  const found: string[] = [];
  const records = registry(h);
  const ssId = h.emulator.spreadsheet.getId();
  for (const sheet of h.emulator.spreadsheet.getSheets()) {
    if (!sheet.getFormUrl()) continue;
    if (!records.some((record) => record.sheetId === sheet.getSheetId())) found.push(`unregistered sheet ${sheet.getName()}`);
    if (!protectedForCoordinators(h, sheet)) found.push(`unprotected sheet ${sheet.getName()}`);
  }
  for (const form of h.emulator.forms.all()) {
    const described = h.emulator.forms.describe(form.getId());
    const live = described.published || described.acceptingResponses || described.destinationId === ssId;
    if (live && !records.some((record) => record.formId === described.id)) found.push(`unregistered form ${described.id}`);
  }
  return found;
}

describe('createSurveyForm leaves no orphan', () => {
  test('a failure injected at every service call: nothing half-made remains, each failure is logged, the last call succeeds', () => {
    const h = setUpWorkbook();
    h.call('createSurveyForm', 'network');
    const before = h.emulator.counter.total();
    h.call('createSurveyForm', 'network');
    const calls = h.emulator.counter.total() - before;
    expect(calls).toBeGreaterThan(50);
    let failures = 0;
    for (let n = 1; n <= calls; n++) {
      const logged = logCodes(h).length;
      h.emulator.counter.failAt(n);
      let failed = false;
      try {
        h.call('createSurveyForm', 'network');
      } catch (error) {
        expect(String(error)).toContain('(injected)');
        failed = true;
      }
      h.emulator.counter.failAt(null);
      expect(orphans(h)).toEqual([]);
      if (failed) {
        failures++;
        // A failure after the form exists is undone and logged; one before it needs neither.
        const codes = logCodes(h).slice(logged);
        expect(codes.every((code) => code === 'formCreationUndone' || code === 'unreadableRegistry')).toBe(true);
      }
    }
    expect(failures).toBeGreaterThan(calls * 0.9);
    // Exactly one active network form: the last one made.
    expect(registry(h).filter((record) => record.instrument === 'network' && record.status === 'active')).toHaveLength(1);
    const undone = sheetValues(h, 'Журнал').slice(1).filter((row) => row[4] === 'formCreationUndone');
    expect(undone.length).toBeGreaterThan(calls * 0.8);
    expect(String(undone[0][3])).toMatch(/^Форма «.+» не создана: .*\(injected\)/);
  });

  test('an execution killed at any call, its undo included: relinking afterwards adopts what was left', () => {
    // One call takes 7 minutes: the execution is killed there and every later call in it fails.
    const kill = { armed: false, seen: 0, at: 0 };
    const h = setUpWorkbook({ callCostMs: () => (kill.armed && ++kill.seen === kill.at ? 7 * 60_000 : 0) });
    // The first form also makes the scores sheet, the second the registry's compact form
    // beside the workbook's state; the calls counted are those of a later one.
    h.call('createSurveyForm', 'network');
    h.call('createSurveyForm', 'network');
    const before = h.emulator.counter.total();
    h.call('createSurveyForm', 'network');
    const calls = h.emulator.counter.total() - before;
    // Up to the last call a creation makes: how many follows the workbook's state entries
    // (a catch-up flag a kill left, the registry's compact copy written or not), so the
    // count measured above may be one off either way.
    let finished = false;
    for (kill.at = 1; !finished; kill.at++) {
      Object.assign(kill, { armed: true, seen: 0 });
      try {
        h.call('createSurveyForm', 'network');
        finished = true;
      } catch (error) {
        expect(String(error)).toMatch(/Exceeded maximum execution time/);
      }
      kill.armed = false;
      h.call('relinkSurveyForms');
      expect(orphans(h)).toEqual([]);
      expect(registry(h).filter((record) => record.instrument === 'network' && record.status === 'active')).toHaveLength(1);
    }
    expect(kill.at).toBeGreaterThan(calls - 2);
    expect(logCodes(h)).toContain('formAdopted');
  });

  test('a busy workbook is refused before anything is made', () => {
    const h = setUpWorkbook();
    const forms = h.emulator.forms.all().length;
    const sheets = h.emulator.spreadsheet.getSheets().length;
    h.emulator.locks.holdAs('script', 'a recalculation');
    expect(() => h.call('createSurveyForm', 'boyko')).toThrow(/занят/);
    h.emulator.locks.release('script', 'a recalculation');
    expect(h.emulator.forms.all()).toHaveLength(forms);
    expect(h.emulator.spreadsheet.getSheets()).toHaveLength(sheets);
    expect(orphans(h)).toEqual([]);
  });
});

describe('relink adopts a linked form the registry does not know', () => {
  /** A network form made by the add-on, then its registry row deleted by hand: the shape an orphan has. */
  function forgottenForm(h: Harness): { formId: string; sheetName: string } {
    const { formId, responseSheetName } = h.call<{ formId: string; responseSheetName: string }>('createSurveyForm', 'network');
    const sheet = h.emulator.spreadsheet.getSheetByName('Реестр форм')!;
    const row = registry(h).findIndex((record) => record.formId === formId) + 2;
    sheet.deleteRow(row);
    return { formId, sheetName: responseSheetName };
  }

  test('identified by its questions: registered, its sheet protected, its earlier answers scored by the next run', () => {
    const h = setUpWorkbook();
    const { formId, sheetName } = forgottenForm(h);
    const random = seededRandom(5);
    for (let i = 0; i < 2; i++) {
      h.emulator.clock.tick(1000);
      h.emulator.forms.submit(formId, answerForm(h.emulator.forms.describe(formId), random));
    }
    // A registry row deleted by hand reaches the submissions' compact copy of the registry
    // when the registry is next read by the daily run or written: until then the add-on's
    // own form is still known, and its answers scored on arrival.
    expect(logCodes(h)).toEqual([]);
    expect(sheetValues(h, 'Баллы: сетевое взаимодействие').slice(1)).toHaveLength(2);
    h.call('relinkSurveyForms');
    expect(registry(h)).toEqual([expect.objectContaining({ formId, instrument: 'network', status: 'active' })]);
    expect(orphans(h)).toEqual([]);
    expect(logCodes(h).slice(-1)).toEqual(['formAdopted']);
    h.emulator.clock.advance(HOUR);
    expect(sheetValues(h, 'Баллы: сетевое взаимодействие').slice(1)).toHaveLength(2);
    // Relinking again changes nothing.
    h.call('relinkSurveyForms');
    expect(registry(h)).toHaveLength(1);
    // New answers are scored on arrival.
    h.emulator.clock.tick(1000);
    h.emulator.forms.submit(formId, answerForm(h.emulator.forms.describe(formId), random));
    expect(sheetValues(h, 'Баллы: сетевое взаимодействие').slice(1)).toHaveLength(3);
    expect(sheetValues(h, sheetName).slice(1)).toHaveLength(3);
  });

  test('a Russian form adopted in a workbook since switched to English; beside an active form of its kind it counts as replaced', () => {
    const h = setUpWorkbook();
    const { formId } = forgottenForm(h);
    expect(h.call<{ ok: boolean }>('saveSettings', { ...SETTINGS, lang: 'en' }).ok).toBe(true);
    const current = h.call<{ formId: string }>('createSurveyForm', 'network');
    h.call('relinkSurveyForms');
    const records = registry(h);
    expect(records).toEqual(expect.arrayContaining([
      expect.objectContaining({ formId: current.formId, status: 'active' }),
      expect.objectContaining({ formId, instrument: 'network', status: 'replaced' }),
    ]));
    expect(orphans(h)).toEqual([]);
  });

  test('a form whose registry row cannot be read is not registered a second time', () => {
    const h = setUpWorkbook();
    const { formId } = h.call<{ formId: string }>('createSurveyForm', 'network');
    h.emulator.spreadsheet.getSheetByName('Реестр форм')!.getRange(2, 10).setValue('{не JSON');
    h.call('relinkSurveyForms');
    expect(logCodes(h)).not.toContain('formAdopted');
    expect(sheetValues(h, 'Реестр форм').slice(1).filter((row) => row[0] === formId)).toHaveLength(1);
  });

  test('a form it cannot identify is logged and left alone', () => {
    const h = setUpWorkbook();
    const FormApp = h.emulator.globals.FormApp as FormAppType;
    const ssId = h.emulator.spreadsheet.getId();
    const foreign = h.emulator.asUser(COORDINATOR, () => {
      const form = FormApp.create('Чаепитие');
      form.setTitle('Чаепитие').addTextItem().setTitle('Какой чай вы пьёте?');
      form.setDestination(FormApp.DestinationType.SPREADSHEET, ssId);
      return form.getId();
    });
    const sheet = h.emulator.spreadsheet.getSheets().find((s) => (s.getFormUrl() ?? '').includes(foreign))!;
    h.call('relinkSurveyForms');
    expect(registry(h)).toEqual([]);
    const entry = sheetValues(h, 'Журнал').slice(1).find((row) => row[4] === 'formNotIdentified');
    expect(entry?.[3]).toContain('«Чаепитие»');
    expect(sheet.getProtections((h.emulator.globals.SpreadsheetApp as GoogleAppsScript.Spreadsheet.SpreadsheetApp).ProtectionType.SHEET)).toHaveLength(0);
  });
});

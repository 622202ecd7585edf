/**
 * The stricter runtime context: authorization modes, scopes, per-user per-document
 * triggers, the clock trigger's context, time per service call and the 6-minute limit.
 */
import { createEmulator } from '../../tools/emulator';
import { EXECUTION_TIME_EXCEEDED } from '../../tools/emulator/kernel';

const SCOPE = 'https://www.googleapis.com/auth/';

function services(emulator: ReturnType<typeof createEmulator>) {
  const g = emulator.globals;
  return {
    ScriptApp: g.ScriptApp as GoogleAppsScript.Script.ScriptApp,
    SpreadsheetApp: g.SpreadsheetApp as GoogleAppsScript.Spreadsheet.SpreadsheetApp,
    PropertiesService: g.PropertiesService as GoogleAppsScript.Properties.PropertiesService,
    LockService: g.LockService as GoogleAppsScript.Lock.LockService,
    FormApp: g.FormApp as GoogleAppsScript.Forms.FormApp,
    Session: g.Session as GoogleAppsScript.Base.Session,
  };
}

describe('authorization modes', () => {
  test('LIMITED: the current spreadsheet, menus and properties work; triggers, forms and other files are refused', () => {
    const emulator = createEmulator();
    const { ScriptApp, SpreadsheetApp, PropertiesService, FormApp } = services(emulator);
    emulator.runtime.execute(
      () => {
        SpreadsheetApp.getUi().createAddonMenu().addItem('x', 'f').addToUi();
        expect(SpreadsheetApp.getActiveSpreadsheet().getSheets()).toHaveLength(1);
        expect(PropertiesService.getDocumentProperties().getProperty('k')).toBeNull();
        expect(() => ScriptApp.getProjectTriggers()).toThrow(
          `You do not have permission to call ScriptApp.getProjectTriggers. Required permissions: ${SCOPE}script.scriptapp`,
        );
        expect(() => FormApp.create('x')).toThrow(`Required permissions: ${SCOPE}forms`);
        expect(() => SpreadsheetApp.openById(emulator.spreadsheet.getId())).toThrow(`Required permissions: ${SCOPE}spreadsheets`);
      },
      undefined,
      { authMode: 'LIMITED' },
    );
    expect(emulator.ui.menus).toHaveLength(1);
  });

  test('NONE: only the menu; even properties and the spreadsheet are refused', () => {
    const emulator = createEmulator();
    const { SpreadsheetApp, PropertiesService } = services(emulator);
    emulator.runtime.execute(
      () => {
        SpreadsheetApp.getUi().createAddonMenu().addItem('x', 'f').addToUi();
        expect(() => PropertiesService.getDocumentProperties()).toThrow('You do not have permission to call PropertiesService.getDocumentProperties');
        expect(() => SpreadsheetApp.getActiveSpreadsheet()).toThrow(`Required permissions: ${SCOPE}spreadsheets.currentonly`);
      },
      undefined,
      { authMode: 'NONE' },
    );
  });

  test('the email is blank outside FULL and without the userinfo.email scope', () => {
    const withScope = createEmulator({ scopes: [`${SCOPE}userinfo.email`, `${SCOPE}spreadsheets`] });
    const { Session } = services(withScope);
    expect(withScope.runtime.execute(() => Session.getEffectiveUser().getEmail())).toBe('coordinator@district.example');
    expect(withScope.runtime.execute(() => Session.getEffectiveUser().getEmail(), undefined, { authMode: 'LIMITED' })).toBe('');
    const without = createEmulator({ scopes: [`${SCOPE}spreadsheets`] });
    expect(without.runtime.execute(() => services(without).Session.getEffectiveUser().getEmail())).toBe('');
  });

  test('FULL with spreadsheets.currentonly cannot open another spreadsheet by id', () => {
    const emulator = createEmulator({ scopes: [`${SCOPE}spreadsheets.currentonly`] });
    const { SpreadsheetApp } = services(emulator);
    const id = emulator.spreadsheet.getId();
    expect(() => emulator.runtime.execute(() => SpreadsheetApp.openById(id))).toThrow(
      `You do not have permission to call SpreadsheetApp.openById. Required permissions: ${SCOPE}spreadsheets`,
    );
    expect(emulator.runtime.execute(() => SpreadsheetApp.getActiveSpreadsheet().getId())).toBe(id);
  });
});

describe('triggers per user and per document', () => {
  test('getUserTriggers sees one document, getProjectTriggers all of the user\'s, nobody sees another user\'s', () => {
    const emulator = createEmulator();
    const { ScriptApp, SpreadsheetApp } = services(emulator);
    const first = emulator.spreadsheet;
    const second = emulator.spreadsheets.create('Вторая книга', { active: false });
    const install = () => ScriptApp.newTrigger('onFormSubmit').forSpreadsheet(SpreadsheetApp.getActiveSpreadsheet()).onFormSubmit().create();
    emulator.runtime.execute(install);
    emulator.runtime.execute(install, undefined, { document: second.getId() });
    emulator.runtime.execute(install, 'methodist@district.example');
    emulator.runtime.execute(() => {
      expect(ScriptApp.getProjectTriggers()).toHaveLength(2);
      expect(ScriptApp.getUserTriggers(first)).toHaveLength(1);
      expect(ScriptApp.getUserTriggers(second)).toHaveLength(1);
    });
    emulator.runtime.execute(() => expect(ScriptApp.getUserTriggers(first)).toHaveLength(1), 'methodist@district.example');
    // The add-on rule: one trigger of a type per user per document.
    expect(() => emulator.runtime.execute(install)).toThrow('too many form submit triggers in this document');
  });
});

describe('the clock trigger context', () => {
  test('no active spreadsheet, no document properties, no document lock; the script lock and openById work', () => {
    const emulator = createEmulator();
    const { ScriptApp, SpreadsheetApp, PropertiesService, LockService } = services(emulator);
    const id = emulator.spreadsheet.getId();
    const seen: unknown[] = [];
    emulator.globals.job = () => {
      seen.push(SpreadsheetApp.getActiveSpreadsheet(), PropertiesService.getDocumentProperties(), LockService.getDocumentLock());
      seen.push(LockService.getScriptLock().tryLock(1000), SpreadsheetApp.openById(id).getName());
    };
    emulator.runtime.attachBundle(emulator.globals);
    emulator.runtime.execute(() => ScriptApp.newTrigger('job').timeBased().everyHours(1).create());
    emulator.clock.advance(60 * 60 * 1000);
    expect(emulator.script.runs.map((run) => run.error)).toEqual([undefined]);
    expect(seen).toEqual([null, null, null, true, emulator.spreadsheet.getName()]);
    // The document is active again for the test afterwards.
    expect(SpreadsheetApp.getActiveSpreadsheet().getId()).toBe(id);
  });
});

describe('time passes during an execution', () => {
  test('each service call costs emulated time', () => {
    const emulator = createEmulator({ callCostMs: 50 });
    const { SpreadsheetApp } = services(emulator);
    const start = emulator.clock.now();
    emulator.runtime.execute(() => {
      for (let i = 0; i < 10; i++) SpreadsheetApp.getActiveSpreadsheet();
    });
    expect(emulator.clock.now() - start).toBe(500);
    // Calls made by the test itself, outside executions, are free.
    SpreadsheetApp.getActiveSpreadsheet();
    expect(emulator.clock.now() - start).toBe(500);
  });

  test('an execution past 6 minutes is killed: that call and every later one fail, its locks are released', () => {
    const emulator = createEmulator({ callCostMs: 1000 });
    const { SpreadsheetApp, LockService } = services(emulator);
    let calls = 0;
    let caught: unknown = null;
    expect(() =>
      emulator.runtime.execute(() => {
        LockService.getScriptLock().waitLock(1000);
        try {
          for (;;) {
            SpreadsheetApp.getActiveSpreadsheet();
            calls++;
          }
        } catch (error) {
          caught = error;
        }
        // Swallowing the error does not revive the execution.
        SpreadsheetApp.getActiveSpreadsheet();
      }),
    ).toThrow(EXECUTION_TIME_EXCEEDED);
    expect(String(caught)).toContain(EXECUTION_TIME_EXCEEDED);
    expect(calls).toBeGreaterThan(350);
    expect(calls).toBeLessThan(360);
    expect(emulator.locks.holder('script')).toBeNull();
    // The next execution starts afresh.
    expect(emulator.runtime.execute(() => SpreadsheetApp.getActiveSpreadsheet().getId())).toBe(emulator.spreadsheet.getId());
  });
});

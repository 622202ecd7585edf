/**
 * The adversarial suite, runtime part: build/Code.js in the stricter emulator, where a
 * simple onOpen may not manage triggers, triggers belong to one user and one document,
 * the scheduled job runs with no active spreadsheet, and time passes per service call.
 * Each test is what a coordinator would expect to see, in the workbook's language.
 */
import { triggerSimpleOnOpen } from '../../tools/emulator/bundle';
import type { HealthView } from '../../src/core/views/health';
import { COORDINATOR, Harness, SCHOOLS, SECOND_COORDINATOR, SETTINGS, setUpWorkbook, sheetValues, SUBJECTS, TEACHER } from './harness';

const HOUR = 60 * 60 * 1000;

interface FormInfo { formId: string }

type Book = GoogleAppsScript.Spreadsheet.Spreadsheet;

function rowsOf(book: Book, name: string): unknown[][] {
  const sheet = book.getSheetByName(name);
  if (!sheet) throw new Error(`no sheet "${name}"`);
  return sheet.getDataRange().getValues().slice(1);
}

function scoreKeys(h: Harness, book: Book = h.emulator.spreadsheet): string[] {
  return rowsOf(book, 'Баллы: Бойко').map((row) => String(row[0]));
}

function logCodes(h: Harness, book: Book = h.emulator.spreadsheet): string[] {
  return rowsOf(book, 'Журнал').map((row) => String(row[4]));
}

function logTexts(h: Harness, code: string, book: Book = h.emulator.spreadsheet): string[] {
  return rowsOf(book, 'Журнал').filter((row) => row[4] === code).map((row) => String(row[3]));
}

function triggersOf(h: Harness, user: string, handler?: string) {
  return h.emulator.script.triggersOf(user).filter((t) => handler === undefined || t.handler === handler);
}

function boykoAnswers(h: Harness, formId: string, answer: 'Да' | 'Нет' = 'Да'): Record<string, string> {
  const answers: Record<string, string> = {};
  for (const item of h.emulator.forms.describe(formId).items) {
    const values = (item.choices ?? []).map((c) => c.value);
    if (values.includes(answer)) answers[item.title] = answer;
  }
  answers['Образовательная организация'] = SCHOOLS[0];
  answers['Преподаваемый предмет (основной)'] = SUBJECTS[0];
  answers['Ваш возраст'] = '25–34 года';
  answers['Педагогический стаж'] = '0–3 года';
  return answers;
}

function health(h: Harness, user?: string): HealthView {
  const view = user ? h.emulator.asUser(user, () => h.emulator.runtime.invoke('getHealth')) : h.call('getHealth');
  return view as HealthView;
}

/** A second workbook of the same coordinator, set up and active; returns it. */
function secondWorkbook(h: Harness): Book {
  const book = h.emulator.spreadsheets.create('Мониторинг 2027', { active: true });
  const result = h.call<{ ok: boolean }>('saveSettings', SETTINGS);
  expect(result.ok).toBe(true);
  return book;
}

describe('onOpen as a simple trigger', () => {
  test.each(['NONE', 'LIMITED'] as const)('under %s it builds the menu and calls nothing it may not', (mode) => {
    const h = setUpWorkbook();
    h.emulator.runtime.triggers.splice(0);
    const before = h.emulator.counter.snapshot();
    // The emulator throws on any forbidden call, so this passing is the proof.
    triggerSimpleOnOpen(h.bundle, mode);
    const calls = Object.keys(h.emulator.counter.since(before));
    expect(calls.filter((call) => /^(ScriptApp|Trigger|FormApp|MailApp|LockService)/.test(call))).toEqual([]);
    expect(h.emulator.runtime.triggers).toEqual([]);
    expect(h.emulator.ui.menus.at(-1)?.entries.map((e) => (e.kind === 'item' ? e.functionName : e.kind))).toEqual(['showSidebar', 'menuRecalculate']);
  });

  test('onInstall (FULL) builds the same menu', () => {
    const h = setUpWorkbook();
    triggerSimpleOnOpen(h.bundle, 'FULL', 'onInstall');
    expect(h.emulator.ui.menus.at(-1)?.entries).toHaveLength(2);
  });
});

describe('one form-submit trigger per workbook, owned by one recorded coordinator', () => {
  test('setup records the owner and installs one submit trigger and one clock trigger', () => {
    const h = setUpWorkbook();
    expect(triggersOf(h, COORDINATOR).map((t) => t.handler).sort()).toEqual(['onFormSubmit', 'runScheduledJobs']);
    const view = health(h);
    expect(view.trigger).toEqual({ present: true, owner: COORDINATOR, ownerIsMe: true });
    expect(view.level).toBe('ok');
    expect(view.problems).toEqual([]);
    // JSON-safe: what google.script.run carries is what the server returned.
    expect(JSON.parse(JSON.stringify(view))).toEqual(view);
  });

  test("a coordinator's second workbook gets its own submit trigger and is scored; one clock trigger serves both", () => {
    const h = setUpWorkbook();
    const first = h.emulator.spreadsheet;
    const a = h.call<FormInfo>('createSurveyForm', 'boyko');
    const second = secondWorkbook(h);
    const b = h.call<FormInfo>('createSurveyForm', 'boyko');
    expect(triggersOf(h, COORDINATOR, 'onFormSubmit').map((t) => t.sourceId).sort()).toEqual([first.getId(), second.getId()].sort());
    expect(triggersOf(h, COORDINATOR, 'runScheduledJobs')).toHaveLength(1);
    h.emulator.forms.submit(a.formId, boykoAnswers(h, a.formId));
    h.emulator.forms.submit(b.formId, boykoAnswers(h, b.formId));
    h.emulator.forms.submit(b.formId, boykoAnswers(h, b.formId, 'Нет'));
    expect(scoreKeys(h, first)).toHaveLength(1);
    expect(scoreKeys(h, second)).toHaveLength(2);
  });

  test('another coordinator opening the sidebar adds no second trigger set; each response is scored once', () => {
    const h = setUpWorkbook();
    const form = h.call<FormInfo>('createSurveyForm', 'boyko');
    const view = health(h, SECOND_COORDINATOR);
    expect(triggersOf(h, SECOND_COORDINATOR)).toEqual([]);
    expect(view.trigger).toEqual({ present: true, owner: COORDINATOR, ownerIsMe: false });
    const submitted = h.emulator.forms.submit(form.formId, boykoAnswers(h, form.formId));
    expect(submitted.triggerErrors).toEqual([]);
    expect(scoreKeys(h)).toHaveLength(1);
  });

  test('the owner leaving the coordinators hands the trigger over; the old trigger removes itself without failing', () => {
    const h = setUpWorkbook();
    const form = h.call<FormInfo>('createSurveyForm', 'boyko');
    h.emulator.forms.submit(form.formId, boykoAnswers(h, form.formId));
    // The second coordinator removes the first from the settings.
    const result = h.emulator.asUser(SECOND_COORDINATOR, () =>
      h.emulator.runtime.invoke('saveSettings', { ...SETTINGS, coordinators: [SECOND_COORDINATOR] }),
    ) as { ok: boolean };
    expect(result.ok).toBe(true);
    expect(triggersOf(h, SECOND_COORDINATOR).map((t) => t.handler).sort()).toEqual(['onFormSubmit', 'runScheduledJobs']);
    expect(logTexts(h, 'triggerHandedOver')).toEqual([
      `Триггер обработки ответов передан от ${COORDINATOR} к ${SECOND_COORDINATOR}: прежний владелец больше не координатор или его плановая обработка остановилась.`,
    ]);
    const submitted = h.emulator.forms.submit(form.formId, boykoAnswers(h, form.formId, 'Нет'));
    expect(submitted.triggerErrors).toEqual([]);
    expect(triggersOf(h, COORDINATOR, 'onFormSubmit')).toEqual([]);
    expect(scoreKeys(h)).toHaveLength(2);
    expect(new Set(scoreKeys(h)).size).toBe(2);
    expect(health(h, SECOND_COORDINATOR).trigger).toEqual({ present: true, owner: SECOND_COORDINATOR, ownerIsMe: true });
  });
});

describe('a caller who is not a coordinator leaves nothing behind', () => {
  test.each([
    ['createSurveyForm', ['boyko']],
    ['saveSettings', [{ ...SETTINGS, coordinators: [TEACHER] }]],
    ['recalculateAll', []],
  ] as const)('%s is refused in Russian, with no form, trigger or sheet added', (endpoint, args) => {
    const h = setUpWorkbook();
    const forms = h.emulator.forms.all().length;
    const sheets = h.emulator.spreadsheet.getSheets().map((s) => s.getName());
    const triggers = h.emulator.runtime.triggers.length;
    expect(() => h.emulator.asUser(TEACHER, () => h.emulator.runtime.invoke(endpoint, ...args))).toThrow(
      'Это действие доступно только координаторам, указанным в настройках книги. Ничего не изменено.',
    );
    expect(h.emulator.forms.all()).toHaveLength(forms);
    expect(h.emulator.spreadsheet.getSheets().map((s) => s.getName())).toEqual(sheets);
    expect(h.emulator.runtime.triggers).toHaveLength(triggers);
    expect(triggersOf(h, TEACHER)).toEqual([]);
    expect(sheetValues(h, 'Настройки').flat()).not.toContain(TEACHER);
  });

  test('getHealth by a non-coordinator only reads, even with the triggers gone', () => {
    const h = setUpWorkbook();
    h.emulator.runtime.triggers.splice(0);
    const view = health(h, TEACHER);
    expect(h.emulator.runtime.triggers).toEqual([]);
    // Nobody sees another user's triggers: the recorded owner is all anyone else knows.
    expect(view.trigger).toEqual({ present: true, owner: COORDINATOR, ownerIsMe: false });
    expect(logCodes(h)).toEqual([]);
  });
});

describe('the scheduled job in the strict clock context', () => {
  test('fired by the clock with no active spreadsheet, it opens the workbook by id and scores what waited', () => {
    const h = setUpWorkbook();
    const form = h.call<FormInfo>('createSurveyForm', 'boyko');
    h.emulator.locks.holdAs('script', 'another execution');
    h.emulator.forms.submit(form.formId, boykoAnswers(h, form.formId));
    h.emulator.locks.release('script');
    expect(scoreKeys(h)).toEqual([]);
    expect(health(h).waiting).toBe(1);
    h.emulator.clock.advance(HOUR);
    const runs = h.emulator.script.runs.filter((run) => run.handler === 'runScheduledJobs');
    expect(runs.map((run) => run.error)).toEqual([undefined]);
    expect(scoreKeys(h)).toHaveLength(1);
    const view = health(h);
    expect(view.waiting).toBe(0);
    expect(view.lastScheduledRun).not.toBeNull();
  });
});

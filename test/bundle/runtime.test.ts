/**
 * The adversarial suite, runtime part: build/Code.js in the stricter emulator, where a
 * simple onOpen may not manage triggers, triggers belong to one user and one document,
 * the scheduled job runs with no active spreadsheet, and time passes per service call.
 * Each test is what a coordinator would expect to see, in the workbook's language.
 */
import fc from 'fast-check';
import { triggerSimpleOnOpen } from '../../tools/emulator/bundle';
import type { HealthView } from '../../src/core/views/health';
import { COORDINATOR, Harness, SCHOOLS, SECOND_COORDINATOR, SETTINGS, setUpWorkbook, sheetValues, SUBJECTS, TEACHER } from './harness';

const HOUR = 60 * 60 * 1000;

interface FormInfo { formId: string; responseSheetName: string }

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

/** Submits one Boyko response; with `busy` another execution holds the lock meanwhile. */
function submit(h: Harness, formId: string, options: { busy?: boolean; answer?: 'Да' | 'Нет' } = {}) {
  if (options.busy) h.emulator.locks.holdAs('script', 'another execution');
  try {
    return h.emulator.forms.submit(formId, boykoAnswers(h, formId, options.answer ?? 'Да'));
  } finally {
    if (options.busy) h.emulator.locks.release('script');
  }
}

function rawRows(h: Harness, form: FormInfo): number {
  return rowsOf(h.emulator.spreadsheet, form.responseSheetName).length;
}

describe('silent stalls become visible', () => {
  test('a deleted form-submit trigger: logged within the hour, responses still scored hourly, restored when a coordinator opens the sidebar', () => {
    const h = setUpWorkbook();
    const form = h.call<FormInfo>('createSurveyForm', 'boyko');
    const runtime = h.emulator.runtime;
    runtime.triggers.splice(runtime.triggers.findIndex((t) => t.handler === 'onFormSubmit'), 1);
    submit(h, form.formId);
    expect(scoreKeys(h)).toEqual([]);
    h.emulator.clock.advance(HOUR);
    // The job runs in no document, where an add-on may not create a spreadsheet trigger.
    expect(triggersOf(h, COORDINATOR, 'onFormSubmit')).toEqual([]);
    expect(logTexts(h, 'triggerMissing')).toEqual([
      'Триггер обработки ответов не найден: новые ответы обрабатываются только плановым запуском раз в час. Откройте панель PD Monitor координатором — триггер будет создан заново.',
    ]);
    expect(scoreKeys(h)).toHaveLength(1);
    submit(h, form.formId, { answer: 'Нет' });
    h.emulator.clock.advance(HOUR);
    expect(scoreKeys(h)).toHaveLength(2);
    expect(logTexts(h, 'triggerMissing')).toHaveLength(1);
    expect(health(h).problems).toEqual([]);
    expect(triggersOf(h, COORDINATOR, 'onFormSubmit')).toHaveLength(1);
    expect(logTexts(h, 'triggerRecreated')).toEqual([
      'Триггер обработки ответов отсутствовал и был создан заново. Ответы, пришедшие без него, учтены пересчётом.',
    ]);
    submit(h, form.formId);
    expect(scoreKeys(h)).toHaveLength(3);
  });

  test('both triggers deleted: the note on open and the sidebar say so; a coordinator opening it restores scoring', () => {
    const h = setUpWorkbook();
    const form = h.call<FormInfo>('createSurveyForm', 'boyko');
    h.emulator.clock.advance(HOUR);
    h.emulator.runtime.triggers.splice(0);
    submit(h, form.formId);
    // The heartbeat is the daily run's: a stall shows once a day has been missed.
    h.emulator.clock.advance(29 * HOUR);
    expect(h.emulator.script.runs.filter((run) => run.at > h.emulator.clock.now() - 29 * HOUR)).toEqual([]);

    triggerSimpleOnOpen(h.bundle, 'LIMITED');
    expect(h.emulator.spreadsheets.toasts.at(-1)?.message).toMatch(/^Плановая обработка не запускалась с \d{4}-\d\d-\d\d \d\d:\d\d\. Откройте панель/);
    // A non-coordinator's sidebar shows the stall and changes nothing.
    const seen = health(h, TEACHER);
    expect(seen.problems.map((p) => [p.id, p.level])).toContainEqual(['scheduleStalled', 'error']);
    expect(h.emulator.runtime.triggers).toEqual([]);
    // The second coordinator's sidebar takes the workbook over: the owner's job stopped.
    const view = health(h, SECOND_COORDINATOR);
    expect(view.trigger).toEqual({ present: true, owner: SECOND_COORDINATOR, ownerIsMe: true });
    expect(view.problems.map((p) => p.id)).toEqual(['waiting']);
    expect(view.problems[0].message).toBe('Ответов ждут обработки: 1. Они будут обработаны плановым запуском в течение часа.');
    expect(logCodes(h)).toContain('triggerHandedOver');
    h.emulator.clock.advance(HOUR);
    expect(scoreKeys(h)).toHaveLength(1);
    expect(health(h, SECOND_COORDINATOR).level).toBe('ok');
  });

  test('revoked authorization: asked when a call fails and by the daily run; one log line a day, shown in the sidebar; all scored once it is back', () => {
    const h = setUpWorkbook();
    const form = h.call<FormInfo>('createSurveyForm', 'boyko');
    h.emulator.runtime.authorizationStatus = 'REQUIRED';
    // A submission whose calls all succeed is scored: nothing needed to ask.
    submit(h, form.formId);
    expect(scoreKeys(h)).toHaveLength(1);
    // One whose call fails (a scope not granted) asks, and leaves its response to the catch-up.
    h.emulator.counter.failAt(3);
    submit(h, form.formId, { answer: 'Нет' });
    expect(h.emulator.script.runs.at(-1)?.error).toBeUndefined();
    h.emulator.clock.advance(2 * HOUR);
    expect(scoreKeys(h)).toHaveLength(1);
    expect(logTexts(h, 'authorizationRequired')).toEqual([
      `PD Monitor нужно заново разрешение ${COORDINATOR}, владельца триггеров книги. До этого плановая обработка книги стоит: необработанные ответы не догружаются, показатели не пересчитываются, ежемесячная рассылка не уходит. Ответы сохраняются в листах ответов; новые обрабатываются, если выданных прав для этого хватает, остальные будут учтены в течение часа после разрешения. Что сделать: ${COORDINATOR} открывает Расширения → PD Monitor → Открыть панель и разрешает доступ; если это невозможно, после 28 часов без плановой обработки её примет другой координатор, открыв панель.`,
    ]);
    expect(h.emulator.logs.entries.filter((e) => /authorization required/.test(e.message))).toHaveLength(1);
    const view = health(h);
    expect(view.authorizationRequired).toBe(true);
    expect(view.level).toBe('error');
    expect(view.problems[0].message).toBe(
      'PD Monitor нужно ваше разрешение заново: откройте Расширения → PD Monitor → Открыть панель и разрешите доступ. Если триггеры книги ваши, до этого плановая обработка стоит: необработанные ответы не догружаются, показатели не пересчитываются, ежемесячная рассылка не уходит. Ответы сохраняются и будут учтены после разрешения.',
    );
    h.emulator.runtime.authorizationStatus = 'ENABLED';
    h.emulator.clock.advance(HOUR);
    expect(scoreKeys(h).sort()).toHaveLength(2);
    expect(new Set(scoreKeys(h)).size).toBe(2);
  });

  test('a damaged settings sheet: the job logs it once a day and the sidebar names it', () => {
    const h = setUpWorkbook();
    const sheet = h.emulator.spreadsheet.getSheetByName('Настройки')!;
    const values = sheet.getDataRange().getValues();
    const row = values.findIndex((r) => r[0] === 'coordinators');
    sheet.getRange(row + 1, 3).setValue('не адрес');
    h.emulator.clock.advance(3 * HOUR);
    const lines = logTexts(h, 'settingsDamaged');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/^Плановая обработка: лист настроек не читается — Лист настроек содержит ошибки: .*не адрес/);
    const view = health(h);
    expect(view.problems.map((p) => p.id)).toContain('settingsDamaged');
    expect(view.problems.find((p) => p.id === 'settingsDamaged')?.message).toMatch(/^Лист настроек повреждён: /);
  });
});

describe('time passes during an execution', () => {
  test('recalculation really reaches its 4.5-minute budget, pauses, and the scheduled job finishes it: each response once', () => {
    const h = setUpWorkbook();
    const form = h.call<FormInfo>('createSurveyForm', 'boyko');
    for (let i = 0; i < 30; i++) submit(h, form.formId, { answer: i % 2 ? 'Да' : 'Нет' });
    h.emulator.runtime.callCostMs = 500;
    const start = h.emulator.clock.now();
    const progress = h.call<{ done: boolean; processed: number }>('recalculateAll', { chunkRows: 1 });
    const elapsed = h.emulator.clock.now() - start;
    expect(progress.done).toBe(false);
    expect(elapsed).toBeGreaterThanOrEqual(270_000);
    expect(elapsed).toBeLessThan(360_000);
    expect(logCodes(h)).toContain('recalculationPaused');
    expect(health(h).recalculation.inProgress).toBe(true);
    h.emulator.runtime.callCostMs = 50;
    h.emulator.clock.advance(HOUR);
    expect(h.emulator.script.runs.every((run) => run.error === undefined)).toBe(true);
    expect(scoreKeys(h)).toHaveLength(30);
    expect(new Set(scoreKeys(h)).size).toBe(30);
    expect(health(h).recalculation.inProgress).toBe(false);
  });

  test('an execution killed at 6 minutes loses nothing: the next scheduled runs score every response once', () => {
    const h = setUpWorkbook();
    const form = h.call<FormInfo>('createSurveyForm', 'boyko');
    for (let i = 0; i < 12; i++) submit(h, form.formId);
    h.emulator.runtime.callCostMs = 20_000;
    expect(() => h.call('recalculateAll', { chunkRows: 2 })).toThrow('Exceeded maximum execution time');
    h.emulator.runtime.callCostMs = 50;
    h.emulator.clock.advance(HOUR);
    h.emulator.clock.advance(24 * HOUR);
    expect(rowsOf(h.emulator.spreadsheet, 'Баллы: Бойко').length).toBeGreaterThan(0);
    expect(sheetValues(h, 'Баллы: Бойко')[0][0]).not.toBe('');
    expect(scoreKeys(h).sort()).toEqual([...new Set(scoreKeys(h))].sort());
    expect(scoreKeys(h)).toHaveLength(rawRows(h, form));
    expect(rawRows(h, form)).toBe(12);
  });
});

describe('any interleaving of submissions and scheduled runs', () => {
  type Op = 'submit' | 'busy' | 'replay' | 'hour' | 'otherCoordinator';
  test('ends with every raw response scored exactly once', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom<Op>('submit', 'busy', 'replay', 'hour', 'otherCoordinator'), { minLength: 1, maxLength: 10 }), (ops) => {
        const h = setUpWorkbook({ callCostMs: 20 });
        const form = h.call<FormInfo>('createSurveyForm', 'boyko');
        let last: ReturnType<typeof submit> | null = null;
        for (const op of ops) {
          if (op === 'submit' || op === 'busy') last = submit(h, form.formId, { busy: op === 'busy', answer: op === 'busy' ? 'Нет' : 'Да' });
          else if (op === 'replay' && last?.event) h.emulator.forms.fireFormSubmit(h.emulator.spreadsheet.getId(), last.event);
          else if (op === 'hour') h.emulator.clock.advance(HOUR);
          else if (op === 'otherCoordinator') health(h, SECOND_COORDINATOR);
        }
        h.emulator.clock.advance(25 * HOUR);
        const keys = scoreKeys(h);
        expect(new Set(keys).size).toBe(keys.length);
        expect(keys).toHaveLength(rawRows(h, form));
        expect(h.emulator.script.runs.filter((run) => run.error !== undefined)).toEqual([]);
        expect(triggersOf(h, SECOND_COORDINATOR)).toEqual([]);
      }),
      { numRuns: 12 },
    );
  });
});

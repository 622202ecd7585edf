/**
 * The daily scheduled run keeps what it learnt in the workbook's state so that a quiet day
 * reads as little as possible; these tests show that what it skips still reaches the user
 * when something changes by a path it does not watch (a hand edit of a protected sheet).
 */
import { answerForm, seededRandom } from '../../tools/demo-district/respondents';
import { PROPERTY_KEYS, storedValue } from '../../src/core/workbook/state-keys';
import { Harness, SETTINGS, setUpWorkbook, sheetValues, startHarness } from './harness';

function setUp(): Harness {
  const h = startHarness();
  const saved = h.call<{ ok: boolean; errors?: string[] }>('saveSettings', SETTINGS);
  if (!saved.ok) throw new Error(saved.errors?.join(' '));
  return h;
}

/** Moves the clock to a local (Moscow) date-time, firing every trigger on the way. */
function advanceTo(h: Harness, local: string): void {
  h.emulator.clock.advance(new Date(`${local}+03:00`).getTime() - h.emulator.clock.now());
}

const summaries = (h: Harness) => h.emulator.mail.outbox.filter((m) => m.subject.startsWith('PD Monitor'));

describe('the mail step on quiet days', () => {
  test('summaries switched on by a hand edit of the settings sheet go out on the next daily run, though quiet days skip the mail sheet', () => {
    const h = setUp();
    expect(h.call<{ ok: boolean }>('saveMailSettings', { summaryEnabled: false }).ok).toBe(true);
    advanceTo(h, '2026-12-10T12:00:00');
    expect(summaries(h)).toEqual([]);
    const settings = h.emulator.spreadsheet.getSheetByName('Настройки')!;
    const row = sheetValues(h, 'Настройки').findIndex((cells) => cells[0] === 'mail.summaryEnabled') + 1;
    expect(row).toBeGreaterThan(0);
    settings.getRange(row, 3).setValue('да');
    advanceTo(h, '2026-12-11T00:30:00');
    expect(summaries(h).map((m) => m.subject)).toEqual(['PD Monitor: итоги за ноябрь 2026 — Крымский район']);
    advanceTo(h, '2027-01-01T00:30:00');
    expect(summaries(h)).toHaveLength(2);
  });
});

describe('the registry on quiet days', () => {
  const DAY = 24 * 3_600_000;
  const logCodes = (h: Harness) => sheetValues(h, 'Журнал').slice(1).map((row) => String(row[4]));
  const scores = (h: Harness) => sheetValues(h, 'Баллы: Бойко').slice(1);

  /** A boyko form with a response, past its first daily run; then its registry row deleted by hand. */
  function unregisteredByHand() {
    const h = setUpWorkbook();
    const { formId } = h.call<{ formId: string }>('createSurveyForm', 'boyko');
    const random = seededRandom(4);
    const submit = () => h.emulator.forms.submit(formId, answerForm(h.emulator.forms.describe(formId), random));
    submit();
    h.emulator.clock.advance(DAY);
    const registry = h.emulator.spreadsheet.getSheetByName('Реестр форм')!;
    registry.deleteRow(sheetValues(h, 'Реестр форм').findIndex((row) => row[0] === formId) + 1);
    return { h, submit };
  }

  test('a registry row deleted by hand reaches the submissions on the next day that has work', () => {
    const { h, submit } = unregisteredByHand();
    // Until the registry sheet is read again, the form is known from the compact copy.
    submit();
    expect(scores(h)).toHaveLength(2);
    // That response changed the scores: the next daily run reads the registry sheet.
    h.emulator.clock.advance(DAY);
    submit();
    expect(scores(h)).toHaveLength(2);
    expect(logCodes(h).slice(-1)).toEqual(['unregisteredSheet']);
  });

  test('a registry row copied by hand: after the weekly check the quiet days read only the settings and the row counts again', () => {
    const h = setUpWorkbook();
    const { formId } = h.call<{ formId: string }>('createSurveyForm', 'boyko');
    h.emulator.forms.submit(formId, answerForm(h.emulator.forms.describe(formId), seededRandom(8)));
    const registry = h.emulator.spreadsheet.getSheetByName('Реестр форм')!;
    const row = sheetValues(h, 'Реестр форм').findIndex((cells) => cells[0] === formId) + 1;
    registry.appendRow(registry.getRange(row, 1, 1, registry.getLastColumn()).getValues()[0]);
    h.emulator.clock.advance(9 * DAY);
    const before = h.emulator.counter.cellsRead;
    h.emulator.clock.advance(DAY);
    const read = h.emulator.counter.cellsRead - before;
    const settings = sheetValues(h, 'Настройки');
    // The row counts: a header, the raw sheet and the scores sheet (the copied row names the same sheet), 2 columns.
    expect(sheetValues(h, 'Счётчики строк')).toHaveLength(3);
    expect(read).toBe(settings.length * settings[0].length + 3 * 2);
  });

  test('on quiet days it reaches them by the weekly full check', () => {
    const { h, submit } = unregisteredByHand();
    h.emulator.clock.advance(8 * DAY);
    submit();
    expect(scores(h)).toHaveLength(1);
    expect(logCodes(h).slice(-1)).toEqual(['unregisteredSheet']);
  });
});

describe('a failure or a kill at every service call of a daily run', () => {
  const HOUR = 3_600_000;

  test.each(['failed', 'killed'])('one that finds an unscored response, %s there: the following runs still score it, once, and each summary goes out once', (how) => {
    // Killed: that call takes 7 minutes, past the execution limit, and every later call fails.
    const kill = { armed: false, seen: 0, at: 0 };
    const h = setUpWorkbook({ callCostMs: () => (kill.armed && ++kill.seen === kill.at ? 7 * 60_000 : 0) });
    const { formId, responseSheetName } = h.call<{ formId: string; responseSheetName: string }>('createSurveyForm', 'boyko');
    const random = seededRandom(21);
    const submit = () => {
      h.emulator.clock.tick(1000);
      h.emulator.forms.submit(formId, answerForm(h.emulator.forms.describe(formId), random));
    };
    /** A response whose form-submit trigger never fired: no flag, only the counts tell. */
    const unnoticed = () => {
      const triggers = h.emulator.runtime.triggers;
      const at = triggers.findIndex((t) => t.handler === 'onFormSubmit');
      const [trigger] = triggers.splice(at, 1);
      submit();
      triggers.splice(at, 0, trigger);
    };
    const counter = h.emulator.counter;
    /** Hour by hour up to the day's run, which fails at its nth call (none: null). Result: that run's calls. */
    const dailyRun = (n: number | null) => {
      const next = storedValue(h.emulator.metadata(), PROPERTY_KEYS.nextDaily) as number;
      h.emulator.clock.advance(Math.max(0, next - h.emulator.clock.now() - 1));
      const before = counter.total();
      if (how === 'failed') counter.failAt(n);
      else Object.assign(kill, { armed: n !== null, seen: 0, at: n ?? 0 });
      h.emulator.clock.advance(HOUR);
      counter.failAt(null);
      kill.armed = false;
      return counter.total() - before;
    };
    const expectScoredOnce = () => {
      const raw = sheetValues(h, responseSheetName).slice(1);
      const keys = sheetValues(h, 'Баллы: Бойко').slice(1).map((row) => String(row[0]));
      expect(new Set(keys).size).toBe(keys.length);
      expect(keys).toHaveLength(raw.length);
    };
    submit();
    h.emulator.clock.advance(2 * 24 * HOUR);
    unnoticed();
    const calls = dailyRun(null);
    expectScoredOnce();
    expect(calls).toBeGreaterThan(20);
    for (let n = 1; n <= calls; n++) {
      unnoticed();
      dailyRun(n);
      // The day stays due, or its catch-up is queued: the next hour scores what waits.
      h.emulator.clock.advance(HOUR);
      expectScoredOnce();
    }
    const stopped = h.emulator.script.runs.filter((run) => /Exceeded maximum execution time/.test(String(run.error))).length;
    if (how === 'killed') expect(stopped).toBeGreaterThan(calls / 2);
    else expect(stopped).toBe(0);
    const subjects = h.emulator.mail.outbox.map((m) => m.subject);
    expect(subjects.length).toBeGreaterThan(0);
    expect(new Set(subjects).size).toBe(subjects.length);
  });
});

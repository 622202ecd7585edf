/**
 * The panels' snapshot through build/Code.js in the emulator: the panels read what the
 * recomputation stored, say when, show it stale when answers arrive, and compute it again
 * when it is missing, damaged or of other settings — the same figures as computed afresh.
 */
import fc from 'fast-check';
import { buildDemoDistrict, DemoDistrict, DEMO_COORDINATOR } from '../../tools/demo-district/district';
import { answerForm, seededRandom } from '../../tools/demo-district/respondents';
import { DISTRICT_SHEET, PANELS_SHEET } from '../../src/core/workbook/sheets';
import { TEACHER } from './harness';

type Fresh = { freshness: { computedAt: string; stale: boolean; reasons: string[] } };
const PANELS: Array<[string, unknown[]]> = [
  ['getOverview', []], ['getSurveysStatus', []], ['getIndicatorsPanel', [null]], ['getBurnout', [null]], ['getSurveyResults', [null]],
];
const NAME = PANELS_SHEET.title.ru;

let demo: DemoDistrict;
beforeAll(() => {
  demo = buildDemoDistrict({ teachers: 60, schools: 6, seed: 11 });
});

const call = <T>(name: string, ...args: unknown[]) => demo.bundle.call(name, ...args) as T;
const sheet = () => demo.emulator.spreadsheet.getSheetByName(NAME);
/** Each panel's view without its freshness: opened by default, then for up to 3 of its periods. */
function views(): Record<string, unknown[]> {
  const out: Record<string, unknown[]> = {};
  for (const [name, args] of PANELS) {
    const { freshness, ...view } = call<Fresh & { periods?: Array<{ id: string }> }>(name, ...args);
    expect(freshness.computedAt).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/);
    out[name] = [view];
    for (const period of (view.periods ?? []).slice(0, 3)) {
      const { freshness: _, ...other } = call<Fresh>(name, period.id);
      out[name].push(other);
    }
  }
  return out;
}

describe('the panels read a stored snapshot', () => {
  test('kept in a hidden, protected sheet, in marked chunks under the cell limit', () => {
    const kept = sheet();
    expect(kept).not.toBeNull();
    expect(kept!.isSheetHidden()).toBe(true);
    expect(kept!.getProtections((demo.emulator.globals.SpreadsheetApp as GoogleAppsScript.Spreadsheet.SpreadsheetApp).ProtectionType.SHEET)).toHaveLength(1);
    const cells = kept!.getDataRange().getValues().slice(1).map((row) => row[0]);
    expect(cells.length).toBeGreaterThan(0);
    for (const cell of cells) {
      expect(typeof cell).toBe('string');
      expect(cell).toMatch(/^j/);
      expect((cell as string).length).toBeLessThanOrEqual(50_000);
    }
  });

  test('the same figures as computed afresh, fresh until answers arrive, fresh again once recomputed', () => {
    const stored = views();
    for (const [name] of PANELS) expect(call<Fresh>(name).freshness.stale).toBe(false);
    // Deleted: the next opening by a coordinator computes and keeps it again.
    demo.emulator.spreadsheet.deleteSheet(sheet()!);
    expect(views()).toEqual(stored);
    expect(sheet()).not.toBeNull();

    const form = demo.emulator.forms.all().find((f) => f.getTitle().includes('выгоран'))!;
    demo.emulator.clock.advance(60_000);
    demo.emulator.forms.submit(form.getId(), answerForm(demo.emulator.forms.describe(form.getId()), seededRandom(3)));
    for (const [name] of PANELS) expect(call<Fresh>(name).freshness.stale).toBe(true);
    // Shown stale, the figures are still those computed before the answer.
    const { freshness: _, ...burnout } = call<Fresh>('getBurnout', null);
    expect(burnout).toEqual(stored.getBurnout[0]);
    call('refreshIndicators');
    for (const [name] of PANELS) expect(call<Fresh>(name).freshness.stale).toBe(false);
  });

  test('a hand edit to the district data sheet marks every panel stale; recomputing makes them fresh; the check reads the sheet in one call', () => {
    const district = () => demo.emulator.spreadsheet.getSheetByName(DISTRICT_SHEET.title.ru)!;
    const width = district().getLastColumn();
    expect(width).toBeGreaterThan(1);
    const counter = demo.emulator.counter;
    fc.assert(fc.property(
      fc.integer({ min: 1, max: 4 }), fc.integer({ min: 1, max: width }),
      fc.oneof(fc.integer({ min: 0, max: 500 }), fc.constantFrom('=IMPORTXML("x")', '<img src=x onerror=alert(1)>', '2026/27 уч. год', 'да', ' ')),
      (row, column, value) => {
        call('refreshIndicators');
        for (const [name] of PANELS) expect(call<Fresh>(name).freshness.stale).toBe(false);
        const cell = district().getRange(row === 1 ? 2 : row, column);
        const old = cell.getValue();
        fc.pre(String(old) !== String(value));
        cell.setValue(value);
        const before = { values: counter.get('Sheet.getSheetValues'), byId: counter.get('Spreadsheet.getSheetById') };
        for (const [name] of PANELS) expect(call<Fresh>(name).freshness).toMatchObject({ stale: true, reasons: ['district'] });
        // Per opening: the district sheet looked up by its id and its values read in one call.
        expect(counter.get('Sheet.getSheetValues') - before.values).toBe(PANELS.length);
        // Put back as it was: the same values are the same figures, fresh again.
        cell.setValue(old);
        for (const [name] of PANELS) expect(call<Fresh>(name).freshness.stale).toBe(false);
        cell.setValue(value);
        call('refreshIndicators');
        for (const [name] of PANELS) expect(call<Fresh>(name).freshness.stale).toBe(false);
        cell.setValue(old);
      },
    ), { numRuns: 6 });
    call('refreshIndicators');
    // The district sheet's read failing does not fail the panel: its figures are shown, as not known to be fresh.
    const guard = counter.guard;
    counter.guard = (service, method) => {
      guard?.(service, method);
      if (service === 'Sheet' && method === 'getSheetValues') throw new Error('Service error: Sheet.getSheetValues (injected)');
    };
    try {
      for (const [name] of PANELS) expect(call<Fresh>(name).freshness.stale).toBe(true);
    } finally {
      counter.guard = guard;
    }
    for (const [name] of PANELS) expect(call<Fresh>(name).freshness.stale).toBe(false);
  });

  test('a damaged snapshot is computed again, never half read', () => {
    const before = views();
    // Each chunk emptied in turn: the JSON is regular enough to parse with one left out.
    for (let row = 2; row <= sheet()!.getLastRow(); row++) {
      sheet()!.getRange(row, 1).setValue('');
      expect(views()).toEqual(before);
    }
    fc.assert(fc.property(fc.string({ maxLength: 30 }), fc.nat(), (text, at) => {
      const kept = sheet()!;
      const rows = kept.getLastRow() - 1;
      kept.getRange(2 + (at % rows), 1).setValue(text);
      expect(views()).toEqual(before);
    }), { numRuns: 8 });
  });

  test('someone who is not a coordinator sees the figures computed for them, and nothing is written', () => {
    const before = views();
    demo.emulator.spreadsheet.deleteSheet(sheet()!);
    for (const [name, args] of PANELS) {
      const { freshness, ...view } = demo.emulator.asUser(TEACHER, () => call<Fresh>(name, ...args));
      expect(view).toEqual(before[name][0]);
      expect(freshness.stale).toBe(false);
    }
    expect(sheet()).toBeNull();
    demo.emulator.asUser(DEMO_COORDINATOR, () => call('getOverview'));
    expect(sheet()).not.toBeNull();
  });
});

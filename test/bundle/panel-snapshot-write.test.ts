/**
 * How refreshIndicators writes the panels' summaries, through build/Code.js in the
 * emulator: their column is rewritten in place in one write over the old and the new
 * extent, whatever an older, longer snapshot or stray text left below and however few
 * rows the sheet has; a failure at any of its calls reaches the caller and leaves summaries
 * the panels read as they are; a scores sheet emptied by hand is read as no answers.
 */
import fc from 'fast-check';
import { buildDemoDistrict, DemoDistrict } from '../../tools/demo-district/district';
import { answerForm, seededRandom } from '../../tools/demo-district/respondents';
import { PANELS_SHEET } from '../../src/core/workbook/sheets';
import { setUpWorkbook } from './harness';

type Fresh = { freshness: { computedAt: string; stale: boolean } };
const NAME = PANELS_SHEET.title.ru;

let demo: DemoDistrict;
beforeAll(() => {
  demo = buildDemoDistrict({ teachers: 20, schools: 6, seed: 5 });
});

const call = <T>(name: string, ...args: unknown[]) => demo.bundle.call(name, ...args) as T;
const panels = () => demo.emulator.spreadsheet.getSheetByName(NAME)!;
/** Column A down to the last row of the grid. */
const column = () => panels().getRange(1, 1, panels().getMaxRows(), 1).getValues().map((row) => row[0]);

/** What the Burnout panel shows, and whether opening it wrote anything (a snapshot it could not use). */
function openBurnout(): { view: unknown; stale: boolean; wrote: number } {
  const before = demo.emulator.counter.get('Range.setValues');
  const { freshness, ...view } = call<Fresh>('getBurnout', null);
  return { view, stale: freshness.stale, wrote: demo.emulator.counter.get('Range.setValues') - before };
}

/** The header, then chunks "j1/n;" … "jn/n;", then nothing but empty cells. */
function expectWhole(cells: unknown[]): void {
  const chunks = cells.slice(1);
  const count = chunks.findIndex((cell) => cell === '');
  const n = count === -1 ? chunks.length : count;
  expect(n).toBeGreaterThan(1);
  chunks.slice(0, n).forEach((cell, i) => expect(String(cell).startsWith(`j${i + 1}/${n};`)).toBe(true));
  expect(chunks.slice(n).every((cell) => cell === '')).toBe(true);
}

describe('the panels\' summaries written by a refresh', () => {
  test('rewritten in place: chunks a longer snapshot left below are cleared, the grid grows when it must', () => {
    call('refreshIndicators');
    const shown = openBurnout();
    expect(shown).toMatchObject({ stale: false, wrote: 0 });
    fc.assert(fc.property(fc.nat({ max: 12 }), fc.boolean(), fc.string({ maxLength: 20 }), (extra, shrink, text) => {
      const sheet = panels();
      if (shrink) {
        // Only the header and one empty row left: the new chunks need rows added.
        sheet.deleteRows(2, sheet.getMaxRows() - 2);
        sheet.getRange(2, 1).setValue('');
      } else if (extra > 0) {
        // An older snapshot of more chunks, and stray text, below the current ones.
        const last = sheet.getLastRow();
        if (sheet.getMaxRows() < last + extra) sheet.insertRowsAfter(sheet.getMaxRows(), last + extra - sheet.getMaxRows());
        sheet.getRange(last + 1, 1, extra, 1).setValues(Array.from({ length: extra }, (_, i) => [i % 2 ? text || 'x' : `j${last + i}/${last + extra - 1};{}`]));
      }
      call('refreshIndicators');
      expectWhole(column());
      // Read as it was written: the panel opens on it, writing nothing, with the same figures.
      expect(openBurnout()).toEqual(shown);
    }), { numRuns: 12 });
  });

  test('a failure at any call of a refresh reaches the caller and leaves summaries the panels open as they are', () => {
    call('refreshIndicators');
    const shown = openBurnout();
    const { counter } = demo.emulator;
    const before = counter.total();
    call('refreshIndicators');
    const calls = counter.total() - before;
    expect(calls).toBeGreaterThan(20);
    for (let n = 1; n <= calls; n++) {
      counter.failAt(n);
      expect(() => call('refreshIndicators')).toThrow('(injected)');
      counter.failAt(null);
      expectWhole(column());
      expect(openBurnout()).toEqual(shown);
    }
  });
});

test('a scores sheet emptied by hand is read as one without answers, and the panels open fresh on it', () => {
  const h = setUpWorkbook();
  const { formId } = h.call<{ formId: string }>('createSurveyForm', 'boyko');
  const form = h.emulator.forms.describe(formId);
  for (let i = 0; i < 6; i++) h.emulator.forms.submit(formId, answerForm(form, seededRandom(i + 1)));
  const scores = h.emulator.spreadsheet.getSheets().find((sheet) => sheet.getName().startsWith('Баллы'))!;
  const answered = h.call<{ periods: unknown[] }>('getBurnout', null);
  expect(answered.periods.length).toBeGreaterThan(0);
  scores.clearContents();
  h.call('refreshIndicators');
  const before = h.emulator.counter.get('Range.setValues');
  const burnout = h.call<Fresh & { periods: unknown[]; respondents: number | null }>('getBurnout', null);
  expect(burnout.periods).toEqual([]);
  expect(burnout.respondents).toBeNull();
  expect(burnout.freshness.stale).toBe(false);
  expect(h.emulator.counter.get('Range.setValues')).toBe(before);
});

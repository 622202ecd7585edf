/**
 * The sidebar's contract as the client meets it: every endpoint of src/server/endpoints.ts
 * is a top-level function of build/Code.js, and what the endpoints return survives JSON
 * unchanged (google.script.run serialises it), on a set-up workbook with data.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import * as endpoints from '../../src/server/endpoints';
import { setUpWorkbook } from './harness';

const code = readFileSync(join(__dirname, '..', '..', 'build', 'Code.js'), 'utf8');

test('every endpoint is a global function of the bundle', () => {
  const names = Object.keys(endpoints);
  expect(names.length).toBeGreaterThan(5);
  for (const name of names) expect(code).toMatch(new RegExp(`^function ${name}\\(\\.\\.\\.args\\) \\{`, 'm'));
});

test('endpoint results are plain JSON: the same after a round trip', () => {
  const harness = setUpWorkbook();
  const results: Record<string, unknown> = {
    getSidebarInfo: harness.call('getSidebarInfo'),
    getSettings: harness.call('getSettings'),
    createSurveyForm: harness.call('createSurveyForm', 'boyko'),
    createSchoolReport: harness.call('createSurveyForm', 'school_report'),
    listSurveyForms: harness.call('listSurveyForms'),
    recalculateAll: harness.call('recalculateAll'),
    refreshIndicators: harness.call('refreshIndicators'),
    getRubric: harness.call('getRubric'),
    updateRubric: harness.call('updateRubric', { useSuggestions: false }),
  };
  for (const [name, result] of Object.entries(results)) {
    expect([name, JSON.parse(JSON.stringify(result))]).toEqual([name, result]);
  }
  expect((results.listSurveyForms as unknown[]).length).toBe(2);
});

/** Where a result has an accessor instead of a value: a text not yet read when the function returns. */
function accessors(value: unknown, path = '$'): string[] {
  if (value === null || typeof value !== 'object') return [];
  return Object.entries(Object.getOwnPropertyDescriptors(value)).flatMap(([key, descriptor]) =>
    descriptor.get ? [`${path}.${key}`] : accessors(descriptor.value, `${path}.${key}`));
}

test('the panels\' results hold their texts as values, read before the function returns, not by the serialisation after it', () => {
  const harness = setUpWorkbook();
  harness.call('refreshIndicators');
  // The indicators' titles are kept out of Code.js and read on first use (build/Data.html).
  for (const name of ['getOverview', 'getIndicatorsPanel', 'getSidebarInfo', 'getRubricPanel']) {
    const result = harness.call(name, null);
    expect([name, accessors(result)]).toEqual([name, []]);
  }
  const panel = harness.call('getIndicatorsPanel', null) as { directions: { indicators: { title: { ru: string } }[] }[] };
  const titles = panel.directions.flatMap((direction) => direction.indicators);
  expect(titles.length).toBeGreaterThan(10);
  expect(titles.every((indicator) => typeof indicator.title.ru === 'string' && indicator.title.ru.length > 0)).toBe(true);
});

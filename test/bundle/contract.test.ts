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

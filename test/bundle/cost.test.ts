/**
 * Pinned service-call counts of the two operations that run most often on Apps Script: a
 * survey submission (every response) and the hourly scheduled run with nothing to do
 * (24 times a day). More calls is a regression; fewer means lowering the pin here.
 */
import { callsForOneSubmission } from '../../scripts/bench/cost';
import { answerForm, seededRandom } from '../../tools/demo-district/respondents';
import { setUpWorkbook } from './harness';

const total = (calls: Record<string, number>) => Object.values(calls).reduce((sum, n) => sum + n, 0);

/** The bench's own getLastRow, which checks the response was scored, is not the add-on's. */
const submissionCalls = (existing: number) => total(callsForOneSubmission(existing)) - 1;

describe('service calls', () => {
  test('a survey submission: pinned, and the same with 10 or 1,000 responses already in', () => {
    const small = submissionCalls(10);
    expect(small).toBe(29);
    expect(submissionCalls(1_000)).toBe(small);
  });

  test('the hourly scheduled run with nothing to do: pinned', () => {
    const h = setUpWorkbook();
    const { formId } = h.call<{ formId: string }>('createSurveyForm', 'boyko');
    const form = h.emulator.forms.describe(formId);
    for (let i = 0; i < 3; i++) h.emulator.forms.submit(formId, answerForm(form, seededRandom(i + 1)));
    // The first run of the day does the daily work; the next hour's run has nothing to do.
    h.emulator.clock.advance(3_600_000);
    const counter = h.emulator.counter;
    const hour = () => {
      const before = counter.total();
      h.emulator.clock.advance(3_600_000);
      return counter.total() - before;
    };
    const idle = hour();
    // 59, and 8 for mail's due check: the settings rows, the mail sheet, the local date.
    expect(idle).toBe(67);
    expect(hour()).toBe(idle);
  });
});

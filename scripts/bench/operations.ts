/**
 * What each operation of the add-on costs on a district of 1,000 and of 10,000 teachers
 * (each answers the four surveys: 4,000 and 40,000 responses; 6 schools): service calls,
 * cells read and written, and the Apps Script time they model. The district is the demo
 * district grown to size by copying its raw responses; the operations are then run on the
 * built bundle in the emulator as Apps Script would run them.
 *
 * The model (see README, "Benchmark"): every service call costs CALL_MS, every cell read
 * READ_CELL_MS and every cell written WRITE_CELL_MS; JavaScript time is not counted.
 */
import { buildDemoDistrict, DEMO_INSTRUMENTS } from '../../tools/demo-district/district';
import { answerForm, seededRandom } from '../../tools/demo-district/respondents';
import type { Emulator } from '../../tools/emulator';
import type { Metric } from './metric';
import { PROPERTY_KEYS, storedValue } from '../../src/core/workbook/state-keys';

export const CALL_MS = 40;
export const READ_CELL_MS = 0.01;
export const WRITE_CELL_MS = 0.1;

export interface Cost {
  calls: number;
  cellsRead: number;
  cellsWritten: number;
  /** Modelled Apps Script time. */
  ms: number;
  /** Stopped at the 6-minute execution limit. */
  killed?: boolean;
}

export function modelledMs(calls: number, cellsRead: number, cellsWritten: number): number {
  return calls * CALL_MS + cellsRead * READ_CELL_MS + cellsWritten * WRITE_CELL_MS;
}

const KILLED = 'Exceeded maximum execution time';

/** The cost of `fn`; an execution killed at the 6-minute limit is reported, not thrown. */
function measure(emulator: Emulator, fn: () => void): Cost {
  const { counter } = emulator;
  const calls = counter.total();
  const read = counter.cellsRead;
  const written = counter.cellsWritten;
  let killed = false;
  try {
    fn();
  } catch (error) {
    if (!String(error).includes(KILLED)) throw error;
    killed = true;
  }
  const cost = { calls: counter.total() - calls, cellsRead: counter.cellsRead - read, cellsWritten: counter.cellsWritten - written };
  return { ...cost, ms: modelledMs(cost.calls, cost.cellsRead, cost.cellsWritten), killed };
}

/** Copies a raw response sheet's answered rows down until it holds `rows` responses. */
export function growRaw(sheet: GoogleAppsScript.Spreadsheet.Sheet, rows: number): void {
  const width = sheet.getLastColumn();
  const have = sheet.getLastRow() - 1;
  if (have >= rows) return;
  const sample = sheet.getRange(2, 1, have, width).getValues();
  const extra = Array.from({ length: rows - have }, (_, i) => sample[i % sample.length]);
  sheet.insertRowsAfter(sheet.getMaxRows(), extra.length);
  sheet.getRange(have + 2, 1, extra.length, width).setValues(extra);
}

/** Every operation of the table on a district of `teachers` teachers. */
export function operationCosts(teachers: number): Record<string, Cost> {
  const demo = buildDemoDistrict({ teachers: 40, schools: 6, seed: 7 });
  const { emulator, bundle, forms } = demo;
  const book = emulator.spreadsheet;
  for (const instrument of DEMO_INSTRUMENTS) {
    const formUrl = `/${forms[instrument].formId}/`;
    const raw = book.getSheets().find((sheet) => sheet.getFormUrl()?.includes(formUrl));
    if (!raw) throw new Error(`no response sheet for ${instrument}`);
    growRaw(raw, teachers);
  }
  const costs: Record<string, Cost> = {};

  // Every call takes its modelled time on the emulated clock, so recalculateAll pauses at
  // its budget and the 6-minute limit applies as on Apps Script.
  emulator.runtime.callCostMs = CALL_MS;
  // Rebuild everything from the raw responses, continuing run after run until done.
  // An execution killed at the 6-minute limit is continued by the next one, as the
  // scheduled job would; the kills are counted.
  const runs: Cost[] = [];
  let killed = 0;
  let progress = { done: false };
  for (let name = 'recalculateAll'; !progress.done; name = 'continueRecalculation') {
    if (runs.length > 200) throw new Error('recalculateAll does not finish');
    const run = measure(emulator, () => (progress = bundle.call(name) as { done: boolean }));
    if (run.killed) killed++;
    runs.push(run);
  }
  costs.recalculateAll_killed_runs = { calls: killed, cellsRead: 0, cellsWritten: 0, ms: 0 };
  const sum = (key: 'calls' | 'cellsRead' | 'cellsWritten' | 'ms') => runs.reduce((total, run) => total + run[key], 0);
  costs.recalculateAll = { calls: sum('calls'), cellsRead: sum('cellsRead'), cellsWritten: sum('cellsWritten'), ms: sum('ms') };
  costs.recalculateAll_runs = { calls: runs.length, cellsRead: 0, cellsWritten: 0, ms: Math.max(...runs.map((run) => run.ms)) };

  // The hourly trigger fires as the clock passes it. The next day's first run does the
  // health check, a catch-up with nothing to catch up and the indicators; the run an hour
  // later has nothing to do.
  const hourlyRun = () => {
    const cost = measure(emulator, () => emulator.clock.advance(3600_000));
    if (cost.calls === 0) throw new Error('no scheduled run fired');
    return cost;
  };
  // Hour by hour, as Apps Script fires it (one run per hour, none skipped), up to the
  // first run of the next local day: the one that writes a new daily mark.
  const dailyMark = () => JSON.stringify(storedValue(emulator.metadata(), PROPERTY_KEYS.dailyDone));
  const mark = dailyMark();
  let daily = hourlyRun();
  for (let hours = 1; dailyMark() === mark; hours++) {
    if (hours > 26) throw new Error('no daily run within a day');
    daily = hourlyRun();
  }
  costs.daily_run_nothing_to_catch_up = daily;
  costs.hourly_run_idle = hourlyRun();
  costs.refreshIndicators = measure(emulator, () => bundle.call('refreshIndicators'));

  const boyko = forms.boyko.formId;
  const answers = answerForm(emulator.forms.describe(boyko), seededRandom(3));
  costs.survey_submission = measure(emulator, () => emulator.forms.submit(boyko, answers));

  // A school files its report again (the later filing replaces the earlier one).
  const FormApp = emulator.globals.FormApp as GoogleAppsScript.Forms.FormApp;
  const last = FormApp.openById(forms.school_report.formId).getResponses().pop();
  if (!last) throw new Error('the demo filed no school report');
  const report: Record<string, string> = {};
  for (const item of last.getItemResponses()) report[item.getItem().getTitle()] = String(item.getResponse());
  costs.school_report_submission = measure(emulator, () => emulator.forms.submit(forms.school_report.formId, report));
  return costs;
}

export async function run(): Promise<Metric[]> {
  const metrics: Metric[] = [];
  for (const teachers of [1_000, 10_000]) {
    for (const [operation, cost] of Object.entries(operationCosts(teachers))) {
      if (operation === 'recalculateAll_runs') {
        metrics.push(
          { metric: `recalculateAll_${teachers}_teachers_runs`, value: cost.calls, unit: 'runs' },
          { metric: `recalculateAll_${teachers}_teachers_longest_run_modelled_ms`, value: Math.round(cost.ms), unit: 'ms' },
        );
        continue;
      }
      if (operation === 'recalculateAll_killed_runs') {
        metrics.push({ metric: `recalculateAll_${teachers}_teachers_killed_runs`, value: cost.calls, unit: 'runs' });
        continue;
      }
      const name = `${operation}_${teachers}_teachers`;
      metrics.push(
        { metric: `${name}_calls`, value: cost.calls, unit: 'calls' },
        { metric: `${name}_cells_read`, value: cost.cellsRead, unit: 'cells' },
        { metric: `${name}_cells_written`, value: cost.cellsWritten, unit: 'cells' },
        { metric: `${name}_modelled_ms`, value: Math.round(cost.ms), unit: 'ms' },
        { metric: `${name}_killed`, value: cost.killed ? 1 : 0, unit: 'executions' },
      );
    }
  }
  return metrics;
}

/**
 * The management cycle in the workbook: the registers coordinators keep (analyses,
 * addressed recommendations, measures, decisions, efficiency analyses) and the
 * self-assessment rubric sheet the add-on fills from them and from the preset.
 * One read per sheet, one write of the rubric sheet; every register row or rubric value
 * that cannot be used goes to the log.
 */
import { tr } from '../core/text/i18n';
import { inertRow } from '../core/text/inert';
import { LogEntry } from '../core/workbook/log';
import { PROTECTION_DESCRIPTION } from '../core/text/messages';
import { renderMessage } from '../core/text/message';
import { presetById } from '../core/presets';
import { Settings } from '../core/settings';
import { RegisterId, Registers, REGISTERS, RubricScore, suggestRubric } from '../core/rubric';
import {
  readRegisterTable,
  readRubricTable,
  RUBRIC_KEY,
  RUBRIC_SHEET,
  RUBRIC_SHEETS,
  rubricProblemParams,
  RubricSheetRead,
  rubricSheetHeader,
  rubricSheetRows,
  registerKey,
} from '../core/workbook/rubric-sheet';
import { formatLocalIso, isSheetDate, protectSheet, readRows, replaceRows, Sheet, workbookTimeZone } from './adapters/workbook';
import { Context, ensureLayoutSheet, layoutSheet, locked, readSettings, requireContext, saveLayout } from './context';
import { logEntry, writeLog } from './log';
import { RubricSummary, rubricSummary } from '../core/views/rubric';
import { requireCoordinator } from './access';


export interface RubricOptions {
  /** Score blank values from the suggestions (default true). */
  useSuggestions?: boolean;
}

/**
 * Creates the register sheets and the rubric sheet that are missing (by layout key),
 * each with its header in the workbook's language and protected for the coordinators.
 * Idempotent; the ids go to context.layout.sheets and the caller saves the layout.
 * Result: the layout keys of the sheets created.
 */
export function ensureRubricSheets(context: Context, coordinators: string[]): string[] {
  const created: string[] = [];
  const description = tr(PROTECTION_DESCRIPTION, context.lang);
  for (const def of RUBRIC_SHEETS) {
    if (layoutSheet(context, def.key)) continue;
    protectSheet(ensureLayoutSheet(context, def.key, def, rubricSheetHeader(def, context.lang)), coordinators, description);
    created.push(def.key);
  }
  return created;
}

/** Dates the coordinators typed come back as Date objects (possibly of another realm): as ISO dates. */
function withIsoDates(table: unknown[][], timeZone: string): unknown[][] {
  return table.map((row) =>
    row.map((cell) =>
      isSheetDate(cell) ? formatLocalIso(cell, timeZone).slice(0, 10) : cell,
    ),
  );
}

/** Every register sheet that exists, as rows, with the log entries of the rows left out. */
function readRegisterSheets(context: Context): { registers: Registers; log: LogEntry[] } {
  const registers: Registers = {};
  const log: LogEntry[] = [];
  const timeZone = workbookTimeZone(context.book);
  for (const register of REGISTERS) {
    const sheet = layoutSheet(context, registerKey(register.id));
    if (!sheet) continue;
    const { rows, problems } = readRegisterTable(register, withIsoDates(readRows(sheet), timeZone));
    registers[register.id as RegisterId] = rows;
    for (const problem of problems) {
      log.push(logEntry(context, sheet.getName(), problem.row ?? '', 'registerRowInvalid', { reason: renderMessage(problem.message, context.lang) }));
    }
  }
  return { registers, log };
}

function rubricLog(context: Context, sheet: Sheet, read: RubricSheetRead): LogEntry[] {
  return read.problems.map((problem) =>
    logEntry(
      context,
      sheet.getName(),
      problem.row,
      problem.kind === 'badValue' ? 'rubricValueInvalid' : 'rubricRowUnknown',
      rubricProblemParams(problem, context.lang),
    ),
  );
}

interface Computed {
  rows: unknown[][];
  summary: RubricSummary;
  score: RubricScore;
  log: LogEntry[];
}

function compute(context: Context, settings: Settings, options: RubricOptions | null): Computed {
  // google.script.run may pass null for a left-out argument.
  const useSuggestions = options?.useSuggestions !== false;
  const preset = presetById(settings.presetId);
  const { registers, log } = readRegisterSheets(context);
  const sheet = layoutSheet(context, RUBRIC_KEY);
  const read = readRubricTable(sheet ? readRows(sheet) : []);
  if (sheet) log.push(...rubricLog(context, sheet, read));
  const suggestions = suggestRubric({ ...(preset ? { preset } : {}), registers });
  const view = rubricSheetRows(read, suggestions, context.lang, useSuggestions);
  return { rows: view.rows, summary: rubricSummary(view, suggestions, context.lang, useSuggestions, log.length), score: view.score, log };
}

/**
 * google.script.run endpoint. Fills the rubric sheet: reads the registers and the rubric
 * sheet, keeps every value and evidence the coordinators typed, shows the suggestions
 * with their reasons, scores the rubric (a coordinator's value wins; a blank one takes
 * the suggestion unless `useSuggestions` is false) and rewrites the sheet in one write.
 * Creates the sheets of the management cycle first when they are missing. Register rows
 * and rubric values that cannot be used are logged. Result: the scored summary.
 */
export function updateRubric(options: RubricOptions | null = {}): RubricSummary {
  const context = requireContext();
  const settings = requireCoordinator(context);
  return locked(context, () => {
    if (ensureRubricSheets(context, settings.coordinators).length > 0) saveLayout(context);
    const { rows, summary, log } = compute(context, settings, options);
    const sheet = layoutSheet(context, RUBRIC_KEY)!;
    // Coordinators' values and evidence are written back as typed: people's text, so inert.
    replaceRows(sheet, rubricSheetHeader(RUBRIC_SHEET, context.lang), rows.map(inertRow));
    writeLog(context, log);
    return summary;
  });
}

/** google.script.run endpoint. The same summary as updateRubric, computed without writing anything. */
export function getRubric(options: RubricOptions | null = {}): RubricSummary {
  const context = requireContext();
  return compute(context, readSettings(context), options).summary;
}

/** The rubric as scored now, for the monthly summary; nothing is written or logged. */
export function scoreWorkbookRubric(context: Context, settings: Settings): RubricScore {
  return compute(context, settings, {}).score;
}

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
import { ERRORS, PROTECTION_DESCRIPTION } from '../core/text/messages';
import { renderMessage } from '../core/text/message';
import { presetById } from '../core/presets';
import { Settings } from '../core/settings';
import { blockById, RegisterId, Registers, REGISTERS, RubricScore, RubricSuggestion, suggestRubric } from '../core/rubric';
import { readRegisterTable } from '../core/workbook/register-sheets';
import { registerKey } from '../core/workbook/sheets';
import {
  readRubricTable,
  RUBRIC_KEY,
  RUBRIC_SHEET,
  RUBRIC_SHEETS,
  parseRubricValue,
  RUBRIC_COLUMNS,
  RUBRIC_SHEET_TEXTS,
  rubricProblemParams,
  RubricSheetRead,
  rubricSheetHeader,
  rubricSheetRows,
} from '../core/workbook/rubric-sheet';
import { formatLocalIso, isSheetDate, protectSheet, readRows, replaceRows, Sheet, workbookTimeZone } from './adapters/workbook';
import { Context, ensureLayoutSheet, layoutSheet, locked, readSettings, requireContext, saveLayout, UserError } from './context';
import { logEntry, writeLog } from './log';
import { RubricSummary, rubricSummary } from '../core/views/rubric';
import { RubricPanelView, rubricPanelView, typedText, valueCode } from '../core/views/rubric-panel';
import { findNamed } from '../core/text/normalize';

/** How an empty cell is named in the refusal. */
const EMPTY = { ru: 'пусто', en: 'empty' };
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

/** `table`: the rubric sheet's values when the caller has read (and edited) them already. */
function compute(context: Context, settings: Settings, options: RubricOptions | null, table?: unknown[][]): Computed & { read: RubricSheetRead; suggestions: RubricSuggestion[] } {
  // google.script.run may pass null for a left-out argument.
  const useSuggestions = options?.useSuggestions !== false;
  const preset = presetById(settings.presetId);
  const { registers, log } = readRegisterSheets(context);
  const sheet = layoutSheet(context, RUBRIC_KEY);
  const read = readRubricTable(table ?? (sheet ? readRows(sheet) : []));
  if (sheet) log.push(...rubricLog(context, sheet, read));
  const suggestions = suggestRubric({ ...(preset ? { preset } : {}), registers });
  const view = rubricSheetRows(read, suggestions, context.lang, useSuggestions);
  return { rows: view.rows, summary: rubricSummary(view, suggestions, context.lang, useSuggestions, log.length), score: view.score, log, read, suggestions };
}

/** Rewrites the rubric sheet from its values (`table` when given) and logs what could not be used. Under the lock. */
function rewriteRubric(context: Context, settings: Settings, options: RubricOptions | null, table?: unknown[][]): ReturnType<typeof compute> {
  if (ensureRubricSheets(context, settings.coordinators).length > 0) saveLayout(context);
  const computed = compute(context, settings, options, table);
  const sheet = layoutSheet(context, RUBRIC_KEY)!;
  // Coordinators' values and evidence are written back as typed: people's text, so inert.
  replaceRows(sheet, rubricSheetHeader(RUBRIC_SHEET, context.lang), computed.rows.map(inertRow));
  writeLog(context, computed.log);
  return computed;
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
  return locked(context, () => rewriteRubric(context, settings, options).summary);
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

// ---------------------------------------------------------------------------------------
// The rubric panel: the parameters in full, and one value edited from the sidebar.

/** google.script.run endpoint. Result: every parameter with its suggestion, the coordinators' entry, points and proof. */
export function getRubricPanel(): RubricPanelView {
  const context = requireContext();
  const { read, suggestions } = compute(context, readSettings(context), {});
  return rubricPanelView(read, suggestions, true);
}

/** One parameter's value and evidence as the sidebar sends them, with what it saw in the sheet. */
export interface RubricEdit {
  key: string;
  value: string;
  evidence: string;
  /** The value and evidence cells the sidebar showed: the sheet must still hold them. */
  seen: { value: string; evidence: string };
}

const EDIT_COLUMNS = ['key', 'value', 'evidence'] as const;

/** The parameter a code names (block.position.parameter), or null. */
function rubricParameter(key: string) {
  const [blockId, positionId, parameterId, ...rest] = key.split('.');
  const block = blockById(blockId ?? '');
  const parameter = block?.parameters.find((p) => p.id === parameterId);
  if (!block || !parameter || rest.length > 0 || !block.positions.some((p) => p.id === positionId)) return null;
  return { blockTitle: block.title, parameter };
}

/** Where the key, value and evidence columns are in the sheet's header (either language), or null. */
function editColumns(header: readonly unknown[]): Record<(typeof EDIT_COLUMNS)[number], number> | null {
  const at: Partial<Record<string, number>> = {};
  header.forEach((cell, index) => {
    const column = findNamed(cell, RUBRIC_COLUMNS);
    if (column && at[column.id] === undefined) at[column.id] = index;
  });
  return EDIT_COLUMNS.every((id) => at[id] !== undefined) ? (at as Record<(typeof EDIT_COLUMNS)[number], number>) : null;
}

/**
 * google.script.run endpoint. Writes one parameter's value and evidence to the rubric
 * sheet under the lock, then rescores and rewrites the sheet as updateRubric does. A
 * value typed in the sheet meanwhile is never overwritten: when the sheet no longer holds
 * what the sidebar saw, nothing is written, the refusal is logged and the error says what
 * the sheet holds now. A value that is not one the parameter takes is refused the same way.
 * Result: the panel as it is after the edit.
 */
export function setRubricValue(edit: RubricEdit): RubricPanelView {
  const context = requireContext();
  const settings = requireCoordinator(context);
  const lang = context.lang;
  const key = String(edit?.key ?? '');
  const ref = rubricParameter(key);
  if (!ref) throw new UserError(tr(ERRORS.rubricUnknownParameter, lang, { key }));
  const value = String(edit.value ?? '').trim();
  const evidence = String(edit.evidence ?? '').trim();
  const parameterName = `${tr(ref.blockTitle, lang)} — ${tr(ref.parameter.title, lang)}`;
  return locked(context, () => {
    if (ensureRubricSheets(context, settings.coordinators).length > 0) saveLayout(context);
    const sheet = layoutSheet(context, RUBRIC_KEY)!;
    let table = readRows(sheet);
    // A sheet never filled yet (or emptied) gets its rows first, so the parameter has a row.
    if (table.length < 2 || !editColumns(table[0])) {
      rewriteRubric(context, settings, {});
      table = readRows(sheet);
    }
    const at = editColumns(table[0]);
    const row = at ? table.findIndex((cells, index) => index > 0 && typedText(cells[at.key]) === key) : -1;
    if (!at || row < 0) throw new UserError(tr(ERRORS.rubricUnknownParameter, lang, { key }));
    const now = { value: typedText(table[row][at.value]), evidence: typedText(table[row][at.evidence]) };
    const seen = { value: typedText(edit.seen?.value), evidence: typedText(edit.seen?.evidence) };
    if (now.value !== seen.value || now.evidence !== seen.evidence) {
      const shown = [now.value, now.evidence].filter(Boolean).join('; ');
      writeLog(context, [logEntry(context, sheet.getName(), row + 1, 'rubricEditConflict', { key, now: shown, seen: [seen.value, seen.evidence].filter(Boolean).join('; ') })]);
      throw new UserError(tr(ERRORS.rubricChanged, lang, { parameter: parameterName, now: shown || tr(EMPTY, lang) }));
    }
    const parsed = value === '' ? null : parseRubricValue(ref.parameter, value);
    if (value !== '' && parsed === null) {
      const expected = tr(ref.parameter.kind === 'point' ? RUBRIC_SHEET_TEXTS.expectedPoint : RUBRIC_SHEET_TEXTS.expectedPenalty, lang);
      writeLog(context, [logEntry(context, sheet.getName(), row + 1, 'rubricEditInvalid', { key, value, expected })]);
      throw new UserError(tr(ERRORS.rubricValueInvalid, lang, { value, parameter: parameterName, expected }));
    }
    const edited = table.map((cells) => [...cells]);
    // Written as the sheet's own words in the workbook's language, whatever the sidebar's language.
    edited[row][at.value] = parsed === null ? '' : tr(RUBRIC_SHEET_TEXTS[valueCode(parsed)], lang);
    edited[row][at.evidence] = evidence;
    const { read, suggestions } = rewriteRubric(context, settings, {}, edited);
    return rubricPanelView(read, suggestions, true);
  });
}

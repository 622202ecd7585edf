/**
 * The self-assessment rubric sheet, as pure data and conversions: its definition and
 * header, reading what coordinators typed there, and the rows of the scored rubric.
 * The register sheets it reads from are in register-sheets.ts; which value counts is decided
 * by the one rule in core/rubric (decideParameter).
 *
 * The rubric sheet has one row per parameter. The add-on fills the suggested value and
 * its reason, the value used, the points and the notes; the coordinators own the value
 * and evidence columns. Rows are found again by their code (`block.position.parameter`)
 * and columns by their header in either language, so what coordinators typed survives a
 * sorted sheet, a moved column or a change of the workbook's language.
 *
 * Which value counts: a valid value the coordinator typed wins; a blank (or unreadable)
 * one takes the suggestion when suggestions are used; otherwise the parameter counts as
 * absent. The sheet's "source" column says which of the three happened.
 */
import { Lang, Localized, tr } from '../text/i18n';
import { renderMessage } from '../text/message';
import { findNamed, normalizeText } from '../text/normalize';
import {
  BLOCKS,
  BlockId,
  blockById,
  IneffectiveValue,
  ParameterDef,
  ParameterInput,
  ParameterValue,
  registerHeader,
  REGISTERS,
  RubricInput,
  RubricScore,
  RubricSuggestion,
  decideParameter,
  scoreRubric,
  ValueSource,
  yesNoCell,
} from '../rubric';
import { LayoutKey, RubricSheetDef } from './sheets';
import { REGISTER_SHEETS } from './register-sheets';

// ---------------------------------------------------------------------------------------
// Sheets.

export const RUBRIC_KEY: LayoutKey = 'rubric';

export const RUBRIC_SHEET: RubricSheetDef = {
  key: RUBRIC_KEY,
  role: 'rubric',
  title: { ru: 'Рубрика самооценки', en: 'Self-assessment rubric' },
};

/** Every sheet of the management cycle, registers first (the rubric reads them). */
export const RUBRIC_SHEETS: readonly RubricSheetDef[] = [...REGISTER_SHEETS, RUBRIC_SHEET];

// ---------------------------------------------------------------------------------------
// The rubric sheet's columns and texts.

type RubricColumnId =
  | 'key' | 'block' | 'position' | 'parameter' | 'suggested' | 'reason' | 'value' | 'evidence'
  | 'used' | 'source' | 'points' | 'computedMax' | 'declaredMax' | 'note';

export const RUBRIC_COLUMNS: readonly { id: RubricColumnId; title: Localized }[] = [
  { id: 'key', title: { ru: 'Код', en: 'Code' } },
  { id: 'block', title: { ru: 'Блок', en: 'Block' } },
  { id: 'position', title: { ru: 'Позиция оценивания', en: 'Evaluation position' } },
  { id: 'parameter', title: { ru: 'Параметр', en: 'Parameter' } },
  { id: 'suggested', title: { ru: 'Предлагаемое значение', en: 'Suggested value' } },
  { id: 'reason', title: { ru: 'Основание предложения', en: 'Why it is suggested' } },
  { id: 'value', title: { ru: 'Значение координатора', en: "Coordinator's value" } },
  { id: 'evidence', title: { ru: 'Подтверждение (ссылка, документ)', en: 'Evidence (link, document)' } },
  { id: 'used', title: { ru: 'Учтённое значение', en: 'Value used' } },
  { id: 'source', title: { ru: 'Источник значения', en: 'Source of the value' } },
  { id: 'points', title: { ru: 'Баллы', en: 'Points' } },
  { id: 'computedMax', title: { ru: 'Максимум (расчётный)', en: 'Maximum (computed)' } },
  { id: 'declaredMax', title: { ru: 'Максимум (заявленный)', en: 'Maximum (declared)' } },
  { id: 'note', title: { ru: 'Примечание', en: 'Note' } },
];

const COLUMN_AT = new Map(RUBRIC_COLUMNS.map((column, index) => [column.id, index]));

export const RUBRIC_SHEET_TEXTS = {
  yes: { ru: 'да', en: 'yes' },
  no: { ru: 'нет', en: 'no' },
  none: { ru: 'нет', en: 'none' },
  some: { ru: 'некоторые', en: 'some' },
  all: { ru: 'все', en: 'all' },
  fromCoordinator: { ru: 'координатор', en: 'coordinator' },
  fromSuggestion: { ru: 'предложение', en: 'suggestion' },
  notFilled: { ru: 'не заполнено (0 баллов)', en: 'not filled (0 points)' },
  suggestedEvidence: { ru: 'Подтверждение: {evidence}.', en: 'Evidence: {evidence}.' },
  blockTotal: { ru: 'Итого по блоку', en: 'Block total' },
  total: { ru: 'Итого по рубрике', en: 'Rubric total' },
  noDeclaredMax: {
    ru: 'Итог блока в источнике не указан (по {perPosition} балла на позицию); наименьший возможный результат {min}.',
    en: 'The source states no block total ({perPosition} points per position); the lowest possible result is {min}.',
  },
  maxDiffers: {
    ru: 'В источнике указан максимум {declared}, а сумма максимумов позиций — {computed}; показаны оба.',
    en: 'The source states a maximum of {declared} while the positions add up to {computed}; both are shown.',
  },
  totalDeclared: {
    ru: 'Заявленный итог: блоки без заявленного максимума учтены по расчётному.',
    en: 'Declared total: blocks without a declared maximum count their computed one.',
  },
  expectedPoint: { ru: '«да» или «нет» (1/0)', en: '"yes" or "no" (1/0)' },
  expectedPenalty: {
    ru: '«нет», «некоторые» или «все» (none/some/all)',
    en: '"none", "some" or "all"',
  },
  badValue: {
    ru: 'Значение «{value}» не распознано (нужно {expected}) и не учтено.',
    en: 'Value "{value}" is not understood (expected {expected}) and is not used.',
  },
} satisfies Record<string, Localized>;

const T = RUBRIC_SHEET_TEXTS;

/** The header of a sheet of the management cycle in the workbook's language. */
export function rubricSheetHeader(def: RubricSheetDef, lang: Lang): string[] {
  if (def.role === 'register') return registerHeader(REGISTERS.find((register) => register.id === def.register)!, lang);
  return RUBRIC_COLUMNS.map((column) => tr(column.title, lang));
}

export function parameterKey(block: BlockId, position: string, parameter: string): string {
  return `${block}.${position}.${parameter}`;
}

// ---------------------------------------------------------------------------------------
// Reading the rubric sheet.

/** What a coordinator typed for one parameter, kept as typed. */
export interface TypedEntry {
  /** Sheet row (1-based). */
  row: number;
  value: unknown;
  evidence: unknown;
}

export type RubricProblem =
  | { kind: 'badValue'; row: number; key: string; value: string; expected: Localized; block: Localized; position: Localized; parameter: Localized }
  | { kind: 'unknownRow'; row: number; key: string; value: string; evidence: string };

export interface RubricSheetRead {
  /** The coordinators' valid values, with their evidence. */
  input: RubricInput;
  /** Everything typed in the value and evidence columns, by parameter key. */
  typed: Map<string, TypedEntry>;
  problems: RubricProblem[];
}

interface ParameterRef {
  block: BlockId;
  position: string;
  parameter: ParameterDef;
  blockTitle: Localized;
  positionTitle: Localized;
}

const PARAMETERS: ReadonlyMap<string, ParameterRef> = new Map(
  BLOCKS.flatMap((block) =>
    block.positions.flatMap((position) =>
      block.parameters.map((parameter): [string, ParameterRef] => [
        parameterKey(block.id, position.id, parameter.id),
        { block: block.id, position: position.id, parameter, blockTitle: block.title, positionTitle: position.title },
      ]),
    ),
  ),
);

function isBlank(cell: unknown): boolean {
  return cell === null || cell === undefined || String(cell).trim() === '';
}

function cellText(cell: unknown): string {
  return isBlank(cell) ? '' : String(cell).trim();
}

const PENALTY_WORDS: Record<IneffectiveValue, string[]> = {
  none: ['none', 'нет', 'no', 'false', '0', 'нет неэффективных'],
  some: ['some', 'некоторые', 'часть', 'есть', 'да', 'yes', 'true', '1'],
  all: ['all', 'все', 'только неэффективные'],
};

/**
 * A value typed for a parameter: yes/no for a point (да/нет, yes/no, 1/0, a checkbox);
 * none/some/all for the ineffective indicators (да = some, нет = none, as in rubric.json).
 * null when it cannot be read.
 */
export function parseRubricValue(parameter: ParameterDef, cell: unknown): ParameterValue | null {
  if (parameter.kind === 'point') {
    return typeof cell === 'string' || typeof cell === 'number' || typeof cell === 'boolean' ? yesNoCell(cell) : null;
  }
  if (typeof cell === 'boolean') return cell ? 'some' : 'none';
  const text = normalizeText(String(cell ?? ''));
  for (const [value, words] of Object.entries(PENALTY_WORDS) as [IneffectiveValue, string[]][]) {
    if (words.some((word) => normalizeText(word) === text)) return value;
  }
  return null;
}

/** Where each rubric column is: by its header (id or title in either language), else its usual place. */
function columnIndexes(header: readonly unknown[]): Record<RubricColumnId, number> {
  const found = new Map<string, number>();
  header.forEach((cell, index) => {
    const column = findNamed(cell, RUBRIC_COLUMNS);
    if (column && !found.has(column.id)) found.set(column.id, index);
  });
  return Object.fromEntries(RUBRIC_COLUMNS.map((c) => [c.id, found.get(c.id) ?? COLUMN_AT.get(c.id)!])) as Record<
    RubricColumnId,
    number
  >;
}

/**
 * Reads the rubric sheet (header first): the coordinators' values and evidence by
 * parameter code. Unreadable values and values typed in rows that are no parameter's
 * (an unknown code, a second row of the same code, a total row) are reported, never
 * dropped silently.
 */
export function readRubricTable(table: readonly (readonly unknown[])[]): RubricSheetRead {
  const input: RubricInput = { blocks: {} };
  const typed = new Map<string, TypedEntry>();
  const problems: RubricProblem[] = [];
  if (table.length === 0) return { input, typed, problems };
  const at = columnIndexes(table[0]);
  table.slice(1).forEach((cells, index) => {
    const row = index + 2;
    const key = cellText(cells[at.key]);
    const value = cells[at.value];
    const evidence = cells[at.evidence];
    if (isBlank(value) && isBlank(evidence)) return;
    const ref = PARAMETERS.get(key);
    if (!ref || typed.has(key)) {
      problems.push({ kind: 'unknownRow', row, key, value: cellText(value), evidence: cellText(evidence) });
      return;
    }
    typed.set(key, { row, value, evidence });
    if (isBlank(value)) return;
    const parsed = parseRubricValue(ref.parameter, value);
    if (parsed === null) {
      problems.push({
        kind: 'badValue',
        row,
        key,
        value: cellText(value),
        expected: ref.parameter.kind === 'point' ? T.expectedPoint : T.expectedPenalty,
        block: ref.blockTitle,
        position: ref.positionTitle,
        parameter: ref.parameter.title,
      });
      return;
    }
    const entry: ParameterInput = isBlank(evidence) ? { value: parsed } : { value: parsed, evidence: cellText(evidence) };
    ((input.blocks[ref.block] ??= {})[ref.position] ??= {})[ref.parameter.id] = entry;
  });
  return { input, typed, problems };
}

// ---------------------------------------------------------------------------------------
// The scored rubric as sheet rows.

export interface RubricSheetView {
  /** Rows under the header: parameters, then one row per block, then the total. */
  rows: unknown[][];
  score: RubricScore;
  sources: Map<string, ValueSource>;
}

function valueText(value: ParameterValue, lang: Lang): string {
  if (value === true) return tr(T.yes, lang);
  if (value === false) return tr(T.no, lang);
  return tr(T[value], lang);
}

function suggestionKey(s: RubricSuggestion): string {
  return parameterKey(s.block, s.position, s.parameter);
}

/**
 * The input the rubric is scored from: each coordinator's valid value, and for a blank
 * one the suggestion when `useSuggestions` is set; evidence the coordinator typed beats
 * the suggestion's.
 */
export function rubricInputWithSuggestions(
  read: RubricSheetRead,
  suggestions: readonly RubricSuggestion[],
  useSuggestions: boolean,
): { input: RubricInput; sources: Map<string, ValueSource> } {
  const suggested = new Map(suggestions.map((s) => [suggestionKey(s), s]));
  const input: RubricInput = { blocks: {} };
  const sources = new Map<string, ValueSource>();
  for (const [key, ref] of PARAMETERS) {
    const own = read.input.blocks[ref.block]?.[ref.position]?.[ref.parameter.id];
    const suggestion = suggested.get(key);
    const { entry, source } = decideParameter(own, cellText(read.typed.get(key)?.evidence), suggestion, useSuggestions);
    sources.set(key, source);
    if (entry) ((input.blocks[ref.block] ??= {})[ref.position] ??= {})[ref.parameter.id] = entry;
  }
  return { input, sources };
}

function badValueText(problem: Extract<RubricProblem, { kind: 'badValue' }>, lang: Lang): string {
  return tr(T.badValue, lang, { value: problem.value, expected: tr(problem.expected, lang) });
}

/**
 * The rubric sheet's rows: per parameter its titles, the suggestion and its reason, what
 * the coordinator typed (as typed), the value used and where it came from, the points and
 * the note; then per block its points with the computed and the declared maximum; then
 * the total.
 */
export function rubricSheetRows(
  read: RubricSheetRead,
  suggestions: readonly RubricSuggestion[],
  lang: Lang,
  useSuggestions: boolean,
): RubricSheetView {
  const suggested = new Map(suggestions.map((s) => [suggestionKey(s), s]));
  const { input, sources } = rubricInputWithSuggestions(read, suggestions, useSuggestions);
  const score = scoreRubric(input);
  const badValues = new Map(
    read.problems.flatMap((p) => (p.kind === 'badValue' ? [[p.key, p] as const] : [])),
  );
  const width = RUBRIC_COLUMNS.length;
  const row = (cells: Partial<Record<RubricColumnId, unknown>>): unknown[] => {
    const out: unknown[] = new Array(width).fill('');
    for (const [id, cell] of Object.entries(cells)) out[COLUMN_AT.get(id as RubricColumnId)!] = cell ?? '';
    return out;
  };

  const rows: unknown[][] = [];
  for (const block of score.blocks) {
    for (const position of block.positions) {
      for (const parameter of position.parameters) {
        const key = parameterKey(block.id, position.id, parameter.id);
        const suggestion = suggested.get(key);
        const typed = read.typed.get(key);
        const source = sources.get(key)!;
        const bad = badValues.get(key);
        const reason = suggestion
          ? [
              renderMessage(suggestion.reason, lang),
              suggestion.evidence ? tr(T.suggestedEvidence, lang, { evidence: suggestion.evidence }) : '',
            ]
              .filter(Boolean)
              .join(' ')
          : '';
        rows.push(
          row({
            key,
            block: tr(block.title, lang),
            position: tr(position.title, lang),
            parameter: tr(parameter.title, lang),
            suggested: suggestion ? valueText(suggestion.value, lang) : '',
            reason,
            value: typed?.value ?? '',
            evidence: typed?.evidence ?? '',
            used: valueText(parameter.value, lang),
            source: tr(
              source === 'coordinator' ? T.fromCoordinator : source === 'suggestion' ? T.fromSuggestion : T.notFilled,
              lang,
            ),
            points: parameter.points,
            note: [bad ? badValueText(bad, lang) : '', parameter.note ? renderMessage(parameter.note, lang) : '']
              .filter(Boolean)
              .join(' '),
          }),
        );
      }
    }
  }
  for (const block of score.blocks) {
    const def = blockById(block.id)!;
    const note =
      block.declaredMax === null
        ? tr(T.noDeclaredMax, lang, { perPosition: def.declaredPositionMax, min: block.min })
        : block.declaredMax !== block.computedMax
          ? tr(T.maxDiffers, lang, { declared: block.declaredMax, computed: block.computedMax })
          : '';
    rows.push(
      row({
        key: block.id,
        block: tr(block.title, lang),
        position: tr(T.blockTotal, lang),
        points: block.points,
        computedMax: block.computedMax,
        declaredMax: block.declaredMax ?? '',
        note,
      }),
    );
  }
  rows.push(
    row({
      key: 'total',
      block: tr(T.total, lang),
      points: score.total,
      computedMax: score.totalComputedMax,
      declaredMax: score.totalDeclaredMax,
      note: tr(T.totalDeclared, lang),
    }),
  );
  return { rows, score, sources };
}

/** A rubric problem as log text parameters, rendered in the workbook's language. */
export function rubricProblemParams(problem: RubricProblem, lang: Lang): Record<string, string | number> {
  if (problem.kind === 'unknownRow') {
    return { row: problem.row, key: problem.key, value: problem.value, evidence: problem.evidence };
  }
  return {
    row: problem.row,
    key: problem.key,
    value: problem.value,
    expected: tr(problem.expected, lang),
    block: tr(problem.block, lang),
    position: tr(problem.position, lang),
    parameter: tr(problem.parameter, lang),
  };
}

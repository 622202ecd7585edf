/**
 * The rubric panel: blocks → positions → parameters, each with the suggestion and its
 * reason, what the coordinators typed in the rubric sheet (as the sheet holds it, so an
 * edit can say what it replaces), the value used, where it came from and the points;
 * each block's points against its computed and declared maxima; the total; and every
 * parameter still at 0 with what would prove it. Texts in both languages.
 */
import { Localized } from '../text/i18n';
import { LocalizedMessage, renderMessage } from '../text/message';
import { blockById, ParameterDef, ParameterValue, RubricSuggestion, ValueSource } from '../rubric';
import { parameterProof } from '../rubric/proof';
import { parameterKey, parseRubricValue, RUBRIC_SHEET_TEXTS, RubricSheetRead, rubricSheetRows } from '../workbook/rubric-sheet';

export interface RubricParameterView {
  /** The parameter's code in the rubric sheet: block.position.parameter. */
  key: string;
  title: Localized;
  kind: 'point' | 'penalty';
  suggested: { value: Localized; reason: Localized; evidence: string | null } | null;
  /**
   * The value and evidence cells as the sheet holds them now, as text ('' when blank);
   * `code` the value read ('' blank, null unreadable).
   */
  typed: { value: string; evidence: string; code: ValueCode | '' | null };
  used: Localized;
  source: ValueSource;
  points: number;
  note: Localized | null;
  /** What would prove it; null for the penalty parameter. */
  proof: Localized | null;
}

/** A value as the sidebar sends it: yes/no for a point, none/some/all for the penalty. */
export type ValueCode = 'yes' | 'no' | 'none' | 'some' | 'all';

export function valueCode(value: ParameterValue): ValueCode {
  return value === true ? 'yes' : value === false ? 'no' : value;
}

export interface RubricPanelView {
  blocks: {
    id: string;
    title: Localized;
    points: number;
    min: number;
    computedMax: number;
    declaredMax: number | null;
    positions: { id: string; title: Localized; points: number; computedMax: number; parameters: RubricParameterView[] }[];
  }[];
  total: number;
  totalComputedMax: number;
  totalDeclaredMax: number;
  /** Point parameters scoring 0, in rubric order. */
  missing: { key: string; block: Localized; position: Localized; parameter: Localized; proof: Localized }[];
}

const message = (m: LocalizedMessage): Localized => ({ ru: renderMessage(m, 'ru'), en: renderMessage(m, 'en') });

function valueText(value: ParameterValue): Localized {
  if (value === true) return RUBRIC_SHEET_TEXTS.yes;
  if (value === false) return RUBRIC_SHEET_TEXTS.no;
  return RUBRIC_SHEET_TEXTS[value];
}

/** A cell as the panel shows and sends it back: booleans as the sheet's checkbox text. */
export function typedText(cell: unknown): string {
  if (cell === null || cell === undefined) return '';
  if (typeof cell === 'boolean') return cell ? 'TRUE' : 'FALSE';
  return String(cell).trim();
}

function ref(block: string, parameter: string): ParameterDef {
  return blockById(block)!.parameters.find((p) => p.id === parameter)!;
}

function codeOf(parameter: ParameterDef, cell: unknown): ValueCode | '' | null {
  if (typedText(cell) === '') return '';
  const value = parseRubricValue(parameter, cell);
  return value === null ? null : valueCode(value);
}

export function rubricPanelView(read: RubricSheetRead, suggestions: readonly RubricSuggestion[], useSuggestions: boolean): RubricPanelView {
  const { score, sources } = rubricSheetRows(read, suggestions, 'ru', useSuggestions);
  const suggested = new Map(suggestions.map((s) => [parameterKey(s.block, s.position, s.parameter), s]));
  const missing: RubricPanelView['missing'] = [];
  const blocks = score.blocks.map((block) => ({
    id: block.id,
    title: block.title,
    points: block.points,
    min: block.min,
    computedMax: block.computedMax,
    declaredMax: block.declaredMax,
    positions: block.positions.map((position) => ({
      id: position.id,
      title: position.title,
      points: position.points,
      computedMax: position.computedMax,
      parameters: position.parameters.map((parameter): RubricParameterView => {
        const key = parameterKey(block.id, position.id, parameter.id);
        const suggestion = suggested.get(key);
        const typed = read.typed.get(key);
        const proof = parameter.kind === 'point' ? parameterProof(block.id, parameter.id) : null;
        if (parameter.kind === 'point' && parameter.points === 0 && proof) {
          missing.push({ key, block: block.title, position: position.title, parameter: parameter.title, proof });
        }
        return {
          key,
          title: parameter.title,
          kind: parameter.kind,
          suggested: suggestion
            ? { value: valueText(suggestion.value), reason: message(suggestion.reason), evidence: suggestion.evidence ?? null }
            : null,
          typed: { value: typedText(typed?.value), evidence: typedText(typed?.evidence), code: codeOf(ref(block.id, parameter.id), typed?.value) },
          used: valueText(parameter.value),
          source: sources.get(key) ?? 'none',
          points: parameter.points,
          note: parameter.note ? message(parameter.note) : null,
          proof,
        };
      }),
    })),
  }));
  return { blocks, total: score.total, totalComputedMax: score.totalComputedMax, totalDeclaredMax: score.totalDeclaredMax, missing };
}

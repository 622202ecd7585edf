/**
 * Scores a filled rubric: every parameter holds a value and an evidence link; points
 * follow the rules of seed 001, including
 *  - the indicators block's six cases (the "−1" for ineffective indicators);
 *  - a stage's parameters score 0 when the stage itself is absent (no monitoring → no
 *    points for its timing or the use of its results);
 *  - monitoring and analysis of only ineffective indicators score 0.
 * Maxima are computed from the positions, and the declared ones are shown beside them.
 */
import { Localized } from '../text/i18n';
import { LocalizedMessage, message } from '../text/message';
import {
  BLOCKS,
  BlockDef,
  BlockId,
  blockComputedMax,
  ParameterDef,
  positionComputedMax,
} from './definition';

/** How many of a position's indicators are ineffective or have negative consequences. */
export type IneffectiveValue = 'none' | 'some' | 'all';
export type ParameterValue = boolean | IneffectiveValue;

export interface ParameterInput {
  value: ParameterValue;
  /** A link (URL) or a reference to the document proving the value. */
  evidence?: string;
}

/** The filled rubric: block → position → parameter. Missing parameters count as absent. */
export interface RubricInput {
  blocks: Partial<Record<BlockId, Record<string, Record<string, ParameterInput>>>>;
}

export interface ParameterScore {
  id: string;
  title: Localized;
  kind: ParameterDef['kind'];
  value: ParameterValue;
  points: number;
  evidence: string | null;
  /** Why the points differ from what the value alone would give. */
  note?: LocalizedMessage;
}

export interface PositionScore {
  id: string;
  title: Localized;
  points: number;
  computedMax: number;
  declaredMax: number;
  parameters: ParameterScore[];
}

export interface BlockScore {
  id: BlockId;
  title: Localized;
  points: number;
  /** The lowest the block can score (the indicators block goes negative). */
  min: number;
  computedMax: number;
  /** The maximum the source states; null when it states none. */
  declaredMax: number | null;
  positions: PositionScore[];
}

export interface RubricScore {
  blocks: BlockScore[];
  total: number;
  totalComputedMax: number;
  /** Σ of declared maxima, a block without one counting its computed maximum. */
  totalDeclaredMax: number;
}

export const RUBRIC_NOTES = {
  indicatorsAbsent: {
    ru: 'Показатели по позиции отсутствуют: 0 баллов по всем параметрам.',
    en: 'No indicators for the position: 0 points for every parameter.',
  },
  onlyIneffective: {
    ru: 'Позиция представлена только неэффективными показателями: 0 баллов за наличие и соответствие цели, −1 балл.',
    en: 'The position has only ineffective indicators: 0 for presence and goal, −1 point.',
  },
  stageAbsent: {
    ru: '«{stage}» отсутствует: параметр не оценивается (0 баллов).',
    en: '"{stage}" is absent: the parameter scores 0.',
  },
  onlyIneffectiveMonitored: {
    ru: 'Все показатели позиции неэффективны: их мониторинг и анализ не оцениваются (0 баллов).',
    en: "All of the position's indicators are ineffective: their monitoring and analysis score 0.",
  },
} satisfies Record<string, Localized>;

function isTrue(value: ParameterValue | undefined): boolean {
  return value === true || value === 'some' || value === 'all';
}

function inputOf(input: RubricInput, block: BlockId, position: string, parameter: string): ParameterInput | undefined {
  return input.blocks[block]?.[position]?.[parameter];
}

function absentValue(parameter: ParameterDef): ParameterValue {
  return parameter.kind === 'penalty' ? 'none' : false;
}

function scoreIndicatorsPosition(block: BlockDef, params: Record<string, ParameterInput | undefined>): ParameterScore[] {
  const present = isTrue(params.present?.value);
  const matches = isTrue(params.matches_goal?.value);
  const ineffective = (params.ineffective?.value ?? 'none') as IneffectiveValue | boolean;
  const level: IneffectiveValue = ineffective === true ? 'some' : ineffective === false ? 'none' : ineffective;

  const points: Record<string, number> = { present: 0, matches_goal: 0, ineffective: 0 };
  let note: LocalizedMessage | undefined;
  if (!present) {
    note = message(RUBRIC_NOTES.indicatorsAbsent);
  } else if (level === 'all') {
    points.ineffective = -1;
    note = message(RUBRIC_NOTES.onlyIneffective);
  } else {
    points.present = 1;
    points.matches_goal = matches ? 1 : 0;
    points.ineffective = level === 'some' ? -1 : 0;
  }
  return block.parameters.map((parameter) => {
    const given = params[parameter.id];
    const value = given?.value ?? absentValue(parameter);
    const natural = parameter.kind === 'point' ? (isTrue(value) ? 1 : 0) : isTrue(value) ? -1 : 0;
    return {
      id: parameter.id,
      title: parameter.title,
      kind: parameter.kind,
      value,
      points: points[parameter.id],
      evidence: given?.evidence ?? null,
      ...(note && natural !== points[parameter.id] ? { note } : {}),
    };
  });
}

function scoreStagePosition(
  block: BlockDef,
  params: Record<string, ParameterInput | undefined>,
  onlyIneffective: boolean,
): ParameterScore[] {
  const gate = block.gate ? block.parameters.find((p) => p.id === block.gate)! : null;
  const stagePresent = gate ? isTrue(params[gate.id]?.value) : true;
  return block.parameters.map((parameter) => {
    const given = params[parameter.id];
    const value = given?.value ?? absentValue(parameter);
    let points = isTrue(value) ? 1 : 0;
    let note: LocalizedMessage | undefined;
    if (points > 0 && block.needsEffectiveIndicators && onlyIneffective) {
      points = 0;
      note = message(RUBRIC_NOTES.onlyIneffectiveMonitored);
    } else if (points > 0 && gate && !stagePresent) {
      points = 0;
      note = message(RUBRIC_NOTES.stageAbsent, { stage: gate.title });
    }
    return {
      id: parameter.id,
      title: parameter.title,
      kind: parameter.kind,
      value,
      points,
      evidence: given?.evidence ?? null,
      ...(note ? { note } : {}),
    };
  });
}

/** Whether the indicators block says the position has indicators and all of them are ineffective. */
function onlyIneffectiveIndicators(input: RubricInput, position: string): boolean {
  return (
    isTrue(inputOf(input, 'indicators', position, 'present')?.value) &&
    inputOf(input, 'indicators', position, 'ineffective')?.value === 'all'
  );
}

export function scoreRubric(input: RubricInput): RubricScore {
  const blocks: BlockScore[] = BLOCKS.map((block) => {
    const positions: PositionScore[] = block.positions.map((position) => {
      const params: Record<string, ParameterInput | undefined> = input.blocks[block.id]?.[position.id] ?? {};
      const parameters =
        block.id === 'indicators'
          ? scoreIndicatorsPosition(block, params)
          : scoreStagePosition(block, params, onlyIneffectiveIndicators(input, position.id));
      return {
        id: position.id,
        title: position.title,
        points: parameters.reduce((sum, p) => sum + p.points, 0),
        computedMax: positionComputedMax(block),
        declaredMax: block.declaredPositionMax,
        parameters,
      };
    });
    const penalties = block.parameters.filter((p) => p.kind === 'penalty').length;
    return {
      id: block.id,
      title: block.title,
      points: positions.reduce((sum, p) => sum + p.points, 0),
      min: penalties > 0 ? -penalties * block.positions.length : 0,
      computedMax: blockComputedMax(block),
      declaredMax: block.declaredMax,
      positions,
    };
  });
  return {
    blocks,
    total: blocks.reduce((sum, b) => sum + b.points, 0),
    totalComputedMax: blocks.reduce((sum, b) => sum + b.computedMax, 0),
    totalDeclaredMax: blocks.reduce((sum, b) => sum + (b.declaredMax ?? b.computedMax), 0),
  };
}

/**
 * The rubric's rules one by one (seed 001, sections 2 and 4–9) and its maxima.
 */
import { renderMessage } from '../../../src/core/text/message';
import {
  BLOCKS,
  blockComputedMax,
  IneffectiveValue,
  RubricInput,
  scoreRubric,
} from '../../../src/core/rubric';

type Params = Record<string, { value: boolean | IneffectiveValue; evidence?: string }>;

function only(block: string, position: string, params: Params, extra: RubricInput['blocks'] = {}): RubricInput {
  return { blocks: { ...extra, [block]: { [position]: params } } };
}

function position(input: RubricInput, block: string, positionId: string) {
  const score = scoreRubric(input);
  return score.blocks.find((b) => b.id === block)!.positions.find((p) => p.id === positionId)!;
}

const points = (input: RubricInput, block: string, positionId: string) =>
  position(input, block, positionId).parameters.map((p) => p.points);

const indicators = (present: boolean, matches: boolean, ineffective: IneffectiveValue) =>
  only('indicators', 'mentoring', {
    present: { value: present },
    matches_goal: { value: matches },
    ineffective: { value: ineffective },
  });

describe('indicators block: the six cases of "Если показатель…"', () => {
  test('present, matching the goal, none ineffective → 1 + 1 + 0 = 2', () => {
    expect(points(indicators(true, true, 'none'), 'indicators', 'mentoring')).toEqual([1, 1, 0]);
    expect(position(indicators(true, true, 'none'), 'indicators', 'mentoring').points).toBe(2);
  });

  test('present, not matching, none ineffective → 1 + 0 + 0 = 1', () => {
    expect(points(indicators(true, false, 'none'), 'indicators', 'mentoring')).toEqual([1, 0, 0]);
  });

  test('a matching list with at least one ineffective indicator → 1 + 1 − 1 = 1', () => {
    expect(points(indicators(true, true, 'some'), 'indicators', 'mentoring')).toEqual([1, 1, -1]);
    expect(position(indicators(true, true, 'some'), 'indicators', 'mentoring').points).toBe(1);
  });

  test('a not matching list with an ineffective indicator → 1 + 0 − 1 = 0', () => {
    expect(points(indicators(true, false, 'some'), 'indicators', 'mentoring')).toEqual([1, 0, -1]);
    expect(position(indicators(true, false, 'some'), 'indicators', 'mentoring').points).toBe(0);
  });

  test('a single indicator that is ineffective → 0 + 0 − 1 = −1, whatever is claimed for the goal', () => {
    const scored = position(indicators(true, true, 'all'), 'indicators', 'mentoring');
    expect(scored.parameters.map((p) => p.points)).toEqual([0, 0, -1]);
    expect(scored.points).toBe(-1);
    expect(renderMessage(scored.parameters[0].note!, 'ru')).toMatch(/только неэффективными показателями/);
  });

  test('absent → 0 on every parameter, even if the other values were set', () => {
    expect(points(indicators(false, true, 'some'), 'indicators', 'mentoring')).toEqual([0, 0, 0]);
    expect(points({ blocks: {} }, 'indicators', 'mentoring')).toEqual([0, 0, 0]);
  });

  test('the block can go below zero: four positions with only ineffective indicators = −4', () => {
    const all = { present: { value: true }, matches_goal: { value: false }, ineffective: { value: 'all' as const } };
    const score = scoreRubric({ blocks: { indicators: { mentoring: all, associations: all, network: all, support: all } } });
    expect(score.blocks[0]).toMatchObject({ points: -4, min: -4, computedMax: 8 });
  });
});

describe('stages: a parameter of an absent stage scores 0', () => {
  test('monitoring with timing and use of results → 3', () => {
    const input = only('monitoring', 'network', { indicators: { value: true }, timing: { value: true }, use: { value: true } });
    expect(points(input, 'monitoring', 'network')).toEqual([1, 1, 1]);
  });

  test('no monitoring → timing and use score 0, with the reason', () => {
    const input = only('monitoring', 'network', { indicators: { value: false }, timing: { value: true }, use: { value: true } });
    const scored = position(input, 'monitoring', 'network');
    expect(scored.parameters.map((p) => p.points)).toEqual([0, 0, 0]);
    expect(renderMessage(scored.parameters[1].note!, 'ru')).toBe(
      '«Наличие показателей мониторинга» отсутствует: параметр не оценивается (0 баллов).',
    );
  });

  test('monitoring present without timing → only the parameters present score', () => {
    const input = only('monitoring', 'network', { indicators: { value: true }, use: { value: true } });
    expect(points(input, 'monitoring', 'network')).toEqual([1, 0, 1]);
  });

  test('analysis: no analysis → clustering and factors score 0; analysis without clustering → 1 + 0 + 1', () => {
    expect(points(only('analysis', 'support', { present: { value: false }, clustering: { value: true }, factors: { value: true } }), 'analysis', 'support')).toEqual([0, 0, 0]);
    expect(points(only('analysis', 'support', { present: { value: true }, factors: { value: true } }), 'analysis', 'support')).toEqual([1, 0, 1]);
  });

  test('measures, decisions and efficiency analysis: present + dates + responsible; absent → all 0', () => {
    expect(points(only('measures', 'competitions', { present: { value: true }, dates: { value: true }, responsible: { value: false } }), 'measures', 'competitions')).toEqual([1, 1, 0]);
    expect(points(only('measures', 'competitions', { present: { value: false }, dates: { value: true }, responsible: { value: true } }), 'measures', 'competitions')).toEqual([0, 0, 0]);
    expect(points(only('decisions', 'decisions', { present: { value: true }, responsible: { value: true } }), 'decisions', 'decisions')).toEqual([1, 0, 1]);
    expect(points(only('efficiency', 'efficiency', { present: { value: false }, timing: { value: true }, problem: { value: true } }), 'efficiency', 'efficiency')).toEqual([0, 0, 0]);
    expect(points(only('efficiency', 'efficiency', { present: { value: true }, timing: { value: true }, problem: { value: true } }), 'efficiency', 'efficiency')).toEqual([1, 1, 1]);
  });

  test('recommendations: each kind scores on its own ("за тот параметр, который присутствует")', () => {
    expect(points(only('recommendations', 'mentoring', { practices: { value: true } }), 'recommendations', 'mentoring')).toEqual([0, 1, 0]);
    expect(points(only('recommendations', 'mentoring', {}), 'recommendations', 'mentoring')).toEqual([0, 0, 0]);
  });
});

describe('monitoring and analysis of only ineffective indicators score 0', () => {
  const full = { indicators: { value: true }, timing: { value: true }, use: { value: true } };
  const analysis = { present: { value: true }, clustering: { value: true }, factors: { value: true } };
  const ineffective = (value: IneffectiveValue) => ({
    indicators: { support: { present: { value: true }, matches_goal: { value: true }, ineffective: { value } } },
  });

  test('all indicators of the position ineffective → monitoring 0 and analysis 0', () => {
    const input: RubricInput = { blocks: { ...ineffective('all'), monitoring: { support: full }, analysis: { support: analysis } } };
    expect(points(input, 'monitoring', 'support')).toEqual([0, 0, 0]);
    expect(points(input, 'analysis', 'support')).toEqual([0, 0, 0]);
    expect(renderMessage(position(input, 'monitoring', 'support').parameters[0].note!, 'en')).toMatch(/monitoring and analysis score 0/);
    // Other positions are not affected.
    expect(points({ blocks: { ...input.blocks, monitoring: { support: full, network: full } } }, 'monitoring', 'network')).toEqual([1, 1, 1]);
  });

  test('some (not all) ineffective → the monitoring is assessed', () => {
    const input: RubricInput = { blocks: { ...ineffective('some'), monitoring: { support: full }, analysis: { support: analysis } } };
    expect(points(input, 'monitoring', 'support')).toEqual([1, 1, 1]);
    expect(points(input, 'analysis', 'support')).toEqual([1, 1, 1]);
  });

  test('recommendations and measures do not depend on it', () => {
    const input: RubricInput = {
      blocks: { ...ineffective('all'), recommendations: { support: { addressed: { value: true } } } },
    };
    expect(points(input, 'recommendations', 'support')).toEqual([1, 0, 0]);
  });
});

describe('maxima', () => {
  const score = scoreRubric({ blocks: {} });
  const block = (id: string) => score.blocks.find((b) => b.id === id)!;

  test('computed from the positions: indicators 4 × 2, monitoring/analysis/recommendations 4 × 3, measures 7 × 3, decisions and efficiency 1 × 3', () => {
    expect(score.blocks.map((b) => [b.id, b.computedMax])).toEqual([
      ['indicators', 8],
      ['monitoring', 12],
      ['analysis', 12],
      ['recommendations', 12],
      ['measures', 21],
      ['decisions', 3],
      ['efficiency', 3],
    ]);
    for (const def of BLOCKS) expect(block(def.id).computedMax).toBe(blockComputedMax(def));
  });

  test('declared maxima of the source beside them: measures declared 24 while its 7 positions give 21', () => {
    expect(block('measures')).toMatchObject({ computedMax: 21, declaredMax: 24 });
    expect(block('monitoring').declaredMax).toBe(12);
    expect(block('decisions').declaredMax).toBe(3);
    expect(block('indicators').declaredMax).toBeNull(); // section 2 states 2 per position, no total
    expect(block('indicators').positions.every((p) => p.declaredMax === 2 && p.computedMax === 2)).toBe(true);
  });

  test('totals: computed 71; declared 74 (indicators counting their computed 8)', () => {
    expect(score.totalComputedMax).toBe(71);
    expect(score.totalDeclaredMax).toBe(74);
    expect(score.total).toBe(0);
  });

  test('a full rubric scores every computed maximum', () => {
    const blocks: RubricInput['blocks'] = {};
    for (const def of BLOCKS) {
      blocks[def.id] = Object.fromEntries(
        def.positions.map((p) => [
          p.id,
          Object.fromEntries(def.parameters.map((param) => [param.id, { value: param.kind === 'point' ? true : ('none' as const) }])),
        ]),
      );
    }
    const full = scoreRubric({ blocks });
    expect(full.total).toBe(71);
    expect(full.blocks.map((b) => b.points)).toEqual(full.blocks.map((b) => b.computedMax));
  });

  test('each parameter keeps its value and evidence', () => {
    const input = only('measures', 'staffing_deficits', {
      present: { value: true, evidence: 'https://example.org/plan.pdf' },
      dates: { value: true, evidence: 'План, с. 3' },
    });
    const params = position(input, 'measures', 'staffing_deficits').parameters;
    expect(params.map((p) => [p.id, p.value, p.evidence])).toEqual([
      ['present', true, 'https://example.org/plan.pdf'],
      ['dates', true, 'План, с. 3'],
      ['responsible', false, null],
    ]);
  });
});

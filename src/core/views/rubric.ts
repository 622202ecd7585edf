/** The rubric summary the endpoints return: each block's points beside its maxima, and where the values came from. */
import { Lang, tr } from '../text/i18n';
import { BlockId, RubricScore, RubricSuggestion, ValueSource } from '../rubric';

export interface RubricSummary {
  lang: Lang;
  blocks: {
    id: BlockId;
    title: string;
    points: number;
    min: number;
    computedMax: number;
    declaredMax: number | null;
  }[];
  total: number;
  totalComputedMax: number;
  totalDeclaredMax: number;
  /** Whether blank values took the suggested ones. */
  suggestionsApplied: boolean;
  /** Suggestions the preset and the registers support (yes and no). */
  suggestions: number;
  /** Parameters scored from the coordinators' values, and from suggestions. */
  coordinatorValues: number;
  suggestedValues: number;
  /** Register rows and rubric values that could not be used (each is in the log). */
  problems: number;
}

/** `scored`: the rubric's score and where each parameter's value came from. */
export function rubricSummary(
  scored: { score: RubricScore; sources: ReadonlyMap<string, ValueSource> },
  suggestions: readonly RubricSuggestion[],
  lang: Lang,
  useSuggestions: boolean,
  problems: number,
): RubricSummary {
  const sources = [...scored.sources.values()];
  return {
    lang,
    blocks: scored.score.blocks.map((block) => ({
      id: block.id,
      title: tr(block.title, lang),
      points: block.points,
      min: block.min,
      computedMax: block.computedMax,
      declaredMax: block.declaredMax,
    })),
    total: scored.score.total,
    totalComputedMax: scored.score.totalComputedMax,
    totalDeclaredMax: scored.score.totalDeclaredMax,
    suggestionsApplied: useSuggestions,
    suggestions: suggestions.length,
    coordinatorValues: sources.filter((s) => s === 'coordinator').length,
    suggestedValues: sources.filter((s) => s === 'suggestion').length,
    problems,
  };
}

/**
 * The per-respondent measures the indicators read (indicators/measures.ts: a flag or a
 * 0–100 score by key, within one instrument). null = the measure does not apply to this
 * respondent or cannot be decided, so the respondent is not counted for it.
 */
import { DEFICIT_TYPES } from '../instruments/deficits';
import { BoykoPhaseKey } from './boyko';
import type { ScoredResponse } from './index';

export type Measures = Record<string, number | boolean | null>;

const PHASE_NAMES: Record<BoykoPhaseKey, string> = { 1: 'tension', 2: 'resistance', 3: 'exhaustion' };

export function surveyMeasures(score: ScoredResponse): Measures {
  switch (score.instrument) {
    case 'boyko': {
      const out: Measures = {};
      let anyFormed = false;
      let anyUnknown = false;
      for (const key of Object.keys(PHASE_NAMES) as BoykoPhaseKey[]) {
        const level = score.phaseLevels[key];
        out[`phase_formed_${PHASE_NAMES[key]}`] = level === null ? null : level === 'formed';
        if (level === 'formed') anyFormed = true;
        if (level === null) anyUnknown = true;
      }
      // A formed phase is formed whatever the unscored phases hold.
      out.phase_formed_any = anyFormed ? true : anyUnknown ? null : false;
      return out;
    }
    case 'mentoring':
      return {
        index_mentee: score.role === 'mentee' ? score.index : null,
        index_mentor: score.role === 'mentor' ? score.index : null,
      };
    case 'network':
      return { member: score.member, index: score.index, tech_mastery: score.techMastery };
    case 'deficits': {
      const out: Measures = {
        diagnosed: score.diagnosedThisYear,
        has_route: score.hasRoute,
        route_from_diagnostics: score.hasRoute === null ? null : score.routeFromDiagnostics === true,
        route_activities: score.hasRoute === null ? null : score.routeActivities === true,
        any_deficit: score.anyDeficit,
      };
      for (const type of DEFICIT_TYPES) out[`type_${type}`] = score.deficits[type];
      return out;
    }
  }
}

/** Scoring of every instrument behind one entry point. */
import type { Instrument } from '../instruments';
import { Answers } from './answers';
import { BoykoScore, scoreBoykoAnswers } from './boyko';
import { DeficitsScore, scoreDeficits } from './deficits';
import { MentoringScore, scoreMentoring } from './mentoring';
import { NetworkScore, scoreNetwork } from './network';

export * from './answers';
export * from './common';
export * from './boyko';
export * from './mentoring';
export * from './network';
export * from './deficits';

/** A scored response, JSON-safe; `instrument` tells which. */
export type ScoredResponse = BoykoScore | MentoringScore | NetworkScore | DeficitsScore;

/**
 * Scores one response. `answers` maps item keys to the texts as the form wrote them
 * (option texts in Russian or English, numbers as text); absent or blank = unanswered.
 */
export function scoreResponse(instrument: Instrument, answers: Answers): ScoredResponse {
  switch (instrument.id) {
    case 'boyko':
      return scoreBoykoAnswers(answers);
    case 'mentoring':
      return scoreMentoring(answers);
    case 'network':
      return scoreNetwork(answers);
    case 'deficits':
      return scoreDeficits(answers);
  }
}
export * from './measures';

/** The one "coordinator's value wins" rule, used by the rubric sheet and by pd-monitor rubric --apply. */
import fc from 'fast-check';
import { decideParameter, RubricSuggestion } from '../../../src/core/rubric';

const suggestion = (value: boolean, evidence?: string): RubricSuggestion =>
  ({ block: 'measures', position: 'competitions', parameter: 'present', value, reason: { text: { ru: 'р', en: 'r' } }, source: 'preset', ...(evidence ? { evidence } : {}) });

test('a coordinator value wins with exactly its own evidence, even none', () => {
  expect(decideParameter({ value: false }, '', suggestion(true, 'https://a'))).toEqual({ entry: { value: false }, source: 'coordinator' });
  expect(decideParameter({ value: true, evidence: 'приказ' }, 'x', suggestion(false, 'https://a'))).toEqual({ entry: { value: true, evidence: 'приказ' }, source: 'coordinator' });
});

test('a suggested value takes the evidence typed beside it, else its own', () => {
  expect(decideParameter(undefined, 'протокол №3', suggestion(true, 'https://a'))).toEqual({ entry: { value: true, evidence: 'протокол №3' }, source: 'suggestion' });
  expect(decideParameter(undefined, '', suggestion(true, 'https://a'))).toEqual({ entry: { value: true, evidence: 'https://a' }, source: 'suggestion' });
  expect(decideParameter(undefined, '', suggestion(true))).toEqual({ entry: { value: true }, source: 'suggestion' });
});

test('without suggestions, or with suggestions off, a blank stays blank', () => {
  expect(decideParameter(undefined, 'x', undefined)).toEqual({ entry: null, source: 'none' });
  expect(decideParameter(undefined, 'x', suggestion(true, 'e'), false)).toEqual({ entry: null, source: 'none' });
});

test('for any inputs the value is the coordinator\'s when given, else the suggestion\'s when used', () => {
  fc.assert(fc.property(fc.option(fc.boolean(), { nil: undefined }), fc.string(), fc.option(fc.boolean(), { nil: undefined }), fc.string(), fc.boolean(),
    (own, ownEvidence, suggested, evidence, use) => {
      const decided = decideParameter(own === undefined ? undefined : { value: own }, ownEvidence, suggested === undefined ? undefined : suggestion(suggested, evidence), use);
      const expected = own !== undefined ? own : use && suggested !== undefined ? suggested : undefined;
      expect(decided.entry?.value).toBe(expected);
      expect(decided.source).toBe(own !== undefined ? 'coordinator' : expected === undefined ? 'none' : 'suggestion');
    }));
});

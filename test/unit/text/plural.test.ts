/** Word forms after a count, as Russian and English grammar ask for them. */
import fc from 'fast-check';
import { pluralForm, RESPONSES } from '../../../src/core/text/i18n';

test('Russian: one for 1, 21, 101 but not 11; few for 2–4, 22–24 but not 12–14; many otherwise; a fraction takes few', () => {
  const form = (n: number) => pluralForm(n, RESPONSES, 'ru');
  expect([1, 21, 41, 101, 1001].map(form)).toEqual(Array(5).fill('ответ'));
  expect([2, 3, 4, 22, 43, 104].map(form)).toEqual(Array(6).fill('ответа'));
  expect([0, 5, 11, 12, 13, 14, 19, 20, 111, 112, 10_000].map(form)).toEqual(Array(11).fill('ответов'));
  expect(form(2.5)).toBe('ответа');
});

test('English: one only for 1', () => {
  expect([1, 0, 2, 21, 41].map((n) => pluralForm(n, RESPONSES, 'en'))).toEqual(['response', 'responses', 'responses', 'responses', 'responses']);
});

test('the Russian form depends on the last two digits only (property)', () => {
  fc.assert(fc.property(fc.nat(1_000_000), fc.nat(100), (n, hundreds) => {
    expect(pluralForm(n, RESPONSES, 'ru')).toBe(pluralForm((n % 100) + hundreds * 100, RESPONSES, 'ru'));
  }));
});

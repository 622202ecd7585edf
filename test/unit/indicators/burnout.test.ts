/**
 * Burnout as seed 001 defines it: the survey runs «ежегодно», and "a school with high
 * burnout" is at a threshold the district sets (50 % by default; exactly the threshold
 * counts as high).
 */
import { computeIndicators } from '../../../src/core/indicators/compute';
import { SurveyScoreRow } from '../../../src/core/indicators/types';
import { formatSchedule, presetById, statesTiming } from '../../../src/core/presets';
import { DEFAULT_SETTINGS, settingsFromRows, settingsToRows, validateSettings } from '../../../src/core/settings';

const krymsk = presetById('krymsk')!;

const boyko = (school: string, formed: boolean): SurveyScoreRow => ({
  instrument: 'boyko', school, subject: null, date: '2026-11-10', scores: { phase_formed_any: formed },
});

// A: 2 of 4 formed (50 %); B: 3 of 4 (75 %); C: 1 of 4 (25 %).
const ROWS = [
  ...[true, true, false, false].map((f) => boyko('A', f)),
  ...[true, true, true, false].map((f) => boyko('B', f)),
  ...[true, false, false, false].map((f) => boyko('C', f)),
];

function high(percent?: number) {
  const result = computeIndicators({ preset: krymsk, reports: [], scores: ROWS, privacyThreshold: 3, highBurnoutPercent: percent });
  const overall = result.values.find((v) => v.id === 'burnout.high_schools_share' && v.scope.kind === 'overall')!;
  const flagged = result.values
    .filter((v) => v.id === 'burnout.high_schools_share' && v.scope.kind === 'school' && v.numerator === 1)
    .map((v) => (v.scope.kind === 'school' ? v.scope.key : ''));
  return { overall: [overall.numerator, overall.denominator, overall.value], flagged };
}

describe('schools with high burnout', () => {
  test('by default 50 %, and a school at exactly 50 % is high: A and B of 3 assessed', () => {
    expect(high()).toEqual({ overall: [2, 3, 66.7], flagged: ['A', 'B'] });
  });

  test('the district may set its own threshold: 51 % leaves A out, 25 % takes C in', () => {
    expect(high(51)).toEqual({ overall: [1, 3, 33.3], flagged: ['B'] });
    expect(high(25)).toEqual({ overall: [3, 3, 100], flagged: ['A', 'B', 'C'] });
  });
});

describe('the threshold as a setting', () => {
  const base = { districtName: 'Крымский район', presetId: 'krymsk', schools: ['A'], subjects: ['Математика'], coordinators: ['c@example.org'] };

  test('50 by default, kept through the settings sheet', () => {
    const saved = validateSettings(base, 'ru', ['krymsk']);
    expect(saved.ok && saved.value.highBurnoutPercent).toBe(50);
    expect(DEFAULT_SETTINGS.highBurnoutPercent).toBe(50);
    const custom = validateSettings({ ...base, highBurnoutPercent: '60' }, 'ru', ['krymsk']);
    expect(custom.ok).toBe(true);
    if (!custom.ok) return;
    const rows = settingsToRows(custom.value);
    expect(rows.find((row) => row[0] === 'highBurnoutPercent')?.[2]).toBe('60');
    const back = validateSettings(settingsFromRows(rows), 'ru', ['krymsk']);
    expect(back.ok && back.value.highBurnoutPercent).toBe(60);
  });

  test.each(['0', '101', '50,5', 'половина'])('"%s" is refused in the user\'s language', (value) => {
    const ru = validateSettings({ ...base, highBurnoutPercent: value }, 'ru', ['krymsk']);
    expect(ru).toEqual({ ok: false, errors: [`Порог высокого выгорания должен быть целым числом от 1 до 100 (%), получено «${value}».`] });
    const en = validateSettings({ ...base, highBurnoutPercent: value }, 'en', ['krymsk']);
    expect(en.ok === false && en.errors[0]).toContain('high burnout threshold');
  });
});

test('001 schedules the burnout survey «ежегодно», not on dates set by order', () => {
  const burnout = krymsk.cyclogram.find((entry) => entry.id === 'burnout')!;
  expect(formatSchedule(burnout.schedule, 'ru')).toBe('ежегодно');
  expect(formatSchedule(burnout.schedule, 'en')).toBe('yearly');
  // No month is named, so the rubric's "timing stated" does not count it.
  expect(statesTiming(burnout.schedule)).toBe(false);
});

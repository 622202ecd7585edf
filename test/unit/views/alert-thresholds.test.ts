/**
 * One rule for "high burnout" in three places: the indicator engine's count of schools
 * with high burnout, the Overview's alert and the monthly summary's alert all take the
 * settings' threshold, and a school exactly at it is high in all three.
 */
import fc from 'fast-check';
import { LOW_SATISFACTION_INDEX } from '../../../src/core/aggregate';
import { computeIndicators } from '../../../src/core/indicators/compute';
import { SurveyScoreRow } from '../../../src/core/indicators/types';
import { presetById } from '../../../src/core/presets';
import { monthlySummaryView } from '../../../src/core/views/monthly-summary';
import { overviewView } from '../../../src/core/views/overview';

const KRYMSK = presetById('krymsk')!;
const K = 3;

function boyko(school: string, formed: boolean): SurveyScoreRow {
  return { instrument: 'boyko', school, subject: null, date: '2026-10-10', scores: { phase_formed_any: formed } };
}

/** Schools by their respondents' formed-phase flags; what each of the three places calls high. */
function judged(schools: Array<{ name: string; flags: boolean[] }>, percent: number) {
  const names = schools.map((school) => school.name);
  const result = computeIndicators({
    preset: KRYMSK, reports: [], scores: schools.flatMap((school) => school.flags.map((flag) => boyko(school.name, flag))),
    schools: names, privacyThreshold: K, highBurnoutPercent: percent,
  });
  const engine = result.values
    .filter((v) => v.id === 'burnout.high_schools_share' && v.scope.kind === 'school' && v.numerator === 1)
    .map((v) => (v.scope.kind === 'school' ? v.scope.key : ''));
  const overview = overviewView({ districtName: 'Р', preset: KRYMSK, result, schools: names, highBurnoutPercent: percent, today: '2026-11-02', logErrors: 0 });
  const alert = overview.alerts.find((a) => a.id === 'burnout');
  const summary = monthlySummaryView({
    lang: 'ru', month: '2026-10', today: '2026-11-02', districtName: 'Р', workbookUrl: 'https://docs.google.com/x', preset: KRYMSK,
    indicators: result, schools: names, highBurnoutPercent: percent, activity: { responses: 1, reports: 0 }, rubric: null,
  });
  // The alerts name a school only where its share is shown: a group hidden by the privacy
  // rule (complementary suppression included) is never named, whatever its share.
  const shown = result.values
    .filter((v) => v.id === 'burnout.formed_any_share' && v.scope.kind === 'school' && !v.suppressed)
    .map((v) => (v.scope.kind === 'school' ? v.scope.key : ''));
  return {
    shown,
    engine: engine.sort(),
    overview: names.filter((name) => alert?.text.ru.includes(name)).sort(),
    summary: summary.alerts.items.filter((a) => a.kind === 'burnout' && names.includes(a.scope)).map((a) => a.scope).sort(),
    alertText: alert?.text,
    note: summary.thresholds,
  };
}

describe('the high-burnout threshold from the settings', () => {
  // Школа 1: 2 of 4 formed (50 %); Школа 2: 3 of 5 (60 %); Школа 3: 1 of 4 (25 %).
  const DISTRICT = [
    { name: 'Школа 1', flags: [true, true, false, false] },
    { name: 'Школа 2', flags: [true, true, true, false, false] },
    { name: 'Школа 3', flags: [true, false, false, false] },
  ];

  test('the default 50 % takes a school at exactly 50 %; 60 % leaves it out; 25 % takes all', () => {
    expect(judged(DISTRICT, 50)).toMatchObject({ engine: ['Школа 1', 'Школа 2'], overview: ['Школа 1', 'Школа 2'], summary: ['Школа 1', 'Школа 2'] });
    expect(judged(DISTRICT, 60)).toMatchObject({ engine: ['Школа 2'], overview: ['Школа 2'], summary: ['Школа 2'] });
    expect(judged(DISTRICT, 61)).toMatchObject({ engine: [], overview: [], summary: [] });
    expect(judged(DISTRICT, 25).summary).toEqual(['Школа 1', 'Школа 2', 'Школа 3']);
  });

  test('the alert and the summary state the threshold in force, and that it counts as high', () => {
    const { alertText, note } = judged(DISTRICT, 60);
    expect(alertText).toEqual({
      ru: 'Высокий уровень выгорания (сформированная фаза у 60 % ответивших и более): Школа 2.',
      en: 'High burnout (a formed phase in 60 % of respondents or more): Школа 2.',
    });
    expect(note).toEqual({ highBurnoutPercent: 60, lowSatisfactionIndex: LOW_SATISFACTION_INDEX });
  });

  test('engine, Overview and summary agree for any district and threshold, the alerts within the privacy rule (property)', () => {
    const school = fc.record({ size: fc.integer({ min: 1, max: 12 }), formed: fc.integer({ min: 0, max: 12 }) });
    fc.assert(fc.property(fc.array(school, { minLength: 1, maxLength: 5 }), fc.integer({ min: 1, max: 100 }), (shapes, percent) => {
      const schools = shapes.map((shape, i) => ({
        name: `Школа ${i + 1}`,
        flags: Array.from({ length: shape.size }, (_, j) => j < Math.min(shape.formed, shape.size)),
      }));
      const out = judged(schools, percent);
      const expected = schools
        .filter((s) => s.flags.length >= K && s.flags.filter(Boolean).length * 100 >= percent * s.flags.length)
        .map((s) => s.name).sort();
      expect(out.engine).toEqual(expected);
      const named = expected.filter((name) => out.shown.includes(name));
      expect(out.overview).toEqual(named);
      expect(out.summary).toEqual(named);
    }), { numRuns: 150 });
  });
});

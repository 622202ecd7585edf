import { DEFICIT_TYPES, DEFICITS, instrumentItems } from '../../../src/core/instruments';
import { deficitsBreakdown, DeficitsScore, scoreDeficits, surveyMeasures } from '../../../src/core/scoring';

/** Ratings per area in DEFICITS.areas order (subject, methodological, psycho-pedagogical, digital, assessment, communicative). */
function answers(ratings: number[][], facts: Record<string, string | undefined> = {}) {
  const out: Record<string, string | undefined> = {
    'profile.school': 'Школа 1',
    'deficits.diagnosedThisYear': 'Да',
    'deficits.hasRoute': 'Нет',
    ...facts,
  };
  DEFICITS.areas.forEach((area, a) => area.itemKeys.forEach((key, i) => (out[key] = String(ratings[a][i]))));
  return out;
}

const confident = () => DEFICIT_TYPES.map(() => [4, 4, 4]);

describe('deficits definition', () => {
  test('six areas of three 1–4 actions, one page each, after the diagnostics and route pages', () => {
    expect(DEFICITS.areas.map((a) => a.type)).toEqual(['subject', 'methodological', 'psycho_pedagogical', 'digital', 'assessment', 'communicative']);
    for (const area of DEFICITS.areas) {
      expect(area.itemKeys).toHaveLength(3);
      const items = instrumentItems(DEFICITS).filter((i) => area.itemKeys.includes(i.key));
      for (const item of items) expect(item).toMatchObject({ kind: 'scale', min: 1, max: 4, required: true });
    }
    expect(DEFICITS.sections.map((s) => s.id).slice(0, 3)).toEqual(['profile', 'diagnostics', 'route']);
    const hasRoute = instrumentItems(DEFICITS).find((i) => i.key === 'deficits.hasRoute');
    expect(hasRoute?.kind === 'yesno' && hasRoute.choices.map((c) => c.goTo)).toEqual(['route', 'area.subject']);
  });
});

describe('deficits scoring: a type is identified when 2 of its 3 actions are rated 1 or 2', () => {
  test.each([
    [[2, 2, 4], true],
    [[1, 2, 3], true],
    [[1, 1, 1], true],
    [[2, 3, 3], false], // one difficulty is not a deficit
    [[3, 3, 3], false], // 3 = "mostly manage" is not a difficulty
    [[1, 4, 4], false],
  ])('subject area rated %j → deficit %s', (subject, expected) => {
    const ratings = confident();
    ratings[0] = subject;
    const s = scoreDeficits(answers(ratings));
    expect(s.status).toBe('ok');
    expect(s.deficits.subject).toBe(expected);
    expect(s.deficitCount).toBe(expected ? 1 : 0);
    expect(s.anyDeficit).toBe(expected);
  });

  test('several types, area means and the facts', () => {
    const s = scoreDeficits(
      answers([[1, 2, 3], [2, 3, 4], [2, 2, 4], [1, 1, 1], [3, 3, 3], [4, 4, 4]], {
        'deficits.hasRoute': 'Да',
        'deficits.routeFromDiagnostics': 'Да',
        'deficits.routeActivities': 'Нет',
      }),
    );
    expect(s.deficits).toEqual({
      subject: true, methodological: false, psycho_pedagogical: true, digital: true, assessment: false, communicative: false,
    });
    expect(s.areaMeans).toEqual({ subject: 2, methodological: 3, psycho_pedagogical: 2.67, digital: 1, assessment: 3, communicative: 4 });
    expect(s).toMatchObject({ deficitCount: 3, diagnosedThisYear: true, hasRoute: true, routeFromDiagnostics: true, routeActivities: false });
    expect(surveyMeasures(s)).toEqual({
      diagnosed: true, has_route: true, route_from_diagnostics: true, route_activities: false, any_deficit: true,
      type_subject: true, type_methodological: false, type_psycho_pedagogical: true, type_digital: true,
      type_assessment: false, type_communicative: false,
    });
  });

  test('route questions are not required without a route', () => {
    const s = scoreDeficits(answers(confident(), { 'deficits.hasRoute': 'Нет' }));
    expect(s).toMatchObject({ status: 'ok', routeFromDiagnostics: null, routeActivities: null });
    expect(surveyMeasures(s)).toMatchObject({ route_from_diagnostics: false, route_activities: false });
  });

  test('a gap leaves its area undecided and the response incomplete', () => {
    const ratings = confident();
    const a = answers(ratings, { 'deficits.hasRoute': 'Да', 'deficits.routeActivities': 'Да' });
    a['deficits.digital.distance'] = '';
    const s = scoreDeficits(a);
    expect(s.status).toBe('incomplete');
    expect(s.missing).toEqual(['deficits.routeFromDiagnostics', 'deficits.digital.distance']);
    expect(s.deficits.digital).toBeNull();
    expect(s.deficits.subject).toBe(false);
    expect(s.deficitCount).toBeNull();
    expect(s.anyDeficit).toBeNull();
  });
});

describe('deficits aggregation', () => {
  test('shares over all respondents of the group, as the direction-1 and -2 indicators divide', () => {
    const scores: DeficitsScore[] = [];
    for (let i = 0; i < 6; i++) {
      const ratings = confident();
      if (i < 2) ratings[3] = [1, 1, 2]; // 2 digital deficits
      if (i === 0) ratings[0] = [2, 2, 2]; // and 1 subject deficit
      scores.push(scoreDeficits(answers(ratings, {
        'deficits.diagnosedThisYear': i < 4 ? 'Да' : 'Нет',
        'deficits.hasRoute': i < 3 ? 'Да' : 'Нет',
        'deficits.routeFromDiagnostics': 'Да',
        'deficits.routeActivities': i === 0 ? 'Да' : 'Нет',
      })));
    }
    const { overall, incomplete } = deficitsBreakdown(scores, null);
    expect(incomplete).toBe(0);
    if (overall.suppressed) throw new Error('6 respondents');
    expect(overall.value.deficits.digital).toEqual({ numerator: 2, denominator: 6, value: 2 / 6 });
    expect(overall.value.deficits.subject.numerator).toBe(1);
    expect(overall.value.anyDeficit.numerator).toBe(2);
    expect(overall.value.diagnosedThisYear.numerator).toBe(4);
    expect(overall.value.hasRoute.numerator).toBe(3);
    expect(overall.value.routeFromDiagnostics).toEqual({ numerator: 3, denominator: 6, value: 0.5 });
    expect(overall.value.routeActivities.numerator).toBe(1);
    expect(overall.value.anyDeficitWithRoute.numerator).toBe(2);
    expect(deficitsBreakdown(scores.slice(0, 4), null).overall.suppressed).toBe(true);
  });
});

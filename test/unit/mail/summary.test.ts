/** The monthly summary view and its two renderings: content, escaping, size. */
import fc from 'fast-check';
import { computeIndicators, IndicatorsResult } from '../../../src/core/indicators/compute';
import { SurveyScoreRow } from '../../../src/core/indicators/types';
import { escapeHtml, html, safeUrl, UNSAFE_rawHtml } from '../../../src/core/mail/html';
import { summaryHtml, summarySubject, summaryText } from '../../../src/core/mail/summary-email';
import { PRESETS, presetById } from '../../../src/core/presets';
import { SchoolReport } from '../../../src/core/indicators/types';
import { scoreRubric } from '../../../src/core/rubric';
import { LIST_LIMIT, monthlySummaryView, MonthlySummaryInput } from '../../../src/core/views/monthly-summary';

const KRYMSK = presetById('krymsk')!;
const HOSTILE_SCHOOL = '<img src=x onerror=alert(1)>';
const HOSTILE_ANSWER = '"><script>alert(1)</script>';

function boykoRow(school: string, formed: boolean, date = '2026-10-10'): SurveyScoreRow {
  return { instrument: 'boyko', school, date, scores: { phase_formed_any: formed, phase_formed_tension: formed, phase_formed_resistance: false, phase_formed_exhaustion: false } };
}

function report(school: string, teachers: number): SchoolReport {
  return { school, period: '2026/27', subject: null, values: { teachers_total: teachers, teachers_diagnosed: teachers, teachers_with_deficits: Math.floor(teachers / 3) } };
}

function input(overrides: Partial<MonthlySummaryInput> = {}, indicators?: IndicatorsResult): MonthlySummaryInput {
  const schools = [HOSTILE_SCHOOL, 'Школа № 2', HOSTILE_ANSWER];
  const scores = [
    ...Array.from({ length: 8 }, () => boykoRow(HOSTILE_SCHOOL, true)),
    ...Array.from({ length: 6 }, (_, i) => boykoRow('Школа № 2', i < 1)),
    ...Array.from({ length: 2 }, () => boykoRow(HOSTILE_ANSWER, true)),
  ];
  return {
    lang: 'ru', month: '2026-10', today: '2026-11-01', districtName: 'Крымский район',
    workbookUrl: 'https://docs.google.com/spreadsheets/d/abc/edit', preset: KRYMSK,
    indicators: indicators ?? computeIndicators({
      preset: KRYMSK, reports: [report(HOSTILE_SCHOOL, 20), report('Школа № 2', 12)], scores, schools,
      privacyThreshold: 5, currentPeriod: '2026/27',
    }),
    schools, highBurnoutPercent: 50, activity: { responses: 16, reports: 2 }, rubric: scoreRubric({ blocks: {} }),
    ...overrides,
  };
}

describe('html builder', () => {
  test('escapes every interpolated value and nested arrays; Html passes through', () => {
    const inner = html`<b>${'<i>'}</b>`;
    expect(html`<p title="${'"x\''}">${['a&', inner, 3, null, false]}</p>`.markup)
      .toBe('<p title="&quot;x&#39;">a&amp;<b>&lt;i&gt;</b>3</p>');
    expect(UNSAFE_rawHtml('<br>').markup).toBe('<br>');
  });

  test('no string survives unescaped (property)', () => {
    fc.assert(fc.property(fc.string(), (text) => {
      const out = html`<p>${text}</p>`.markup.slice(3, -4);
      expect(out).not.toMatch(/[<>"'`]/);
      expect(out.replace(/&(amp|lt|gt|quot|#39|#96);/g, '')).not.toContain('&');
      expect(out).toBe(escapeHtml(text));
    }));
  });

  test('only http(s) links are links', () => {
    expect(safeUrl('https://docs.google.com/x')).toBe('https://docs.google.com/x');
    expect(safeUrl('javascript:alert(1)')).toBeNull();
    expect(safeUrl('https://x.example/"onmouseover=alert(1)')).toBeNull();
    expect(safeUrl('data:text/html,<script>')).toBeNull();
  });
});

describe('monthly summary view', () => {
  const view = monthlySummaryView(input());

  test('key indicators of the preset with value, change and coverage', () => {
    expect(view.indicators.map((row) => row.id)).toEqual(KRYMSK.indicators);
    const burnout = view.indicators.find((row) => row.id === 'burnout.formed_any_share')!;
    // 16 respondents: 8 + 1 + 2 with a formed phase = 11 of 16.
    expect(burnout.value).toBe('68,8 %');
    expect(burnout.coverage).toBe('11 / 16');
    expect(view.periodLabel).toBe('2026/27 уч. год');
    expect(view.schoolsReported).toBe(2);
    expect(view.missingReports.items).toEqual([HOSTILE_ANSWER]);
  });

  test('alerts respect the privacy threshold: a school of 2 never appears', () => {
    const scopes = view.alerts.items.filter((alert) => alert.kind === 'burnout').map((alert) => alert.scope);
    expect(scopes).toContain(HOSTILE_SCHOOL);
    expect(scopes).toContain('Муниципалитет в целом');
    expect(scopes).not.toContain(HOSTILE_ANSWER);
    expect(scopes).not.toContain('Школа № 2');
  });

  test('change against the previous period, signed in percentage points', () => {
    const previous = [...Array.from({ length: 10 }, (_, i) => boykoRow(HOSTILE_SCHOOL, i < 2, '2026-03-01'))];
    const current = input().indicators;
    const both = computeIndicators({
      preset: KRYMSK, reports: [report(HOSTILE_SCHOOL, 20), { ...report(HOSTILE_SCHOOL, 20), period: '2025/26' }],
      scores: [...previous, ...Array.from({ length: 10 }, (_, i) => boykoRow(HOSTILE_SCHOOL, i < 7))],
      schools: [HOSTILE_SCHOOL], privacyThreshold: 5, currentPeriod: '2026/27',
    });
    expect(current.values.length).toBeGreaterThan(0);
    const row = monthlySummaryView(input({ schools: [HOSTILE_SCHOOL] }, both)).indicators.find((r) => r.id === 'burnout.formed_any_share')!;
    expect(row.value).toBe('70 %');
    expect(row.change).toBe('+50 п.п.');
  });

  test('monitorings due this month and overdue by the cyclogram', () => {
    // Krymsk: deficits in September, burnout (Boyko) in November and so on.
    const november = monthlySummaryView(input({ today: '2026-11-01' }));
    expect(november.dueMonthLabel).toBe('ноябрь');
    const dueIds = KRYMSK.cyclogram.filter((e) => e.schedule.kind === 'months' && e.schedule.months.includes(11)).map((e) => e.title.ru);
    expect(november.dueThisMonth.map((m) => m.title)).toEqual(dueIds);
    // September and October monitorings without data this school year are overdue.
    const expectedOverdue = KRYMSK.cyclogram.filter((e) => e.schedule.kind === 'months' && e.schedule.months.some((m) => m === 9 || m === 10));
    expect(november.overdue.length).toBeGreaterThan(0);
    for (const m of november.overdue) expect(expectedOverdue.map((e) => e.title.ru)).toContain(m.title);
    const september = monthlySummaryView(input({ today: '2026-09-03' }));
    expect(september.overdue).toEqual([]);
  });

  test('rubric total against its maximum and the parameters still at 0, cut to the limit', () => {
    expect(view.rubric!.total).toBe(0);
    expect(view.rubric!.max).toBeGreaterThan(50);
    expect(view.rubric!.zeroParameters.items).toHaveLength(LIST_LIMIT);
    expect(view.rubric!.zeroParameters.more).toBeGreaterThan(0);
  });

  test('a month with no new data says so, in both renderings and both languages', () => {
    for (const lang of ['ru', 'en'] as const) {
      const quiet = monthlySummaryView(input({ lang, activity: { responses: 0, reports: 0 } }));
      expect(quiet.noNewData).toBe(true);
      const phrase = lang === 'ru' ? 'За этот месяц новых данных нет' : 'No new data this month';
      expect(summaryText(quiet)).toContain(phrase);
      expect(summaryHtml(quiet)).toContain(phrase);
    }
    expect(summaryText(view)).not.toContain('новых данных нет');
  });
});

describe('a mean in the summary', () => {
  const mentoring = (n: number): MonthlySummaryInput => {
    const scores: SurveyScoreRow[] = Array.from({ length: n }, (_, i) => ({
      instrument: 'mentoring', school: i % 2 ? 'Школа № 2' : HOSTILE_SCHOOL, date: '2026-10-10', scores: { index_mentee: 50 + (i % 3) * 10 },
    }));
    return input({}, computeIndicators({
      preset: KRYMSK, reports: [], scores, schools: [HOSTILE_SCHOOL, 'Школа № 2'], privacyThreshold: 5, currentPeriod: '2026/27',
    }));
  };
  const row = (view: ReturnType<typeof monthlySummaryView>) => view.indicators.find((r) => r.id === 'mentoring.satisfaction_mentees')!;

  test('reads as its value and how many answered, never as a sum of scores over respondents', () => {
    // 41 answers of 50, 60, 70 in turn: the mean is (14·50 + 14·60 + 13·70) / 41.
    const ru = monthlySummaryView(mentoring(41));
    expect(row(ru)).toMatchObject({ value: '59,8 — 41 ответ', coverage: '' });
    expect(summaryText(ru)).toContain(': 59,8 — 41 ответ\n');
    // In the email's table it may wrap after the dash only.
    expect(summaryHtml(ru)).toContain('59,8\u00a0— 41\u00a0ответ');
    expect(summaryText(ru)).not.toMatch(/2450 \/ 41/);
    const en = monthlySummaryView({ ...mentoring(41), lang: 'en' });
    expect(row(en).value).toBe('59.8 — 41 responses');
  });

  test('a mean of the schools’ reports is taken over teachers', () => {
    const reports: SchoolReport[] = [22, 31].map((teachers, i) => ({
      school: i ? 'Школа № 2' : HOSTILE_SCHOOL, period: '2026/27', subject: null, values: { teachers_total: teachers, teachers_average_age: 40 + i * 10 },
    }));
    const view = monthlySummaryView(input({}, computeIndicators({
      preset: KRYMSK, reports, scores: [], schools: [HOSTILE_SCHOOL, 'Школа № 2'], privacyThreshold: 5, currentPeriod: '2026/27',
    })));
    // (22·40 + 31·50) / 53 = 45,8
    expect(view.indicators.find((r) => r.id === 'staffing.average_age')).toMatchObject({ value: '45,8 — 53 педагога', coverage: '' });
  });

  test('every count takes its Russian form; a hidden mean has no count (property)', () => {
    fc.assert(fc.property(fc.integer({ min: 0, max: 130 }), (n) => {
      const value = row(monthlySummaryView(mentoring(n))).value;
      if (n < 5) {
        expect(value).not.toMatch(/\d{2}/);
        return;
      }
      const word = n % 10 === 1 && n % 100 !== 11 ? 'ответ' : [2, 3, 4].includes(n % 10) && ![12, 13, 14].includes(n % 100) ? 'ответа' : 'ответов';
      expect(value).toMatch(new RegExp(`^\\d+(,\\d)? — ${n} ${word}$`));
    }), { numRuns: 40 });
  });
});

describe('summary email', () => {
  const view = monthlySummaryView(input());
  const body = summaryHtml(view);

  test('hostile school name and answer are escaped in the HTML, verbatim in the text', () => {
    expect(body).not.toContain('<img');
    expect(body).not.toContain('<script');
    expect(body).toContain(escapeHtml(HOSTILE_SCHOOL));
    expect(body).toContain(escapeHtml(HOSTILE_ANSWER));
    const text = summaryText(view);
    expect(text).toContain(HOSTILE_SCHOOL);
    expect(text).toContain(HOSTILE_ANSWER);
  });

  test('mail-client HTML: presentation tables, inline styles, Arial, no <style>', () => {
    expect(body).not.toMatch(/<style/i);
    expect(body).not.toMatch(/<script/i);
    expect(body).not.toMatch(/\bclass=/);
    const tables = body.match(/<table[^>]*>/g)!;
    expect(tables.length).toBeGreaterThan(2);
    for (const table of tables) expect(table).toContain('role="presentation"');
    expect(body).toContain('font-family:Arial');
    expect(body).toContain('href="https://docs.google.com/spreadsheets/d/abc/edit"');
  });

  test('a stored javascript: link is not a link', () => {
    const evil = summaryHtml(monthlySummaryView(input({ workbookUrl: 'javascript:alert(1)' })));
    expect(evil).not.toContain('javascript:');
  });

  test('subject names the month and district in the chosen language', () => {
    expect(summarySubject(view)).toBe('PD Monitor: итоги за октябрь 2026 — Крымский район');
    expect(summarySubject(monthlySummaryView(input({ lang: 'en' })))).toBe('PD Monitor: summary for October 2026 — Крымский район');
  });

  test('every preset renders, in both languages, without unfilled placeholders', () => {
    for (const preset of PRESETS) {
      for (const lang of ['ru', 'en'] as const) {
        const v = monthlySummaryView(input({ preset, lang }, computeIndicators({ preset, reports: [], schools: ['A'], privacyThreshold: 5, currentPeriod: '2026/27' })));
        for (const out of [summaryHtml(v), summaryText(v)]) expect(out).not.toMatch(/\{[a-z]+\}/);
      }
    }
  });

  test('under 100 KB for a district of 10,000 teachers in 400 schools', () => {
    const schools = Array.from({ length: 400 }, (_, i) => `МБОУ «Средняя общеобразовательная школа № ${i + 1} имени героя» ${HOSTILE_SCHOOL}`);
    const scores = Array.from({ length: 10_000 }, (_, i) => boykoRow(schools[i % 400], i % 3 !== 0));
    const reports = schools.slice(0, 200).map((school) => report(school, 25));
    const indicators = computeIndicators({ preset: KRYMSK, reports, scores, schools, privacyThreshold: 5, currentPeriod: '2026/27' });
    const big = monthlySummaryView(input({ schools }, indicators));
    expect(big.alerts.more).toBeGreaterThan(0);
    expect(big.missingReports.more).toBe(200 - LIST_LIMIT);
    const bytes = Buffer.byteLength(summaryHtml(big), 'utf8');
    expect(bytes).toBeLessThan(100 * 1024);
    expect(bytes).toBeGreaterThan(10 * 1024);
  });
});

/**
 * The sidebar's endpoints through build/Code.js in the emulator: what each panel is sent,
 * checked against what the same bundle wrote into the workbook's sheets.
 */
import { buildDemoDistrict, DemoDistrict } from '../../tools/demo-district/district';
import { formatPeriod } from '../../src/core/periods';
import type { LogView, OverviewView, RecalculationProgress, RecalculationStatus, SidebarInfo, SurveysView } from '../../src/shared/api';
import { SETTINGS, setUpWorkbook, startHarness } from './harness';

function values(demo: DemoDistrict, name: string): unknown[][] {
  const sheet = demo.emulator.spreadsheet.getSheetByName(name);
  if (!sheet) throw new Error(`no sheet ${name}`);
  return sheet.getDataRange().getValues();
}

const call = <T>(demo: DemoDistrict, name: string, ...args: unknown[]) => demo.bundle.call(name, ...args) as T;

describe('sidebar endpoints', () => {
  test('getSidebarInfo: not set up, every preset with a description in both languages; then set up', () => {
    const h = startHarness();
    const before = h.call<SidebarInfo>('getSidebarInfo');
    expect(before.setUp).toBe(false);
    expect(before.lang).toBe('ru');
    expect(before.presets.map((p) => p.id)).toEqual(['amur', 'krymsk', 'kbr', 'krasnodar', 'verkhnekamsk', 'custom']);
    for (const preset of before.presets) {
      expect(preset.description.ru).toMatch(/^Показателей: \d+ · мониторингов в циклограмме: \d+ · отчёт школ за /);
      expect(preset.description.en).toMatch(/^\d+ indicators · \d+ monitorings/);
    }
    h.call('saveSettings', { ...SETTINGS, lang: 'en' });
    const after = h.call<SidebarInfo>('getSidebarInfo');
    expect(after).toMatchObject({ setUp: true, lang: 'en', title: 'PD Monitor' });
  });

  test('saveSettings says which sheets it created and which triggers it installed, and nothing the second time', () => {
    const h = startHarness();
    const first = h.call<{ ok: true; createdSheets: string[]; triggersCreated: string[] }>('saveSettings', SETTINGS);
    expect(first.ok).toBe(true);
    const names = h.emulator.spreadsheet.getSheets().map((s) => s.getName());
    expect(first.createdSheets.length).toBeGreaterThanOrEqual(5);
    for (const name of first.createdSheets) expect(names).toContain(name);
    expect(first.createdSheets).toEqual(expect.arrayContaining(['Настройки', 'Показатели']));
    expect(first.triggersCreated.sort()).toEqual(['onFormSubmit', 'runScheduledJobs']);
    const second = h.call<typeof first>('saveSettings', SETTINGS);
    expect(second).toEqual({ ok: true, createdSheets: [], triggersCreated: [] });
  });

  test('every panel endpoint refuses an unset workbook with a message in Russian', () => {
    const h = startHarness();
    for (const name of ['getSurveysStatus', 'getOverview', 'getLogView', 'getRecalculationStatus']) {
      expect(() => h.call(name)).toThrow(/Книга мониторинга ещё не настроена/);
    }
  });

  test('a new workbook: no forms, no answers, every school listed with no report', () => {
    const h = setUpWorkbook();
    const view = h.call<SurveysView>('getSurveysStatus');
    expect(view.forms.map((f) => f.kind)).toEqual(['boyko', 'mentoring', 'network', 'deficits', 'school_report']);
    expect(view.forms.every((f) => f.active === null && f.responses === 0)).toBe(true);
    expect(view.missingReports).toEqual(SETTINGS.schools);
    const log = h.call<LogView>('getLogView');
    expect(log).toEqual({ entries: [], counts: { error: 0, warning: 0, info: 0 }, total: 0 });
    expect(h.call('getRecalculationStatus')).toBeNull();
  });

  describe('on the demo district', () => {
    let demo: DemoDistrict;
    beforeAll(() => {
      demo = buildDemoDistrict({ teachers: 60, schools: 6, seed: 1 });
    });

    test('surveys: answers per form equal the rows of its response sheet; rates per school from the reports', () => {
      const view = call<SurveysView>(demo, 'getSurveysStatus');
      const registry = values(demo, 'Реестр форм').slice(1);
      for (const form of view.forms) {
        expect(form.active).not.toBeNull();
        const sheets = registry.filter((row) => row[1] === form.kind && row[8] !== 'relinked').map((row) => String(row[4]));
        const rows = sheets.reduce((sum, name) => sum + values(demo, name).length - 1, 0);
        expect(form.responses).toBe(rows);
        expect(form.active?.publishedUrl).toMatch(/^https:\/\/docs\.google\.com\/forms\//);
      }
      expect(view.forms.find((f) => f.kind === 'boyko')?.responses).toBe(60);
      // The rates the panel shows are the ones the indicators sheet holds.
      const period = formatPeriod(view.currentPeriod!.id, 'ru');
      const sheet = values(demo, 'Показатели').filter((row) => row[0] === period && String(row[1]).startsWith('response_rate.'));
      for (const rates of view.rates) {
        expect(rates.schools.map((s) => s.school)).toEqual(demo.emulator.spreadsheet.getSheetByName('Настройки')!.getDataRange().getValues().filter((r) => r[0] === 'schools').map((r) => r[2]));
        for (const school of rates.schools.filter((s) => s.respondents > 0)) {
          const row = sheet.find((r) => r[1] === `response_rate.${rates.instrument}` && r[5] === school.school);
          expect(row).toBeDefined();
          expect([school.respondents, school.teachers ?? '', school.rate ?? '']).toEqual([row![6], row![7], row![8]]);
        }
      }
      const missing = values(demo, 'Отчёты школ').slice(1).filter((row) => row[6] === 'нет отчёта').map((row) => row[4]);
      expect(view.missingReports.sort()).toEqual(missing.map(String).sort());
    });

    test('overview: one card per direction, each the overall value the indicators sheet holds', () => {
      const view = call<OverviewView>(demo, 'getOverview');
      expect(view.districtName).toBe('Демо-район');
      expect(view.cards.length).toBeGreaterThanOrEqual(5);
      expect(new Set(view.cards.map((c) => c.id.split('.')[0])).size).toBe(view.cards.length);
      const period = formatPeriod(view.currentPeriod!.id, 'ru');
      const sheet = values(demo, 'Показатели');
      for (const card of view.cards) {
        const row = sheet.find((r) => r[0] === period && r[1] === card.id && r[4] === 'Муниципалитет в целом');
        if (!row) {
          expect(card.value).toBeNull();
          continue;
        }
        if (card.suppressed) expect([card.value, card.numerator, card.denominator]).toEqual([null, null, null]);
        // The sheet leaves a mean's sum of scores out: it says what the mean is taken over.
        else expect([card.kind === 'mean' ? '' : card.numerator ?? '', card.denominator ?? '', card.value ?? '']).toEqual([row[6], row[7], row[8]]);
        if (card.coverage.kind === "schools") expect(card.coverage).toEqual({ kind: 'schools', reported: view.schools.reported, total: 6 });
      }
      expect(view.schools.total).toBe(6);
      // Nothing identifies a respondent: the payload holds no answer rows.
      expect(JSON.stringify(view)).not.toMatch(/@|Отметка времени/);
    });

    test('overview alerts: errors in the log, a school without a report, the months of the cyclogram', () => {
      const view = call<OverviewView>(demo, 'getOverview');
      const log = call<LogView>(demo, 'getLogView');
      const errors = view.alerts.find((a) => a.id === 'logErrors');
      if (log.counts.error > 0) expect(errors?.text.ru).toContain(`Ошибок в журнале: ${log.counts.error}`);
      else expect(errors).toBeUndefined();
      // The demo's clock stands in November: the krymsk cyclogram has monitorings due then.
      expect(view.alerts.find((a) => a.id === 'due')?.text.ru).toMatch(/^В этом месяце по циклограмме: /);
      const missing = call<SurveysView>(demo, 'getSurveysStatus').missingReports;
      const reportAlert = view.alerts.find((a) => a.id === 'missingReports');
      if (missing.length > 0) {
        for (const school of missing) expect(reportAlert?.text.ru).toContain(school);
        expect(reportAlert?.text.en).toContain(`${missing.length} schools have not reported`);
      } else expect(reportAlert).toBeUndefined();
      // High burnout is named per school from the per-school values the indicators sheet holds.
      const period = formatPeriod(view.currentPeriod!.id, 'ru');
      const high = values(demo, 'Показатели').filter((r) => r[0] === period && r[1] === 'burnout.formed_any_share' && r[4] === 'Школа' && typeof r[8] === 'number' && r[8] >= 50);
      const burnout = view.alerts.find((a) => a.id === 'burnout');
      if (high.length > 0) for (const row of high) expect(burnout?.text.ru).toContain(String(row[5]));
      else expect(burnout).toBeUndefined();
    });

    test('log view: the log sheet newest first, with kinds that add up', () => {
      const view = call<LogView>(demo, 'getLogView');
      const sheet = values(demo, 'Журнал').slice(1);
      expect(view.total).toBe(sheet.length);
      expect(view.counts.error + view.counts.warning + view.counts.info).toBe(view.total);
      expect(view.entries.length).toBe(Math.min(200, sheet.length));
      expect(view.entries[0].text.ru).toBe(String(sheet[sheet.length - 1][3]));
      expect(view.entries.some((e) => e.code === 'duplicateEvent' && e.level === 'info')).toBe(true);
    });

    test('recalculation: paused work is visible with where it stands, and continues to the end', () => {
      const first = call<RecalculationProgress>(demo, 'recalculateAll', { budgetMs: 0, chunkRows: 7 });
      expect(first.done).toBe(false);
      const status = call<RecalculationStatus>(demo, 'getRecalculationStatus');
      expect(status).toMatchObject({ mode: 'rebuild', processed: first.processed, sheet: 1 });
      expect(status.sheets).toBeGreaterThanOrEqual(4);
      let progress = first;
      let guard = 0;
      while (!progress.done && guard++ < 200) {
        progress = call<RecalculationProgress>(demo, 'continueRecalculation', { budgetMs: 0, chunkRows: 50 });
        const now = call<RecalculationStatus | null>(demo, 'getRecalculationStatus');
        if (!progress.done) expect(now?.processed).toBe(progress.processed);
      }
      expect(progress.done).toBe(true);
      expect(call(demo, 'getRecalculationStatus')).toBeNull();
    });
  });
});

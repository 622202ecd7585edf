/**
 * The high-burnout threshold a district sets in its settings moves the Overview's alert and
 * the monthly summary's alert, through the built bundle: the schools named are exactly
 * those whose share of respondents with a formed phase is at or above it.
 */
import { formatPeriod } from '../../src/core/periods';
import type { OverviewView } from '../../src/core/views/overview';
import type { MailMessageView } from '../../src/core/views/mail';
import { buildDemoDistrict, DEMO_COORDINATOR, DEMO_METHODIST, DemoDistrict } from '../../tools/demo-district/district';

let demo: DemoDistrict;
const call = <T>(name: string, ...args: unknown[]) => demo.bundle.call(name, ...args) as T;

function settings(highBurnoutPercent: number) {
  const rows = demo.emulator.spreadsheet.getSheetByName('Настройки')!.getDataRange().getValues().slice(1);
  const all = (key: string) => rows.filter((row) => row[0] === key).map((row) => String(row[2]));
  return {
    districtName: all('districtName')[0], presetId: all('presetId')[0], schools: all('schools'), subjects: all('subjects'),
    coordinators: [DEMO_COORDINATOR, DEMO_METHODIST], privacyThreshold: 5, highBurnoutPercent, lang: 'ru',
  };
}

/** Schools whose per-school burnout share, as the indicators sheet holds it, reaches `percent`. */
function expectedHigh(period: string, percent: number): string[] {
  const rows = demo.emulator.spreadsheet.getSheetByName('Показатели')!.getDataRange().getValues();
  return rows
    .filter((r) => r[0] === formatPeriod(period, 'ru') && r[1] === 'burnout.formed_any_share' && r[4] === 'Школа' && typeof r[6] === 'number' && typeof r[7] === 'number')
    .filter((r) => (r[6] as number) * 100 >= percent * (r[7] as number))
    .map((r) => String(r[5]))
    .sort();
}

function alerted(percent: number): { overview: string[]; summary: string; period: string } {
  const saved = call<{ ok: boolean; errors?: string[] }>('saveSettings', settings(percent));
  if (!saved.ok) throw new Error(saved.errors?.join(' '));
  const view = call<OverviewView>('getOverview');
  const text = view.alerts.find((a) => a.id === 'burnout')?.text.ru ?? '';
  const names = settings(percent).schools.filter((school) => text.includes(school)).sort();
  return { overview: names, summary: call<MailMessageView>('previewSummary').text, period: view.currentPeriod!.id };
}

beforeAll(() => {
  demo = buildDemoDistrict({ teachers: 60, schools: 4, seed: 3 });
});

test('the setting moves the Overview alert and the summary alert, which says the threshold in force', () => {
  const shares = new Set<string>();
  let moved = false;
  let previous: string[] | null = null;
  for (const percent of [1, 25, 34, 50, 67, 75, 100]) {
    const { overview, summary, period } = alerted(percent);
    const expected = expectedHigh(period, percent);
    expect({ percent, overview }).toEqual({ percent, overview: expected });
    // The summary names the same schools in its alerts, and says the rule in force.
    const alertLines = summary.split('\n').filter((line) => line.startsWith('! ') && line.includes('выгорание'));
    for (const school of expected) expect(alertLines.some((line) => line.startsWith(`! ${school} — `))).toBe(true);
    expect(alertLines.filter((line) => !line.startsWith('! Муниципалитет')).length).toBe(expected.length);
    expect(summary).toContain(`сформированная фаза есть у ${percent} % ответивших или больше (ровно ${percent} % — уже высокое)`);
    if (previous !== null && previous.join() !== expected.join()) moved = true;
    previous = expected;
    shares.add(expected.join());
  }
  // Not a vacuous run: the thresholds tried name different sets of schools.
  expect(moved).toBe(true);
  expect(shares.size).toBeGreaterThan(1);
});

test('a threshold the settings refuse leaves the alert as it was, with the error in the user language', () => {
  const before = call<OverviewView>('getOverview').alerts.find((a) => a.id === 'burnout');
  const refused = call<{ ok: boolean; errors?: string[] }>('saveSettings', { ...settings(50), highBurnoutPercent: 0 });
  expect(refused).toEqual({ ok: false, errors: ['Порог высокого выгорания должен быть целым числом от 1 до 100 (%), получено «0».'] });
  expect(call<OverviewView>('getOverview').alerts.find((a) => a.id === 'burnout')).toEqual(before);
});

/**
 * The Indicators and Burnout panels in Chromium on the preview: every number matches what
 * the bundle wrote to the workbook's indicators sheet, each filter changes the numbers to
 * that sheet's rows for the chosen scope or period, a group below the privacy threshold
 * shows no number in the chart, its table or the CSV, the panels work from the keyboard
 * alone, axe finds nothing serious, and each panel is photographed in Russian and English.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Frame, Page } from 'playwright-core';
import { indicatorById } from '../../src/core/indicators/catalog';
import { parseCsv } from '../../src/core/text/csv';
import { BROWSER_TIMEOUT, expectPrintView, openPreview, PreviewSession, SCREENSHOTS } from './harness';

const HOSTILE = '<img src=x onerror=alert(1)>';
const FORMULA = '=IMPORTXML("x")';
const SCHOOLS = [HOSTILE, FORMULA, 'МБОУ СОШ № 3', 'МБОУ Гимназия № 4', 'МБОУ СОШ № 5', 'МБОУ Лицей № 6'];

type Row = Array<string | number>;
/** Columns of the indicators sheet (core/workbook/indicators-sheet.ts). */
const COL = { period: 0, id: 1, unit: 3, scope: 4, key: 5, numerator: 6, denominator: 7, value: 8, note: 15 };
/** The note of a suppressed group (a mean's note says what it is taken over instead). */
const suppressed = (row: Row) => String(row[COL.note]).startsWith('скрыто');

function sheetRows(s: PreviewSession): Row[] {
  const sheet = s.preview.demo.emulator.spreadsheet.getSheetByName('Показатели');
  if (!sheet) throw new Error('no indicators sheet');
  return sheet.getDataRange().getValues().slice(1) as Row[];
}

const ru = (value: number) => value.toLocaleString('ru-RU', { maximumFractionDigits: 1 });

/** The value as the panel must show it, from a sheet row (or its absence). */
function expectedText(row: Row | undefined, unit: string, k: number): string {
  if (!row) return 'нет данных';
  if (suppressed(row)) return `меньше ${k} ответов — скрыто`;
  const value = row[COL.value];
  if (value === '') return 'нет данных';
  if (unit === '%') return `${ru(Number(value))} %`;
  if (unit === 'yes/no') return Number(value) >= 1 ? 'да' : 'нет';
  return ru(Number(value));
}

async function cards(frame: Frame): Promise<Array<{ id: string; value: string }>> {
  return frame.$$eval('.indicator-list .card', (nodes) => nodes.map((node) => ({
    id: node.getAttribute('data-indicator') ?? '',
    value: node.querySelector('.value')?.textContent ?? '',
  })));
}

/** Every card against the sheet's rows of `period` and `scope` ('' overall; 'Школа'/'Предмет' with its key). */
async function expectCardsMatch(s: PreviewSession, frame: Frame, period: string, scope: { kind: string; key: string } | null): Promise<number> {
  const rows = sheetRows(s).filter((row) => row[COL.period] === period);
  const shown = await cards(frame);
  expect(shown.length).toBeGreaterThan(5);
  let withNumbers = 0;
  for (const card of shown) {
    const row = rows.find((r) => r[COL.id] === card.id && (scope ? r[COL.scope] === scope.kind && r[COL.key] === scope.key : r[COL.scope] === 'Муниципалитет' || r[COL.key] === ''));
    const unit = String(rows.find((r) => r[COL.id] === card.id)?.[COL.unit] ?? '');
    expect({ id: card.id, value: card.value }).toEqual({ id: card.id, value: expectedText(row, unit, 5) });
    if (/\d/.test(card.value)) withNumbers++;
  }
  return withNumbers;
}

async function download(page: Page, frame: Frame, panelTitle: string): Promise<string[][]> {
  const [file] = await Promise.all([
    page.waitForEvent('download'),
    press(page, frame, `.export-bar button[aria-label^="Скачать таблицы раздела «${panelTitle}»"]`),
  ]);
  const text = readFileSync((await file.path())!, 'utf8');
  expect(text.charCodeAt(0)).toBe(0xfeff);
  expect(file.suggestedFilename()).toBe(`${panelTitle}.csv`);
  return parseCsv(text, ';');
}

/** Tab (or Shift+Tab) until `test` holds for the focused element; fails after `limit` presses. */
async function tabUntil(page: Page, frame: Frame, test: string, limit = 80): Promise<void> {
  for (let i = 0; i < limit; i++) {
    if (await frame.evaluate(`(() => { const el = document.activeElement; return !!el && (${test}); })()`)) return;
    await page.keyboard.press('Tab');
  }
  throw new Error(`keyboard never reached: ${test}`);
}

/**
 * Presses a control by the keyboard: focus and Enter. (Mouse clicks into the sidebar's
 * frame stall in this harness's headless Chromium under jest; the keyboard path is the one
 * these panels must support anyway.)
 */
async function press(page: Page, frame: Frame, selector: string): Promise<void> {
  await frame.focus(selector);
  await page.keyboard.press('Enter');
}

/** Shows a panel by its tab. */
async function openTab(frame: Frame, id: 'indicators' | 'burnout'): Promise<void> {
  await press(frame.page(), frame, `#tab-${id}`);
  await frame.waitForSelector(id === 'indicators' ? '.indicator-list .card' : '[data-section=groups]');
}

async function panelShot(s: PreviewSession, name: string, tab: string, lang: 'ru' | 'en'): Promise<void> {
  const page = await s.page.context().newPage();
  await page.setViewportSize({ width: 300, height: 800 });
  await page.goto(`${s.preview.sidebarOrigin}/sidebar`);
  if (lang === 'en') await page.click('.lang-switch');
  await page.click(`#tab-${tab}`);
  await page.waitForSelector(tab === 'indicators' ? '.indicator-list .card' : '[data-section=groups]');
  const height = await page.evaluate('document.body.scrollHeight') as number;
  await page.screenshot({ path: join(SCREENSHOTS, `${name}.png`), fullPage: true, clip: { x: 0, y: 0, width: 300, height: Math.min(height, 2400) } });
  await page.close();
}

describe('the Indicators and Burnout panels', () => {
  let s: PreviewSession;
  let frame: Frame;
  beforeAll(async () => {
    s = await openPreview({ teachers: 40, schools: 6, schoolNames: SCHOOLS });
    frame = await s.sidebar();
    await frame.waitForSelector('#tab-indicators');
  }, BROWSER_TIMEOUT);
  afterAll(async () => s?.close());

  test('reached by the keyboard alone: the tab, the filters, an indicator opened, a chart focused', async () => {
    // The tab before Indicators, then the arrow key, as the ARIA tabs pattern says.
    const before = await frame.evaluate("document.getElementById('tab-indicators').previousElementSibling.id") as string;
    await frame.focus(`#${before}`);
    await s.page.keyboard.press('ArrowRight');
    await frame.waitForSelector('#tab-indicators[aria-selected=true]');
    await frame.waitForSelector('.indicator-list .card');
    await tabUntil(s.page, frame, "el.id === 'ind-scope'");
    await tabUntil(s.page, frame, "el.tagName === 'SUMMARY' && el.parentElement.classList.contains('more')");
    await s.page.keyboard.press('Enter');
    expect(await frame.evaluate('document.activeElement.parentElement.open')).toBe(true);
    await tabUntil(s.page, frame, "el.getAttribute('role') === 'img' && el.tagName.toLowerCase() === 'svg'");
    const label = await frame.evaluate("document.activeElement.getAttribute('aria-label')");
    expect(label).toMatch(/Весь муниципалитет: \d/);
  }, BROWSER_TIMEOUT);

  test('every indicator shows the value the bundle wrote for the district in the current period', async () => {
    await openTab(frame, 'indicators');
    const period = (await frame.locator('#ind-period option:checked').textContent())!;
    expect(await expectCardsMatch(s, frame, period, null)).toBeGreaterThan(5);
    // Grouped by direction, the preset's full list.
    const ids = (await cards(frame)).map((card) => card.id);
    const sheetIds = new Set(sheetRows(s).map((row) => String(row[COL.id])).filter((id) => !id.startsWith('response_rate.')));
    expect(new Set(ids)).toEqual(sheetIds);
    await s.screenshot('indicators-ru');
  }, BROWSER_TIMEOUT);

  test('the school filter, the subject filter and the period filter each show that scope’s numbers', async () => {
    const period = (await frame.locator('#ind-period option:checked').textContent())!;
    for (const school of [HOSTILE, 'МБОУ СОШ № 3']) {
      await frame.selectOption('#ind-scope', { label: school });
      await frame.waitForSelector(`.context:has-text("${school.replace(/"/g, '\\"')}")`);
      expect(await expectCardsMatch(s, frame, period, { kind: 'Школа', key: school })).toBeGreaterThan(0);
    }
    const subject = (await frame.locator('#ind-scope optgroup[label="Предметы"] option').first().textContent())!;
    await frame.selectOption('#ind-scope', { label: subject });
    await expectCardsMatch(s, frame, period, { kind: 'Предмет', key: subject });
    await frame.selectOption('#ind-scope', { value: '' });
    const periods = await frame.locator('#ind-period option').allTextContents();
    expect(periods.length).toBeGreaterThan(1);
    const before = await cards(frame);
    await frame.selectOption('#ind-period', { label: periods[1] });
    await frame.waitForSelector(`.context:has-text("${periods[1]}")`);
    await expectCardsMatch(s, frame, periods[1], null);
    expect(await cards(frame)).not.toEqual(before);
    await frame.selectOption('#ind-period', { label: periods[0] });
    await frame.waitForSelector(`.context:has-text("${periods[0]}")`);
  }, BROWSER_TIMEOUT);

  test('the CSV holds the values shown, inert, for Russian Excel; each number in the column that says what it is', async () => {
    await openTab(frame, 'indicators');
    const rows = await download(s.page, frame, 'Показатели');
    const shown = await cards(frame);
    const titles = await frame.$$eval('.indicator-list .card h4', (nodes) => nodes.map((n) => n.textContent));
    expect(rows[1]).toEqual(['Показатель', 'Направление', 'Значение', 'Доля: числитель', 'Доля: знаменатель',
      'Среднее: число ответов', 'Среднее: число педагогов', 'Охват', 'Изменение']);
    const table = rows.slice(2, 2 + shown.length);
    expect(table.map((row) => row[0])).toEqual(titles);
    const period = await frame.$eval('#ind-period', (select) => (select as unknown as { selectedOptions: Array<{ textContent: string }> }).selectedOptions[0].textContent);
    const sheet = sheetRows(s).filter((row) => row[COL.period] === period && row[COL.key] === '');
    const csvNumber = (value: string | number) => (value === '' ? '' : Number(value).toLocaleString('ru-RU', { maximumFractionDigits: 2, useGrouping: false }));
    const kinds = new Set<string>();
    table.forEach((row, i) => {
      const text = shown[i].value;
      if (text.endsWith(' %')) expect(`${row[2]} %`).toBe(text);
      else if (/^[\d,]+$/.test(text)) expect(row[2]).toBe(text.replace(/\s/g, ''));
      const def = indicatorById(shown[i].id)!;
      const source = sheet.find((r) => r[COL.id] === shown[i].id);
      const parts = row.slice(3, 7);
      if (!source || suppressed(source) || source[COL.value] === '' || !def.denominator) {
        // A hidden group, a missing value or a count: no parts at all.
        expect(parts).toEqual(['', '', '', '']);
        return;
      }
      kinds.add(def.kind);
      const numerator = csvNumber(source[COL.numerator]);
      const denominator = csvNumber(source[COL.denominator]);
      // A share keeps its numerator and denominator; a mean says over how many answers or
      // teachers it is taken (the sheet's denominator), never the sum of scores.
      if (def.kind === 'share') expect(parts).toEqual([numerator, denominator, '', '']);
      else if (def.source.startsWith('survey:')) expect(parts).toEqual(['', '', denominator, '']);
      else expect(parts).toEqual(['', '', '', denominator]);
    });
    expect(kinds).toEqual(new Set(['share', 'mean']));
    // A school's list: a group under the threshold carries no number of its people, in no column.
    let hidden = 0;
    for (let i = 0; i < SCHOOLS.length && hidden === 0; i++) {
      await frame.selectOption('#ind-scope', `s:${i}`);
      const schoolRows = await download(s.page, frame, 'Показатели');
      for (const row of schoolRows.slice(2, 2 + shown.length).filter((r) => r[2].includes('скрыто'))) {
        hidden++;
        expect(row.slice(3, 7)).toEqual(['', '', '', '']);
        expect(row[7]).not.toMatch(/ответивших|педагогов/);
      }
    }
    expect(hidden).toBeGreaterThan(0);
    await frame.selectOption('#ind-scope', '');
    // The second table has a column per school, names made inert.
    const header = rows.find((row) => row.includes(`'${FORMULA}`));
    expect(header).toBeDefined();
    expect(rows.flat().some((cell) => cell.startsWith('='))).toBe(false);
  }, BROWSER_TIMEOUT);

  test('burnout: the formed-phase share matches the sheet, and a hidden group shows no number anywhere', async () => {
    await openTab(frame, 'burnout');
    const rows = sheetRows(s).filter((row) => row[COL.id] === 'burnout.formed_any_share');
    // The panel shows the latest period with answers; its label is in the introduction.
    const intro = (await frame.locator('#panel .context').first().textContent())!;
    const current = rows.find((row) => row[COL.key] === '' && intro.includes(String(row[COL.period])))!;
    expect(current).toBeDefined();
    const now = rows.filter((row) => row[COL.period] === current[COL.period]);
    const overall = now.find((row) => row[COL.key] === '')!;
    expect(await frame.locator('.formed-any').textContent()).toContain(`${ru(Number(overall[COL.value]))} % (${overall[COL.numerator]} из ${overall[COL.denominator]})`);

    const figure = frame.locator('[data-section=groups] figure').first();
    const tableRows = await figure.locator('.chart-data tbody tr').evaluateAll((trs) => trs.map((tr) => [...tr.children].map((c) => c.textContent ?? '')));
    const label = (await figure.locator('svg').getAttribute('aria-label'))!;
    const svgText = await figure.locator('svg').evaluate((svg) => svg.textContent ?? '');
    let hidden = 0;
    for (const school of SCHOOLS) {
      const row = now.find((r) => r[COL.key] === school);
      const shown = tableRows.find((r) => r[0] === school);
      if (!row) { expect(shown).toBeUndefined(); continue; }
      if (suppressed(row)) {
        hidden++;
        expect(shown).toEqual([school, 'меньше 5 ответов — скрыто']);
        expect(label).toContain(`${school}: меньше 5 ответов — скрыто`);
      } else {
        expect(shown).toEqual([school, `${ru(Number(row[COL.value]))} %`]);
      }
    }
    expect(hidden).toBeGreaterThan(0);
    expect(svgText).toContain('меньше 5 ответов — скрыто');

    const csv = await download(s.page, frame, 'Выгорание');
    const bySchool = csv.findIndex((row) => row[0] === 'По школам, % ответивших');
    for (const row of csv.slice(bySchool + 2)) {
      if (row.length < 2 || row[0] === '') break;
      const school = row[0].replace(/^'/, '');
      const sheetRow = now.find((r) => r[COL.key] === school);
      if (sheetRow && suppressed(sheetRow)) {
        expect(row.slice(1)).toEqual(['меньше 5 ответов — скрыто', '', '', '']);
      } else if (sheetRow) {
        expect(row[1]).toBe(ru(Number(sheetRow[COL.value])).replace(/\s/g, ''));
      }
    }
    // Every hidden group in every breakdown: its chart row, its table row and its CSV row carry no digit.
    const hiddenRows = await frame.$$eval('[data-section=groups] .chart-data tbody tr', (trs) =>
      trs.map((tr) => tr.children[1]?.textContent ?? '').filter((text) => text.includes('скрыто')));
    for (const text of hiddenRows) expect(text.replace('меньше 5 ответов', '')).not.toMatch(/\d/);
    await s.screenshot('burnout-ru');
  }, BROWSER_TIMEOUT);

  test('the burnout panel by keyboard: its charts are reached by Tab', async () => {
    await openTab(frame, 'burnout');
    await frame.focus('#tab-burnout');
    await tabUntil(s.page, frame, "el.getAttribute('role') === 'img'");
    expect(await frame.evaluate("document.activeElement.getAttribute('aria-label')")).toMatch(/^Фазы выгорания/);
  }, BROWSER_TIMEOUT);

  test('hostile school names stay text; no dialog, console error or external request; axe finds nothing serious on either panel', async () => {
    expect(await frame.locator('img').count()).toBe(0);
    expect(await s.axe()).toEqual([]);
    await openTab(frame, 'indicators');
    await frame.evaluate("document.querySelectorAll('details').forEach((d, i) => { if (i < 6) d.setAttribute('open', ''); })");
    expect(await s.axe()).toEqual([]);
    expect(await frame.locator('img').count()).toBe(0);
    s.expectClean();
  }, BROWSER_TIMEOUT);

  test('print: the button prints with every table and definition open; print CSS leaves only the content, with the chosen filters as text', async () => {
    await openTab(frame, 'indicators');
    // Chromium's print dialog cannot be driven here: the page's print() records what it would print.
    await frame.evaluate(`window.print = () => {
      const all = document.querySelectorAll('details');
      window.__printed = { details: all.length, open: [...all].filter((d) => d.open).length };
    }`);
    await press(s.page, frame, '.export-bar button[aria-label^="Напечатать раздел"]');
    const printed = await frame.evaluate('window.__printed') as { details: number; open: number };
    expect(printed.details).toBeGreaterThan(10);
    expect(printed.open).toBe(printed.details);
    expect(await frame.evaluate("[...document.querySelectorAll('details')].filter((d) => d.open).length")).toBeLessThan(printed.details);
    // A school chosen: the paper names it and the period, since the dropdowns are not printed.
    const period = await frame.$eval('#ind-period', (select) => (select as unknown as { selectedOptions: Array<{ textContent: string }> }).selectedOptions[0].textContent);
    await frame.selectOption('#ind-scope', { label: SCHOOLS[2] });
    await frame.waitForSelector(`.context:has-text("${SCHOOLS[2]}")`);
    await expectPrintView(s, frame, { content: '.indicator-list .card', chosen: [`Период: ${period}`, `Школа или предмет: ${SCHOOLS[2]}`], name: 'indicators-print-ru' });
    await frame.selectOption('#ind-scope', '');
    await openTab(frame, 'burnout');
    // The period the panel shows (its dropdown only when there are several) is the one printed.
    const printedFilters = await expectPrintView(s, frame, { content: '[data-section=groups] figure', chosen: ['Отбор — Период: '], name: 'burnout-print-ru' });
    const burnoutPeriod = printedFilters[0].replace('Отбор — Период: ', '');
    expect(burnoutPeriod).not.toBe('');
    expect(await frame.locator('#panel .context').first().textContent()).toContain(burnoutPeriod);
  }, BROWSER_TIMEOUT);

  test('screenshots of each panel in Russian and English at 300 px', async () => {
    for (const lang of ['ru', 'en'] as const) {
      await panelShot(s, `indicators-300-${lang}`, 'indicators', lang);
      await panelShot(s, `burnout-300-${lang}`, 'burnout', lang);
    }
    s.expectClean();
  }, BROWSER_TIMEOUT);

  test('a hand edit to the district data sheet: the panel says so and offers to recompute; recomputed, it is fresh', async () => {
    const district = s.preview.demo.emulator.spreadsheet.getSheetByName('Данные муниципалитета')!;
    const cell = district.getRange(2, 2);
    const old = cell.getValue();
    cell.setValue(String(old) === '7' ? 8 : 7);
    try {
      // The sidebar opened again, as the coordinator would after editing the sheet.
      await s.page.reload();
      frame = await s.sidebar();
      await frame.waitForSelector('#tab-indicators');
      await openTab(frame, 'indicators');
      const stale = frame.locator('[data-freshness=stale]');
      await stale.waitFor();
      expect(await stale.textContent()).toContain('С тех пор изменён лист «Данные муниципалитета»: пересчитайте, чтобы это учесть.');
      await s.screenshot('indicators-stale-district-ru', { sidebarOnly: true });
      await press(s.page, frame, '[data-freshness=stale] button');
      await frame.locator('[data-freshness=fresh]').waitFor();
      await openTab(frame, 'burnout');
      await frame.locator('[data-freshness=fresh]').waitFor();
    } finally {
      cell.setValue(old);
    }
    s.expectClean();
  }, BROWSER_TIMEOUT);
});

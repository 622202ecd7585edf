/**
 * CSV export and print of the Results and Rubric panels in Chromium on the preview: the
 * file downloaded through the page is a CSV for Russian Excel (BOM, `;`) that parses back
 * to the figures the panel shows and the workbook holds, hidden groups carry no number in
 * it, hostile school names and evidence are formula-safe and inert, and the print button
 * prints the whole panel with the controls left out; reached by the keyboard; axe clean.
 */
import { readFileSync } from 'node:fs';
import type { Frame, Page } from 'playwright-core';
import { parseCsv } from '../../src/core/text/csv';
import { BROWSER_TIMEOUT, expectPrintView, openPreview, PreviewSession } from './harness';

const HOSTILE = '<img src=x onerror=alert(1)>';
const FORMULA = '=IMPORTXML("x")';
const SCHOOLS = [HOSTILE, FORMULA, 'МБОУ СОШ № 3', 'МБОУ Гимназия № 4', 'МБОУ СОШ № 5', 'МБОУ Лицей № 6'];
const HIDDEN = 'меньше 5 ответов — скрыто';
const EVIDENCE = `${FORMULA} ${HOSTILE}`;

/** The little of the DOM the callbacks below use; they run in the sidebar's page, this program has no DOM types. */
interface Node { textContent: string | null; children: ArrayLike<Node>; querySelector(selector: string): Node | null; querySelectorAll(selector: string): ArrayLike<Node> }

/** A CSV file as its tables: title → header and rows (the layout of src/client/csv.ts). */
function csvTables(rows: string[][]): Map<string, { header: string[]; rows: string[][] }> {
  const tables = new Map<string, { header: string[]; rows: string[][] }>();
  for (let i = 0; i < rows.length;) {
    const end = rows.findIndex((row, j) => j > i && row.length === 1 && row[0] === '');
    const block = rows.slice(i, end < 0 ? rows.length : end);
    tables.set(block[0][0], { header: block[1], rows: block.slice(2) });
    i = end < 0 ? rows.length : end + 1;
  }
  return tables;
}

/** A number the Russian CSV writes ("59,67"), as the sidebar shows it (one decimal, "59,7"). */
const shownRu = (cell: string) => Number(cell.replace(',', '.')).toLocaleString('ru-RU', { maximumFractionDigits: 1 });

/** Presses a control by the keyboard: focus and Enter (mouse clicks into the sidebar's frame stall under jest). */
async function press(page: Page, frame: Frame, selector: string): Promise<void> {
  await frame.focus(selector);
  await page.keyboard.press('Enter');
}

async function download(page: Page, frame: Frame, title: string): Promise<string[][]> {
  const [file] = await Promise.all([
    page.waitForEvent('download'),
    press(page, frame, `.export-bar button[aria-label^="Скачать таблицы раздела «${title}»"]`),
  ]);
  expect(file.suggestedFilename()).toBe(`${title.replace(/ /g, '-')}.csv`);
  const text = readFileSync((await file.path())!, 'utf8');
  expect(text.charCodeAt(0)).toBe(0xfeff);
  expect(text.split('\n')[1]).toContain(';');
  const rows = parseCsv(text.slice(1), ';');
  // Formula-safe: no cell Excel would run (a negative number stays a number).
  for (const cell of rows.flat()) if (!/^-\d+(,\d+)?$/.test(cell)) expect(cell).not.toMatch(/^[=+\-@\t\r]/);
  return rows;
}

/** The print button: records what window.print() would print, then the print stylesheet's effect. */
async function expectPrint(s: PreviewSession, frame: Frame, content: string, chosen: string[], name: string): Promise<void> {
  const page = s.page;
  await frame.evaluate(`window.print = () => {
    const all = document.querySelectorAll('details');
    window.__printed = { details: all.length, open: [...all].filter((d) => d.open).length };
  }`);
  // Reached by Tab from the download button.
  await frame.focus('.export-bar button');
  await page.keyboard.press('Tab');
  expect(await frame.evaluate("document.activeElement.getAttribute('aria-label')")).toMatch(/^Напечатать раздел/);
  await page.keyboard.press('Enter');
  const printed = await frame.evaluate('window.__printed') as { details: number; open: number } | undefined;
  expect(printed).toBeDefined();
  expect(printed!.open).toBe(printed!.details);
  await expectPrintView(s, frame, { content, chosen, name });
}

describe('CSV export and print of the Results and Rubric panels', () => {
  let s: PreviewSession;
  let f: Frame;
  const sheet = (name: string) => s.preview.demo.emulator.spreadsheet.getSheetByName(name)!.getDataRange().getValues();

  beforeAll(async () => {
    s = await openPreview({ teachers: 40, schools: 6, schoolNames: SCHOOLS });
    f = await s.sidebar();
    await f.locator('#tab-results').waitFor();
  }, BROWSER_TIMEOUT);
  afterAll(async () => s?.close());

  test('results: every table the panel shows is in the CSV with the same figures, hidden groups as words only', async () => {
    await press(s.page, f, '#tab-results');
    await f.locator('[data-section=deficits] table.data').waitFor();
    const csv = csvTables(await download(s.page, f, 'Результаты опросов'));
    const shown = await f.locator('main table.data').evaluateAll((all) => (all as unknown as Node[]).map((table) => ({
      caption: table.querySelector('caption')?.textContent ?? '',
      rows: Array.from(table.querySelectorAll('tbody tr')).map((tr) => Array.from(tr.children).map((cell) => cell.textContent ?? '')),
    })));
    expect(shown.length).toBeGreaterThanOrEqual(5);
    let hidden = 0;
    let numbers = 0;
    for (const table of shown) {
      const file = csv.get(table.caption);
      expect(file).toBeDefined();
      expect(file!.rows.length).toBe(table.rows.length);
      table.rows.forEach((row, i) => {
        const line = file!.rows[i];
        // The first column is the name, made inert in the file where it looks like a formula.
        expect(line[0].replace(/^'/, '')).toBe(row[0]);
        row.slice(1).forEach((cell, j) => {
          if (/^[\d,]+$/.test(cell.replace(/\s/g, ''))) {
            numbers++;
            expect(shownRu(line[j + 1])).toBe(cell);
          } else {
            expect(line[j + 1]).toBe(cell);
            if (cell === HIDDEN) hidden++;
          }
        });
      });
    }
    expect(numbers).toBeGreaterThan(10);
    expect(hidden).toBeGreaterThan(0);
    // The per-school tables hold the hostile names as text.
    const schools = csv.get('Удовлетворённость по школам (индекс 0–100)')!.rows.map((row) => row[0]);
    expect(schools).toEqual(expect.arrayContaining([HOSTILE, `'${FORMULA}`]));

    // The totals and the per-subject table, which the panel shows as cards and one subject at a time.
    const [summaryTitle, summary] = [...csv.entries()].find(([title]) => title.startsWith('Итоги периода'))!;
    const period = summaryTitle.replace('Итоги периода ', '');
    expect(await f.locator('main select').first().evaluate((el) => (el as unknown as { selectedOptions: Node[] }).selectedOptions[0].textContent)).toBe(period);
    const indicators = sheet('Показатели');
    const overall = indicators.find((r) => r[0] === period && r[1] === 'mentoring.satisfaction_mentees' && r[5] === '')!;
    expect(overall).toBeDefined();
    const mentees = summary.rows[0];
    if (String(overall[15]).startsWith('скрыто')) expect(mentees.slice(1)).toEqual([HIDDEN, '']);
    else expect(shownRu(mentees[1])).toBe(Number(overall[8]).toLocaleString('ru-RU', { maximumFractionDigits: 1 }));
    const cards = await f.locator('[data-section=mentoring] .card .value').allTextContents();
    expect(cards[0]).toBe(mentees[1] === HIDDEN ? HIDDEN : shownRu(mentees[1]));
    const bySubject = csv.get('Доля педагогов с дефицитом по видам и предметам, %')!;
    const subjects = (await f.locator('[data-section=deficits] select option').allTextContents()).slice(1);
    expect(bySubject.header.slice(1)).toEqual(subjects);
    // Hidden anywhere in the file: the cell is the phrase and nothing else, with no respondents beside it.
    let hiddenInFile = 0;
    for (const { rows } of csv.values()) {
      for (const row of rows) {
        row.slice(1).forEach((cell, j) => {
          if (!cell.includes('скрыто')) return;
          hiddenInFile++;
          expect(cell).toBe(HIDDEN);
          if (rows === summary.rows) expect(row[j + 2]).toBe('');
        });
      }
    }
    expect(hiddenInFile).toBeGreaterThan(hidden);
  }, BROWSER_TIMEOUT);

  test('results: the print view prints every chart table open, the controls left out and the chosen period and subject as text', async () => {
    const period = await f.$eval('#panel select', (select) => (select as unknown as { selectedOptions: Array<{ textContent: string }> }).selectedOptions[0].textContent);
    const subjects = f.locator('[data-section=deficits] select');
    const subject = (await subjects.locator('option').nth(1).textContent())!;
    await subjects.selectOption({ index: 1 });
    await f.locator(`[data-section=deficits] .chart-title:has-text(${JSON.stringify(subject)})`).first().waitFor();
    await expectPrint(s, f, '[data-section=mentoring] table.data', [`Период: ${period}`, `Предмет: ${subject}`], 'results-print-ru');
    await f.locator('[data-section=deficits] select').selectOption({ index: 0 });
  }, BROWSER_TIMEOUT);

  test('rubric: hostile evidence saved from the panel, then the CSV holds the sheet’s points, every parameter and the missing list', async () => {
    await press(s.page, f, '#tab-rubric');
    await f.locator('.rubric-total').waitFor();
    const key = 'analysis.associations.present';
    await press(s.page, f, '[data-block=analysis] > summary');
    await press(s.page, f, `[data-key="${key}"] button.rubric-edit`);
    await f.locator(`[data-key="${key}"] select`).selectOption('yes');
    await f.locator(`[data-key="${key}"] input`).fill(EVIDENCE);
    await press(s.page, f, `[data-key="${key}"] button.primary`);
    await f.locator(`[data-key="${key}"] .status.ok`).waitFor();

    const csv = csvTables(await download(s.page, f, 'Рубрика самооценки'));
    const rubric = sheet('Рубрика самооценки');
    const byKey = new Map(rubric.map((r) => [String(r[0]), r]));
    const blocks = csv.get('Рубрика самооценки')!;
    const ids = await f.locator('details.rubric-block').evaluateAll((all) => all.map((d) => d.getAttribute('data-block') ?? ''));
    expect(blocks.rows.length).toBe(ids.length + 1);
    ids.forEach((id, i) => {
      const row = byKey.get(id)!;
      expect(blocks.rows[i].slice(1, 3)).toEqual([String(row[10]), String(row[11])]);
    });
    expect(blocks.rows[ids.length].slice(0, 3)).toEqual(['Итого', String(byKey.get('total')![10]), String(byKey.get('total')![11])]);
    expect(await f.locator('.rubric-total').textContent()).toMatch(new RegExp(`^Итого: ${byKey.get('total')![10]} из ${byKey.get('total')![11]}`));

    const parameters = csv.get('Параметры рубрики')!;
    const sheetParameters = rubric.filter((r) => String(r[0]).split('.').length === 3);
    expect(parameters.rows.length).toBe(sheetParameters.length);
    expect(parameters.header).toEqual(['Блок', 'Позиция', 'Параметр', 'Предложено', 'Основание предложения', 'Подтверждение предложения',
      'Значение координатора', 'Подтверждение координатора', 'Учтено', 'Баллы']);
    const points = parameters.rows.map((row) => Number(row[9]));
    expect(points).toEqual(sheetParameters.map((r) => Number(r[10])));
    // The hostile evidence: in the file as inert text, on the panel as text with no element made of it.
    const edited = parameters.rows.find((row) => row[7].includes('IMPORTXML'))!;
    expect(edited[7]).toBe(`'${EVIDENCE}`);
    expect(edited[6]).toBe('да');
    expect(await f.locator('main img').count()).toBe(0);
    expect(await f.locator(`[data-key="${key}"] .typed.evidence`).textContent()).toBe(`Подтверждение: ${EVIDENCE}`);

    const missing = csv.get('Как набрать недостающие баллы')!;
    const listed = await f.locator('[data-section=missing] li').count();
    expect(missing.rows.length).toBe(listed);
    expect(listed).toBeGreaterThan(0);
    for (const row of missing.rows) expect(row[3].length).toBeGreaterThan(20);
  }, BROWSER_TIMEOUT);

  test('a mean’s card reads as its value and its respondents, never as a sum of scores over a count', async () => {
    await press(s.page, f, '#tab-indicators');
    await f.locator('.indicator-list .card').first().waitFor();
    const mean = f.locator('[data-indicator="mentoring.satisfaction_mentees"]');
    const share = f.locator('[data-indicator="deficits.diagnosed_share"]');
    expect(await share.locator('.fraction').textContent()).toMatch(/^\d+ из \d+$/);
    expect(await mean.locator('.fraction').count()).toBe(0);
    const value = (await mean.locator('.value').textContent())!;
    if (value !== HIDDEN) {
      expect(value).toMatch(/^\d+(,\d)?$/);
      expect(await mean.locator('.coverage').textContent()).toMatch(/ответивших: \d+/);
    }
  }, BROWSER_TIMEOUT);

  test('rubric: the print view opens every block and leaves out the editors and buttons; axe clean; no dialog or error', async () => {
    await press(s.page, f, '#tab-rubric');
    await f.locator('.rubric-total').waitFor();
    // No filter on this panel: nothing to say about one on paper.
    await expectPrint(s, f, 'details.rubric-block', [], 'rubric-print-ru');
    expect(await s.axe({ sidebarOnly: true })).toEqual([]);
    await press(s.page, f, '#tab-results');
    await f.locator('[data-section=deficits]').waitFor();
    expect(await s.axe({ sidebarOnly: true })).toEqual([]);
    s.expectClean();
  }, BROWSER_TIMEOUT);
});

/**
 * The four panels of a running district in Chromium: each one in Russian and in English
 * (every text switches; only data and texts marked lang="ru" stay Russian), axe on each,
 * a screenshot of each in both languages; the log filtered; Recalculate all showing its
 * progress and carrying on after the sidebar is closed and opened again; a hostile school
 * name and a hostile answer staying text.
 */
import type { Frame, Route } from 'playwright-core';
import { answerForm, seededRandom } from '../../tools/demo-district/respondents';
import { logView } from '../../src/core/views/log';
import { BROWSER_TIMEOUT, openPreview, PreviewSession } from './harness';

const HOSTILE_SCHOOL = '<img src=x onerror=alert(1)>';
const HOSTILE_ANSWER = '=IMPORTXML("x")<script>alert(2)</script>';
const SCHOOLS = ['МБОУ СОШ № 1', HOSTILE_SCHOOL, 'МБОУ Гимназия № 3', 'МБОУ СОШ № 4'];
const PANELS = ['overview', 'surveys', 'health', 'setup'] as const;

describe('the panels of a running district', () => {
  let s: PreviewSession;
  let sidebar: Frame;
  beforeAll(async () => {
    s = await openPreview({ teachers: 12, schools: 4, seed: 3, schoolNames: SCHOOLS });
    sidebar = await s.sidebar();
    await sidebar.waitForSelector('#panel .cards');
  }, BROWSER_TIMEOUT);
  afterAll(async () => s?.close());

  /** Shows a panel from its tab and waits until its data is drawn (no call in flight). */
  async function show(id: string): Promise<void> {
    await s.click(sidebar.locator(`#tab-${id}`));
    await sidebar.waitForSelector(`#tab-${id}[aria-selected=true]`);
    await sidebar.waitForFunction(() => !document.querySelector('#panel [aria-busy=true]') && document.querySelectorAll('#panel section, #panel form').length > 0);
  }

  /** The panel's texts in Russian that are neither data nor marked as Russian. */
  const russianLeft = (data: string[]) => sidebar.evaluate((known) => {
    const found: string[] = [];
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      let text = node.textContent ?? '';
      for (const value of known) text = text.split(value).join('');
      if (!/[А-Яа-яЁё]/.test(text)) continue;
      // Marked Russian, or a log entry (its values are the workbook's; checked against the view below).
      if (node.parentElement?.closest('[lang="ru"], .log-text')) continue;
      found.push(node.textContent!.trim());
    }
    return found;
  }, data);

  const data = () => {
    const sheets = s.preview.demo.emulator.spreadsheet.getSheets().map((sheet) => sheet.getName());
    // Data the district typed: its name, schools, subjects, and its sheets' names (the workbook is Russian).
    return ['Демо-район', ...SCHOOLS, 'Математика', 'Русский язык', 'Литература', 'История', 'Физика', 'Биология', 'Английский язык', 'Начальные классы', ...sheets.sort((a, b) => b.length - a.length)];
  };

  test('every panel in Russian: drawn, no serious axe violation, a screenshot', async () => {
    for (const id of PANELS) {
      await show(id);
      expect({ id, violations: await s.axe({ sidebarOnly: true }) }).toEqual({ id, violations: [] });
      await s.screenshot(`panel-${id}-ru`, { sidebarOnly: true });
    }
  }, BROWSER_TIMEOUT * 2);

  test('switched to English, every panel speaks English: only data and lang="ru" texts stay Russian', async () => {
    await s.click(sidebar.locator('.lang-switch'));
    await sidebar.waitForSelector('html[lang=en]');
    expect(await sidebar.locator('[role=tab]').allTextContents()).toEqual(expect.arrayContaining(['Overview', 'Surveys', 'Log', 'Settings']));
    for (const id of PANELS) {
      await show(id);
      expect({ id, russian: await russianLeft(data()) }).toEqual({ id, russian: [] });
      expect({ id, violations: await s.axe({ sidebarOnly: true }) }).toEqual({ id, violations: [] });
      await s.screenshot(`panel-${id}-en`, { sidebarOnly: true });
    }
    // The log's entries are the view's English texts: rebuilt from each reason's English catalog text.
    await show('health');
    const expected = logView(s.preview.demo.emulator.spreadsheet.getSheetByName('Журнал')!.getDataRange().getValues().slice(1)).entries.map((entry) => entry.text.en);
    const shown = await sidebar.locator('ul.log .log-text').allTextContents();
    expect(shown).toEqual(expected.slice(0, shown.length));
    expect(shown.filter((text) => /^[^А-Яа-яЁё]{12}/.test(text)).length).toBe(shown.length);
    await s.click(sidebar.locator('.lang-switch'));
    await sidebar.waitForSelector('html[lang=ru]');
    expect(await sidebar.locator('[role=tab]').allTextContents()).toEqual(expect.arrayContaining(['Обзор', 'Опросы', 'Журнал', 'Настройки']));
  }, BROWSER_TIMEOUT * 2);

  test('the log is filtered by kind and by text, in the language shown', async () => {
    expect(await sidebar.getAttribute('html', 'lang')).toBe('ru');
    await show('health');
    const items = sidebar.locator('ul.log > li');
    const total = await items.count();
    expect(total).toBeGreaterThan(3);
    await sidebar.selectOption('#panel .filters select', 'info');
    const codes = await items.evaluateAll((lis) => lis.map((li) => li.getAttribute('data-code')));
    expect(codes.length).toBeGreaterThan(0);
    expect(codes.length).toBeLessThan(total);
    expect(await items.locator('.alert-level').allTextContents()).toEqual(codes.map(() => 'Сведения'));
    await sidebar.fill('#panel .filters input[type=search]', 'повторное событие');
    const found = await items.evaluateAll((lis) => lis.map((li) => li.getAttribute('data-code')));
    expect(found.length).toBeGreaterThan(0);
    expect(new Set(found)).toEqual(new Set(['duplicateEvent']));
    expect(await sidebar.locator('#panel p[role=status]', { hasText: 'Показано записей' }).textContent()).toBe(`Показано записей: ${found.length} из ${await logTotal()}.`);
    // The same entries in English, searched in English.
    await s.click(sidebar.locator('.lang-switch'));
    await sidebar.waitForSelector('html[lang=en]');
    await sidebar.fill('#panel .filters input[type=search]', 'repeated event');
    await sidebar.waitForFunction((n) => document.querySelectorAll('ul.log > li').length === n, found.length);
    expect(await items.locator('.log-text').first().textContent()).toBe('A repeated event for a response already processed was skipped.');
    await s.click(sidebar.locator('.lang-switch'));
    await sidebar.waitForSelector('html[lang=ru]');
    await sidebar.fill('#panel .filters input[type=search]', '');
    await sidebar.selectOption('#panel .filters select', 'all');
  }, BROWSER_TIMEOUT);

  const logTotal = () => s.preview.demo.emulator.spreadsheet.getSheetByName('Журнал')!.getLastRow() - 1;

  test('Recalculate all shows its progress, and one left paused is found and carried on when the sidebar opens', async () => {
    // A large workbook, simulated: each call may do one chunk of 3 responses, and answers slowly.
    const chunked = async (route: Route) => {
      const request = JSON.parse(route.request().postData() ?? '{}') as { name: string; args: unknown[] };
      if (request.name === 'recalculateAll' || request.name === 'continueRecalculation') request.args = [{ budgetMs: 0, chunkRows: 3 }];
      await new Promise((resolve) => setTimeout(resolve, 100));
      await route.continue({ postData: JSON.stringify(request) });
    };
    await s.page.route('**/rpc', chunked);
    await show('health');
    await s.click(sidebar.getByRole('button', { name: 'Пересчитать всё' }));
    const progress = sidebar.locator('.recalc-progress');
    await progress.locator('text=Идёт пересчёт…').waitFor();
    await progress.locator('progress').waitFor();
    await progress.locator('text=/Обработано ответов: \\d+; лист \\d+ из \\d+\\./').waitFor();
    expect(await sidebar.getByRole('button', { name: 'Пересчитать всё' }).isDisabled()).toBe(true);
    await s.screenshot('panel-health-recalculating-ru', { sidebarOnly: true });
    await progress.locator('text=Пересчёт завершён').waitFor({ timeout: 60_000 });

    // A recalculation an earlier session began and left paused when its sidebar was closed.
    await s.page.click('#sidebar-close');
    const first = s.preview.demo.bundle.call('recalculateAll', { budgetMs: 0, chunkRows: 3 }) as { done: boolean; processed: number };
    expect(first.done).toBe(false);
    const paused = s.preview.demo.bundle.call('getRecalculationStatus') as { processed: number } | null;
    expect(paused).toMatchObject({ processed: first.processed });
    const callsBefore = s.calls.length;
    await s.page.click('#sidebar-open');
    sidebar = await s.sidebar();
    await sidebar.waitForSelector('#panel .cards');
    await show('health');
    await sidebar.locator('.recalc-progress', { hasText: 'Пересчёт завершён' }).waitFor({ timeout: 60_000 });
    expect(s.calls.slice(callsBefore).filter((call) => call.name === 'continueRecalculation').length).toBeGreaterThan(0);
    const done = await sidebar.locator('.recalc-progress p.ok').textContent();
    const processed = Number(/ответов — (\d+)/.exec(done!)![1]);
    expect(processed).toBeGreaterThan(paused!.processed);
    expect(s.preview.demo.bundle.call('getRecalculationStatus')).toBeNull();
    await s.page.unroute('**/rpc', chunked);
  }, BROWSER_TIMEOUT);

  test('a school named <img src=x onerror=alert(1)> and a hostile answer render as text', async () => {
    // A teacher of the hostile-named school types a hostile comment.
    const { emulator } = s.preview.demo;
    const form = s.preview.demo.forms.network.formId;
    const description = emulator.forms.describe(form);
    const answers = answerForm(description, seededRandom(5), { role: 'mentee' });
    const comment = description.items.find((item) => item.type === 'PARAGRAPH_TEXT' || (item.type === 'TEXT' && !item.validation));
    expect(comment).toBeDefined();
    answers[comment!.title] = HOSTILE_ANSWER;
    const schoolItem = description.items.find((item) => item.choices?.some((choice) => choice.value === HOSTILE_SCHOOL));
    expect(schoolItem).toBeDefined();
    answers[schoolItem!.title] = HOSTILE_SCHOOL;
    emulator.forms.submit(form, answers);
    const scriptsBefore = await sidebar.locator('script').count();
    for (const id of ['surveys', 'overview', 'health'] as const) {
      await show(id);
      expect(await sidebar.locator('img, iframe, object, embed').count()).toBe(0);
      expect(await sidebar.locator('script').count()).toBe(scriptsBefore);
    }
    await show('surveys');
    const cell = sidebar.locator('th[scope=row]', { hasText: HOSTILE_SCHOOL }).first();
    expect(await cell.textContent()).toBe(HOSTILE_SCHOOL);
    await show('setup');
    expect(await sidebar.locator('#panel [name=schools]').inputValue()).toContain(HOSTILE_SCHOOL);
    await s.screenshot('panel-surveys-hostile-ru', { sidebarOnly: true });
  }, BROWSER_TIMEOUT);

  test('nothing left localhost, no console error, no dialog', () => {
    s.expectClean();
  });
});

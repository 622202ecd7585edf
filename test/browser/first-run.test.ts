/**
 * A coordinator's first hour with the add-on, in Chromium on the preview, starting from a
 * spreadsheet where nothing is set up: the Setup form filled with the keyboard only
 * (mistakes first, then fixed), the save saying what it created, a form created and
 * published on Surveys, its link copied and opened, answers arriving through the host
 * page and showing up in the Surveys counts and on the Overview.
 */
import type { Frame } from 'playwright-core';
import { BROWSER_TIMEOUT, openPreview, PreviewSession } from './harness';

const FIELD = (name: string) => `#panel [name="${name}"]`;

describe('first run: Setup with the keyboard, then Surveys and Overview', () => {
  let s: PreviewSession;
  let sidebar: Frame;
  beforeAll(async () => {
    s = await openPreview({ empty: true });
    sidebar = await s.sidebar();
  }, BROWSER_TIMEOUT);
  afterAll(async () => s?.close());

  /** The name (or id) of the focused element inside the sidebar. */
  const focused = () => sidebar.evaluate(() => {
    const active = document.activeElement as HTMLInputElement | null;
    return active?.getAttribute('name') ?? active?.id ?? active?.tagName ?? '';
  });

  /** Presses Tab until the control named `name` has the focus (as a user tabs through the form). */
  async function tabTo(name: string): Promise<void> {
    for (let i = 0; i < 30; i++) {
      if (await focused() === name) return;
      await s.page.keyboard.press('Tab');
    }
    throw new Error(`Tab never reached ${name}; the focus is on ${await focused()}`);
  }

  /** Replaces the focused control's text by typing, as a user does: select all, type. */
  async function typeInto(name: string, text: string): Promise<void> {
    await tabTo(name);
    await s.page.keyboard.press('Control+A');
    await s.page.keyboard.press('Delete');
    const lines = text.split('\n');
    for (const [i, line] of lines.entries()) {
      if (i > 0) await s.page.keyboard.press('Enter');
      await s.page.keyboard.type(line);
    }
  }

  /** The error shown beside a control, through its aria-describedby, and whether it is marked invalid. */
  const errorOf = (name: string) => sidebar.evaluate((selector) => {
    const control = document.querySelector(selector)!;
    const ids = (control.getAttribute('aria-describedby') ?? '').split(/\s+/);
    const error = ids.map((id) => document.getElementById(id)).find((el) => el?.classList.contains('field-error'));
    return { invalid: control.getAttribute('aria-invalid') === 'true', error: error && !error.hidden ? error.textContent : null };
  }, FIELD(name));

  test('the sidebar of a new spreadsheet opens on Setup, with only the Setup tab', async () => {
    await sidebar.waitForSelector('#panel h2:has-text("Настройка книги мониторинга")');
    expect(await sidebar.locator('[role=tab]').allTextContents()).toEqual(['Настройки']);
    expect(await sidebar.locator(`${FIELD('highBurnoutPercent')}`).inputValue()).toBe('50');
    await s.screenshot('setup-empty-ru', { sidebarOnly: true });
  }, BROWSER_TIMEOUT);

  test('bad input, typed with the keyboard, shows each error beside its field and saves nothing', async () => {
    // The user arrives in the sidebar (focus on its first control) and goes on with the keyboard alone.
    await sidebar.focus('.lang-switch');
    // The second preset, chosen with the arrow keys in the radio group.
    await tabTo('presetId');
    await s.page.keyboard.press('ArrowDown');
    await typeInto('schools', 'МБОУ СОШ №1\nмбоу  сош № 1\nЛицей «Берёзка»\nЛицей «Березка»\nГимназия № 3\nГимназия № 3');
    await typeInto('subjects', 'Математика\nФизика');
    await typeInto('coordinators', 'coordinator@demo-district.example\nnot-an-email');
    await typeInto('privacyThreshold', '1');
    await typeInto('highBurnoutPercent', '101');
    // Enter in a text field submits the form, as in any HTML form.
    await typeInto('districtName', '');
    await s.page.keyboard.press('Enter');

    await sidebar.waitForSelector('.form-summary:has-text("Исправьте ошибки")');
    const district = await errorOf('districtName');
    expect(district).toEqual({ invalid: true, error: expect.stringContaining('муниципалитет') });
    const schools = await errorOf('schools');
    expect(schools.invalid).toBe(true);
    // Case and spaces, ё/е, and an exact repeat: each flagged with its line, before anything is sent.
    expect(schools.error).toContain('Строка 2: «мбоу  сош № 1» — то же, что «МБОУ СОШ №1»');
    expect(schools.error).toContain('Строка 4: «Лицей «Березка»» — то же, что «Лицей «Берёзка»»');
    expect(schools.error).toContain('Строка 6: «Гимназия № 3» указано дважды');
    expect(await errorOf('subjects')).toEqual({ invalid: false, error: null });
    expect((await errorOf('coordinators')).error).toContain('not-an-email');
    expect((await errorOf('privacyThreshold')).error).toBe('Введите целое число от 2 до 50.');
    expect((await errorOf('highBurnoutPercent')).error).toBe('Введите целое число от 1 до 100.');
    // The focus goes to the first field in error, so the user fixes it next.
    expect(await focused()).toBe('districtName');
    expect(s.calls.map((call) => call.name)).not.toContain('saveSettings');
    expect(s.preview.demo.emulator.spreadsheet.getSheets().map((sheet) => sheet.getName())).toEqual(['Лист1']);
    await s.screenshot('setup-errors-ru', { sidebarOnly: true });
  }, BROWSER_TIMEOUT);

  test('fixed with the keyboard and saved with Space on the button: it says which sheets and triggers it created', async () => {
    await typeInto('districtName', 'Демо-район <b>жирный</b>');
    await typeInto('schools', 'МБОУ СОШ № 1\nЛицей «Берёзка»\nГимназия № 3\n<img src=x onerror=alert(1)>');
    await typeInto('coordinators', 'coordinator@demo-district.example');
    await typeInto('privacyThreshold', '3');
    await typeInto('highBurnoutPercent', '40');
    for (const name of ['districtName', 'schools', 'coordinators', 'privacyThreshold', 'highBurnoutPercent']) {
      expect(await errorOf(name)).toEqual({ invalid: false, error: null });
    }
    // Tab on to the save button and press it with Space.
    for (let i = 0; i < 10 && await sidebar.evaluate(() => (document.activeElement as HTMLButtonElement | null)?.type !== 'submit'); i++) await s.page.keyboard.press('Tab');
    await s.page.keyboard.press('Space');

    const result = sidebar.locator('.save-result');
    await result.locator('text=Настройки сохранены.').waitFor();
    const sheets = s.preview.demo.emulator.spreadsheet.getSheets().map((sheet) => sheet.getName()).filter((name) => name !== 'Лист1');
    const said = await result.textContent();
    for (const name of sheets) expect(said).toContain(name);
    expect(said).toMatch(/Установлено триггеров: 2/);
    expect(s.preview.demo.emulator.script.triggersOf().length).toBe(2);
    const saved = s.calls.find((call) => call.name === 'saveSettings')!.args[0] as Record<string, unknown>;
    expect(saved).toMatchObject({ presetId: expect.any(String), districtName: 'Демо-район <b>жирный</b>', privacyThreshold: 3, highBurnoutPercent: 40 });
    // The other panels appear once the workbook is set up.
    // (Other panels may sit between them.)
    expect(await sidebar.locator('[role=tab]').allTextContents()).toEqual(expect.arrayContaining(['Обзор', 'Опросы', 'Журнал', 'Настройки']));
    // Hostile text stayed text.
    expect(await sidebar.locator('img, b').count()).toBe(0);
    await s.screenshot('setup-saved-ru', { sidebarOnly: true });
  }, BROWSER_TIMEOUT);

  test('the saved settings come back when the sidebar is opened again', async () => {
    await s.page.click('#sidebar-close');
    await s.page.click('#sidebar-open');
    sidebar = await s.sidebar();
    await s.click(sidebar.locator('#tab-setup'));
    await sidebar.waitForSelector(FIELD('highBurnoutPercent'));
    expect(await sidebar.locator(FIELD('highBurnoutPercent')).inputValue()).toBe('40');
    expect(await sidebar.locator(FIELD('schools')).inputValue()).toBe('МБОУ СОШ № 1\nЛицей «Берёзка»\nГимназия № 3\n<img src=x onerror=alert(1)>');
  }, BROWSER_TIMEOUT);

  test('Surveys: a form is created and published, its link copied and the form opened', async () => {
    await s.click(sidebar.locator('#tab-surveys'));
    const card = sidebar.locator('.form-card[data-kind="boyko"]');
    await card.locator('text=Форма ещё не создана.').waitFor();
    await s.click(card.getByRole('button', { name: 'Создать и опубликовать' }));
    await sidebar.locator('p.ok:has-text("создана и опубликована")').waitFor();
    const link = await card.locator('input.link').inputValue();
    const formId = s.preview.demo.emulator.forms.all().find((form) => form.getPublishedUrl() === link)?.getId();
    expect(formId).toBeDefined();
    expect(s.preview.demo.emulator.forms.describe(formId!).acceptingResponses).toBe(true);
    expect(await card.locator('text=Ответов: 0.').count()).toBe(1);

    await s.click(card.getByRole('button', { name: 'Копировать ссылку' }));
    await card.locator('.copied').filter({ hasText: /Скопировано|Ctrl\+C/ }).waitFor();
    // Either way the link is what the user has: on the clipboard or selected for Ctrl+C.
    const selected = await sidebar.evaluate(() => String(window.getSelection()) || (document.activeElement as HTMLInputElement).value.slice((document.activeElement as HTMLInputElement).selectionStart ?? 0, (document.activeElement as HTMLInputElement).selectionEnd ?? 0));
    expect(selected).toBe(link);

    // The links open in a new tab (outside the sidebar), at the form's own addresses.
    const open = card.getByRole('link', { name: 'Открыть форму для ответа' });
    expect(await open.getAttribute('href')).toBe(link);
    expect(await open.getAttribute('target')).toBe('_blank');
    const edit = await card.getByRole('link', { name: 'Открыть форму в редакторе' }).getAttribute('href');
    expect(edit).toBe(s.preview.demo.emulator.forms.all().find((form) => form.getId() === formId)!.getEditUrl());
    const popup = s.page.waitForEvent('popup');
    await s.click(open);
    const opened = await popup;
    // A new tab went to the form's address; the harness stopped the request to docs.google.com there.
    for (let i = 0; i < 50 && s.externalRequests.length === 0; i++) await s.page.waitForTimeout(100);
    expect(s.externalRequests).toEqual([link]);
    await opened.close();
    s.externalRequests.length = 0;
    await s.screenshot('surveys-created-ru', { sidebarOnly: true });
  }, BROWSER_TIMEOUT);

  test('answers submitted through the host page update the Surveys counts and the Overview', async () => {
    const title = await s.page.locator('#form option').first().textContent();
    await s.page.selectOption('#form', { label: title! });
    await s.page.fill('#count', '4');
    await s.page.getByRole('button', { name: 'Отправить ответы' }).click();
    await s.page.waitForSelector('#status:has-text("Отправлено ответов: 4")');

    await s.click(sidebar.getByRole('button', { name: 'Обновить' }).first());
    const card = sidebar.locator('.form-card[data-kind="boyko"]');
    await card.locator('text=Ответов: 4.').waitFor();

    // The Overview shows what was last computed, says answers came since, and counts them once recomputed.
    await s.click(sidebar.locator('#tab-overview'));
    await sidebar.locator('[data-freshness=stale]', { hasText: 'поступили новые ответы' }).waitFor();
    await s.click(sidebar.getByRole('button', { name: 'Пересчитать показатели' }));
    await sidebar.locator('.card', { hasText: 'эмоционального выгорания' }).locator('text=ответивших: 4').waitFor();
    await sidebar.locator('[data-freshness=fresh]').waitFor();
    await s.page.fill('#count', '3');
    await s.page.getByRole('button', { name: 'Отправить ответы' }).click();
    await s.page.waitForSelector('#status:has-text("Отправлено ответов: 3")');
    await s.click(sidebar.getByRole('button', { name: 'Пересчитать показатели' }));
    // The burnout card counts the seven respondents (above the privacy threshold of 3, so it has a value).
    const burnout = sidebar.locator('.card', { hasText: 'эмоционального выгорания' });
    await burnout.locator('text=ответивших: 7').waitFor();
    expect(await burnout.locator('.value').textContent()).toMatch(/^\d+(,\d)? %$/);
    await s.screenshot('overview-first-answers-ru', { sidebarOnly: true });
  }, BROWSER_TIMEOUT);

  test('nothing left localhost, no console error, no dialog; axe finds nothing serious', async () => {
    s.expectClean();
    expect(await s.axe()).toEqual([]);
  }, BROWSER_TIMEOUT);
});

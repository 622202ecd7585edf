/**
 * The Mail panel in Chromium through the local preview, as a coordinator uses it with the
 * keyboard alone: edit and save round-trips to the settings sheet, a bad address is shown
 * beside its field and nothing is saved, a test summary goes to the emulator's outbox, the
 * next summary is previewed in a sandboxed frame, a hostile school name stays text, the
 * re-authorization notice from the health status is shown, and axe finds nothing serious.
 */
import type { Frame } from 'playwright-core';
import { BROWSER_TIMEOUT, openPreview, PreviewSession } from './harness';

/** The little of the browser's DOM these page functions use (the tests compile without the DOM library). */
interface PageElement { id: string; tagName: string; outerHTML: string; textContent: string | null; htmlFor?: string; attributes: ArrayLike<{ name: string }>; matches(selector: string): boolean; scrollIntoView(): void }
interface PageGlobals { document: { activeElement: PageElement | null; body: { innerText: string }; querySelector(selector: string): PageElement | null; querySelectorAll(selector: string): ArrayLike<PageElement> }; __ran?: unknown }

const HOSTILE_SCHOOL = '<img src=x onerror=alert(1)>';
const SCHOOLS = [HOSTILE_SCHOOL, 'МБОУ СОШ № 2', 'МБОУ СОШ № 3'];
const COORDINATOR = 'coordinator@demo-district.example';

let s: PreviewSession;
let sidebar: Frame;

/** The settings sheet's mail rows: key → values. */
function mailRows(): Record<string, string[]> {
  const rows = s.preview.demo.emulator.spreadsheet.getSheetByName('Настройки')!.getDataRange().getValues().slice(1);
  const out: Record<string, string[]> = {};
  for (const [key, , value] of rows) if (String(key).startsWith('mail.')) (out[String(key)] ??= []).push(String(value));
  return out;
}

/** Presses Tab until the focused element matches `selector` (the keyboard path a user takes). */
async function tabTo(selector: string, backwards = false): Promise<void> {
  for (let i = 0; i < 80; i++) {
    if (await sidebar.evaluate((sel) => (globalThis as unknown as PageGlobals).document.activeElement?.matches(sel) === true, selector)) return;
    await s.page.keyboard.press(backwards ? 'Shift+Tab' : 'Tab');
  }
  throw new Error(`Tab never reached ${selector}`);
}

/** From the active tab, arrow keys to the Mail tab; its panel loads. */
async function openMailTab(): Promise<void> {
  await sidebar.focus('[role=tab][aria-selected=true]');
  for (let i = 0; i < 10 && !(await sidebar.evaluate(() => (globalThis as unknown as PageGlobals).document.activeElement?.id === 'tab-mail')); i++) await s.page.keyboard.press('ArrowRight');
  await sidebar.waitForSelector('form .actions button[type=submit]');
}

/** The id of the input whose label is `label`. */
async function controlId(label: string): Promise<string> {
  const id = await sidebar.evaluate((text) => Array.from((globalThis as unknown as PageGlobals).document.querySelectorAll('label')).find((l) => l.textContent === text)?.htmlFor ?? '', label);
  if (!id) throw new Error(`no field labelled ${label}`);
  return id;
}

async function typeInto(label: string, text: string): Promise<void> {
  await tabTo(`#${await controlId(label)}`);
  await s.page.keyboard.press('Control+A');
  await s.page.keyboard.type(text);
}

beforeAll(async () => {
  s = await openPreview({ teachers: 20, schools: 3, schoolNames: SCHOOLS });
  sidebar = await s.sidebar();
  await sidebar.waitForSelector('[role=tab]');
  await openMailTab();
}, BROWSER_TIMEOUT);

afterAll(async () => s?.close());

test('the panel lists every school by name, the hostile one as text', async () => {
  const labels = await sidebar.locator('label').allTextContents();
  for (const school of SCHOOLS) expect(labels).toContain(`Email школы «${school}»`);
  // Nothing of the name became markup, and nothing ran.
  expect(await sidebar.locator('main img, main [onerror]').count()).toBe(0);
  expect(s.dialogs).toEqual([]);
}, BROWSER_TIMEOUT);

test('a bad address is shown beside its field, and nothing is saved', async () => {
  const before = mailRows();
  await typeInto('Email школы «МБОУ СОШ № 2»', 'not-an-address');
  await s.page.keyboard.press('Enter');
  const id = await controlId('Email школы «МБОУ СОШ № 2»');
  const error = sidebar.locator(`#${id}-error`);
  await error.waitFor({ state: 'visible' });
  expect(await error.textContent()).toBe('Некорректный email школы «МБОУ СОШ № 2»: «not-an-address».');
  expect(await sidebar.getAttribute(`#${id}`, 'aria-invalid')).toBe('true');
  // Focus is on the field to fix; the field's description reads the error out.
  expect(await sidebar.evaluate(() => (globalThis as unknown as PageGlobals).document.activeElement?.id)).toBe(id);
  expect(await sidebar.getAttribute(`#${id}`, 'aria-describedby')).toContain(`${id}-error`);
  expect(s.calls.filter((c) => c.name === 'saveMailSettings')).toEqual([]);
  expect(mailRows()).toEqual(before);
  await s.screenshot('mail-panel-error-ru');
}, BROWSER_TIMEOUT);

test('keyboard-only edit and save round-trip to the settings sheet', async () => {
  await typeInto('Email школы «МБОУ СОШ № 2»', 'School2@Edu.example');
  await typeInto(`Email школы «${HOSTILE_SCHOOL}»`, 'first@edu.example');
  await typeInto('День напоминаний', '15');
  await typeInto('Повторить напоминание через (дней)', '4');
  await typeInto('День месяца для сводки', '3');
  await typeInto('Получатели сводки', 'head@district.example');
  // The summary switched off, with Space.
  await tabTo('#mail-summary-enabled', true);
  await s.page.keyboard.press('Space');
  await tabTo('form button[type=submit]');
  await s.page.keyboard.press('Enter');
  await sidebar.waitForSelector('.save-result .ok');
  expect(await sidebar.textContent('.save-result')).toBe('Настройки рассылки сохранены.');
  expect(mailRows()).toEqual({
    'mail.summaryEnabled': ['нет'],
    'mail.recipients': ['head@district.example'],
    'mail.summaryDay': ['3'],
    'mail.lang': ['ru'],
    [`mail.contact:${HOSTILE_SCHOOL}`]: ['first@edu.example'],
    'mail.contact:МБОУ СОШ № 2': ['school2@edu.example'],
    'mail.reminderDay': ['15'],
    'mail.repeatAfterDays': ['4'],
  });
  // The stored text is inert in the sheet (nothing turns into a formula) and no error is left on screen.
  expect(await sidebar.locator('.field-error:not([hidden])').count()).toBe(0);
  // What the server now returns is what the panel shows.
  const stored = s.preview.demo.bundle.call('getMailSettings') as { settings: { reminderDay: number; contacts: unknown[] } };
  expect(stored.settings).toMatchObject({ reminderDay: 15, repeatAfterDays: 4, summaryDay: 3, recipients: ['head@district.example'] });
  expect(stored.settings.contacts).toHaveLength(2);
  await s.screenshot('mail-panel-saved-ru');
}, BROWSER_TIMEOUT);

test('a test summary goes to the chosen address now, and says so', async () => {
  const outbox = s.preview.demo.emulator.mail.outbox;
  const before = outbox.length;
  await tabTo('.mail-test select');
  // The choice is the coordinators and the saved recipients.
  expect(await sidebar.locator('.mail-test select option').allTextContents()).toEqual([COORDINATOR, 'methodist@demo-district.example', 'head@district.example']);
  await tabTo('.mail-test button');
  await s.page.keyboard.press('Enter');
  await sidebar.waitForSelector('.mail-test .ok');
  expect(outbox.length).toBe(before + 1);
  const sent = outbox[outbox.length - 1];
  expect(sent.to).toBe(COORDINATOR);
  expect(sent.subject).toMatch(/^PD Monitor: итоги за .+ — Демо-район$/);
  expect(await sidebar.textContent('.mail-test .ok')).toBe(`Отправлено на ${COORDINATOR}: «${sent.subject}».`);
}, BROWSER_TIMEOUT);

test('a failed test send says why in the user language, beside the button', async () => {
  s.preview.demo.emulator.mail.failNext('Service invoked too many times for one day: email.');
  await tabTo('.mail-test button');
  await s.page.keyboard.press('Enter');
  await sidebar.waitForSelector('.mail-test .status.error');
  expect(await sidebar.textContent('.mail-test .status.error')).toBe('Не удалось: Дневная квота писем исчерпана; попробуйте завтра.');
  expect(await sidebar.locator('.mail-test .ok').count()).toBe(0);
}, BROWSER_TIMEOUT);

test('the preview shows the next summary in a sandboxed frame, with its text version', async () => {
  await tabTo('.mail-preview-show');
  await s.page.keyboard.press('Enter');
  const frameElement = await sidebar.waitForSelector('iframe.mail-frame');
  expect(await frameElement.getAttribute('sandbox')).toBe('');
  const frame = await frameElement.contentFrame();
  await frame!.waitForLoadState('load');
  const text = await frame!.textContent('body');
  expect(text).toContain('Мониторинг профессионального развития педагогов');
  expect(text).toContain('Демо-район: итоги за');
  // The email names the hostile school as text (missing reports, alerts or rates) and runs nothing.
  expect(await frame!.locator('img, script').count()).toBe(0);
  expect(await sidebar.textContent('pre.mail-text')).toContain('== Ключевые показатели');
  expect(s.dialogs).toEqual([]);
  await sidebar.evaluate(() => (globalThis as unknown as PageGlobals).document.querySelector('.mail-preview')?.scrollIntoView());
  await s.screenshot('mail-panel-preview-ru');
}, BROWSER_TIMEOUT);

test('the re-authorization notice from the health status is shown', async () => {
  s.preview.demo.emulator.runtime.authorizationStatus = 'REQUIRED';
  try {
    // The sidebar opened again, as a coordinator would after the grant was revoked.
    await s.page.reload();
    sidebar = await s.sidebar();
    await sidebar.waitForSelector('[role=tab]');
    await openMailTab();
    const notice = sidebar.locator('[data-problem=authorizationRequired]');
    await notice.waitFor();
    expect(await notice.textContent()).toContain('ежемесячная рассылка не уходит');
  } finally {
    s.preview.demo.emulator.runtime.authorizationStatus = 'ENABLED';
  }
}, BROWSER_TIMEOUT);

test('in English: the texts switch, axe finds nothing serious, nothing leaked or ran', async () => {
  await sidebar.focus('.lang-switch');
  await s.page.keyboard.press('Enter');
  await sidebar.waitForSelector('text=Save the mail settings');
  const labels = await sidebar.locator('label').allTextContents();
  expect(labels).toContain(`Email of "${HOSTILE_SCHOOL}"`);
  expect(labels).toContain('Reminder day');
  expect(await s.axe()).toEqual([]);
  await s.screenshot('mail-panel-en');
  s.expectClean();
  // axe walks the sidebar and the previewed email's frame: slow on this machine.
}, BROWSER_TIMEOUT * 2);

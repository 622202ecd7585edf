/**
 * The local preview as a user meets it in Chromium: the host page shows the workbook, the
 * sidebar runs in its sandboxed frame and reaches the bundle through google.script.run,
 * responses submitted from the host page land in the sheets, and hostile text stays text.
 */
import { BROWSER_TIMEOUT, openPreview, PreviewSession } from './harness';

const HOSTILE_SCHOOL = '<img src=x onerror=alert(1)>';

describe('the preview', () => {
  let s: PreviewSession;
  beforeAll(async () => {
    s = await openPreview({ teachers: 12, schools: 4 });
  }, BROWSER_TIMEOUT);
  afterAll(async () => s?.close());

  test('the host page shows the workbook: its tabs and the selected sheet', async () => {
    const names = s.preview.demo.emulator.spreadsheet.getSheets().map((sheet) => sheet.getName());
    await s.page.waitForSelector('#tabs [role=tab][aria-selected=true]');
    expect(await s.page.locator('#tabs [role=tab]').allTextContents()).toEqual(names);
    await s.page.locator('#tabs [role=tab]', { hasText: 'Баллы: Бойко' }).click();
    await s.page.waitForSelector('#tabs [role=tab][aria-selected=true]:has-text("Баллы: Бойко")');
    // A header and one scored row per teacher.
    expect(await s.page.locator('#grid tbody tr').count()).toBe(13);
    await s.screenshot('preview-host');
  }, BROWSER_TIMEOUT);

  test('the sidebar renders in a 300-px frame sandboxed as HtmlService does', async () => {
    const frameBox = await s.page.locator('#sidebar').boundingBox();
    expect(frameBox?.width).toBe(300);
    const sandbox = (await s.page.locator('#sidebar').getAttribute('sandbox'))!.split(/\s+/).sort();
    expect(sandbox).toEqual(['allow-downloads', 'allow-forms', 'allow-modals', 'allow-popups', 'allow-popups-to-escape-sandbox', 'allow-same-origin', 'allow-scripts']);
    const sidebar = await s.sidebar();
    expect(new URL(sidebar.url()).origin).toBe(s.preview.sidebarOrigin);
    expect(new URL(s.page.url()).origin).not.toBe(s.preview.sidebarOrigin);
    // The sidebar's own script ran through the bridge (its first call).
    await sidebar.waitForFunction(() => (globalThis as unknown as { document: { getElementById(id: string): { textContent: string } | null } }).document.getElementById('title')?.textContent !== '');
    expect(s.calls.map((call) => call.name)).toContain('getSidebarInfo');
    // The sidebar's frame cannot reach into the host page.
    const reach = await sidebar.evaluate(() => {
      try {
        return String((globalThis as unknown as { parent: { document: { title: string } } }).parent.document.title);
      } catch (error) {
        return `blocked: ${(error as Error).name}`;
      }
    });
    expect(reach).toMatch(/^blocked/);
    await s.screenshot('preview-sidebar');
  }, BROWSER_TIMEOUT);

  test('a bridged call round-trips: arguments and result as JSON, the user object beside them', async () => {
    const sidebar = await s.sidebar();
    const before = s.calls.length;
    const result = await sidebar.evaluate(() => new Promise((resolve) => {
      const g = (globalThis as unknown as { google: { script: { run: Record<string, (...a: unknown[]) => unknown> } } }).google;
      const runner = g.script.run as unknown as {
        withSuccessHandler(f: (v: unknown, u: unknown) => void): { withFailureHandler(f: (e: Error, u: unknown) => void): { withUserObject(u: unknown): Record<string, (...a: unknown[]) => void> } };
      };
      runner
        .withSuccessHandler((value, user) => resolve({ ok: true, value, user }))
        .withFailureHandler((error, user) => resolve({ ok: false, message: error.message, user }))
        .withUserObject({ card: 'forms' })
        .listSurveyForms();
    }));
    expect(result).toMatchObject({ ok: true, user: { card: 'forms' } });
    const forms = (result as { value: Array<{ instrument: string; formId: string }> }).value;
    expect(forms.map((form) => form.instrument)).toEqual(expect.arrayContaining(['boyko', 'mentoring', 'network', 'deficits', 'school_report']));
    expect(s.calls.slice(before)).toEqual([{ name: 'listSurveyForms', args: [] }]);

    // A server error reaches the failure handler with its message; an unexported function is not there.
    const failed = await sidebar.evaluate(() => new Promise((resolve) => {
      const run = (globalThis as unknown as { google: { script: { run: Record<string, unknown> } } }).google.script.run as unknown as {
        withFailureHandler(f: (e: Error) => void): { withSuccessHandler(f: () => void): { createSurveyForm(x: unknown): void } };
        [name: string]: unknown;
      };
      run.withFailureHandler((error) => resolve({ message: error.message, missing: typeof run.readSettings, evalMissing: typeof run.eval }))
        .withSuccessHandler(() => resolve('succeeded'))
        .createSurveyForm({ instrument: ['no such instrument'] });
    }));
    expect(failed).toMatchObject({ missing: 'undefined', evalMissing: 'undefined' });
    expect((failed as { message: string }).message.length).toBeGreaterThan(0);
  }, BROWSER_TIMEOUT);

  test('a Date argument is refused before anything is sent, as Apps Script refuses it', async () => {
    const sidebar = await s.sidebar();
    const before = s.calls.length;
    const outcome = await sidebar.evaluate(() => {
      const run = (globalThis as unknown as { google: { script: { run: Record<string, (...a: unknown[]) => void> } } }).google.script.run;
      const tries: string[] = [];
      for (const arg of [new Date(), { when: new Date() }, [1, () => 2]]) {
        try {
          run.getSidebarInfo(arg);
          tries.push('sent');
        } catch (error) {
          tries.push((error as Error).message);
        }
      }
      return tries;
    });
    expect(outcome).toEqual([
      'Failed due to illegal value in property: 0',
      'Failed due to illegal value in property: when',
      'Failed due to illegal value in property: 1',
    ]);
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(s.calls.length).toBe(before);
  }, BROWSER_TIMEOUT);

  test('responses submitted from the host page change the sheet rows', async () => {
    const page = s.page;
    await page.locator('#tabs [role=tab]', { hasText: 'Баллы: сетевое взаимодействие' }).click();
    await page.waitForSelector('#tabs [role=tab][aria-selected=true]:has-text("Баллы: сетевое")');
    const rowsBefore = await page.locator('#grid tbody tr').count();
    const formTitle = s.preview.demo.emulator.forms.describe(s.preview.demo.forms.network.formId).title;
    await page.selectOption('#form', { label: formTitle });
    await page.fill('#count', '3');
    await page.getByRole('button', { name: 'Отправить ответы' }).click();
    await page.waitForFunction((n) => (globalThis as unknown as { document: { querySelectorAll(s: string): { length: number } } }).document.querySelectorAll('#grid tbody tr').length === n, rowsBefore + 3);
    await page.waitForSelector('#status:has-text("Отправлено ответов: 3")');
    await s.screenshot('preview-after-submit');
  }, BROWSER_TIMEOUT);

  test('advancing the clock fires the time-driven triggers', async () => {
    const runs = s.preview.demo.emulator.script.runs.length;
    await s.page.fill('#clock-minutes', String(24 * 60));
    await s.page.getByRole('button', { name: 'Перевести' }).click();
    await s.page.waitForSelector('#status:has-text("Часы переведены")');
    expect(s.preview.demo.emulator.script.runs.length).toBeGreaterThan(runs);
  }, BROWSER_TIMEOUT);

  test('no request left localhost, no console error, no dialog; axe finds nothing serious', async () => {
    s.expectClean();
    expect(await s.axe()).toEqual([]);
  }, BROWSER_TIMEOUT);
});

describe('hostile text in the preview', () => {
  let s: PreviewSession;
  beforeAll(async () => {
    s = await openPreview({ teachers: 6, schools: 3, schoolNames: [HOSTILE_SCHOOL, 'МБОУ СОШ № 2', 'МБОУ СОШ № 3'] });
  }, BROWSER_TIMEOUT);
  afterAll(async () => s?.close());

  test('a school named <img src=x onerror=alert(1)> renders as text, no dialog, no image', async () => {
    await s.sidebar();
    await s.page.locator('#tabs [role=tab]', { hasText: 'Настройки' }).click();
    const cell = s.page.locator('#grid td', { hasText: HOSTILE_SCHOOL }).first();
    await cell.waitFor();
    expect(await cell.textContent()).toBe(HOSTILE_SCHOOL);
    expect(await s.page.locator('img').count()).toBe(0);
    expect(await (await s.sidebar()).locator('img').count()).toBe(0);
    await s.screenshot('preview-hostile-school');
    s.expectClean();
  }, BROWSER_TIMEOUT);
});

/**
 * The rubric panel in Chromium on the preview's demo district: its points are the rubric
 * sheet's, an edit made with the keyboard alone round-trips to the sheet (hostile evidence
 * stays inert text), a value typed in the sheet meanwhile is not overwritten, and every
 * parameter at 0 is listed with what would prove it.
 */
import type { Frame } from 'playwright-core';
import { BROWSER_TIMEOUT, openPreview, PreviewSession } from './harness';

const SHEET = 'Рубрика самооценки';
const HOSTILE = '=IMPORTXML("http://x.example/","//a")';
// The rubric sheet's columns, as core/workbook/rubric-sheet.ts lays them out.
const COL = { key: 0, value: 6, evidence: 7, points: 10, computedMax: 11 };

/** The little of the DOM the callbacks below use; they run in the sidebar's page, this program has no DOM types. */
interface Node { tagName: string; textContent: string | null; getAttribute(name: string): string | null }
declare const document: { activeElement: Node | null };

describe('rubric panel', () => {
  let s: PreviewSession;
  let f: Frame;
  const sheet = () => s.preview.demo.emulator.spreadsheet.getSheetByName(SHEET)!;
  const rows = () => sheet().getDataRange().getValues();
  const row = (key: string) => rows().find((r) => r[COL.key] === key)!;
  const ru = (value: number) => (value < 0 ? `−${-value}` : String(value));
  const focused = () => f.evaluate(() => ({ tag: document.activeElement?.tagName ?? '', text: document.activeElement?.textContent ?? '' }));

  beforeAll(async () => {
    s = await openPreview({ teachers: 12, schools: 4 });
    f = await s.sidebar();
    await f.locator('#tab-overview').waitFor();
  }, BROWSER_TIMEOUT);
  afterAll(async () => s?.close());

  test('reached with the keyboard; the total and every block’s points are the rubric sheet’s', async () => {
    await f.locator('#tab-overview').focus();
    await s.page.keyboard.press('ArrowRight');
    await s.page.keyboard.press('ArrowRight');
    await f.locator('#tab-rubric[aria-selected=true]').waitFor();
    await f.locator('.rubric-total').waitFor();
    const total = row('total');
    expect(await f.locator('.rubric-total').textContent()).toMatch(new RegExp(`^Итого: ${ru(total[COL.points] as number)} из ${total[COL.computedMax]}`));
    const blocks = await f.locator('details.rubric-block').evaluateAll((all) => all.map((d) => [
      (d as unknown as Node).getAttribute('data-block'), (d as unknown as { querySelector(s: string): Node }).querySelector('summary .rubric-points').textContent,
    ]));
    expect(blocks.length).toBe(7);
    for (const [id, text] of blocks) {
      const sheetRow = row(String(id));
      expect(text).toBe(`${ru(sheetRow[COL.points] as number)} из ${sheetRow[COL.computedMax]}`);
    }
  }, BROWSER_TIMEOUT);

  test('every parameter at 0 in the sheet is listed with what would prove it', async () => {
    const zero = rows().filter((r) => String(r[COL.key]).split('.').length === 3 && r[COL.points] === 0 && !String(r[COL.key]).endsWith('.ineffective'));
    expect(zero.length).toBeGreaterThan(0);
    const listed = await f.locator('[data-section=missing] li').evaluateAll((all) => all.map((li) => (li as unknown as Node).getAttribute('data-key')));
    expect(listed.sort()).toEqual(zero.map((r) => String(r[COL.key])).sort());
    for (const text of await f.locator('[data-section=missing] li').allTextContents()) expect(text.length).toBeGreaterThan(40);
  }, BROWSER_TIMEOUT);

  test('an edit with the keyboard alone reaches the sheet, scored; hostile evidence stays inert text', async () => {
    const key = 'analysis.associations.present';
    const before = row('total')[COL.points] as number;
    expect(row(key)[COL.points]).toBe(0);
    await f.locator('[data-block=analysis] > summary').focus();
    await s.page.keyboard.press('Enter');
    await f.locator(`[data-key="${key}"] button.rubric-edit`).focus();
    await s.page.keyboard.press('Enter');
    await f.locator(`[data-key="${key}"] select`).waitFor();
    expect((await focused()).tag).toBe('SELECT');
    await f.locator(`[data-key="${key}"] select`).press('ArrowDown'); // — not set — → yes
    await s.page.keyboard.press('Tab');
    await s.page.keyboard.type(HOSTILE);
    await s.page.keyboard.press('Tab');
    expect((await focused()).text).toBe('Сохранить');
    await s.page.keyboard.press('Enter');
    await f.locator(`[data-key="${key}"] .status.ok`, { hasText: 'Сохранено' }).waitFor();
    const saved = row(key);
    expect([saved[COL.value], saved[COL.points]]).toEqual(['да', 1]);
    // Stored as text, never as a formula.
    const cell = sheet().getRange(rows().findIndex((r) => r[COL.key] === key) + 1, COL.evidence + 1);
    expect(cell.getFormula()).toBe('');
    expect(String(cell.getValue())).toContain('IMPORTXML');
    expect(row('total')[COL.points]).toBe(before + 1);
    expect(await f.locator('.rubric-total').textContent()).toMatch(new RegExp(`^Итого: ${before + 1} из`));
    expect(await f.locator(`[data-key="${key}"]`).textContent()).toContain(`Подтверждение: ${String(cell.getValue())}`);
    // Focus comes back to the parameter's edit button.
    expect((await focused()).text).toBe('Изменить');
  }, BROWSER_TIMEOUT);

  test('a value typed in the sheet while the panel was open is not overwritten; the panel says so and shows it', async () => {
    const key = 'analysis.network.factors';
    await f.locator(`[data-key="${key}"] button.rubric-edit`).press('Enter');
    await f.locator(`[data-key="${key}"] select`).selectOption('yes');
    await f.locator(`[data-key="${key}"] input`).fill('Справка № 5');
    // Meanwhile, a colleague types "нет" in the sheet.
    const at = rows().findIndex((r) => r[COL.key] === key) + 1;
    sheet().getRange(at, COL.value + 1).setValue('нет');
    const logRows = s.preview.demo.emulator.spreadsheet.getSheetByName('Журнал')!.getLastRow();
    await f.locator(`[data-key="${key}"] button.primary`).press('Enter');
    // The refusal shows first; the notice that the panel reloaded from the sheet follows once
    // the reload has come back: wait for that, not for the first.
    await f.locator(`[data-key="${key}"] .status.error`, { hasText: 'Панель обновлена из листа' }).waitFor();
    expect(await f.locator(`[data-key="${key}"] .status.error`).textContent()).toMatch(/теперь «нет»\. Ничего не записано.*Панель обновлена из листа\./);
    expect(row(key)[COL.value]).toBe('нет');
    expect(row(key)[COL.evidence]).toBe('');
    expect(await f.locator(`[data-key="${key}"] .typed`).first().textContent()).toBe('В листе: нет');
    const log = s.preview.demo.emulator.spreadsheet.getSheetByName('Журнал')!.getDataRange().getValues().slice(logRows);
    expect(log.map((r) => r.join(' ')).join('\n')).toMatch(/analysis\.network\.factors.*не записано/);
    // The editor stays open on what the sheet holds now; saving again, having seen "нет", goes through.
    expect(await f.locator(`[data-key="${key}"] select`).inputValue()).toBe('no');
    expect((await focused()).tag).toBe('SELECT');
    await f.locator(`[data-key="${key}"] select`).selectOption('yes');
    await f.locator(`[data-key="${key}"] button.primary`).press('Enter');
    await f.locator(`[data-key="${key}"] .status.ok`).waitFor();
    expect(row(key)[COL.value]).toBe('да');
  }, BROWSER_TIMEOUT);

  test('in English too; no console error, no dialog, no request off the machine; axe finds nothing serious', async () => {
    await f.locator('[data-block=indicators] > summary').press('Enter');
    await s.screenshot('rubric-ru');
    await f.locator('.lang-switch').press('Enter');
    await f.locator('.rubric-total', { hasText: 'Total' }).waitFor();
    expect(await f.locator('main').textContent()).not.toMatch(/Итого|Изменить|Предложено/);
    await s.screenshot('rubric-en');
    expect(await s.axe()).toEqual([]);
    await f.locator('.lang-switch').press('Enter');
    s.expectClean();
  }, BROWSER_TIMEOUT);
});

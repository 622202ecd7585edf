/**
 * The emails as a mail client would show them: every HTML message the demo writes, and the
 * summary and reminders of a district whose schools (answered in the forms as teachers'
 * schools) and district name are hostile, rendered in Chromium with JavaScript on. Nothing
 * in them may run — no dialog, no console output, no flag set by a payload, no script or
 * event-handler element — the hostile names read as plain text, and each message stays
 * under 100 KB (Gmail clips a message at about 102 KB).
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Browser, BrowserContext, chromium } from 'playwright-core';
import type { Settings } from '../../src/core/settings';
import { buildDemoDistrict } from '../../tools/demo-district/district';
import { BROWSER_TIMEOUT, CHROMIUM_ARGS } from './harness';

/** The little of the browser's DOM these page functions use (the tests compile without the DOM library). */
interface PageElement { id: string; tagName: string; outerHTML: string; textContent: string | null; htmlFor?: string; attributes: ArrayLike<{ name: string }>; matches(selector: string): boolean; scrollIntoView(): void }
interface PageGlobals { document: { activeElement: PageElement | null; body: { innerText: string }; querySelector(selector: string): PageElement | null; querySelectorAll(selector: string): ArrayLike<PageElement> }; __ran?: unknown }

const ROOT = join(__dirname, '..', '..');
const HOSTILE_SCHOOL = '<img src=x onerror=alert(1)>';
const HOSTILE_ANSWER = '"><script>alert(1)</script>';
/** Would set the flag the test reads, if the markup were ever live. */
const FLAGGING = '<img src=x onerror="window.__ran=1"><svg onload="window.__ran=2">';
const MAX_BYTES = 100 * 1024;

interface Email { name: string; html: string }

/** The demo (a small district) run as a user runs it: its mail/ folder. */
function demoEmails(): Email[] {
  const out = mkdtempSync(join(tmpdir(), 'pd-mail-render-'));
  try {
    execFileSync(process.execPath, ['scripts/run.mjs', 'scripts/demo.ts', '--out', out, '--teachers', '12', '--schools', '3'], { cwd: ROOT, stdio: 'pipe' });
    const dir = join(out, 'mail');
    return readdirSync(dir).filter((name) => name.endsWith('.html')).sort()
      .map((name) => ({ name, html: readFileSync(join(dir, name), 'utf8') }));
  } finally {
    rmSync(out, { recursive: true, force: true });
  }
}

/**
 * The scheduled job's own summary and reminders for a district whose schools carry the
 * payloads: teachers pick those schools in the forms, so the names come back from the
 * answers, and the district's name carries one too.
 */
function hostileEmails(): Email[] {
  const demo = buildDemoDistrict({ teachers: 30, schools: 3, seed: 7, schoolNames: [HOSTILE_SCHOOL, HOSTILE_ANSWER, FLAGGING] });
  const call = <T>(name: string, ...args: unknown[]) => demo.bundle.call(name, ...args) as T;
  const settings = call<Settings>('getSettings');
  const saved = call<{ ok: boolean; errors?: string[] }>('saveSettings', { ...settings, districtName: `Район ${HOSTILE_ANSWER}` });
  if (!saved.ok) throw new Error(saved.errors?.join(' '));
  // The demo files every school's report; reminders go to those whose report is missing, so
  // the contacts include a fourth school that never reports.
  const mail = call<{ ok: boolean; errors?: string[] }>('saveMailSettings', {
    contacts: settings.schools.map((school, i) => ({ school, email: `school${i + 1}@district.example` })), reminderDay: 20,
  });
  if (!mail.ok) throw new Error(mail.errors?.join(' '));
  demo.emulator.clock.advance(new Date('2026-12-01T03:00:00+03:00').getTime() - demo.emulator.clock.now());
  return demo.emulator.mail.outbox.map((m, i) => ({ name: `hostile-${i + 1}: ${m.subject}`, html: m.htmlBody ?? '' }));
}

let browser: Browser;
/** One context with JavaScript on; each email gets a fresh page of its own. */
let context: BrowserContext;
let demo: Email[];
let hostile: Email[];

beforeAll(async () => {
  demo = demoEmails();
  hostile = hostileEmails();
  browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: CHROMIUM_ARGS });
  context = await browser.newContext({ javaScriptEnabled: true });
}, BROWSER_TIMEOUT * 2);

afterAll(async () => {
  await browser?.close();
});

interface Rendered {
  ran: unknown;
  dialogs: string[];
  console: string[];
  requests: string[];
  /** Elements that could run code: scripts, and any element with an on* attribute. */
  live: string[];
  text: string;
}

/** Renders one email with scripts enabled and no network: what ran, what was said, the visible text. */
async function render(email: Email): Promise<Rendered> {
  const page = await context.newPage();
  const dialogs: string[] = [];
  const consoleLines: string[] = [];
  const requests: string[] = [];
  page.on('dialog', (dialog) => { dialogs.push(dialog.message()); void dialog.dismiss(); });
  page.on('console', (message) => consoleLines.push(message.text()));
  page.on('pageerror', (error) => consoleLines.push(String(error)));
  // An <img src=x> would be a request if it were markup: record it, send nothing.
  await page.route('**/*', (route) => { requests.push(route.request().url()); return route.abort(); });
  await page.setContent(email.html, { waitUntil: 'load' });
  await page.waitForTimeout(50);
  const found = await page.evaluate(() => {
    const g = globalThis as unknown as PageGlobals;
    return {
      ran: g.__ran,
      live: Array.from(g.document.querySelectorAll('*'))
        .filter((element) => element.tagName === 'SCRIPT' || Array.from(element.attributes).some((attribute) => attribute.name.startsWith('on')))
        .map((element) => element.outerHTML.slice(0, 80)),
      text: g.document.body.innerText,
    };
  });
  await page.close();
  return { ...found, dialogs, console: consoleLines, requests };
}

const quiet = (email: Email, r: Rendered) => ({ email: email.name, ran: r.ran, dialogs: r.dialogs, console: r.console, requests: r.requests, live: r.live });
const clean = (email: Email) => ({ email: email.name, ran: undefined, dialogs: [], console: [], requests: [], live: [] });

test('the canary works: the same payload as live markup does set the flag and open a dialog', async () => {
  const live = await render({ name: 'live', html: `<p>${FLAGGING}</p><p>${HOSTILE_SCHOOL}</p>` });
  expect(live.ran).toBeDefined();
  expect(live.dialogs).toEqual(['1']);
  expect(live.live.length).toBeGreaterThan(0);
}, BROWSER_TIMEOUT);

test('the demo writes three summaries and its reminders, each under 100 KB', () => {
  expect(demo.filter((e) => e.name.includes('summary'))).toHaveLength(3);
  expect(demo.filter((e) => e.name.includes('reminder')).length).toBeGreaterThan(0);
  for (const email of [...demo, ...hostile]) expect({ email: email.name, small: Buffer.byteLength(email.html, 'utf8') < MAX_BYTES }).toEqual({ email: email.name, small: true });
}, BROWSER_TIMEOUT);

test('every demo email renders with nothing running and its text readable', async () => {
  for (const email of demo) {
    const result = await render(email);
    expect(quiet(email, result)).toEqual(clean(email));
    expect(result.text).toMatch(/Демо-район|МБОУ/);
  }
}, BROWSER_TIMEOUT * 2);

test('hostile school names and district name render as text: nothing runs, no flag set', async () => {
  const summaries = hostile.filter((e) => e.name.includes('PD Monitor'));
  const reminders = hostile.filter((e) => !e.name.includes('PD Monitor'));
  // November's summary on 1 December; a reminder on 20 November to each school without a report.
  expect(summaries).toHaveLength(1);
  expect(reminders.length).toBeGreaterThan(0);
  const shown = await render(summaries[0]);
  expect(quiet(summaries[0], shown)).toEqual(clean(summaries[0]));
  expect(shown.text).toContain(`Район ${HOSTILE_ANSWER}`);
  // The schools came back from the answers: the summary names them (alerts, missing reports or rates).
  expect([HOSTILE_SCHOOL, HOSTILE_ANSWER, FLAGGING].some((school) => shown.text.includes(school))).toBe(true);
  for (const email of reminders) {
    const result = await render(email);
    expect(quiet(email, result)).toEqual(clean(email));
    expect([HOSTILE_SCHOOL, HOSTILE_ANSWER, FLAGGING].some((school) => result.text.includes(school))).toBe(true);
  }
}, BROWSER_TIMEOUT);

test('a summary fits a phone’s width and the sidebar’s preview frame: its tables wrap instead of running off the side', async () => {
  const page = await context.newPage();
  try {
    await page.route('**/*', (route) => route.abort());
    for (const email of demo.filter((e) => e.name.includes('summary'))) {
      for (const width of [360, 274]) {
        await page.setViewportSize({ width, height: 800 });
        await page.setContent(email.html, { waitUntil: 'load' });
        const scrollWidth = await page.evaluate(() => (globalThis as unknown as { document: { documentElement: { scrollWidth: number } } }).document.documentElement.scrollWidth);
        expect({ email: email.name, width, scrollWidth }).toEqual({ email: email.name, width, scrollWidth: width });
      }
    }
  } finally {
    await page.close();
  }
}, BROWSER_TIMEOUT);

/**
 * The loader and the assembled emulator, driven through a tiny stand-in for build/Code.js
 * written to a temporary folder: top-level functions become callable by name, `Date`
 * follows the emulated clock, scriptlets see the script's globals, and triggers the
 * script installs fire on the clock and on form submissions.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createEmulator } from '../../tools/emulator/index';
import { loadBundle, triggerSimpleOnOpen } from '../../tools/emulator/bundle';

const CODE = String.raw`
var loadedAt = Date.now();

function stamp() {
  var d = new Date();
  return { iso: d.toISOString(), now: Date.now(), isDate: d instanceof Date, tag: Object.prototype.toString.call(d),
    local: new Date(2026, 0, 1).getTime(), called: typeof Date(), hours: d.getHours(), text: String(d),
    parsedLocal: Date.parse('2026-01-01T00:00:00'), parsedUtc: Date.parse('2026-01-01') };
}

function onOpen(e) {
  SpreadsheetApp.getUi().createAddonMenu().addItem('Открыть', 'showSidebar').addToUi();
  return String(e.authMode) + '|' + (e.source ? 'source' : 'no source');
}

function onInstall(e) { return onOpen(e); }

function include(name) { return '<i>included ' + name + '</i>'; }

function showSidebar() {
  var t = HtmlService.createTemplateFromFile('Sidebar');
  t.user = Session.getActiveUser().getEmail();
  SpreadsheetApp.getUi().showSidebar(t.evaluate().setTitle('PD Monitor'));
}

function installTriggers() {
  var ss = SpreadsheetApp.getActive();
  var existing = ScriptApp.getUserTriggers(ss).filter(function (t) { return t.getHandlerFunction() === 'onFormSubmit'; });
  if (existing.length === 0) ScriptApp.newTrigger('onFormSubmit').forSpreadsheet(ss).onFormSubmit().create();
  if (!ScriptApp.getProjectTriggers().some(function (t) { return t.getHandlerFunction() === 'monthlyJob'; })) {
    ScriptApp.newTrigger('monthlyJob').timeBased().onMonthDay(1).atHour(8).create();
  }
  return ScriptApp.getProjectTriggers().map(function (t) { return t.getHandlerFunction(); }).sort();
}

function monthlyJob(e) {
  var lock = LockService.getScriptLock();
  lock.waitLock(1000);
  var when = Utilities.formatDate(new Date(), Session.getScriptTimeZone(), 'yyyy-MM-dd HH:mm');
  PropertiesService.getScriptProperties().setProperty('monthly', when + '|' + e.triggerUid + '|' + Session.getEffectiveUser().getEmail());
  MailApp.sendEmail('head@district.example', 'Сводка ' + when, 'ok');
}

function onFormSubmit(e) {
  var p = PropertiesService.getScriptProperties();
  var n = Number(p.getProperty('submits') || '0') + 1;
  p.setProperty('submits', String(n));
  p.setProperty('lastValues', JSON.stringify(e.values));
}

function createSurvey() {
  var form = FormApp.create('Опрос');
  form.addTextItem().setTitle('Школа');
  form.setDestination(FormApp.DestinationType.SPREADSHEET, SpreadsheetApp.getActive().getId());
  form.setPublished(true);
  return form.getId();
}
`;

const SIDEBAR = '<p><?= user ?></p><?!= include("footer") ?>';

let dir: string;

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'pd-monitor-bundle-'));
  writeFileSync(join(dir, 'Code.js'), CODE);
  writeFileSync(join(dir, 'Sidebar.html'), SIDEBAR);
  // Only Code.js is the project: a stray script beside it must not be loaded.
  writeFileSync(join(dir, 'stray.js'), 'throw new Error("stray.js must not load")');
});

afterAll(() => rmSync(dir, { recursive: true, force: true }));

test('top-level functions are callable by name; Date inside the bundle is the emulated clock in the project zone', () => {
  const emu = createEmulator({ now: '2026-11-23T09:00:00+03:00' });
  const bundle = loadBundle(emu, dir);
  expect(bundle.context.loadedAt).toBe(Date.parse('2026-11-23T06:00:00Z'));
  emu.clock.advance(90 * 60 * 1000);
  const s = bundle.call('stamp') as Record<string, unknown>;
  expect(s).toEqual({
    iso: '2026-11-23T07:30:00.000Z',
    now: Date.parse('2026-11-23T07:30:00Z'),
    isDate: true,
    tag: '[object Date]',
    // Local date arithmetic happens in the project's zone (Europe/Moscow), not the host's.
    local: Date.parse('2025-12-31T21:00:00Z'),
    called: 'string',
    hours: 10,
    text: 'Mon Nov 23 2026 10:30:00 GMT+0300 (Moscow Standard Time)',
    parsedLocal: Date.parse('2025-12-31T21:00:00Z'),
    parsedUtc: Date.parse('2026-01-01T00:00:00Z'),
  });
  expect(() => bundle.call('nope')).toThrow('Script function not found: nope');
});

test('onOpen under AuthMode.NONE builds the add-on menu; the sidebar template runs in the script scope', () => {
  const emu = createEmulator();
  const bundle = loadBundle(emu, dir);
  expect(triggerSimpleOnOpen(bundle, 'NONE')).toBe('NONE|no source');
  expect(triggerSimpleOnOpen(bundle, 'LIMITED')).toBe('LIMITED|source');
  expect(emu.ui.menus).toHaveLength(1);
  const fn = emu.ui.findItem('Открыть');
  expect(fn).toBe('showSidebar');
  bundle.call(fn as string);
  expect(emu.ui.lastSidebar()).toMatchObject({
    title: 'PD Monitor',
    content: '<p>coordinator@district.example</p><i>included footer</i>',
  });
});

test('triggers installed by the script fire on the clock, as their owner, with emulated time', () => {
  const emu = createEmulator();
  const bundle = loadBundle(emu, dir);
  expect(bundle.call('installTriggers')).toEqual(['monthlyJob', 'onFormSubmit']);
  // Idempotent: a second install finds both and creates nothing.
  expect(bundle.call('installTriggers')).toEqual(['monthlyJob', 'onFormSubmit']);
  expect(emu.runtime.triggers).toHaveLength(2);

  emu.asUser('deputy@district.example', () => emu.clock.set('2026-12-01T12:00:00+03:00'));
  const uid = emu.runtime.triggers.find((t) => t.handler === 'monthlyJob')?.uid;
  expect(emu.properties.script.get('monthly')).toBe(`2026-12-01 08:00|${uid}|coordinator@district.example`);
  expect(emu.mail.outbox.map((m) => [m.subject, m.from])).toEqual([['Сводка 2026-12-01 08:00', 'coordinator@district.example']]);
  expect(emu.script.runs.map((r) => r.error)).toEqual([undefined]);
  expect(emu.counter.get('LockService.getScriptLock')).toBe(1);
});

test('a form-submit trigger installed by the script fires when a response is submitted', () => {
  const emu = createEmulator();
  const bundle = loadBundle(emu, dir);
  bundle.call('installTriggers');
  const formId = bundle.call('createSurvey') as string;
  emu.forms.submit(formId, { Школа: 'Школа № 1' });
  const second = emu.forms.submit(formId, { Школа: 'Школа № 2' });
  expect(second.triggerErrors).toEqual([]);
  expect(emu.properties.script.get('submits')).toBe('2');
  const last = JSON.parse(emu.properties.script.get('lastValues') as string) as string[];
  expect(last[last.length - 1]).toBe('Школа № 2');
});

/**
 * The emulated services other than SpreadsheetApp and FormApp, built directly on a
 * Runtime so each rule is checked in isolation: triggers and their limits, time-driven
 * firing, authorization info, properties and cache limits, locks, mail quota,
 * HtmlService templates, Ui, Utilities.
 */
import { createCacheService } from '../../tools/emulator/cache';
import { createHtmlService } from '../../tools/emulator/html';
import { Runtime, RuntimeOptions } from '../../tools/emulator/kernel';
import { createLockService, LOCK_TIMEOUT_MESSAGE } from '../../tools/emulator/lock';
import { createMailService } from '../../tools/emulator/mail';
import { createPropertiesService } from '../../tools/emulator/properties';
import {
  ADDON_RECURRENCE,
  createScriptService,
  MAX_TRIGGERS_PER_USER,
  TOO_MANY_TRIGGERS,
  tooManyAddOnTriggers,
} from '../../tools/emulator/script';
import { createSession } from '../../tools/emulator/session';
import { createUi } from '../../tools/emulator/ui';
import { createUtilities } from '../../tools/emulator/utilities';
import { makeEmulatedDate } from '../../tools/emulator/date';

const SHEET_ID = 'sheet-1';
const OTHER_SHEET = 'sheet-2';
const FORM_ID = 'form-1';

/** A runtime whose active document can be switched, and a fake bundle of named handlers. */
function setup(options: RuntimeOptions & { addOn?: boolean } = {}) {
  const runtime = new Runtime(options);
  let active: string | null = SHEET_ID;
  const handlers: Record<string, (...args: unknown[]) => unknown> = {};
  runtime.attachBundle(handlers);
  const doc = { setActive: (id: string | null) => void (active = id) };
  const { ScriptApp, script } = createScriptService(runtime, {
    addOn: options.addOn ?? true,
    activeDocumentId: () => active,
    idOf: (d) => (d as { id?: string }).id ?? null,
    scopes: ['https://www.googleapis.com/auth/script.scriptapp'],
  });
  return { runtime, ScriptApp, script, handlers, doc, activeId: () => active };
}

const iso = (ms: number) => new Date(ms).toISOString();

describe('ScriptApp triggers', () => {
  test('a spreadsheet form-submit trigger is created, listed with its getters and deleted', () => {
    const { ScriptApp, runtime } = setup();
    const created = ScriptApp.newTrigger('onFormSubmit').forSpreadsheet(SHEET_ID).onFormSubmit().create();
    expect(created.getHandlerFunction()).toBe('onFormSubmit');
    expect(String(created.getEventType())).toBe('ON_FORM_SUBMIT');
    expect(String(created.getTriggerSource())).toBe('SPREADSHEETS');
    expect(created.getTriggerSourceId()).toBe(SHEET_ID);
    expect(runtime.triggers).toHaveLength(1);
    expect(runtime.triggers[0]).toMatchObject({ owner: runtime.user, source: 'SPREADSHEET', sourceId: SHEET_ID });

    const listed = ScriptApp.getProjectTriggers();
    expect(listed.map((t) => t.getUniqueId())).toEqual([created.getUniqueId()]);
    expect(ScriptApp.getUserTriggers({ id: SHEET_ID } as unknown as GoogleAppsScript.Spreadsheet.Spreadsheet)).toHaveLength(1);
    expect(ScriptApp.getUserTriggers({ id: OTHER_SHEET } as unknown as GoogleAppsScript.Spreadsheet.Spreadsheet)).toHaveLength(0);

    ScriptApp.deleteTrigger(listed[0]);
    expect(ScriptApp.getProjectTriggers()).toHaveLength(0);
  });

  test('triggers are per user: another user neither sees nor counts them', () => {
    const { ScriptApp, runtime } = setup();
    ScriptApp.newTrigger('onFormSubmit').forSpreadsheet(SHEET_ID).onFormSubmit().create();
    runtime.execute(() => {
      expect(ScriptApp.getProjectTriggers()).toHaveLength(0);
      // The one-per-type rule is per user too.
      ScriptApp.newTrigger('onFormSubmit').forSpreadsheet(SHEET_ID).onFormSubmit().create();
    }, 'deputy@district.example');
    expect(ScriptApp.getProjectTriggers()).toHaveLength(1);
    expect(runtime.triggers.map((t) => t.owner).sort()).toEqual(['coordinator@district.example', 'deputy@district.example']);
  });

  test('an add-on holds one trigger of each type per user per document', () => {
    const { ScriptApp } = setup();
    ScriptApp.newTrigger('onFormSubmit').forSpreadsheet(SHEET_ID).onFormSubmit().create();
    expect(() => ScriptApp.newTrigger('other').forSpreadsheet(SHEET_ID).onFormSubmit().create()).toThrow(
      'This add-on has created too many form submit triggers in this document for this Google user account.',
    );
    // Another type in the same document is fine, and so is one time-based trigger.
    ScriptApp.newTrigger('onEditHandler').forSpreadsheet(SHEET_ID).onEdit().create();
    ScriptApp.newTrigger('monthly').timeBased().onMonthDay(1).atHour(8).create();
    expect(() => ScriptApp.newTrigger('daily').timeBased().everyDays(1).atHour(6).create()).toThrow(tooManyAddOnTriggers('CLOCK'));
    expect(tooManyAddOnTriggers('CLOCK')).toBe(
      'This add-on has created too many time-based triggers in this document for this Google user account.',
    );
    expect(ScriptApp.getProjectTriggers()).toHaveLength(3);
  });

  test('an add-on creates triggers only for the document it runs in; a plain script may not be limited', () => {
    const addOn = setup();
    expect(() => addOn.ScriptApp.newTrigger('onSubmit').forForm(FORM_ID).onFormSubmit().create()).toThrow(/only create triggers for the file/);
    expect(() => addOn.ScriptApp.newTrigger('onSubmit').forSpreadsheet(OTHER_SHEET).onFormSubmit().create()).toThrow(
      /only create triggers for the file/,
    );
    const plain = setup({ addOn: false });
    const t = plain.ScriptApp.newTrigger('onSubmit').forForm(FORM_ID).onFormSubmit().create();
    expect(String(t.getTriggerSource())).toBe('FORMS');
    plain.ScriptApp.newTrigger('onSubmit').forForm(FORM_ID).onFormSubmit().create();
    expect(plain.ScriptApp.getProjectTriggers()).toHaveLength(2);
  });

  test('an add-on may not run time-driven triggers more often than hourly', () => {
    const { ScriptApp } = setup();
    expect(() => ScriptApp.newTrigger('poll').timeBased().everyMinutes(30).create()).toThrow(ADDON_RECURRENCE);
    expect(ADDON_RECURRENCE).toBe('The recurrence interval for an Add-on trigger must be at least one hour.');
    ScriptApp.newTrigger('poll').timeBased().everyHours(1).create();
    expect(setup({ addOn: false }).ScriptApp.newTrigger('poll').timeBased().everyMinutes(5).create().getHandlerFunction()).toBe('poll');
  });

  test('everyMinutes accepts only 1, 5, 10, 15 or 30', () => {
    const { ScriptApp } = setup({ addOn: false });
    expect(() => ScriptApp.newTrigger('poll').timeBased().everyMinutes(7)).toThrow(/Invalid argument/);
  });

  test('a script holds at most 20 triggers per user', () => {
    const { ScriptApp } = setup({ addOn: false });
    for (let i = 0; i < MAX_TRIGGERS_PER_USER; i++) ScriptApp.newTrigger(`h${i}`).timeBased().everyHours(1).create();
    expect(() => ScriptApp.newTrigger('one-more').timeBased().everyHours(1).create()).toThrow(TOO_MANY_TRIGGERS);
    expect(TOO_MANY_TRIGGERS).toBe('This script has too many triggers. Triggers must be deleted from the script before more can be added.');
  });
});

describe('time-driven firing', () => {
  test('everyDays(1).atHour(6) fires daily at 06:00 project time with the documented event object', () => {
    const { ScriptApp, runtime, handlers, script } = setup();
    const seen: Array<{ now: number; e: Record<string, unknown>; user: string }> = [];
    handlers.daily = (e) => void seen.push({ now: runtime.clock.now(), e: e as Record<string, unknown>, user: runtime.user });
    const trigger = ScriptApp.newTrigger('daily').timeBased().everyDays(1).atHour(6).create();

    runtime.clock.advance(3 * 24 * 3600 * 1000); // 23 Nov 09:00 MSK → 26 Nov 09:00 MSK
    expect(seen.map((s) => iso(s.now))).toEqual(['2026-11-24T03:00:00.000Z', '2026-11-25T03:00:00.000Z', '2026-11-26T03:00:00.000Z']);
    expect(seen[0].e).toEqual({
      authMode: 'FULL',
      'day-of-month': 24,
      'day-of-week': 2,
      hour: 3,
      minute: 0,
      month: 11,
      second: 0,
      timezone: 'UTC',
      triggerUid: trigger.getUniqueId(),
      'week-of-year': 48,
      year: 2026,
    });
    expect(seen[0].user).toBe('coordinator@district.example');
    expect(runtime.clock.now()).toBe(Date.parse('2026-11-26T06:00:00.000Z'));
    expect(script.runs).toHaveLength(3);
    expect(script.nextRun(trigger.getUniqueId())).toBe(Date.parse('2026-11-27T03:00:00.000Z'));
  });

  test('onMonthDay(1).atHour(8) fires on the 1st of each month at 08:00', () => {
    const { ScriptApp, runtime, handlers } = setup();
    const fired: string[] = [];
    handlers.monthly = () => void fired.push(iso(runtime.clock.now()));
    ScriptApp.newTrigger('monthly').timeBased().onMonthDay(1).atHour(8).create();
    runtime.clock.set('2027-02-15T00:00:00Z');
    expect(fired).toEqual(['2026-12-01T05:00:00.000Z', '2027-01-01T05:00:00.000Z', '2027-02-01T05:00:00.000Z']);
  });

  test('inTimezone schedules in that zone', () => {
    const { ScriptApp, runtime, handlers } = setup();
    const fired: string[] = [];
    handlers.daily = () => void fired.push(iso(runtime.clock.now()));
    ScriptApp.newTrigger('daily').timeBased().everyDays(1).atHour(6).inTimezone('Asia/Vladivostok').create();
    runtime.clock.advance(24 * 3600 * 1000);
    expect(fired).toEqual(['2026-11-23T20:00:00.000Z']); // 06:00 +10:00 on 24 Nov
  });

  test('a one-off after() trigger fires once, then stays listed, spent, until deleted', () => {
    const { ScriptApp, runtime, handlers, script } = setup();
    let runs = 0;
    handlers.retry = () => void runs++;
    const t = ScriptApp.newTrigger('retry').timeBased().after(10 * 60 * 1000).create();
    runtime.clock.advance(9 * 60 * 1000);
    expect(runs).toBe(0);
    runtime.clock.advance(2 * 24 * 3600 * 1000);
    expect(runs).toBe(1);
    expect(script.runs[0].at).toBe(Date.parse('2026-11-23T06:10:00.000Z'));
    expect(script.nextRun(t.getUniqueId())).toBeUndefined();
    // Still listed, and still the add-on's one clock trigger in this document.
    expect(ScriptApp.getProjectTriggers()).toHaveLength(1);
    expect(() => ScriptApp.newTrigger('retry').timeBased().after(1000).create()).toThrow(tooManyAddOnTriggers('CLOCK'));
    ScriptApp.deleteTrigger(ScriptApp.getProjectTriggers()[0]);
    ScriptApp.newTrigger('retry').timeBased().after(1000).create();
  });

  test('due triggers fire in time order; a failing run is logged and the others still fire', () => {
    const { ScriptApp, runtime, handlers, script } = setup({ addOn: false });
    const order: string[] = [];
    handlers.a = () => void order.push(`a@${iso(runtime.clock.now())}`);
    handlers.b = () => {
      order.push(`b@${iso(runtime.clock.now())}`);
      throw new Error('boom');
    };
    ScriptApp.newTrigger('a').timeBased().everyHours(2).create(); // 08:00Z, 10:00Z
    ScriptApp.newTrigger('b').timeBased().after(90 * 60 * 1000).create(); // 07:30Z
    runtime.clock.advance(3 * 3600 * 1000);
    expect(order).toEqual(['b@2026-11-23T07:30:00.000Z', 'a@2026-11-23T08:00:00.000Z']);
    expect((script.runs[0].error as Error).message).toBe('boom');
    expect(script.runs[1].error).toBeUndefined();
  });

  test('an installable trigger runs as its owner, whoever advances the clock', () => {
    const { ScriptApp, runtime, handlers } = setup();
    const users: string[] = [];
    handlers.job = () => void users.push(runtime.user);
    ScriptApp.newTrigger('job').timeBased().everyHours(1).create();
    runtime.execute(() => runtime.clock.advance(3600 * 1000), 'someone@else.example');
    expect(users).toEqual(['coordinator@district.example']);
  });
});

describe('ScriptApp.getAuthorizationInfo', () => {
  test('reports NOT_REQUIRED while authorized and REQUIRED with a URL once the grant is revoked', () => {
    const { ScriptApp, runtime } = setup();
    const ok = ScriptApp.getAuthorizationInfo(ScriptApp.AuthMode.FULL);
    expect(ok.getAuthorizationStatus()).toBe(ScriptApp.AuthorizationStatus.NOT_REQUIRED);
    expect(ok.getAuthorizationUrl()).toBeNull();
    runtime.authorizationStatus = 'REQUIRED';
    const revoked = ScriptApp.getAuthorizationInfo(ScriptApp.AuthMode.FULL);
    expect(String(revoked.getAuthorizationStatus())).toBe('REQUIRED');
    expect(revoked.getAuthorizationUrl()).toMatch(/^https:\/\/script\.google\.com\//);
  });
});

describe('PropertiesService', () => {
  function properties() {
    const runtime = new Runtime();
    let active: string | null = SHEET_ID;
    const { PropertiesService, properties: handle } = createPropertiesService(runtime, () => active);
    return { runtime, PropertiesService, handle, setActive: (id: string | null) => void (active = id) };
  }

  test('stores strings, returns copies, and deletes', () => {
    const { PropertiesService } = properties();
    const p = PropertiesService.getScriptProperties();
    expect(p.setProperty('n', 5 as unknown as string)).toBe(p);
    expect(p.getProperty('n')).toBe('5');
    expect(p.getProperty('missing')).toBeNull();
    const copy = p.getProperties();
    copy.n = 'changed';
    expect(p.getProperty('n')).toBe('5');
    p.setProperties({ a: '1', b: '2' }, true);
    expect(p.getKeys().sort()).toEqual(['a', 'b']);
    p.deleteProperty('a');
    expect(p.getProperties()).toEqual({ b: '2' });
    p.deleteAllProperties();
    expect(p.getKeys()).toEqual([]);
  });

  test('document properties belong to the document, user properties to the user', () => {
    const { PropertiesService, runtime, setActive, handle } = properties();
    PropertiesService.getDocumentProperties().setProperty('preset', 'north');
    PropertiesService.getUserProperties().setProperty('lang', 'ru');
    setActive(OTHER_SHEET);
    expect(PropertiesService.getDocumentProperties().getProperty('preset')).toBeNull();
    setActive(SHEET_ID);
    expect(PropertiesService.getDocumentProperties().getProperty('preset')).toBe('north');
    runtime.execute(() => expect(PropertiesService.getUserProperties().getProperty('lang')).toBeNull(), 'other@x.example');
    expect(handle.user().get('lang')).toBe('ru');
    setActive(null);
    expect(PropertiesService.getDocumentProperties()).toBeNull();
  });

  test('a value over 9 KB is refused with the real error, counted in UTF-8 bytes', () => {
    const p = properties().PropertiesService.getScriptProperties();
    p.setProperty('ok', 'x'.repeat(9 * 1024));
    expect(() => p.setProperty('big', 'x'.repeat(9 * 1024 + 1))).toThrow('Argument too large: value');
    // 4609 Cyrillic letters are 9218 bytes.
    expect(() => p.setProperty('ru', 'я'.repeat(4609))).toThrow('Argument too large: value');
    expect(p.getProperty('big')).toBeNull();
  });

  test('a store over 500 KB is refused with the real error and left unchanged', () => {
    const p = properties().PropertiesService.getUserProperties();
    const chunk = 'x'.repeat(9000);
    let i = 0;
    const quota = 'You have exceeded the property storage quota. Please remove some properties and try again.';
    expect(() => {
      for (; i < 100; i++) p.setProperty(`k${String(i).padStart(2, '0')}`, chunk);
    }).toThrow(quota);
    expect(i).toBe(56); // 56 × 9003 bytes > 500 KB
    expect(p.getKeys()).toHaveLength(56);
    expect(() => p.setProperties({ a: chunk, b: chunk })).toThrow(quota);
    expect(p.getProperty('a')).toBeNull();
  });
});

describe('LockService', () => {
  function locks() {
    const runtime = new Runtime();
    const { LockService, locks: handle } = createLockService(runtime, () => SHEET_ID);
    return { runtime, LockService, handle };
  }

  test('a lock is held by its execution and released when the execution ends', () => {
    const { runtime, LockService, handle } = locks();
    runtime.execute(() => {
      const lock = LockService.getDocumentLock();
      expect(lock.hasLock()).toBe(false);
      expect(lock.tryLock(1000)).toBe(true);
      expect(lock.hasLock()).toBe(true);
      expect(handle.holder('document')).toBe(runtime.executionId);
    });
    expect(handle.holder('document')).toBeNull();
    runtime.execute(() => {
      const lock = LockService.getDocumentLock();
      lock.waitLock(1000);
      lock.releaseLock();
      expect(lock.hasLock()).toBe(false);
      expect(handle.holder('document')).toBeNull();
    });
  });

  test('while another execution holds the document lock, tryLock waits its timeout and fails, waitLock throws', () => {
    const { runtime, LockService, handle } = locks();
    handle.holdAs('document', 'concurrent submit');
    const start = runtime.clock.now();
    runtime.execute(() => {
      const lock = LockService.getDocumentLock();
      expect(lock.tryLock(5000)).toBe(false);
      expect(runtime.clock.now() - start).toBe(5000);
      expect(() => lock.waitLock(30000)).toThrow(LOCK_TIMEOUT_MESSAGE);
      expect(runtime.clock.now() - start).toBe(35000);
    });
    expect(LOCK_TIMEOUT_MESSAGE).toBe('Lock timeout: another process was holding the lock for too long.');
    // The script lock is a different lock.
    runtime.execute(() => expect(LockService.getScriptLock().tryLock(0)).toBe(true));
    handle.release('document', 'concurrent submit');
    runtime.execute(() => expect(LockService.getDocumentLock().tryLock(0)).toBe(true));
  });

  test('a lock released within the wait is acquired after the holder lets go', () => {
    const { runtime, LockService, handle } = locks();
    handle.holdAs('script', 'monthly job', { forMs: 10000 });
    const start = runtime.clock.now();
    runtime.execute(() => {
      expect(LockService.getScriptLock().tryLock(30000)).toBe(true);
      expect(runtime.clock.now() - start).toBe(10000);
    });
  });

  test('a nested execution meets the lock its caller holds', () => {
    const { runtime, LockService } = locks();
    runtime.execute(() => {
      expect(LockService.getScriptLock().tryLock(0)).toBe(true);
      runtime.execute(() => expect(LockService.getScriptLock().tryLock(100)).toBe(false));
      // Back in the outer execution, the lock is still its own.
      expect(LockService.getScriptLock().tryLock(0)).toBe(true);
    });
  });

  test('members the emulator lacks fail loudly, and calls are counted', () => {
    const { runtime, LockService } = locks();
    const lock = LockService.getUserLock() as unknown as { foo(): void; tryLock(ms: number): boolean };
    expect(() => lock.foo()).toThrow('not emulated: Lock.foo');
    lock.tryLock(1);
    lock.tryLock(1);
    expect(runtime.counter.get('Lock.tryLock')).toBe(2);
    expect(runtime.counter.get('LockService.getUserLock')).toBe(1);
  });
});

describe('MailApp', () => {
  test('every documented form of sendEmail lands in the outbox', () => {
    const runtime = new Runtime();
    const { MailApp, mail } = createMailService(runtime);
    MailApp.sendEmail('a@x.example', 'S1', 'B1');
    MailApp.sendEmail('b@x.example', 'S2', 'B2', { htmlBody: '<b>B2</b>', name: 'PD Monitor', cc: 'c@x.example' });
    MailApp.sendEmail({ to: 'd@x.example', subject: 'S3', body: 'B3', noReply: true, bcc: 'e@x.example' });
    MailApp.sendEmail('f@x.example', 'reply@x.example', 'S4', 'B4');
    expect(mail.outbox.map((m) => [m.to, m.subject])).toEqual([
      ['a@x.example', 'S1'],
      ['b@x.example', 'S2'],
      ['d@x.example', 'S3'],
      ['f@x.example', 'S4'],
    ]);
    expect(mail.outbox[1]).toMatchObject({ htmlBody: '<b>B2</b>', name: 'PD Monitor', cc: 'c@x.example' });
    expect(mail.outbox[2]).toMatchObject({ noReply: true, bcc: 'e@x.example', from: runtime.user });
    expect(mail.outbox[3].replyTo).toBe('reply@x.example');
    expect(MailApp.getRemainingDailyQuota()).toBe(100 - 6);
  });

  test('each recipient counts against the daily quota; past it the real error; it resets after 24 hours', () => {
    const runtime = new Runtime({ mailQuota: 3 });
    const { MailApp, mail } = createMailService(runtime);
    MailApp.sendEmail({ to: 'a@x.example', cc: 'b@x.example', subject: 's', body: 'b' });
    expect(MailApp.getRemainingDailyQuota()).toBe(1);
    expect(() => MailApp.sendEmail('a@x.example, c@x.example', 's', 'b')).toThrow('Service invoked too many times for one day: email.');
    expect(mail.outbox).toHaveLength(1);
    runtime.clock.advance(24 * 3600 * 1000);
    expect(MailApp.getRemainingDailyQuota()).toBe(3);
    MailApp.sendEmail('a@x.example, c@x.example', 's', 'b');
    expect(mail.outbox).toHaveLength(2);
  });

  test('failures: an injected one, no recipient, a bad address', () => {
    const { MailApp, mail } = createMailService(new Runtime());
    mail.failNext('Service unavailable: Gmail');
    expect(() => MailApp.sendEmail('a@x.example', 's', 'b')).toThrow('Service unavailable: Gmail');
    expect(() => MailApp.sendEmail({ subject: 's', body: 'b' })).toThrow('Failed to send email: no recipient');
    expect(() => MailApp.sendEmail('not-an-address', 's', 'b')).toThrow('Invalid email: not-an-address');
    MailApp.sendEmail('a@x.example', 's', 'b');
    expect(mail.outbox).toHaveLength(1);
  });
});

describe('HtmlService', () => {
  function html() {
    const runtime = new Runtime();
    const files = new Map([['Sidebar', '<h1><?= title ?></h1>']]);
    return { runtime, ...createHtmlService(runtime, files) };
  }

  test('<?= ?> escapes, <?!= ?> does not, <? ?> runs statements with the template variables in scope', () => {
    const { HtmlService } = html();
    const t = HtmlService.createTemplate(
      "<p><?= '<b>' ?>|<?!= '<b>' ?></p><ul><? for (const x of items) { ?><li><?= x ?></li><? } ?></ul><?= missing ?>",
    );
    t.items = ['a&b', '"q"'];
    t.missing = null;
    expect(t.evaluate().getContent()).toBe('<p>&lt;b&gt;|<b></p><ul><li>a&amp;b</li><li>&quot;q&quot;</li></ul>');
  });

  test('inside <script> a printed value becomes a safe JS literal', () => {
    const { HtmlService } = html();
    const t = HtmlService.createTemplate('<script>var data = <?= data ?>;</script><i><?= s ?></i>');
    t.data = { name: '</script><script>alert(1)</script>' };
    t.s = '<i>';
    const out = t.evaluate().getContent();
    expect(out).toBe('<script>var data = {"name":"\\u003c/script\\u003e\\u003cscript\\u003ealert(1)\\u003c/script\\u003e"};</script><i>&lt;i&gt;</i>');
  });

  test('project files, HtmlOutput setters and appendUntrusted', () => {
    const { HtmlService } = html();
    const t = HtmlService.createTemplateFromFile('Sidebar');
    t.title = 'Мониторинг <ПК>';
    const out = t.evaluate().setTitle('PD Monitor').setWidth(300);
    expect(out.getContent()).toBe('<h1>Мониторинг &lt;ПК&gt;</h1>');
    expect(out.getTitle()).toBe('PD Monitor');
    expect(out.getWidth()).toBe(300);
    expect(out.appendUntrusted('<script>').getContent()).toBe('<h1>Мониторинг &lt;ПК&gt;</h1>&lt;script&gt;');
    expect(() => HtmlService.createHtmlOutputFromFile('Nope')).toThrow('No HTML file named Nope was found.');
    expect(String(HtmlService.SandboxMode.IFRAME)).toBe('IFRAME');
  });
});

describe('Ui', () => {
  test('records menus, sidebars and alerts, answering alerts as the test says', () => {
    const runtime = new Runtime();
    const { ui, state } = createUi(runtime);
    const { HtmlService } = createHtmlService(runtime);
    ui.createAddonMenu().addItem('Открыть', 'showSidebar').addSeparator().addSubMenu(ui.createMenu('Формы').addItem('Создать', 'createForms')).addToUi();
    ui.createAddonMenu().addItem('Открыть', 'showSidebar').addToUi(); // onOpen again replaces, not duplicates
    expect(state.menus).toEqual([{ caption: 'PD Monitor', addOn: true, entries: [{ kind: 'item', caption: 'Открыть', functionName: 'showSidebar' }] }]);
    expect(state.findItem('Открыть')).toBe('showSidebar');

    ui.showSidebar(HtmlService.createHtmlOutput('<p>hi</p>').setTitle('PD Monitor'));
    expect(state.lastSidebar()).toMatchObject({ title: 'PD Monitor', content: '<p>hi</p>' });
    expect(() => ui.showSidebar('<p>' as unknown as GoogleAppsScript.HTML.HtmlOutput)).toThrow("don't match the method signature for Ui.showSidebar");

    state.alertAnswers.push('NO');
    expect(ui.alert('Удалить?', 'Точно?', ui.ButtonSet.YES_NO)).toBe(ui.Button.NO);
    expect(ui.alert('Готово')).toBe(ui.Button.OK);
    expect(state.alerts.map((a) => [a.title, a.prompt, a.answer])).toEqual([
      ['Удалить?', 'Точно?', 'NO'],
      ['', 'Готово', 'OK'],
    ]);
  });
});

describe('Utilities, Logger, console, Session', () => {
  const runtime = new Runtime();
  const { Utilities, Logger, console: scriptConsole, logs } = createUtilities(runtime);

  test('formatDate renders SimpleDateFormat patterns in the given zone', () => {
    const d = new Date('2026-03-08T21:05:09.042Z');
    expect(Utilities.formatDate(d, 'Europe/Moscow', 'yyyy-MM-dd HH:mm:ss.SSS Z XXX')).toBe('2026-03-09 00:05:09.042 +0300 +03:00');
    expect(Utilities.formatDate(d, 'Europe/Moscow', "d.M.yy 'в' H:mm, EEE, EEEE, MMM, MMMM, z")).toBe('9.3.26 в 0:05, Mon, Monday, Mar, March, MSK');
    expect(Utilities.formatDate(d, 'UTC', "yyyy-MM-dd'T'HH:mm:ssXXX")).toBe('2026-03-08T21:05:09Z');
    expect(Utilities.formatDate(d, 'Asia/Kolkata', 'HH:mm Z')).toBe('02:35 +0530');
    expect(Utilities.formatDate(d, 'GMT+3', 'HH:mm')).toBe('00:05');
    expect(() => Utilities.formatDate('2026-03-08' as unknown as Date, 'UTC', 'yyyy')).toThrow(
      "The parameters (String,String,String) don't match the method signature for Utilities.formatDate.",
    );
    expect(() => Utilities.formatDate(d, 'UTC', 'Q')).toThrow("Illegal pattern character 'Q'");
  });

  test('computeDigest returns Java signed bytes', () => {
    const md5 = Utilities.computeDigest(Utilities.DigestAlgorithm.MD5, 'abc');
    const hex = md5.map((b) => (b & 0xff).toString(16).padStart(2, '0')).join('');
    expect(hex).toBe('900150983cd24fb0d6963f7d28e17f72');
    expect(md5[0]).toBe(-112); // 0x90
    const sha = Utilities.computeDigest(Utilities.DigestAlgorithm.SHA_256, 'Мониторинг', Utilities.Charset.UTF_8);
    expect(sha).toHaveLength(32);
    expect(sha.every((b) => Number.isInteger(b) && b >= -128 && b <= 127)).toBe(true);
    expect(sha.some((b) => b < 0)).toBe(true);
  });

  test('base64 round-trips UTF-8, uuids are unique, formatString follows Java', () => {
    const encoded = Utilities.base64Encode('Привет');
    expect(encoded).toBe(Buffer.from('Привет').toString('base64'));
    const bytes = Utilities.base64Decode(encoded);
    expect(Utilities.newBlob(bytes).getDataAsString()).toBe('Привет');
    expect(Utilities.getUuid()).not.toBe(Utilities.getUuid());
    expect(Utilities.formatString('%05.1f|%s|%3d|%%', 3.14159, 'x', 7)).toBe('003.1|x|  7|%');
  });

  test('sleep spends emulated time up to 5 minutes', () => {
    const before = runtime.clock.now();
    Utilities.sleep(2000);
    expect(runtime.clock.now() - before).toBe(2000);
    expect(() => Utilities.sleep(300001)).toThrow(/Invalid argument/);
  });

  test('Logger and console record instead of printing', () => {
    Logger.log('n=%s', 5);
    scriptConsole.warn('careful', { a: 1 });
    expect(Logger.getLog()).toMatch(/^\[\d\d-\d\d-\d\d \d\d:\d\d:\d\d:\d{3} MSK\] n=5$/);
    expect(logs.text('warn')).toBe('careful { a: 1 }');
  });

  test('Session reports the runtime user, locale and zone', () => {
    const session = createSession(runtime);
    expect(session.getActiveUser().getEmail()).toBe('coordinator@district.example');
    expect(session.getScriptTimeZone()).toBe('Europe/Moscow');
    expect(session.getActiveUserLocale()).toBe('ru');
    const key = session.getTemporaryActiveUserKey();
    expect(key).toBe(session.getTemporaryActiveUserKey());
    expect(key).not.toContain('coordinator');
    expect(runtime.execute(() => session.getTemporaryActiveUserKey(), 'other@x.example')).not.toBe(key);
  });
});

describe('CacheService', () => {
  test('entries expire by the emulated clock (600 s by default)', () => {
    const runtime = new Runtime();
    const { CacheService } = createCacheService(runtime, () => SHEET_ID);
    const cache = CacheService.getScriptCache();
    cache.put('k', 'v');
    cache.put('short', 'v', 10);
    cache.putAll({ a: '1', b: '2' }, 30000); // capped at 6 hours
    runtime.clock.advance(11 * 1000);
    expect(cache.get('short')).toBeNull();
    runtime.clock.advance(588 * 1000);
    expect(cache.get('k')).toBe('v');
    runtime.clock.advance(2 * 1000);
    expect(cache.get('k')).toBeNull();
    expect(cache.getAll(['a', 'b', 'k'])).toEqual({ a: '1', b: '2' });
    runtime.clock.advance(6 * 3600 * 1000);
    expect(cache.getAll(['a', 'b'])).toEqual({});
  });

  test('limits: values up to 100 KB, keys up to 250 characters; caches are scoped', () => {
    const runtime = new Runtime();
    const { CacheService } = createCacheService(runtime, () => SHEET_ID);
    const cache = CacheService.getDocumentCache() as GoogleAppsScript.Cache.Cache;
    cache.put('ok', 'x'.repeat(100 * 1024));
    expect(() => cache.put('big', 'x'.repeat(100 * 1024 + 1))).toThrow('Argument too large: value');
    expect(() => cache.put('k'.repeat(251), 'v')).toThrow('Argument too large: key');
    expect(CacheService.getScriptCache().get('ok')).toBeNull();
    CacheService.getUserCache().put('u', '1');
    expect(runtime.execute(() => CacheService.getUserCache().get('u'), 'other@x.example')).toBeNull();
  });
});

describe('the bundle’s Date', () => {
  const clock = new Runtime({ now: '2026-03-29T00:30:00Z' }).clock;
  const EmuDate = makeEmulatedDate(clock, 'Europe/Berlin');

  test('reads the emulated clock and keeps local fields in the project zone across DST', () => {
    const d = new EmuDate();
    expect(d.getTime()).toBe(clock.now());
    expect([d.getHours(), d.getTimezoneOffset()]).toEqual([1, -60]); // 01:30 CET
    d.setHours(d.getHours() + 2); // 03:30 CEST: 02:00–03:00 does not exist that night
    expect(d.toISOString()).toBe('2026-03-29T01:30:00.000Z');
    expect([d.getHours(), d.getTimezoneOffset()]).toEqual([3, -120]);
    d.setDate(32); // rolls into April
    expect([d.getMonth(), d.getDate(), d.getDay()]).toEqual([3, 1, 3]);
    expect(String(new EmuDate(2026, 11, 31, 23, 59))).toBe('Thu Dec 31 2026 23:59:00 GMT+0100 (Central European Standard Time)');
    expect(new EmuDate(d).getTime()).toBe(d.getTime());
    expect(String(new EmuDate('not a date'))).toBe('Invalid Date');
    expect(Number.isNaN(new EmuDate(NaN).getHours())).toBe(true);
  });
});

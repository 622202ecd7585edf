/**
 * Mail: the monthly summary (on/off, recipients, day, language), reminders to schools (an
 * optional address per school, the reminder day and one repeat), a test summary sent now
 * and a preview of the next summary. The settings are checked by the same rules as on the
 * server before saving, and every problem is shown beside its field.
 *
 * The preview shows the email's HTML (built by the escaping builder) in an iframe with
 * sandbox="" — no scripts, no same origin, no forms — or, where that cannot be set, only its
 * plain-text version. The sidebar never parses it as markup itself.
 */
import { MailFieldError, MailSettings, validateMailSettings } from '../core/mail-settings';
import { isLang, Lang } from '../core/text/i18n';
import type { HealthView, MailMessageView, MailSettingsView } from '../shared/api';
import type { App, Panel } from './app';
import { h, replace } from './dom';
import { lang, t } from './i18n';
import { call, withStatus } from './rpc';
import { alertItem, button, Field, field, section, statusLine } from './ui';

/** What the user is editing, as typed. */
interface Draft {
  summaryEnabled: boolean;
  recipients: string;
  summaryDay: string;
  lang: Lang;
  /** By school, as listed in the settings. */
  contacts: Record<string, string>;
  reminderDay: string;
  repeatAfterDays: string;
}

interface Loaded {
  view: MailSettingsView;
  health: HealthView;
}

let loaded: Loaded | null = null;
let draft: Draft | null = null;
let loadedFor = -1;
/**
 * The last save, kept across a language switch (the panel redraws): saved, refused by the
 * checks here (said again in the new language), or refused by the server (as it said it).
 */
let outcome: { kind: 'saved' } | { kind: 'invalid' } | { kind: 'refused'; errors: MailFieldError[] } | null = null;
let testResult: MailMessageView | null = null;
let preview: MailMessageView | null = null;

function fromSettings(settings: MailSettings, schools: readonly string[]): Draft {
  const byName = new Map(settings.contacts.map((contact) => [contact.school, contact.email]));
  return {
    summaryEnabled: settings.summaryEnabled,
    recipients: settings.recipients.join('\n'),
    summaryDay: String(settings.summaryDay),
    lang: settings.lang,
    contacts: Object.fromEntries(schools.map((school) => [school, byName.get(school) ?? ''])),
    reminderDay: settings.reminderDay === null ? '' : String(settings.reminderDay),
    repeatAfterDays: settings.repeatAfterDays === null ? '' : String(settings.repeatAfterDays),
  };
}

/** The draft as saveMailSettings takes it. */
function input(d: Draft) {
  return {
    summaryEnabled: d.summaryEnabled,
    recipients: d.recipients.split(/[\r\n,;]+/).map((line) => line.trim()).filter((line) => line !== ''),
    summaryDay: d.summaryDay,
    lang: d.lang,
    contacts: Object.entries(d.contacts).map(([school, email]) => ({ school, email })),
    reminderDay: d.reminderDay,
    repeatAfterDays: d.repeatAfterDays,
  };
}

function textControl(type: string, value: string, onInput: (value: string) => void, attrs: Record<string, string> = {}): HTMLInputElement {
  return h('input', { type, value, spellcheck: 'false', oninput: (e: Event) => onInput((e.target as HTMLInputElement).value), ...attrs });
}

/** Where a field's error goes: a setting's key, or `contact:<school>`. */
function fieldKey(error: MailFieldError): string {
  return error.field === 'contacts' && error.school ? `contact:${error.school}` : error.field;
}

function draw(root: HTMLElement, app: App, data: Loaded, d: Draft): void {
  const { view, health } = data;
  const fields = new Map<string, Field>();

  const enabled = h('input', { type: 'checkbox', id: 'mail-summary-enabled', checked: d.summaryEnabled, onchange: (e: Event) => { d.summaryEnabled = (e.target as HTMLInputElement).checked; } });
  const enabledWrap = h('div', { class: 'choice' }, [enabled, h('label', { for: 'mail-summary-enabled' }, t('mailSummaryEnabled'))]);

  const recipients = h('textarea', { rows: 2, spellcheck: 'false', oninput: (e: Event) => { d.recipients = (e.target as HTMLTextAreaElement).value; } });
  recipients.value = d.recipients;
  fields.set('recipients', field(t('mailRecipients'), recipients, t('mailRecipientsHint', { coordinators: view.coordinators.join(', ') })));
  fields.set('summaryDay', field(t('mailSummaryDay'), textControl('number', d.summaryDay, (v) => { d.summaryDay = v; }, { min: '1', max: '28', step: '1', inputmode: 'numeric' }), t('mailSummaryDayHint')));
  const langSelect = h('select', { onchange: (e: Event) => { const v = (e.target as HTMLSelectElement).value; if (isLang(v)) d.lang = v; } }, [
    h('option', { value: 'ru', selected: d.lang === 'ru' }, 'Русский'),
    h('option', { value: 'en', selected: d.lang === 'en' }, 'English'),
  ]);
  fields.set('lang', field(t('mailLang'), langSelect));

  const contacts = view.schools.map((school) => {
    const control = textControl('email', d.contacts[school] ?? '', (v) => { d.contacts[school] = v; }, { autocomplete: 'off', 'data-school': school });
    const f = field(t('mailContactOf', { school }), control);
    fields.set(`contact:${school}`, f);
    return f.wrap;
  });
  fields.set('reminderDay', field(t('mailReminderDay'), textControl('number', d.reminderDay, (v) => { d.reminderDay = v; }, { min: '1', max: '28', step: '1', inputmode: 'numeric' }), t('mailReminderDayHint')));
  fields.set('repeatAfterDays', field(t('mailRepeat'), textControl('number', d.repeatAfterDays, (v) => { d.repeatAfterDays = v; }, { min: '1', max: '60', step: '1', inputmode: 'numeric' }), t('mailRepeatHint')));

  const summary = h('div', { class: 'form-summary', role: 'alert' });
  const result = h('div', { class: 'save-result', role: 'status', 'aria-live': 'polite', tabindex: '-1' });
  const status = statusLine();

  /** Puts each error beside its field; errors with no field of their own go to the summary. */
  function showErrors(errors: MailFieldError[]): HTMLElement | null {
    let first: HTMLElement | null = null;
    const byField = new Map<string, string[]>();
    for (const error of errors) byField.set(fieldKey(error), [...(byField.get(fieldKey(error)) ?? []), error.message]);
    for (const [key, f] of fields) {
      const messages = byField.get(key);
      f.setError(messages ? messages.join(' ') : null);
      if (messages && !first) first = f.control;
    }
    const loose = errors.filter((error) => !fields.has(fieldKey(error)));
    replace(summary, errors.length === 0 ? [] : [
      h('p', {}, t('mailNotSaved')),
      h('ul', {}, (loose.length > 0 ? loose : errors).map((error) => h('li', {}, error.message))),
    ]);
    return first;
  }

  const check = () => validateMailSettings(input(d), lang(), view.schools);

  function showOutcome(): void {
    if (outcome?.kind === 'saved') replace(result, h('p', { class: 'ok' }, t('mailSaved')));
    if (outcome?.kind === 'refused') showErrors(outcome.errors);
    if (outcome?.kind === 'invalid') {
      const checked = check();
      showErrors(checked.ok ? [] : checked.fields);
    }
  }

  const save = h('button', { type: 'submit', class: 'primary' }, t('mailSave'));
  async function submit(): Promise<void> {
    outcome = null;
    replace(result, []);
    // The server's own rules, in the sidebar's language: nothing is sent that it would refuse.
    const checked = check();
    if (!checked.ok) {
      outcome = { kind: 'invalid' };
      showErrors(checked.fields)?.focus();
      return;
    }
    showErrors([]);
    const saved = await withStatus(status, () => call('saveMailSettings', input(d)), [save]);
    if (!saved) return;
    if (!saved.ok) {
      outcome = { kind: 'refused', errors: saved.fields };
      showErrors(saved.fields)?.focus();
      return;
    }
    outcome = { kind: 'saved' };
    // Other panels reload when next shown; this one now holds what was stored.
    app.invalidate();
    loadedFor = app.generation;
    data.view = { ...view, settings: checked.value, errors: [] };
    draft = fromSettings(checked.value, view.schools);
    draw(root, app, data, draft);
    root.querySelector<HTMLElement>('.save-result')?.focus();
  }

  const form = h('form', { novalidate: true, onsubmit: (event: Event) => { event.preventDefault(); void submit(); } }, [
    section(t('mailSummaryTitle'), [enabledWrap, fields.get('recipients')!.wrap, fields.get('summaryDay')!.wrap, fields.get('lang')!.wrap]),
    section(t('mailRemindersTitle'), [
      h('p', { class: 'hint' }, t('mailContactsHint')),
      view.schools.length === 0 ? h('p', {}, t('mailNoSchools')) : null,
      ...contacts,
      fields.get('reminderDay')!.wrap,
      fields.get('repeatAfterDays')!.wrap,
    ]),
    summary,
    h('div', { class: 'actions' }, [save]),
    status,
    result,
  ]);

  // Only addresses the server accepts for a test: the coordinators and the saved recipients.
  const addresses = [...new Set([...view.coordinators, ...view.settings.recipients])];
  const testTo = h('select', {}, addresses.map((address) => h('option', { value: address }, address)));
  const testField = field(t('mailTestTo'), testTo, t('mailTestHint'));
  const testStatus = statusLine();
  const testShown = h('div', { role: 'status', 'aria-live': 'polite' });
  const showTest = () => replace(testShown, testResult ? h('p', { class: 'ok' }, t('mailTestSent', { to: testResult.to.join(', '), subject: testResult.subject })) : []);
  const testButton: HTMLButtonElement = button(t('mailTestSend'), () => {
    testResult = null;
    showTest();
    void withStatus(testStatus, () => call('sendTestSummary', testTo.value), [testButton]).then((sent) => {
      testResult = sent;
      showTest();
    });
  });

  const previewStatus = statusLine();
  const previewShown = h('div', { class: 'mail-preview' });
  const showPreview = () => replace(previewShown, preview ? previewOf(preview) : []);
  const previewButton: HTMLButtonElement = button(t('mailPreviewShow'), () => {
    void withStatus(previewStatus, () => call('previewSummary'), [previewButton]).then((next) => {
      if (next === null) return;
      preview = next;
      showPreview();
    });
  }, { class: 'mail-preview-show' });

  const reauthorize = health.problems.find((problem) => problem.id === 'authorizationRequired');
  replace(root, [
    h('h2', {}, t('mailTitle')),
    h('p', { class: 'intro' }, t('mailIntro')),
    reauthorize ? h('ul', { class: 'alerts' }, alertItem('error', t('levelError'), reauthorize.message, { 'data-problem': reauthorize.id })) : null,
    view.errors.length > 0 ? h('div', { class: 'form-summary', 'data-stored-errors': 'true' }, [h('p', {}, t('mailStoredErrors')), h('ul', {}, view.errors.map((e) => h('li', {}, e)))]) : null,
    form,
    section(t('mailTestTitle'), [
      h('p', { class: 'muted' }, t('mailQuota', { quota: view.remainingQuota, sent: view.sent })),
      testField.wrap,
      h('div', { class: 'actions' }, [testButton]),
      testStatus,
      testShown,
    ], { class: 'mail-test' }),
    section(t('mailPreviewTitle'), [h('div', { class: 'actions' }, [previewButton]), previewStatus, previewShown]),
  ]);
  showOutcome();
  showTest();
  showPreview();
}

/** The next summary: who gets it, its subject, the HTML in a sandboxed frame and the plain text. */
function previewOf(message: MailMessageView): Array<Node | null> {
  const frame = h('iframe', { class: 'mail-frame', sandbox: '', title: t('mailPreviewFrame'), referrerpolicy: 'no-referrer' });
  let framed = true;
  try {
    // An attribute, not markup parsed here: the frame's document has no script and no origin.
    frame.setAttribute('srcdoc', message.html);
  } catch {
    // A page enforcing Trusted Types refuses a plain string here: the text version stands alone.
    framed = false;
  }
  return [
    h('p', {}, t('mailPreviewOf', { to: message.to.join(', '), subject: message.subject })),
    framed ? frame : null,
    h('details', { open: true }, [h('summary', {}, t('mailPreviewText')), h('pre', { class: 'mail-text' }, message.text)]),
  ];
}

export const mailPanel: Panel = {
  id: 'mail',
  title: 'tabMail',
  needsSetup: true,
  show(root, app) {
    if (loaded && draft && loadedFor === app.generation) {
      draw(root, app, loaded, draft);
      return;
    }
    const status = statusLine();
    replace(root, [h('h2', {}, t('mailTitle')), status]);
    void withStatus(status, () => Promise.all([call('getMailSettings'), call('getHealth')])).then((data) => {
      if (data === null) return;
      const [view, health] = data;
      loaded = { view, health };
      draft = fromSettings(view.settings, view.schools);
      outcome = null;
      loadedFor = app.generation;
      if (app.current() === 'mail') draw(root, app, loaded, draft);
    });
  },
};

/**
 * Setup (first open) and later Settings: preset, district, schools, subjects,
 * coordinators, privacy threshold, the "school with high burnout" threshold, language. Problems are found before saving and shown
 * beside their fields; saving creates the workbook's sheets and triggers and says so.
 */
import { HIGH_BURNOUT_SCHOOL_PERCENT } from '../core/aggregate';
import { findDuplicateNames, listLines } from '../core/text/names';
import { isLang, Lang } from '../core/text/i18n';
import type { SaveSettingsResult, SettingsView } from '../shared/api';
import type { App, Panel } from './app';
import { h, replace, uid } from './dom';
import { lang, pick, setLang, t } from './i18n';
import { call, withStatus } from './rpc';
import { Field, field, statusLine } from './ui';

interface Draft {
  presetId: string;
  districtName: string;
  schools: string;
  subjects: string;
  coordinators: string;
  privacyThreshold: string;
  highBurnoutPercent: string;
  lang: Lang;
}

type FieldName = Exclude<keyof Draft, 'presetId'> | 'presetId';

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

let draft: Draft | null = null;
let loadedFor = -1;
/** The outcome of the last save, kept so it survives a language switch. */
let saved: Extract<SaveSettingsResult, { ok: true }> | null = null;
let serverErrors: string[] = [];

function fromSettings(settings: SettingsView | null, app: App): Draft {
  return {
    presetId: settings?.presetId ?? app.info.presets[0]?.id ?? 'custom',
    districtName: settings?.districtName ?? '',
    schools: (settings?.schools ?? []).join('\n'),
    subjects: (settings?.subjects ?? []).join('\n'),
    coordinators: (settings?.coordinators ?? []).join('\n'),
    privacyThreshold: String(settings?.privacyThreshold ?? app.info.defaultPrivacyThreshold),
    highBurnoutPercent: String(settings?.highBurnoutPercent ?? HIGH_BURNOUT_SCHOOL_PERCENT),
    lang: settings?.lang ?? lang(),
  };
}

/** Every problem of the draft, by field, in the current language. */
export function checkDraft(d: Draft): Partial<Record<FieldName, string>> {
  const errors: Partial<Record<FieldName, string>> = {};
  if (d.districtName.trim() === '') errors.districtName = t('errDistrict');
  for (const key of ['schools', 'subjects'] as const) {
    const names = listLines(d[key]);
    if (names.length === 0) errors[key] = t(key === 'schools' ? 'errSchools' : 'errSubjects');
    const duplicates = findDuplicateNames(names);
    if (duplicates.length > 0) {
      errors[key] = duplicates.map((dup) => t(dup.kind === 'exact' ? 'errDuplicate' : 'errNearDuplicate', { name: dup.name, of: dup.of, line: dup.index + 1 })).join(' ');
    }
    const long = names.find((name) => name.length > 200);
    if (long) errors[key] = t('errTooLong', { name: `${long.slice(0, 40)}…` });
  }
  const emails = listLines(d.coordinators);
  if (emails.length === 0) errors.coordinators = t('errCoordinators');
  const bad = emails.filter((email) => !EMAIL.test(email));
  if (bad.length > 0) errors.coordinators = t('errEmail', { emails: bad.join(', ') });
  const threshold = Number(d.privacyThreshold);
  if (d.privacyThreshold.trim() === '' || !Number.isInteger(threshold) || threshold < 2 || threshold > 50) errors.privacyThreshold = t('errThreshold');
  const burnout = Number(d.highBurnoutPercent);
  if (d.highBurnoutPercent.trim() === '' || !Number.isInteger(burnout) || burnout < 1 || burnout > 100) errors.highBurnoutPercent = t('errBurnoutPercent');
  return errors;
}

function textInput(name: keyof Draft, d: Draft, attrs: Record<string, string> = {}): HTMLInputElement {
  return h('input', { type: 'text', name, value: d[name], oninput: (e: Event) => { (d as unknown as Record<string, string>)[name] = (e.target as HTMLInputElement).value; }, ...attrs });
}

function textArea(name: keyof Draft, d: Draft, rows: number): HTMLTextAreaElement {
  const area = h('textarea', { name, rows, spellcheck: 'false', oninput: (e: Event) => { (d as unknown as Record<string, string>)[name] = (e.target as HTMLTextAreaElement).value; } });
  area.value = d[name];
  return area;
}

function draw(root: HTMLElement, app: App, d: Draft): void {
  const status = statusLine();
  const fields: Partial<Record<FieldName, Field>> = {};

  const presetGroupId = uid('preset');
  const presetError = h('p', { id: `${presetGroupId}-error`, class: 'field-error', hidden: true });
  const presets = h('fieldset', { class: 'field presets', 'aria-describedby': `${presetGroupId}-error` }, [
    h('legend', {}, t('fieldPreset')),
    ...app.info.presets.map((preset) => {
      const id = uid('preset');
      return h('div', { class: 'choice' }, [
        h('input', {
          type: 'radio', name: 'presetId', id, value: preset.id, checked: preset.id === d.presetId,
          'aria-describedby': `${id}-desc`, onchange: () => { d.presetId = preset.id; },
        }),
        h('label', { for: id }, [h('span', { class: 'choice-title' }, pick(preset.title)), h('span', { id: `${id}-desc`, class: 'hint' }, pick(preset.description))]),
      ]);
    }),
    presetError,
  ]);

  fields.districtName = field(t('fieldDistrict'), textInput('districtName', d, { autocomplete: 'off' }));
  fields.schools = field(t('fieldSchools'), textArea('schools', d, 6), t('hintOnePerLine'));
  fields.subjects = field(t('fieldSubjects'), textArea('subjects', d, 4), t('hintOnePerLine'));
  fields.coordinators = field(t('fieldCoordinators'), textArea('coordinators', d, 2), t('hintCoordinators'));
  fields.privacyThreshold = field(t('fieldThreshold'), textInput('privacyThreshold', d, { inputmode: 'numeric', type: 'number', min: '2', max: '50', step: '1' }), t('hintThreshold'));
  fields.highBurnoutPercent = field(t('fieldBurnoutPercent'), textInput('highBurnoutPercent', d, { inputmode: 'numeric', type: 'number', min: '1', max: '100', step: '1' }), t('hintBurnoutPercent'));
  const langSelect = h('select', { name: 'lang', onchange: (e: Event) => { const v = (e.target as HTMLSelectElement).value; if (isLang(v)) d.lang = v; } }, [
    // Each language by its own name, marked as that language for screen readers.
    h('option', { value: 'ru', lang: 'ru', selected: d.lang === 'ru' }, 'Русский'),
    h('option', { value: 'en', lang: 'en', selected: d.lang === 'en' }, 'English'),
  ]);
  fields.lang = field(t('fieldLang'), langSelect, t('hintLang'));
  // A field is checked again when the user leaves it, and while they fix one in error, so a
  // near-duplicate school is flagged before saving and a fixed field stops saying it is wrong.
  for (const [name, f] of Object.entries(fields) as Array<[FieldName, Field]>) {
    const recheck = () => f.setError(checkDraft(d)[name] ?? null);
    f.control.addEventListener('change', recheck);
    f.control.addEventListener('input', () => { if (f.control.getAttribute('aria-invalid') === 'true') recheck(); });
  }

  const summary = h('div', { class: 'form-summary', role: 'alert' });
  const result = h('div', { class: 'save-result', role: 'status', 'aria-live': 'polite' });

  function showResult(): void {
    if (serverErrors.length > 0) {
      replace(summary, [h('p', {}, t('serverRejected')), h('ul', {}, serverErrors.map((e) => h('li', {}, e)))]);
    }
    if (saved) {
      replace(result, [
        h('p', { class: 'ok' }, t('savedOk')),
        saved.createdSheets.length > 0 ? h('p', {}, t('savedSheets', { sheets: saved.createdSheets.join(', ') })) : h('p', {}, t('savedNoSheets')),
        h('p', {}, saved.triggersCreated.length > 0 ? t('savedTriggers', { count: saved.triggersCreated.length }) : t('savedTriggersPresent')),
      ]);
    }
  }

  const save = h('button', { type: 'submit', class: 'primary' }, app.info.setUp ? t('saveSettings') : t('saveAndCreate'));
  const form = h('form', {
    novalidate: true,
    onsubmit: (event: Event) => {
      event.preventDefault();
      void submit();
    },
  }, [
    presets,
    fields.districtName.wrap, fields.schools.wrap, fields.subjects.wrap, fields.coordinators.wrap,
    fields.privacyThreshold.wrap, fields.highBurnoutPercent.wrap, fields.lang.wrap,
    summary,
    h('div', { class: 'actions' }, [save]),
    status,
    result,
  ]);

  async function submit(): Promise<void> {
    saved = null;
    serverErrors = [];
    replace(summary, []);
    replace(result, []);
    const errors = checkDraft(d);
    let first: HTMLElement | null = null;
    for (const [name, f] of Object.entries(fields) as Array<[FieldName, Field]>) {
      f.setError(errors[name] ?? null);
      if (errors[name] && !first) first = f.control;
    }
    if (first) {
      replace(summary, h('p', {}, t('fixErrors')));
      first.focus();
      return;
    }
    const outcome = await withStatus(status, () => call('saveSettings', {
      districtName: d.districtName, presetId: d.presetId, schools: listLines(d.schools), subjects: listLines(d.subjects),
      coordinators: listLines(d.coordinators), privacyThreshold: Number(d.privacyThreshold), highBurnoutPercent: Number(d.highBurnoutPercent), lang: d.lang,
    }), [save]);
    if (!outcome) return;
    if (!outcome.ok) {
      serverErrors = outcome.errors;
      showResult();
      return;
    }
    saved = outcome;
    app.info.setUp = true;
    app.invalidate();
    // The workbook's language becomes the sidebar's; a switch redraws the panel, which shows `saved`.
    if (d.lang !== lang()) setLang(d.lang);
    else app.go('setup');
    document.querySelector<HTMLElement>('.save-result')?.focus();
  }

  replace(root, [
    h('h2', {}, app.info.setUp ? t('settingsTitle') : t('setupTitle')),
    app.info.setUp ? null : h('p', { class: 'intro' }, t('setupIntro')),
    form,
  ]);
  result.setAttribute('tabindex', '-1');
  showResult();
}

export const setupPanel: Panel = {
  id: 'setup',
  title: 'tabSetup',
  needsSetup: false,
  show(root, app) {
    if (draft && loadedFor === app.generation) {
      draw(root, app, draft);
      return;
    }
    if (!app.info.setUp) {
      draft = draft ?? fromSettings(null, app);
      loadedFor = app.generation;
      draw(root, app, draft);
      return;
    }
    const status = statusLine();
    replace(root, [h('h2', {}, t('settingsTitle')), status]);
    void withStatus(status, () => call('getSettings')).then((settings) => {
      if (settings === null) return;
      draft = fromSettings(settings, app);
      loadedFor = app.generation;
      if (app.current() === 'setup') draw(root, app, draft);
    });
  },
};

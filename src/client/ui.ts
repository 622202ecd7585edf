/** Small building blocks the panels share: fields with their errors, tables, alerts, sections. */
import type { Localized } from '../core/text/i18n';
import { Attrs, h, uid } from './dom';
import { pick } from './i18n';

export interface Field {
  wrap: HTMLElement;
  control: HTMLInputElement | HTMLTextAreaElement | HTMLSelectElement;
  /** Shows (or, with null, clears) the field's error beside it. */
  setError(message: string | null): void;
}

/**
 * A labelled control with a hint and an error slot beside it, both tied to the control
 * by aria-describedby so a screen reader reads them with it.
 */
export function field(label: string, control: Field['control'], hint?: string): Field {
  const id = control.id || uid('f');
  control.id = id;
  const hintId = `${id}-hint`;
  const errorId = `${id}-error`;
  const error = h('p', { id: errorId, class: 'field-error', hidden: true });
  const describedBy = [hint ? hintId : null, errorId].filter(Boolean).join(' ');
  control.setAttribute('aria-describedby', describedBy);
  const wrap = h('div', { class: 'field' }, [
    h('label', { for: id }, label),
    hint ? h('p', { id: hintId, class: 'hint' }, hint) : null,
    control,
    error,
  ]);
  return {
    wrap,
    control,
    setError(message) {
      error.textContent = message ?? '';
      error.hidden = message === null;
      if (message === null) control.removeAttribute('aria-invalid');
      else control.setAttribute('aria-invalid', 'true');
    },
  };
}

/** A table with a caption (visually hidden when `hideCaption`), column headers and rows. */
export function table(caption: string, headers: string[], rows: Array<Array<string | number | Node>>, options: { hideCaption?: boolean; numeric?: number[] } = {}): HTMLElement {
  const numeric = new Set(options.numeric ?? []);
  return h('table', { class: 'data' }, [
    h('caption', { class: options.hideCaption ? 'visually-hidden' : null }, caption),
    h('thead', {}, h('tr', {}, headers.map((header, i) => h('th', { scope: 'col', class: numeric.has(i) ? 'num' : null }, header)))),
    h('tbody', {}, rows.map((row) => h('tr', {}, row.map((cell, i) =>
      i === 0 && typeof cell === 'string' ? h('th', { scope: 'row' }, cell) : h('td', { class: numeric.has(i) ? 'num' : null }, cell))))),
  ]);
}

export type Level = 'error' | 'warning' | 'info' | 'ok';

/** One alert line; the level is said in words as well as by colour. */
export function alertItem(level: Level, levelText: string, text: Localized | string, attrs: Attrs = {}): HTMLElement {
  return h('li', { class: `alert alert-${level}`, ...attrs }, [
    h('span', { class: 'alert-level' }, levelText), ' ', typeof text === 'string' ? text : pick(text),
  ]);
}

export function section(title: string, children: Array<Node | null>, attrs: Attrs = {}): HTMLElement {
  const id = uid('s');
  return h('section', { 'aria-labelledby': id, ...attrs }, [h('h2', { id }, title), ...children]);
}

export function button(text: string, onclick: () => void, attrs: Attrs = {}): HTMLButtonElement {
  return h('button', { type: 'button', ...attrs, onclick: () => onclick() }, text);
}

/** A live region for a call's loading state and failure message. */
export function statusLine(): HTMLElement {
  return h('p', { class: 'status', role: 'status', 'aria-live': 'polite' });
}

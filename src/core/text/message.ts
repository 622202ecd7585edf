/**
 * Messages that are composed in core and rendered where the language is known (the
 * sidebar, the CLI, a log sheet): a Localized text with {name} placeholders and the
 * values to fill them. A value may itself be Localized (a field's title), so the whole
 * message renders in one language.
 */
import { Lang, Localized, tr } from './i18n';

export type MessageParam = string | number | Localized;

export interface LocalizedMessage {
  text: Localized;
  params?: Record<string, MessageParam>;
}

export function message(text: Localized, params?: Record<string, MessageParam>): LocalizedMessage {
  return params ? { text, params } : { text };
}

export function renderMessage(msg: LocalizedMessage, lang: Lang): string {
  const params: Record<string, string | number> = {};
  for (const [key, value] of Object.entries(msg.params ?? {})) {
    params[key] = typeof value === 'object' ? tr(value, lang) : value;
  }
  return tr(msg.text, lang, params);
}

/** Joins Localized texts language by language; the separator may differ per language. */
export function joinLocalized(texts: readonly Localized[], separator: string | Localized): Localized {
  const sep = typeof separator === 'string' ? { ru: separator, en: separator } : separator;
  return {
    ru: texts.map((text) => text.ru).join(sep.ru),
    en: texts.map((text) => text.en).join(sep.en),
  };
}

/**
 * A problem that stops reading a whole input (a file with no header, a header missing a
 * column): thrown by core, rendered in the user's language by whoever called it.
 */
export class MessageError extends Error {
  constructor(readonly problem: LocalizedMessage) {
    super(renderMessage(problem, 'en'));
    this.name = 'MessageError';
  }
}

/**
 * An HTML builder that escapes by default. Email bodies are not sandboxed: whatever a
 * respondent or coordinator typed (a school name, an answer) must reach the mail as text.
 * `html` is a tagged template: its literal parts are the code's own markup, every
 * interpolated value is escaped unless it is already built Html. Raw markup from a string
 * is possible only through UNSAFE_rawHtml, a name meant to be found by grep.
 */
export class Html {
  /** Use `html` or UNSAFE_rawHtml; a constructor call elsewhere would bypass escaping. */
  private constructor(readonly markup: string) {}

  toString(): string {
    return this.markup;
  }

  /** Only this module builds Html values. */
  static of(markup: string): Html {
    return new Html(markup);
  }
}

export type HtmlValue = Html | string | number | boolean | null | undefined | readonly HtmlValue[];

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;', '`': '&#96;' };

/** Text as HTML text or a quoted attribute value. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"'`]/g, (c) => ESCAPES[c]);
}

function render(value: HtmlValue): string {
  if (value instanceof Html) return value.markup;
  if (value === null || value === undefined || value === false || value === true) return '';
  if (Array.isArray(value)) return value.map(render).join('');
  return escapeHtml(String(value));
}

export function html(strings: TemplateStringsArray, ...values: HtmlValue[]): Html {
  let out = strings[0];
  values.forEach((value, i) => {
    out += render(value) + strings[i + 1];
  });
  return Html.of(out);
}

/** Markup the caller vouches for. Never pass it text that came from a person. */
export function UNSAFE_rawHtml(trusted: string): Html {
  return Html.of(trusted);
}

/**
 * A link target: http(s) only, so a stored `javascript:` or `data:` URL cannot become a
 * live link. Anything else yields null and the caller shows text without a link.
 */
export function safeUrl(url: string): string | null {
  const trimmed = String(url ?? '').trim();
  return /^https?:\/\/[^\s<>"'`]+$/i.test(trimmed) ? trimmed : null;
}

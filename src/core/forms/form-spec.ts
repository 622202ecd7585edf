/**
 * A Google Form described as plain data, generated from an instrument and the
 * workbook's settings. The server's form adapter turns it into FormApp calls; tests and
 * the demo read it directly. Every text is already in the workbook's language.
 */
import { Lang, Localized, tr } from '../text/i18n';
import { Instrument, instrumentItems, Item, Section, SUBMIT } from '../instruments';
import { Settings } from '../settings';

export type FormItemType = 'multipleChoice' | 'list' | 'checkbox' | 'scale' | 'text' | 'paragraph';

export interface ChoiceSpec {
  label: string;
  /** A page id to continue with, or SUBMIT; absent = the next page. */
  goTo?: string;
}

export interface ItemSpec {
  key: string;
  type: FormItemType;
  title: string;
  help: string;
  required: boolean;
  choices?: ChoiceSpec[];
  scale?: { min: number; max: number; minLabel: string; maxLabel: string };
  number?: { min?: number; max?: number; integer: boolean; message: string };
}

export interface PageSpec {
  id: string;
  title: string;
  help: string;
  items: ItemSpec[];
  /** Where to go after this page (a page id or SUBMIT); absent = the next page. */
  next?: string;
}

export interface FormSpec {
  instrument: string;
  version: string;
  title: string;
  description: string;
  confirmation: string;
  collectEmail: boolean;
  /** The first page is the form's opening page; each later page starts with a page break. */
  pages: PageSpec[];
}

/**
 * Choice lists longer than this become a drop-down: on a phone a long column of radio
 * buttons pushes the question off screen, while a drop-down stays one line.
 */
export const MAX_RADIO_CHOICES = 8;

const TEXTS = {
  anonymous: {
    ru: 'Анкета анонимна: имя и адрес электронной почты не собираются, результаты показываются только по группам не меньше {k} человек.',
    en: 'The survey is anonymous: no name or e-mail address is collected, and results are only shown for groups of at least {k} people.',
  },
  confirmation: {
    ru: 'Спасибо! Ваши ответы записаны.',
    en: 'Thank you! Your answers have been recorded.',
  },
  wholeNumber: { ru: 'Введите целое число.', en: 'Enter a whole number.' },
  numberBetween: { ru: 'Введите число от {min} до {max}.', en: 'Enter a number from {min} to {max}.' },
  numberAtLeast: { ru: 'Введите число не меньше {min}.', en: 'Enter a number of at least {min}.' },
} satisfies Record<string, Localized>;

function itemSpec(item: Item, settings: Settings, lang: Lang): ItemSpec {
  const base = { key: item.key, title: tr(item.title, lang), help: item.help ? tr(item.help, lang) : '', required: item.required };
  switch (item.kind) {
    case 'yesno':
    case 'choice': {
      const choices: ChoiceSpec[] = item.kind === 'choice' && item.choicesFrom
        ? settings[item.choicesFrom].map((label) => ({ label }))
        : (item.choices ?? []).map((choice) => ({ label: tr(choice.label, lang), ...(choice.goTo ? { goTo: choice.goTo } : {}) }));
      return { ...base, type: choices.length > MAX_RADIO_CHOICES ? 'list' : 'multipleChoice', choices };
    }
    case 'multi':
      return { ...base, type: 'checkbox', choices: item.choices.map((choice) => ({ label: tr(choice.label, lang) })) };
    case 'scale':
      return {
        ...base, type: 'scale',
        scale: { min: item.min, max: item.max, minLabel: tr(item.minLabel, lang), maxLabel: tr(item.maxLabel, lang) },
      };
    case 'text':
    case 'paragraph':
      return { ...base, type: item.kind };
    case 'number': {
      const message =
        item.min !== undefined && item.max !== undefined
          ? tr(TEXTS.numberBetween, lang, { min: item.min, max: item.max })
          : item.min !== undefined
            ? tr(TEXTS.numberAtLeast, lang, { min: item.min })
            : tr(TEXTS.wholeNumber, lang);
      return { ...base, type: 'text', number: { min: item.min, max: item.max, integer: item.integer, message } };
    }
  }
}

function pageSpec(section: Section, settings: Settings, lang: Lang): PageSpec {
  return {
    id: section.id,
    title: tr(section.title, lang),
    help: section.help ? tr(section.help, lang) : '',
    items: section.items.map((item) => itemSpec(item, settings, lang)),
    ...(section.next ? { next: section.next } : {}),
  };
}

/**
 * The form for an instrument. Column titles of the response sheet are the item titles,
 * so they must be unique within a form: a duplicate is a definition error, caught here.
 */
export function buildFormSpec(instrument: Instrument, settings: Settings): FormSpec {
  const lang = settings.lang;
  const titles = new Set<string>();
  for (const item of instrumentItems(instrument)) {
    const title = tr(item.title, lang);
    if (titles.has(title)) throw new Error(`${instrument.id}: two items share the title "${title}"`);
    titles.add(title);
  }
  const pageIds = new Set(instrument.sections.map((section) => section.id));
  for (const section of instrument.sections) {
    const targets = [section.next, ...section.items.flatMap((item) => ('choices' in item && item.choices ? item.choices.map((c) => c.goTo) : []))];
    for (const target of targets) {
      if (target && target !== SUBMIT && !pageIds.has(target)) throw new Error(`${instrument.id}: unknown page "${target}"`);
    }
  }
  const description = [tr(instrument.instruction, lang)];
  if (instrument.anonymous) description.push(tr(TEXTS.anonymous, lang, { k: settings.privacyThreshold }));
  const district = settings.districtName ? ` — ${settings.districtName}` : '';
  return {
    instrument: instrument.id,
    version: instrument.version,
    title: `${tr(instrument.title, lang)}${district}`,
    description: description.join('\n\n'),
    confirmation: tr(TEXTS.confirmation, lang),
    collectEmail: !instrument.anonymous,
    pages: instrument.sections.map((section) => pageSpec(section, settings, lang)),
  };
}

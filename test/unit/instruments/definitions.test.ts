import { normalizeTitle } from '../../../src/core/text/normalize';
import {
  AGE_BANDS, AGE_UNDER_35, EXPERIENCE_BANDS, INSTRUMENT_DESCRIPTIONS, INSTRUMENT_IDS, INSTRUMENTS, instrumentItems, Item, itemAliases, PROFILE_SECTION,
  SUBMIT, YOUNG_SPECIALIST_EXPERIENCE,
} from '../../../src/core/instruments';
import { Localized } from '../../../src/core/text/i18n';

const localized = (text: Localized | undefined) => {
  if (!text) return;
  expect(text.ru.trim()).not.toBe('');
  expect(text.en.trim()).not.toBe('');
};

describe.each(INSTRUMENT_IDS)('instrument %s', (id) => {
  const instrument = INSTRUMENTS[id];
  const items = instrumentItems(instrument);

  test('is complete enough to build a form from: titles, texts, versions in both languages', () => {
    expect(instrument.id).toBe(id);
    expect(instrument.version).toMatch(/^\d+$/);
    expect(instrument.audience).toBe('teachers');
    [instrument.title, INSTRUMENT_DESCRIPTIONS[id], instrument.instruction].forEach(localized);
    for (const section of instrument.sections) {
      localized(section.title);
      localized(section.help);
      expect(section.items.length).toBeGreaterThan(0);
    }
    for (const item of items) {
      localized(item.title);
      localized(item.help);
      if ('choices' in item && item.choices) item.choices.forEach((c) => localized(c.label));
      if (item.kind === 'scale') {
        expect(item.min).toBeLessThan(item.max);
        localized(item.minLabel);
        localized(item.maxLabel);
      }
    }
  });

  test('starts with the profile section and never asks for a name or an e-mail', () => {
    expect(instrument.sections[0]).toBe(PROFILE_SECTION);
    const personal = ['фамилия', 'имя', 'отчество', 'телефон', 'email', 'почта', 'почты'];
    for (const item of items) {
      const words = `${normalizeTitle(item.title.ru)} ${normalizeTitle(item.title.en)}`.split(' ');
      expect(words.filter((w) => personal.includes(w) || w === 'name')).toEqual([]);
    }
  });

  test('keys, section ids and choice codes are unique; every branch target exists', () => {
    const keys = items.map((i) => i.key);
    expect(new Set(keys).size).toBe(keys.length);
    const sectionIds = instrument.sections.map((s) => s.id);
    expect(new Set(sectionIds).size).toBe(sectionIds.length);
    const targets = new Set([...sectionIds, SUBMIT]);
    for (const section of instrument.sections) {
      if (section.next) expect(targets).toContain(section.next);
    }
    for (const item of items) {
      if (!('choices' in item) || !item.choices) continue;
      const codes = item.choices.map((c) => c.value);
      expect(new Set(codes).size).toBe(codes.length);
      for (const choice of item.choices) if (choice.goTo) expect(targets).toContain(choice.goTo);
    }
  });

  test('every title (either language, any alias) identifies one item, so export columns are unambiguous', () => {
    const owner = new Map<string, string>();
    for (const item of items) {
      for (const title of new Set([item.title.ru, item.title.en, ...itemAliases(item)].map(normalizeTitle))) {
        expect(owner.get(title) ?? item.key).toBe(item.key);
        owner.set(title, item.key);
      }
    }
  });

  test('option texts read back to one code each, and checkbox options hold no comma or semicolon', () => {
    const withChoices = items.filter((i): i is Item & { choices: readonly { value: string; label: Localized }[] } =>
      'choices' in i && Array.isArray(i.choices));
    for (const item of withChoices) {
      const seen = new Map<string, string>();
      for (const choice of item.choices) {
        for (const text of [choice.label.ru, choice.label.en]) {
          const norm = normalizeTitle(text);
          expect(seen.get(norm) ?? choice.value).toBe(choice.value);
          seen.set(norm, choice.value);
          if (item.kind === 'multi') expect(text).not.toMatch(/[,;]/);
        }
      }
    }
  });
});

describe('profile', () => {
  test('bands make the domain indicators countable', () => {
    // "Under 35": the union of bands must be exactly ages below 35.
    expect(AGE_UNDER_35).toEqual(['under25', '25_34']);
    expect(AGE_BANDS.map((b) => b.value)).toEqual(['under25', '25_34', '35_44', '45_54', '55_64', '65plus']);
    expect(YOUNG_SPECIALIST_EXPERIENCE).toEqual(['0_3']);
    expect(EXPERIENCE_BANDS[0].label.ru).toBe('0–3 года');
  });

  test('school and subject lists come from the workbook settings', () => {
    const [school, subject] = PROFILE_SECTION.items;
    expect(school).toMatchObject({ key: 'profile.school', kind: 'choice', choicesFrom: 'schools', required: true });
    expect(subject).toMatchObject({ key: 'profile.subject', kind: 'choice', choicesFrom: 'subjects', required: true });
  });
});

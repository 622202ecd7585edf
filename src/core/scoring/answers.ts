/**
 * Reading answers as Google Forms (or Excel, or Yandex Forms) writes them: the displayed
 * text of the chosen option in either language, any case, stray spaces; a scale value as
 * a number in text; checkbox answers joined with ", ". Each reading says whether the
 * answer was missing, unreadable or what code it stands for.
 */
import { normalizeText } from '../text/normalize';
import { Choice, Item, MultiItem, NumberItem, ScaleItem } from '../instruments/types';
import { PROFILE_KEYS, Profile, ProfileKey, AGE_BANDS, EXPERIENCE_BANDS, AgeBand, ExperienceBand } from '../instruments/profile';

/** Raw answers by item key, as text; undefined or blank = not answered. */
export type Answers = Readonly<Record<string, string | undefined>>;

export type Reading<T> = { state: 'ok'; value: T } | { state: 'missing' } | { state: 'unreadable' };

const MISSING: Reading<never> = { state: 'missing' };
const UNREADABLE: Reading<never> = { state: 'unreadable' };
function ok<T>(value: T): Reading<T> {
  return { state: 'ok', value };
}

interface ChoiceIndex {
  /** Normalised label (ru and en) or code → code. */
  byText: Map<string, string>;
  /** Raw answer → code or null (unreadable): exports repeat the same few texts. */
  memo: Map<string, string | null>;
}

const choiceIndexCache = new WeakMap<readonly Choice[], ChoiceIndex>();
const MEMO_LIMIT = 4096;

function choiceIndex(choices: readonly Choice[]): ChoiceIndex {
  let index = choiceIndexCache.get(choices);
  if (!index) {
    const byText = new Map<string, string>();
    for (const choice of choices) {
      byText.set(normalizeText(choice.value), choice.value);
      byText.set(normalizeText(choice.label.ru), choice.value);
      byText.set(normalizeText(choice.label.en), choice.value);
    }
    index = { byText, memo: new Map() };
    choiceIndexCache.set(choices, index);
  }
  return index;
}

export function readChoiceText(choices: readonly Choice[], raw: string | undefined): Reading<string> {
  if (raw === undefined) return MISSING;
  const index = choiceIndex(choices);
  let value = index.memo.get(raw);
  if (value === undefined) {
    if (raw.trim() === '') return MISSING;
    value = index.byText.get(normalizeText(raw)) ?? null;
    if (index.memo.size < MEMO_LIMIT) index.memo.set(raw, value);
  }
  return value === null ? UNREADABLE : ok(value);
}

function readMulti(item: MultiItem, raw: string | undefined): Reading<string[]> {
  if (raw === undefined || raw.trim() === '') return MISSING;
  const values: string[] = [];
  // Labels contain no comma or semicolon, so both split the chosen options safely.
  for (const part of raw.split(/[,;]/)) {
    if (part.trim() === '') continue;
    const one = readChoiceText(item.choices, part);
    if (one.state !== 'ok') return UNREADABLE;
    if (!values.includes(one.value)) values.push(one.value);
  }
  return values.length === 0 ? MISSING : ok(values);
}

function readScale(item: ScaleItem, raw: string | undefined): Reading<number> {
  if (raw === undefined || raw.trim() === '') return MISSING;
  // Excel may write a whole number as "7,0".
  const match = /^\s*(\d+)(?:[.,]0+)?\s*$/.exec(raw);
  if (!match) return UNREADABLE;
  const value = Number(match[1]);
  return value >= item.min && value <= item.max ? ok(value) : UNREADABLE;
}

function readNumber(item: NumberItem, raw: string | undefined): Reading<number> {
  if (raw === undefined || raw.trim() === '') return MISSING;
  const text = raw.trim().replace(/\s+/g, '').replace(',', '.');
  if (!/^-?\d+(\.\d+)?$/.test(text)) return UNREADABLE;
  const value = Number(text);
  if (item.integer && !Number.isInteger(value)) return UNREADABLE;
  if (item.min !== undefined && value < item.min) return UNREADABLE;
  if (item.max !== undefined && value > item.max) return UNREADABLE;
  return ok(value);
}

/** A free answer as given: whitespace runs collapsed, trimmed. */
function readText(raw: string | undefined): Reading<string> {
  if (raw === undefined) return MISSING;
  const text = raw.replace(/\s+/g, ' ').trim();
  return text === '' ? MISSING : ok(text);
}

/**
 * Reads a response's answers by item key, noting every scored item that has no usable
 * answer: a response with any is incomplete, never scored as if it had one.
 */
export function answerReader(items: ReadonlyMap<string, Item>, answers: Answers) {
  const missing: string[] = [];
  const unreadable: string[] = [];
  const note = (key: string, state: 'missing' | 'unreadable') => {
    missing.push(key);
    if (state === 'unreadable') unreadable.push(key);
  };
  const read = (key: string): string | string[] | number | null => {
    const reading = readAnswer(items.get(key) as Item, answers[key]);
    if (reading.state === 'ok') return reading.value;
    note(key, reading.state);
    return null;
  };
  return { read, note, missing, unreadable };
}

/** Reads one answer according to its item: codes for choices, numbers for scales. */
export function readAnswer(item: Item, raw: string | undefined): Reading<string | string[] | number> {
  switch (item.kind) {
    case 'yesno':
      return readChoiceText(item.choices, raw);
    case 'choice':
      return item.choicesFrom ? readText(raw) : readChoiceText(item.choices, raw);
    case 'multi':
      return readMulti(item, raw);
    case 'scale':
      return readScale(item, raw);
    case 'number':
      return readNumber(item, raw);
    case 'text':
    case 'paragraph':
      return readText(raw);
  }
}

/**
 * Fast Да/Нет reading for the Boyko hot path: 0 missing, 1 yes, 2 no, 3 unreadable.
 * Exports repeat a handful of spellings, so readings are memoised by raw text.
 */
export const YESNO_MISSING = 0;
export const YESNO_YES = 1;
export const YESNO_NO = 2;
export const YESNO_UNREADABLE = 3;

const yesNoMemo = new Map<string, number>();

/**
 * The spellings Google Forms writes for nearly every Boyko answer, with their codes: a
 * reader may recognise them before anything else (readYesNoCode gives the same codes).
 */
export const FORM_YES_NO: readonly (readonly [spelling: string, code: number])[] = [['Да', YESNO_YES], ['Нет', YESNO_NO]];

export function readYesNoCode(raw: string | undefined): number {
  if (raw === undefined) return YESNO_MISSING;
  // Comparing is cheaper than hashing a fresh string for the memo.
  for (const [spelling, code] of FORM_YES_NO) if (raw === spelling) return code;
  const memo = yesNoMemo.get(raw);
  if (memo !== undefined) return memo;
  const text = normalizeText(raw);
  const code =
    text === '' ? YESNO_MISSING
    : text === 'да' || text === 'yes' ? YESNO_YES
    : text === 'нет' || text === 'no' ? YESNO_NO
    : YESNO_UNREADABLE;
  if (yesNoMemo.size < MEMO_LIMIT) yesNoMemo.set(raw, code);
  return code;
}

// Frozen: it is shared by every response scored without a profile.
export const NO_PROFILE: Profile = Object.freeze({ school: null, subject: null, ageBand: null, experienceBand: null });

/**
 * The profile codes of a response. Problems are listed, not fatal: a response without
 * a school still counts in the district's figures, only not in a school's.
 */
export function readProfile(answers: Answers): { profile: Profile; profileMissing: ProfileKey[] } {
  const profileMissing: ProfileKey[] = [];
  const text = (key: ProfileKey): string | null => {
    const reading = readText(answers[key]);
    if (reading.state === 'ok') return reading.value;
    profileMissing.push(key);
    return null;
  };
  const band = <C extends string>(key: ProfileKey, bands: readonly (Choice & { value: C })[]): C | null => {
    const reading = readChoiceText(bands, answers[key]);
    if (reading.state === 'ok') return reading.value as C;
    profileMissing.push(key);
    return null;
  };
  const profile: Profile = {
    school: text(PROFILE_KEYS.school),
    subject: text(PROFILE_KEYS.subject),
    ageBand: band<AgeBand>(PROFILE_KEYS.ageBand, AGE_BANDS),
    experienceBand: band<ExperienceBand>(PROFILE_KEYS.experienceBand, EXPERIENCE_BANDS),
  };
  return { profile, profileMissing };
}

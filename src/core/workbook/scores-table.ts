/**
 * The scores sheet of an instrument: one row per scored response, readable columns for
 * coordinators (headers and answers in the workbook's language) and one JSON column the
 * add-on reads back, so indicators never re-parse the readable columns. Derived data:
 * always rebuildable from the raw responses.
 */
import { Catalog, Lang, Localized, tr } from '../text/i18n';
import { AGE_BANDS, EXPERIENCE_BANDS, Instrument, instrumentItems, NETWORK_KEYS, SATISFACTION_BANDS } from '../instruments';
import { scoreResponse, ScoredResponse } from '../scoring';
import { flatten } from '../text/flat';

export interface ScoreRowMeta {
  /** The response key (workbook/response-key): its sheet, submission second and answers. */
  key: string;
  /** Local time of submission, ISO without offset, in the workbook's time zone. */
  submittedAt: string;
  formId: string;
}

const LEADING = ['key', 'submittedAt', 'formId', 'version', 'status', 'missing', 'school', 'subject', 'ageBand', 'experienceBand'];
/** Fields already shown in the leading columns, or of no use to a reader. */
const SKIPPED = new Set(['instrument', 'version', 'status', 'missing', 'unreadable', 'profile', 'profileMissing']);
export const DATA_COLUMN = 'data';

const LABELS = {
  key: { ru: 'Ключ ответа', en: 'Response key' },
  submittedAt: { ru: 'Отметка времени', en: 'Submitted' },
  formId: { ru: 'ID формы', en: 'Form ID' },
  version: { ru: 'Версия анкеты', en: 'Survey version' },
  status: { ru: 'Статус', en: 'Status' },
  missing: { ru: 'Нет ответа на вопросы', en: 'Unanswered items' },
  school: { ru: 'Школа', en: 'School' },
  subject: { ru: 'Предмет', en: 'Subject' },
  ageBand: { ru: 'Возраст', en: 'Age' },
  experienceBand: { ru: 'Стаж', en: 'Experience' },
  data: { ru: 'Данные (служебное)', en: 'Data (internal)' },
  total: { ru: 'Итоговый балл', en: 'Total score' },
  dominant: { ru: 'Доминирующие симптомы', en: 'Dominant symptoms' },
  role: { ru: 'Роль', en: 'Role' },
  index: { ru: 'Индекс удовлетворенности (0–100)', en: 'Satisfaction index (0–100)' },
  indexBand: { ru: 'Уровень удовлетворенности', en: 'Satisfaction level' },
  meanRating: { ru: 'Средняя оценка', en: 'Mean rating' },
  member: { ru: 'Участвует в сетевых формах', en: 'Takes part in network forms' },
  forms: { ru: 'Формы участия', en: 'Forms of participation' },
  frequency: { ru: 'Частота участия', en: 'Frequency' },
  shared: { ru: 'Представлял(а) свой опыт', en: 'Presented own experience' },
  techMastery: { ru: 'Освоение новых технологий (0–100)', en: 'New technologies mastered (0–100)' },
  barriers: { ru: 'Что мешает участию', en: 'What keeps from taking part' },
  wantsToJoin: { ru: 'Хочет участвовать', en: 'Wants to take part' },
  diagnosedThisYear: { ru: 'Проходил(а) диагностику в этом году', en: 'Diagnosed this year' },
  hasRoute: { ru: 'Есть ИОМ', en: 'Has an individual route' },
  routeFromDiagnostics: { ru: 'ИОМ по итогам диагностики', en: 'Route built on diagnostics' },
  routeActivities: { ru: 'Участвует в мероприятиях ИОМ', en: 'Takes part in route activities' },
  deficitCount: { ru: 'Число выявленных дефицитов', en: 'Deficits identified' },
  anyDeficit: { ru: 'Выявлен хотя бы один дефицит', en: 'Any deficit identified' },
} satisfies Catalog<string>;

const FAMILIES = {
  symptoms: { ru: 'Симптом {n}: {name}', en: 'Symptom {n}: {name}' },
  phases: { ru: 'Фаза {n}: {name}', en: 'Phase {n}: {name}' },
  symptomLevels: { ru: 'Симптом {n}: уровень', en: 'Symptom {n}: level' },
  phaseLevels: { ru: 'Фаза {n}: уровень', en: 'Phase {n}: level' },
  ratings: { ru: 'Оценка: {name}', en: 'Rating: {name}' },
  facts: { ru: '{name}', en: '{name}' },
  deficits: { ru: 'Дефицит: {name}', en: 'Deficit: {name}' },
  areaMeans: { ru: 'Средний балл: {name}', en: 'Mean rating: {name}' },
} satisfies Catalog<string>;

const VALUES: Record<string, Localized> = {
  ok: { ru: 'полный', en: 'complete' },
  incomplete: { ru: 'неполный', en: 'incomplete' },
  not_formed: { ru: 'не сложился', en: 'not formed' },
  forming: { ru: 'складывается', en: 'forming' },
  formed: { ru: 'сложился', en: 'formed' },
  mentee: { ru: 'наставляемый', en: 'mentee' },
  mentor: { ru: 'наставник', en: 'mentor' },
  ...Object.fromEntries(SATISFACTION_BANDS.map((band) => [band.code, band.label])),
  ...Object.fromEntries([...AGE_BANDS, ...EXPERIENCE_BANDS].map((band) => [band.value, band.label])),
};
const YES: Localized = { ru: 'да', en: 'yes' };
const NO: Localized = { ru: 'нет', en: 'no' };
/** Network fields that hold option codes of one of the survey's items. */
const CHOICE_FIELDS: Record<string, string> = { forms: NETWORK_KEYS.forms, frequency: NETWORK_KEYS.frequency, barriers: NETWORK_KEYS.barriers };

type Cell = string | number | boolean;

function detailFields(scored: ScoredResponse): Map<string, unknown> {
  const out = new Map<string, unknown>();
  for (const [key, value] of Object.entries(scored)) if (!SKIPPED.has(key)) flatten(value, key, out);
  return out;
}

const columnCache = new WeakMap<Instrument, string[]>();

/** The column ids of an instrument's scores sheet, from the shape of its scores. */
export function scoreColumns(instrument: Instrument): string[] {
  let columns = columnCache.get(instrument);
  if (!columns) {
    columns = [...LEADING, ...detailFields(scoreResponse(instrument, {})).keys(), DATA_COLUMN];
    columnCache.set(instrument, columns);
  }
  return columns;
}

/** What a family member (symptom 3, a rating's item key, a deficit type) is called. */
function memberName(instrument: Instrument, family: string, member: string, lang: Lang): string {
  if (instrument.id === 'boyko') {
    const phase = instrument.phases.find((p) => String(p.id) === member);
    const symptom = instrument.phases.flatMap((p) => p.symptoms).find((s) => String(s.id) === member);
    const name = family === 'phases' || family === 'phaseLevels' ? phase?.name : symptom?.name;
    return name ? tr(name, lang) : member;
  }
  if (instrument.id === 'deficits') {
    const area = instrument.areas.find((a) => a.type === member);
    if (area) return tr(area.name, lang);
  }
  const item = instrumentItems(instrument).find((i) => i.key === member);
  return item ? tr(item.title, lang) : member;
}

function columnLabel(instrument: Instrument, id: string, lang: Lang): string {
  if (id in LABELS) return tr(LABELS[id as keyof typeof LABELS], lang);
  const dot = id.indexOf('.');
  const family = id.slice(0, dot);
  if (dot > 0 && family in FAMILIES) {
    const member = id.slice(dot + 1);
    return tr(FAMILIES[family as keyof typeof FAMILIES], lang, { n: member, name: memberName(instrument, family, member, lang) });
  }
  return id;
}

/** The header row in the workbook's language; columns keep the order of scoreColumns. */
export function scoreHeader(instrument: Instrument, lang: Lang): string[] {
  return scoreColumns(instrument).map((id) => columnLabel(instrument, id, lang));
}

function choiceLabel(instrument: Instrument, field: string, code: string, lang: Lang): string {
  const key = CHOICE_FIELDS[field];
  const item = key ? instrumentItems(instrument).find((i) => i.key === key) : undefined;
  const choice = item && 'choices' in item ? item.choices?.find((c) => c.value === code) : undefined;
  return choice ? tr(choice.label, lang) : code;
}

/** A value as a coordinator reads it: yes/no and codes in words, lists joined. */
function readable(instrument: Instrument, id: string, value: unknown, lang: Lang): Cell {
  if (value === null || value === undefined) return '';
  if (typeof value === 'boolean') return tr(value ? YES : NO, lang);
  const field = id.split('.')[0];
  if (Array.isArray(value)) return value.map((v) => (typeof v === 'string' ? choiceLabel(instrument, field, v, lang) : v)).join(', ');
  if (typeof value === 'string') {
    if (field === 'school' || field === 'subject') return value;
    if (CHOICE_FIELDS[field]) return choiceLabel(instrument, field, value, lang);
    return VALUES[value] ? tr(VALUES[value], lang) : value;
  }
  return value as Cell;
}

export function scoreRow(instrument: Instrument, meta: ScoreRowMeta, scored: ScoredResponse, lang: Lang): Cell[] {
  const values = new Map<string, unknown>([
    ['key', meta.key], ['submittedAt', meta.submittedAt], ['formId', meta.formId], ['version', scored.version],
    ['status', scored.status], ['missing', scored.missing], ['school', scored.profile.school], ['subject', scored.profile.subject],
    ['ageBand', scored.profile.ageBand], ['experienceBand', scored.profile.experienceBand],
    ...detailFields(scored),
  ]);
  const columns = scoreColumns(instrument);
  return [
    ...columns.slice(0, -1).map((id) => readable(instrument, id, values.get(id), lang)),
    JSON.stringify({ ...meta, scored }),
  ];
}

/** The 1-based column of the JSON data in a scores sheet written by this version. */
export function dataColumn(instrument: Instrument): number {
  return scoreColumns(instrument).length;
}

/** Whether a header cell is the JSON data column's, in any language. */
export function isDataHeader(cell: unknown): boolean {
  return Object.values(LABELS.data).includes(String(cell));
}

export interface StoredScore extends ScoreRowMeta {
  scored: ScoredResponse;
}

/**
 * Reads the JSON column (the last one, whatever the header's language) back; rows that
 * do not parse are skipped and counted.
 */
export function parseScoreRows(header: readonly unknown[], rows: readonly unknown[][]): { scores: StoredScore[]; unreadable: number } {
  const at = header.length - 1;
  const scores: StoredScore[] = [];
  let unreadable = 0;
  for (const row of rows) {
    try {
      scores.push(JSON.parse(String(row[at])) as StoredScore);
    } catch {
      unreadable++;
    }
  }
  return { scores, unreadable };
}

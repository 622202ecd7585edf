/**
 * The registers of the management cycle that coordinators keep in the workbook: analyses
 * of monitoring results, addressed recommendations, measures, management decisions and
 * efficiency analyses. Columns are data, so the sheets, their headers and the checks come
 * from here; the rubric suggestions read the rows.
 */
import { Lang, Localized } from '../text/i18n';
import { LocalizedMessage, message } from '../text/message';
import { findNamed, isNamed, normalizeText } from '../text/normalize';
import { BlockId, blockById } from './definition';

export type RegisterId = 'analyses' | 'recommendations' | 'measures' | 'decisions' | 'efficiency';

export interface RegisterChoice {
  value: string;
  title: Localized;
}

export interface RegisterColumn {
  id: string;
  title: Localized;
  /** text: free text; date: an ISO date or a span ("сентябрь–май"); url: a link; position: a rubric position; choice: one of `choices`; yesno: да/нет. */
  kind: 'text' | 'date' | 'url' | 'position' | 'choice' | 'yesno';
  required: boolean;
  choices?: RegisterChoice[];
  hint?: Localized;
}

export interface RegisterDef {
  id: RegisterId;
  title: Localized;
  /** The rubric block the register proves. */
  block: BlockId;
  columns: RegisterColumn[];
}

export type RegisterCell = string | number | boolean | null;
/** One row of a register, by column id. */
export type RegisterRow = Record<string, RegisterCell>;
export type Registers = Partial<Record<RegisterId, RegisterRow[]>>;

const POSITION: RegisterColumn = {
  id: 'position',
  title: { ru: 'Позиция оценивания', en: 'Evaluation position' },
  kind: 'position',
  required: true,
};
const EVIDENCE: RegisterColumn = {
  id: 'evidence',
  title: { ru: 'Ссылка на документ', en: 'Link to the document' },
  kind: 'url',
  required: false,
};
const DATES: RegisterColumn = {
  id: 'dates',
  title: { ru: 'Сроки реализации', en: 'Dates' },
  kind: 'date',
  required: false,
  hint: { ru: 'Дата или период: 2026-10-15, «октябрь – март».', en: 'A date or a span: 2026-10-15, "October – March".' },
};
const RESPONSIBLE: RegisterColumn = {
  id: 'responsible',
  title: { ru: 'Ответственные', en: 'Responsible' },
  kind: 'text',
  required: false,
};
const PARTICIPANTS: RegisterColumn = {
  id: 'participants',
  title: { ru: 'Участники', en: 'Participants' },
  kind: 'text',
  required: false,
};

export const RECOMMENDATION_KINDS: RegisterChoice[] = [
  { value: 'addressed', title: { ru: 'Адресная рекомендация по результатам анализа', en: 'Addressed recommendation' } },
  {
    value: 'practices',
    title: { ru: 'Рекомендация по использованию успешных практик', en: 'Recommendation on successful practices' },
  },
  { value: 'materials', title: { ru: 'Методические и иные материалы', en: 'Methodical and other materials' } },
];

export const REGISTERS: readonly RegisterDef[] = [
  {
    id: 'analyses',
    title: { ru: 'Анализ результатов мониторинга', en: 'Analyses of monitoring results' },
    block: 'analysis',
    columns: [
      POSITION,
      { id: 'title', title: { ru: 'Аналитический документ', en: 'Analytical document' }, kind: 'text', required: true },
      { id: 'date', title: { ru: 'Дата', en: 'Date' }, kind: 'date', required: false },
      {
        id: 'clustering',
        title: { ru: 'Использованы элементы кластеризации', en: 'Clustering used' },
        kind: 'yesno',
        required: false,
      },
      {
        id: 'factors',
        title: { ru: 'Выявленные факторы, влияющие на результаты', en: 'Factors identified' },
        kind: 'text',
        required: false,
      },
      EVIDENCE,
    ],
  },
  {
    id: 'recommendations',
    title: { ru: 'Адресные рекомендации', en: 'Addressed recommendations' },
    block: 'recommendations',
    columns: [
      POSITION,
      { id: 'kind', title: { ru: 'Вид', en: 'Kind' }, kind: 'choice', required: true, choices: RECOMMENDATION_KINDS },
      { id: 'title', title: { ru: 'Рекомендация (документ)', en: 'Recommendation (document)' }, kind: 'text', required: true },
      {
        id: 'addressee',
        title: { ru: 'Адресат', en: 'Addressee' },
        kind: 'text',
        required: false,
        hint: { ru: 'Школа, группа педагогов, РМО…', en: 'A school, a group of teachers, an association…' },
      },
      {
        id: 'based_on',
        title: { ru: 'Основание (анализ)', en: 'Based on (analysis)' },
        kind: 'text',
        required: false,
      },
      { id: 'date', title: { ru: 'Дата', en: 'Date' }, kind: 'date', required: false },
      EVIDENCE,
    ],
  },
  {
    id: 'measures',
    title: { ru: 'Меры, мероприятия', en: 'Measures' },
    block: 'measures',
    columns: [
      POSITION,
      { id: 'title', title: { ru: 'Мера, мероприятие', en: 'Measure' }, kind: 'text', required: true },
      DATES,
      RESPONSIBLE,
      PARTICIPANTS,
      EVIDENCE,
    ],
  },
  {
    id: 'decisions',
    title: { ru: 'Управленческие решения', en: 'Management decisions' },
    block: 'decisions',
    columns: [
      { id: 'title', title: { ru: 'Управленческое решение', en: 'Decision' }, kind: 'text', required: true },
      {
        id: 'document',
        title: { ru: 'Документ (приказ, распоряжение, письмо)', en: 'Document (order, instruction, letter)' },
        kind: 'text',
        required: false,
      },
      DATES,
      RESPONSIBLE,
      PARTICIPANTS,
      EVIDENCE,
    ],
  },
  {
    id: 'efficiency',
    title: { ru: 'Анализ эффективности принятых мер', en: 'Efficiency analyses of measures' },
    block: 'efficiency',
    columns: [
      { id: 'title', title: { ru: 'Принятые меры (что анализируется)', en: 'Measures analysed' }, kind: 'text', required: true },
      { id: 'analysis', title: { ru: 'Анализ эффективности (документ)', en: 'Efficiency analysis (document)' }, kind: 'text', required: false },
      {
        id: 'dates',
        title: { ru: 'Сроки проведения анализа', en: 'When the analysis is done' },
        kind: 'date',
        required: false,
      },
      {
        id: 'problem',
        title: { ru: 'Проблема, определённая по итогам анализа', en: 'Problem identified by the analysis' },
        kind: 'text',
        required: false,
      },
      EVIDENCE,
    ],
  },
];

export function registerById(id: string): RegisterDef | undefined {
  return REGISTERS.find((register) => register.id === id);
}

// ---------------------------------------------------------------------------------------
// Reading rows.

export const REGISTER_MESSAGES = {
  required: { ru: '{register}, строка {row}: не заполнено «{column}».', en: '{register}, row {row}: "{column}" is missing.' },
  badPosition: {
    ru: '{register}, строка {row}: позиция «{value}» не найдена среди позиций блока «{block}».',
    en: '{register}, row {row}: position "{value}" is not a position of block "{block}".',
  },
  badChoice: {
    ru: '{register}, строка {row}: «{column}» = «{value}», нужно одно из: {choices}.',
    en: '{register}, row {row}: "{column}" = "{value}", expected one of: {choices}.',
  },
  badYesNo: {
    ru: '{register}, строка {row}: «{column}» = «{value}», нужно «да» или «нет».',
    en: '{register}, row {row}: "{column}" = "{value}", expected yes or no.',
  },
} satisfies Record<string, Localized>;

/** Whether a cell holds anything. */
export function filled(cell: RegisterCell | undefined): boolean {
  return cell !== null && cell !== undefined && String(cell).trim() !== '';
}

/** A position of the register's block from its id, its title or the start of its title. */
export function resolvePosition(register: RegisterDef, cell: RegisterCell | undefined): string | null {
  if (!filled(cell)) return null;
  const block = blockById(register.block)!;
  const text = normalizeText(String(cell));
  for (const position of block.positions) {
    if (position.id === String(cell).trim()) return position.id;
    const ru = normalizeText(position.title.ru);
    const en = normalizeText(position.title.en);
    if (text === ru || text === en || (text.length >= 12 && (ru.startsWith(text) || en.startsWith(text)))) {
      return position.id;
    }
  }
  return null;
}

const YES = new Set(['да', 'yes', 'true', '1']);
const NO = new Set(['нет', 'no', 'false', '0']);

export function yesNoCell(cell: RegisterCell | undefined): boolean | null {
  if (typeof cell === 'boolean') return cell;
  if (!filled(cell)) return null;
  const text = String(cell).trim().toLowerCase();
  return YES.has(text) ? true : NO.has(text) ? false : null;
}

function choiceOf(column: RegisterColumn, cell: RegisterCell | undefined): string | null {
  if (!filled(cell)) return null;
  return column.choices?.find((choice) => isNamed(cell, { id: choice.value, title: choice.title }))?.value ?? null;
}

/**
 * Checks register rows and returns them normalised (positions and choices as ids,
 * yes/no as booleans). Rows with problems are returned with their reasons and left out.
 * `firstRow` is the sheet or file row of rows[0], for messages.
 */
export function readRegister(
  register: RegisterDef,
  rows: readonly RegisterRow[],
  firstRow = 2,
): { rows: RegisterRow[]; errors: LocalizedMessage[] } {
  const out: RegisterRow[] = [];
  const errors: LocalizedMessage[] = [];
  rows.forEach((row, index) => {
    const where = { register: register.title, row: firstRow + index };
    if (register.columns.every((column) => !filled(row[column.id]))) return; // a blank line
    const problems: LocalizedMessage[] = [];
    const clean: RegisterRow = {};
    for (const column of register.columns) {
      const cell = row[column.id];
      if (!filled(cell)) {
        if (column.required) problems.push(message(REGISTER_MESSAGES.required, { ...where, column: column.title }));
        clean[column.id] = null;
        continue;
      }
      if (column.kind === 'position') {
        const position = resolvePosition(register, cell);
        if (!position) {
          problems.push(
            message(REGISTER_MESSAGES.badPosition, { ...where, value: String(cell), block: blockById(register.block)!.title }),
          );
        }
        clean[column.id] = position;
      } else if (column.kind === 'choice') {
        const choice = choiceOf(column, cell);
        if (!choice) {
          problems.push(
            message(REGISTER_MESSAGES.badChoice, {
              ...where,
              column: column.title,
              value: String(cell),
              choices: (column.choices ?? []).map((c) => c.value).join(', '),
            }),
          );
        }
        clean[column.id] = choice;
      } else if (column.kind === 'yesno') {
        const yes = yesNoCell(cell);
        if (yes === null) problems.push(message(REGISTER_MESSAGES.badYesNo, { ...where, column: column.title, value: String(cell) }));
        clean[column.id] = yes;
      } else {
        clean[column.id] = typeof cell === 'string' ? cell.trim() : cell;
      }
    }
    if (problems.length > 0) errors.push(...problems);
    else out.push(clean);
  });
  return { rows: out, errors };
}

/**
 * Turns a sheet's values (header row first) into register rows: a header cell names a
 * column by its id or its Russian or English title; unknown columns are ignored.
 */
export function registerRowsFromTable(register: RegisterDef, table: readonly (readonly unknown[])[]): RegisterRow[] {
  const [header = [], ...body] = table;
  const columnAt = header.map((cell) => findNamed(cell, register.columns));
  return body.map((cells) => {
    const row: RegisterRow = {};
    columnAt.forEach((column, index) => {
      if (!column) return;
      const cell = cells[index];
      row[column.id] =
        cell === undefined || cell === null
          ? null
          : typeof cell === 'string' || typeof cell === 'number' || typeof cell === 'boolean'
            ? cell
            : String(cell);
    });
    return row;
  });
}

/** The header of a register sheet in the user's language. */
export function registerHeader(register: RegisterDef, lang: Lang): string[] {
  return register.columns.map((column) => column.title[lang]);
}

/** Position choices for a register's position column (for a sheet's data validation). */
export function registerPositionChoices(register: RegisterDef): { id: string; title: Localized }[] {
  const block = blockById(register.block)!;
  return block.positions.map((position) => ({ id: position.id, title: position.title }));
}

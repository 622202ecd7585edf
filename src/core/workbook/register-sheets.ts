/**
 * The five register sheets of the management cycle (analyses, addressed recommendations,
 * measures, decisions, efficiency analyses): their sheet definitions and reading what
 * coordinators typed there. What a register row means and how it is checked belongs to
 * core/rubric/registers.ts; this is the sheet side: where each register sheet is kept and
 * what a sheet's header no longer names.
 */
import { Localized } from '../text/i18n';
import { LocalizedMessage, message } from '../text/message';
import { isNamed } from '../text/normalize';
import { readRegister, RegisterDef, RegisterRow, registerRowsFromTable, REGISTERS } from '../rubric';
import { registerKey, RubricSheetDef } from './sheets';

export const REGISTER_SHEETS: readonly RubricSheetDef[] = REGISTERS.map((register) => ({
  key: registerKey(register.id),
  role: 'register' as const,
  register: register.id,
  title: register.title,
}));

export interface RegisterProblem {
  /** Sheet row (1-based), or null for the sheet as a whole. */
  row: number | null;
  message: LocalizedMessage;
}

export const REGISTER_SHEET_MESSAGES = {
  missingColumns: {
    ru: 'В заголовке реестра «{register}» не найдены столбцы: {columns}. Их данные не учитываются; верните заголовки.',
    en: 'The header of register "{register}" lacks the columns: {columns}. Their data is not used; restore the headers.',
  },
} satisfies Record<string, Localized>;

/**
 * A register sheet's values (header first) as register rows: `rows` as typed, for the
 * suggestions; `clean` the rows that passed the checks; `problems` every row left out
 * and every column the header no longer names.
 */
export function readRegisterTable(
  register: RegisterDef,
  table: readonly (readonly unknown[])[],
): { rows: RegisterRow[]; clean: RegisterRow[]; problems: RegisterProblem[] } {
  if (table.length === 0) return { rows: [], clean: [], problems: [] };
  const problems: RegisterProblem[] = [];
  const missing = register.columns.filter((column) => !table[0].some((cell) => isNamed(cell, column)));
  if (missing.length > 0 && table.length > 1) {
    problems.push({
      row: 1,
      message: message(REGISTER_SHEET_MESSAGES.missingColumns, {
        register: register.title,
        columns: { ru: missing.map((c) => `«${c.title.ru}»`).join(', '), en: missing.map((c) => `"${c.title.en}"`).join(', ') },
      }),
    });
  }
  const rows = registerRowsFromTable(register, table);
  const { rows: clean, errors } = readRegister(register, rows, 2);
  for (const error of errors) {
    const row = error.params?.row;
    problems.push({ row: typeof row === 'number' ? row : null, message: error });
  }
  return { rows, clean, problems };
}

/**
 * The one formula the emulated SpreadsheetApp evaluates: `=COUNTA(<sheet>!X:X)`, the
 * non-empty cells of a whole column of another sheet of the same spreadsheet. The add-on
 * keeps a hidden sheet of such cells so one getValues counts the rows of many sheets.
 * Every other formula reads as FORMULA_PLACEHOLDER: this is no formula engine.
 *
 * What Sheets does, and the emulator with it:
 * - COUNTA "counts all values in a dataset, including … text values (including
 *   zero-length strings and whitespace)" (support.google.com/docs/answer/3093991): every
 *   cell that is not empty counts, numbers (0 too), booleans, dates and formula cells.
 * - Renaming a sheet rewrites the formulas that reference it, since Sheets holds a
 *   reference to the sheet itself, not to its name (a third-party Sheets rename_tab tool documents
 *   "Formulas referencing it are updated by Google automatically").
 * - Deleting a sheet turns the references to it into #REF!, for good: a sheet created
 *   later under the same name is another sheet (the behaviour spreadsheet engines copy, cf.
 *   EPPlus issue 191 "the cell reference should become a #REF!").
 * - A name no sheet has reads #REF! ("Unresolved sheet name"), and resolves as soon as a
 *   sheet of that name exists, the formula keeping its text.
 */
import { columnToLetters, lettersToColumn } from './a1';

/** The error value a broken reference reads as (getValues returns it as a string). */
export const REF_ERROR = '#REF!';

/**
 * `=COUNTA(<sheet>!X:X)` split at the sheet name, so that a rename can replace it and keep
 * the rest as written. Sheets tolerates spaces around the function name and its argument;
 * a sheet name is single-quoted (`''` for an apostrophe) or bare letters, digits and `_`.
 */
const COUNTA_REF =
  /^(=\s*COUNTA\s*\(\s*)('(?:[^']|'')+'|[\p{L}\p{N}_]+)!(\$?([A-Za-z]{1,3}):\$?([A-Za-z]{1,3}))(\s*\)\s*)$/iu;
/** The same formula once its sheet was deleted. */
const COUNTA_BROKEN = /^=\s*COUNTA\s*\(\s*#REF!\s*\)\s*$/i;

export interface CountaRef {
  /** The formula up to the sheet name: `=COUNTA(`. */
  head: string;
  /** The sheet name as written (quoted or not). */
  sheetText: string;
  /** The sheet name it stands for. */
  sheetName: string;
  /** The columns as written: `A:A`, `$B:$B`. */
  columns: string;
  /** The column, 1-based. */
  column: number;
  /** The rest: `)`. */
  tail: string;
}

/** Reads a COUNTA of one whole column of a named sheet; null for any other formula. */
export function parseCounta(formula: string): CountaRef | null {
  const m = COUNTA_REF.exec(formula);
  if (!m) return null;
  const column = lettersToColumn(m[4]);
  // `A:C` spans several columns: not the formula the emulator evaluates.
  if (lettersToColumn(m[5]) !== column) return null;
  const sheetText = m[2];
  const sheetName = sheetText.startsWith("'") ? sheetText.slice(1, -1).replace(/''/g, "'") : sheetText;
  return { head: m[1], sheetText, sheetName, columns: m[3], column, tail: m[6] };
}

export function isBrokenCounta(formula: string): boolean {
  return COUNTA_BROKEN.test(formula);
}

/** A sheet name as a reference writes it: bare when it is a plain identifier, else quoted. */
export function quoteSheetName(name: string): string {
  return /^[A-Za-z_][A-Za-z0-9_]*$/.test(name) ? name : `'${name.replace(/'/g, "''")}'`;
}

/** The formula referencing the sheet under its new name. */
export function renamedCounta(ref: CountaRef, newName: string): string {
  return `${ref.head}${quoteSheetName(newName)}!${ref.columns}${ref.tail}`;
}

/** The formula once its sheet is gone. */
export function brokenCounta(ref: CountaRef): string {
  return `${ref.head}${REF_ERROR}${ref.tail}`;
}

/** The formula after `count` columns were inserted before its column. */
export function shiftedCounta(ref: CountaRef, count: number): string {
  const letters = columnToLetters(ref.column + count);
  return `${ref.head}${ref.sheetText}!${ref.columns.replace(/[A-Za-z]+/g, letters)}${ref.tail}`;
}

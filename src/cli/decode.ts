/**
 * Bytes of a file → text. Exports arrive as UTF-8 (Google Forms, Sheets, LibreOffice)
 * or as Windows-1251 (Russian Excel's "CSV (разделители — точка с запятой)"); the file
 * does not say which, so valid UTF-8 is taken as UTF-8 and anything else as 1251 —
 * Cyrillic text in 1251 is practically never valid UTF-8.
 */

import { Catalog, tr } from '../core/text/i18n';
import { CliError, CliIo } from './io';

export type TextEncodingName = 'utf-8' | 'windows-1251';

export function decodeText(bytes: Uint8Array): { text: string; encoding: TextEncodingName } {
  const hasBom = bytes.length >= 3 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf;
  const body = hasBom ? bytes.subarray(3) : bytes;
  try {
    // ignoreBOM: the BOM is already gone; a second one would be content, not a mark.
    const text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(body);
    return { text, encoding: 'utf-8' };
  } catch {
    return { text: new TextDecoder('windows-1251').decode(body), encoding: 'windows-1251' };
  }
}

const M = {
  cannotRead: { ru: 'не удалось прочитать файл «{path}»: {reason}', en: 'cannot read file "{path}": {reason}' },
} satisfies Catalog<string>;

/** Reads and decodes a file named on the command line; a file that cannot be read is the user's error. */
export function readTextFile(io: CliIo, path: string): { text: string; encoding: TextEncodingName } {
  let bytes: Uint8Array;
  try {
    bytes = io.readFile(path);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new CliError(tr(M.cannotRead, io.lang, { path, reason }));
  }
  return decodeText(bytes);
}

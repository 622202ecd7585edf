/**
 * Bytes of a file → text. Exports arrive as UTF-8 (Google Forms, Sheets, LibreOffice)
 * or as Windows-1251 (Russian Excel's "CSV (разделители — точка с запятой)"); the file
 * does not say which, so valid UTF-8 is taken as UTF-8 and anything else as 1251 —
 * Cyrillic text in 1251 is practically never valid UTF-8.
 */

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

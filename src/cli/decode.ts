/**
 * Bytes of a file → text. Exports arrive as UTF-8 (Google Forms, Sheets, LibreOffice)
 * or as Windows-1251 (Russian Excel's "CSV (разделители — точка с запятой)"); the file
 * does not say which, so valid UTF-8 is taken as UTF-8 and anything else as 1251 —
 * Cyrillic text in 1251 is practically never valid UTF-8.
 */

import { isUtf8 } from 'node:buffer';
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

/**
 * How much of a file decides its encoding when it is read in chunks: a Russian export
 * shows Cyrillic (its titles, its answers) long before this.
 */
const SNIFF_BYTES = 1 << 20;

/** Bytes after the sniffed start that are not UTF-8 although the start was. */
export class MixedEncodingError extends Error {
  constructor() {
    super('the file is not UTF-8 past its beginning');
    this.name = 'MixedEncodingError';
  }
}

/** Text decoded from a stream of byte chunks, with the encoding decided from its start. */
export interface DecodedStream {
  encoding: TextEncodingName;
  /** The text of the file's start (about a megabyte), for what is decided from it. */
  sample: string;
  /** The whole text, piece by piece as the chunks come; throws MixedEncodingError if UTF-8 breaks off later. */
  pieces: Iterable<string>;
}

/** How many bytes at the end of `bytes` begin a UTF-8 character the next chunk completes. */
function cutUtf8(bytes: Uint8Array): number {
  for (let back = 1; back <= Math.min(3, bytes.length); back++) {
    const byte = bytes[bytes.length - back];
    if ((byte & 0xc0) !== 0x80) {
      // A lead byte: the character is cut if it needs more bytes than are left.
      const need = byte >= 0xf0 ? 4 : byte >= 0xe0 ? 3 : byte >= 0xc0 ? 2 : 1;
      return need > back ? back : 0;
    }
  }
  return 0;
}

/**
 * Decodes chunks as they come, holding only the first megabyte to choose the encoding the
 * way decodeText does for a whole file. A BOM marks UTF-8 and is dropped. The pieces
 * follow the chunks as they were read, the first megabyte's too.
 */
export function decodeChunks(chunks: Iterable<Uint8Array>): DecodedStream {
  const iterator = chunks[Symbol.iterator]();
  const head: Uint8Array[] = [];
  let headBytes = 0;
  let done = false;
  while (headBytes < SNIFF_BYTES) {
    const next = iterator.next();
    if (next.done) {
      done = true;
      break;
    }
    head.push(next.value);
    headBytes += next.value.length;
  }
  const start = Buffer.concat(head);
  const hasBom = start.length >= 3 && start[0] === 0xef && start[1] === 0xbb && start[2] === 0xbf;
  const first = hasBom ? start.subarray(3) : start;
  const encoding: TextEncodingName = isUtf8(first.subarray(0, first.length - (done ? 0 : cutUtf8(first))))
    ? 'utf-8'
    : 'windows-1251';
  function* rest(): Generator<Uint8Array> {
    let skip = hasBom ? 3 : 0;
    for (const chunk of head) {
      if (skip >= chunk.length) {
        skip -= chunk.length;
        continue;
      }
      yield skip > 0 ? chunk.subarray(skip) : chunk;
      skip = 0;
    }
    for (let next = done ? null : iterator.next(); next && !next.done; next = iterator.next()) yield next.value;
  }
  function* utf8(): Generator<string> {
    // fatal: bytes that are not UTF-8 throw; stream: a character cut between chunks is
    // completed by the next one, and the final flush throws if the file ends inside one.
    const decoder = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });
    try {
      for (const chunk of rest()) yield decoder.decode(chunk, { stream: true });
      yield decoder.decode();
    } catch (error) {
      // Node's TextDecoder says so by this code (a TypeError, perhaps of another realm under a test runner).
      if ((error as { code?: string })?.code === 'ERR_ENCODING_INVALID_ENCODED_DATA') throw new MixedEncodingError();
      throw error;
    }
  }
  function* cp1251(): Generator<string> {
    // A single-byte encoding: every chunk decodes on its own.
    const decoder = new TextDecoder('windows-1251');
    for (const chunk of rest()) yield decoder.decode(chunk);
  }
  // The start as text: a character the next chunk would complete is left out.
  const sample = encoding === 'utf-8'
    ? new TextDecoder('utf-8', { ignoreBOM: true }).decode(first, { stream: !done })
    : new TextDecoder('windows-1251').decode(first);
  return { encoding, sample, pieces: encoding === 'utf-8' ? utf8() : cp1251() };
}

const M = {
  cannotRead: { ru: 'не удалось прочитать файл «{path}»: {reason}', en: 'cannot read file "{path}": {reason}' },
} satisfies Catalog<string>;

function cannotRead(io: CliIo, path: string, error: unknown): CliError {
  const reason = error instanceof Error ? error.message : String(error);
  return new CliError(tr(M.cannotRead, io.lang, { path, reason }));
}

/** Opens a file named on the command line for reading in chunks, then sniffs its encoding. */
export function streamTextFile(io: CliIo, path: string): DecodedStream {
  let chunks: Iterable<Uint8Array>;
  try {
    chunks = io.readChunks ? io.readChunks(path) : [io.readFile(path)];
  } catch (error) {
    throw cannotRead(io, path, error);
  }
  // A read failing after the open (a device error) is the user's error too.
  function* checked(): Generator<Uint8Array> {
    const iterator = chunks[Symbol.iterator]();
    for (;;) {
      let next: IteratorResult<Uint8Array>;
      try {
        next = iterator.next();
      } catch (error) {
        throw cannotRead(io, path, error);
      }
      if (next.done) return;
      yield next.value;
    }
  }
  return decodeChunks(checked());
}

/** Reads and decodes a file named on the command line; a file that cannot be read is the user's error. */
export function readTextFile(io: CliIo, path: string): { text: string; encoding: TextEncodingName } {
  let bytes: Uint8Array;
  try {
    bytes = io.readFile(path);
  } catch (error) {
    throw cannotRead(io, path, error);
  }
  return decodeText(bytes);
}

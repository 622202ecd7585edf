import { closeSync, openSync, readFileSync, readSync } from 'node:fs';
import { Lang } from '../core/text/i18n';

/** What a command needs from the outside world; tests pass their own. */
export interface CliIo {
  readFile(path: string): Uint8Array;
  /** The file in chunks, opened before it returns (so a missing file throws at once). */
  readChunks?(path: string): Iterable<Uint8Array>;
  stdout(text: string): void;
  /** Output as UTF-8 bytes, whole rows at a time; without it the bytes go to stdout as text. */
  stdoutBytes?(bytes: Uint8Array): void;
  stderr(text: string): void;
  /** Language of messages: Russian unless the environment asks for English. */
  lang: Lang;
}

export const nodeIo: CliIo = {
  readFile: (path) => readFileSync(path),
  readChunks: (path) => fileChunks(openSync(path, 'r')),
  stdout: (text) => process.stdout.write(text),
  stdoutBytes: (bytes) => process.stdout.write(bytes),
  stderr: (text) => process.stderr.write(text),
  lang: /^en/i.test(process.env.PD_MONITOR_LANG ?? process.env.LANG ?? '') ? 'en' : 'ru',
};

/** A failure the user caused (bad file, bad arguments): printed without a stack trace. */
export class CliError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'CliError';
  }
}

/**
 * How much of the file is read at a time. Small enough that the text of a chunk stays
 * under 128 KB of UTF-16 (32K characters of Windows-1251 or fewer of UTF-8): V8 keeps a
 * longer string in its large-object space, and decoding the same file into such strings
 * was measured several times slower (twenty times for Windows-1251 at 64 KB a chunk).
 */
const CHUNK_BYTES = 1 << 15;

/** Reads an open file a chunk at a time and closes it at the end (or when abandoned). */
function* fileChunks(fd: number): Generator<Uint8Array> {
  try {
    for (;;) {
      const chunk = Buffer.allocUnsafe(CHUNK_BYTES);
      const read = readSync(fd, chunk, 0, CHUNK_BYTES, null);
      if (read === 0) return;
      yield chunk.subarray(0, read);
    }
  } finally {
    closeSync(fd);
  }
}

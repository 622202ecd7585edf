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

const CHUNK_BYTES = 1 << 16;

/** Reads an open file a megabyte at a time and closes it at the end (or when abandoned). */
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

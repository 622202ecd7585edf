import { readFileSync } from 'node:fs';
import { Lang } from '../core/text/i18n';

/** What a command needs from the outside world; tests pass their own. */
export interface CliIo {
  readFile(path: string): Uint8Array;
  stdout(text: string): void;
  stderr(text: string): void;
  /** Language of messages: Russian unless the environment asks for English. */
  lang: Lang;
}

export const nodeIo: CliIo = {
  readFile: (path) => readFileSync(path),
  stdout: (text) => process.stdout.write(text),
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

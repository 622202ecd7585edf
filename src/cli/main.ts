/**
 * pd-monitor — the offline command-line tool over src/core, for districts whose
 * surveys and reports ran elsewhere (Yandex Forms, Excel exports).
 */
import { Catalog, tr } from '../core/text/i18n';
import { CliError, CliIo, nodeIo } from './io';
import { runScore } from './score';
import { runIndicators } from './indicators';
import { runRubric } from './rubric';

const USAGE = `Usage:
  pd-monitor score <instrument> <responses.csv> [--format jsonl|csv]
  pd-monitor indicators --preset <id> <school_reports.csv> [survey score files…]
  pd-monitor rubric <rubric.json>
`;

const M = {
  unexpected: {
    ru: 'файл не удалось обработать ({reason}). Проверьте, что это выгрузка нужного вида; если да — сообщите разработчикам.',
    en: 'the file could not be processed ({reason}). Check that it is an export of the right kind; if it is, tell the developers.',
  },
} satisfies Catalog<string>;

const COMMANDS: Record<string, (args: string[], io: CliIo) => number> = {
  score: runScore,
  indicators: runIndicators,
  rubric: runRubric,
};

export function main(argv: string[], io: CliIo = nodeIo): number {
  const [command, ...args] = argv;
  if (!command || command === '--help' || command === '-h') {
    io.stdout(USAGE);
    return command ? 0 : 2;
  }
  const run = COMMANDS[command];
  if (!run) {
    io.stderr(`pd-monitor: unknown command "${command}"\n${USAGE}`);
    return 2;
  }
  try {
    return run(args, io);
  } catch (error) {
    if (error instanceof CliError) {
      io.stderr(`pd-monitor ${command}: ${error.message}\n`);
      return 1;
    }
    // No input may end in a stack trace: whatever was not foreseen (a file nested too deep
    // for the stack, a bug) is still one line in the user's language and a non-zero exit.
    const reason = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
    io.stderr(`pd-monitor ${command}: ${tr(M.unexpected, io.lang, { reason: reason.split('\n')[0].slice(0, 200) })}\n`);
    return 70;
  }
}

if (require.main === module) {
  process.exitCode = main(process.argv.slice(2));
}

/**
 * npm start [-- --port P] [--teachers N] [--schools M] [--seed S] [--preset P]
 * The local preview: the demo district in the emulator, the built bundle behind the
 * sidebar, served on http://localhost:$PORT (8080 by default). Ctrl+C stops it.
 */
import { PRESET_IDS } from '../src/core/presets';
import { DEMO_PRESET } from '../tools/demo-district/district';
import { startPreview } from '../tools/preview/server';

function argument(name: string): string | undefined {
  const args = process.argv.slice(2);
  const at = args.indexOf(`--${name}`);
  return at >= 0 ? args[at + 1] : undefined;
}

function wholeNumber(name: string, raw: string | undefined, fallback: number, min: number, max: number): number {
  if (raw === undefined) return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < min || value > max) {
    console.error(`--${name} должно быть целым числом от ${min} до ${max} (получено «${raw}»)`);
    process.exit(2);
  }
  return value;
}

async function main(): Promise<void> {
  const preset = argument('preset') ?? DEMO_PRESET;
  if (!PRESET_IDS.includes(preset)) {
    console.error(`--preset должен быть одним из: ${PRESET_IDS.join(', ')} (получено «${preset}»)`);
    process.exit(2);
  }
  const port = wholeNumber('port', argument('port') ?? process.env.PORT, 8080, 0, 65535);
  const teachers = wholeNumber('teachers', argument('teachers'), 60, 1, 10_000);
  const schools = wholeNumber('schools', argument('schools'), 6, 1, 1000);
  const seed = wholeNumber('seed', argument('seed'), 1, 0, 2 ** 32 - 1);
  console.log(`Демо-район: ${teachers} педагогов, ${schools} школ, набор показателей ${preset}…`);
  const preview = await startPreview({ port, teachers, schools, seed, preset });
  console.log(`Предпросмотр PD Monitor: ${preview.url}  (Ctrl+C — остановить)`);
  const stop = () => void preview.close().then(() => process.exit(0));
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

main().catch((error) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});

/**
 * `pd-monitor rubric`, run in-process on examples/rubric.json and on broken files.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { CliError, CliIo } from '../../src/cli/io';
import { main } from '../../src/cli/main';
import { runRubric } from '../../src/cli/rubric';
import { Lang } from '../../src/core/text/i18n';

const EXAMPLE = join(__dirname, '../../examples/rubric.json');
const example = () => JSON.parse(readFileSync(EXAMPLE, 'utf8'));
const utf8 = (text: string) => new TextEncoder().encode(text);

function run(argv: string[], files: Record<string, Uint8Array> = {}, lang: Lang = 'ru') {
  let stdout = '';
  let stderr = '';
  const io: CliIo = {
    readFile: (path) => files[path] ?? readFileSync(path),
    stdout: (text) => (stdout += text),
    stderr: (text) => (stderr += text),
    lang,
  };
  return { code: main(argv, io), stdout, stderr };
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- the command's JSON is read loosely here
type Json = any;
const out = (argv: string[], files: Record<string, Uint8Array> = {}, lang: Lang = 'ru'): Json => {
  const result = run(argv, files, lang);
  expect(result.stderr).toBe('');
  expect(result.code).toBe(0);
  return JSON.parse(result.stdout);
};
const block = (o: Json, id: string) => o.blocks.find((b: Json) => b.id === id);

describe('examples/rubric.json', () => {
  const scored = out(['rubric', EXAMPLE]);

  test('the indicators block: 2 (matching) + 1 (not matching) + 1 (one ineffective) − 1 (only ineffective) = 3', () => {
    const indicators = block(scored, 'indicators');
    expect(indicators.positions.map((p: Json) => p.points)).toEqual([2, 1, 1, -1]);
    expect(indicators).toMatchObject({ points: 3, computedMax: 8, declaredMax: null, min: -4 });
  });

  test('monitoring: 3 + 2 (no timing) + 2 (no use) + 0 (only ineffective indicators) = 7', () => {
    const monitoring = block(scored, 'monitoring');
    expect(monitoring.positions.map((p: Json) => p.points)).toEqual([3, 2, 2, 0]);
    expect(monitoring.positions[3].parameters[0].note).toBe(
      'Все показатели позиции неэффективны: их мониторинг и анализ не оцениваются (0 баллов).',
    );
  });

  test('analysis absent: clustering and factors claimed but scored 0', () => {
    const network = block(scored, 'analysis').positions.find((p: Json) => p.id === 'network');
    expect(network.parameters.map((p: Json) => [p.id, p.value, p.points])).toEqual([
      ['present', false, 0],
      ['clustering', true, 0],
      ['factors', true, 0],
    ]);
  });

  test('blocks with points, computed and declared maxima; the total', () => {
    expect(scored.blocks.map((b: Json) => [b.id, b.points, b.computedMax, b.declaredMax])).toEqual([
      ['indicators', 3, 8, null],
      ['monitoring', 7, 12, 12],
      ['analysis', 0, 12, 12],
      ['recommendations', 0, 12, 12],
      ['measures', 3, 21, 24],
      ['decisions', 0, 3, 3],
      ['efficiency', 0, 3, 3],
    ]);
    expect([scored.total, scored.totalComputedMax, scored.totalDeclaredMax]).toEqual([13, 71, 74]);
  });

  test('evidence is kept per parameter', () => {
    const mentoring = block(scored, 'indicators').positions[0];
    expect(mentoring.parameters.map((p: Json) => p.evidence)).toEqual([
      'https://imc-krymsk.example/programma.pdf#pokazateli',
      'Программа, цель № 7',
      null,
    ]);
  });

  test('suggestions from the preset and the registers are listed with the current value, not applied', () => {
    expect(scored.suggestionsApplied).toBe(false);
    const decision = scored.suggestions.find((s: Json) => s.block === 'decisions' && s.parameter === 'dates');
    expect(decision).toMatchObject({ value: true, current: null, source: 'decisions', evidence: 'Приказ УО № 168-09' });
    const timing = scored.suggestions.find((s: Json) => s.block === 'monitoring' && s.position === 'associations' && s.parameter === 'timing');
    expect(timing).toMatchObject({ value: false, current: false, source: 'preset' });
  });

  test('--apply-suggestions fills what the file leaves unset: 3 + 7 + 3 + 2 + 10 + 3 + 3 = 31', () => {
    const applied = out(['rubric', EXAMPLE, '--apply-suggestions']);
    expect(applied.blocks.map((b: Json) => b.points)).toEqual([3, 7, 3, 2, 10, 3, 3]);
    expect(applied.total).toBe(31);
    // The coordinator's "no analysis" for network stays.
    expect(block(applied, 'analysis').positions.find((p: Json) => p.id === 'network').points).toBe(0);
  });

  test('English titles', () => {
    const en = out(['rubric', EXAMPLE], {}, 'en');
    expect(block(en, 'measures').title).toBe('Measures');
    expect(block(en, 'measures').positions[0].parameters[1].title).toBe('Implementation dates stated');
  });
});

describe('bad input', () => {
  const err = (files: Record<string, Uint8Array>, argv = ['rubric', 'r.json']) => {
    const result = run(argv, files);
    expect(result.code).toBe(1);
    expect(result.stdout).toBe('');
    return result.stderr;
  };

  test('not JSON', () => {
    expect(err({ 'r.json': utf8('{ "blocks": ') })).toMatch(/^pd-monitor rubric: файл «r.json» — не JSON: /);
  });

  test('unknown ids and bad values, all listed', () => {
    const text = JSON.stringify({ blocks: { measures: { informing: { present: 'да' }, training: {} } } });
    expect(err({ 'r.json': utf8(text) })).toBe(
      'pd-monitor rubric: в файле «r.json» ошибки:\n' +
        '  - blocks.measures.informing.present: значение "да" — нужно true/false (или 1/0).\n' +
        '  - Блок «measures»: неизвестная позиция «training». Позиции: informing, competitions, motivation, young_teachers, associations_help, support_quality, staffing_deficits.\n',
    );
  });

  test('unknown preset', () => {
    expect(err({ 'r.json': utf8('{"preset":"moscow","blocks":{}}') })).toMatch(/неизвестный набор показателей «moscow»; допустимы: amur, krymsk/);
  });

  test('a register row without its required columns', () => {
    const file = example();
    file.registers.measures.push({ position: 'informing' });
    expect(err({ 'r.json': utf8(JSON.stringify(file)) })).toContain('Меры, мероприятия, строка 4: не заполнено «Мера, мероприятие».');
  });

  test('arguments', () => {
    expect(err({}, ['rubric'])).toMatch(/нужен один аргумент/);
    expect(err({}, ['rubric', 'a.json', '--fix'])).toMatch(/неизвестный параметр «--fix»/);
    expect(err({}, ['rubric', 'nowhere.json'])).toMatch(/не удалось прочитать файл «nowhere.json»/);
    expect(run(['rubric', '--help']).stdout).toMatch(/^использование: pd-monitor rubric/);
  });

  test('runRubric throws CliError for the caller to print', () => {
    const io: CliIo = { readFile: () => utf8('[]'), stdout: () => undefined, stderr: () => undefined, lang: 'en' };
    expect(() => runRubric(['r.json'], io)).toThrow(CliError);
  });
});

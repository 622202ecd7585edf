/**
 * `pd-monitor rubric <rubric.json> [--apply-suggestions]`: scores a filled rubric and
 * prints JSON — each block with its points, computed maximum and declared maximum, each
 * parameter with its points and evidence. When the file names a preset or carries
 * registers, the values they prove are listed as suggestions; --apply-suggestions fills
 * the parameters the file leaves unset with them before scoring.
 * The file format is described in docs/rubric.md (example: examples/rubric.json).
 */
import { Catalog, Lang, tr } from '../core/text/i18n';
import { renderMessage } from '../core/text/message';
import { PRESET_IDS, presetById } from '../core/presets';
import {
  applySuggestions,
  parseRubricFile,
  readRegister,
  registerById,
  RegisterId,
  Registers,
  RubricInput,
  RubricScore,
  RubricSuggestion,
  scoreRubric,
  suggestRubric,
} from '../core/rubric';
import { readTextFile } from './decode';
import { CliError, CliIo } from './io';

const M = {
  usage: {
    ru: 'использование: pd-monitor rubric <rubric.json> [--apply-suggestions]\nформат файла: docs/rubric.md, пример: examples/rubric.json\n',
    en: 'usage: pd-monitor rubric <rubric.json> [--apply-suggestions]\nfile format: docs/rubric.md, example: examples/rubric.json\n',
  },
  arguments: { ru: 'нужен один аргумент: файл rubric.json.', en: 'one argument is needed: the rubric.json file.' },
  unknownOption: { ru: 'неизвестный параметр «{value}».', en: 'unknown option "{value}".' },
  badJson: { ru: 'файл «{path}» — не JSON: {reason}', en: 'file "{path}" is not JSON: {reason}' },
  invalid: { ru: 'в файле «{path}» ошибки:\n{errors}', en: 'file "{path}" has errors:\n{errors}' },
  unknownPreset: {
    ru: 'в файле «{path}» неизвестный набор показателей «{value}»; допустимы: {list}.',
    en: 'file "{path}" names an unknown preset "{value}"; expected one of: {list}.',
  },
} satisfies Catalog<string>;

function parseArgs(args: string[], lang: Lang): { path: string; apply: boolean } | null {
  const positional: string[] = [];
  let apply = false;
  for (const arg of args) {
    if (arg === '--help' || arg === '-h') return null;
    if (arg === '--apply-suggestions') apply = true;
    else if (arg.startsWith('-') && arg !== '-') throw new CliError(tr(M.unknownOption, lang, { value: arg }));
    else positional.push(arg);
  }
  if (positional.length !== 1) throw new CliError(tr(M.arguments, lang));
  return { path: positional[0], apply };
}

function shape(score: RubricScore, lang: Lang) {
  return {
    blocks: score.blocks.map((block) => ({
      id: block.id,
      title: tr(block.title, lang),
      points: block.points,
      min: block.min,
      computedMax: block.computedMax,
      declaredMax: block.declaredMax,
      positions: block.positions.map((position) => ({
        id: position.id,
        title: tr(position.title, lang),
        points: position.points,
        computedMax: position.computedMax,
        declaredMax: position.declaredMax,
        parameters: position.parameters.map((parameter) => ({
          id: parameter.id,
          title: tr(parameter.title, lang),
          value: parameter.value,
          points: parameter.points,
          evidence: parameter.evidence,
          ...(parameter.note ? { note: renderMessage(parameter.note, lang) } : {}),
        })),
      })),
    })),
    total: score.total,
    totalComputedMax: score.totalComputedMax,
    totalDeclaredMax: score.totalDeclaredMax,
  };
}

function suggestionsJson(suggestions: readonly RubricSuggestion[], input: RubricInput, lang: Lang) {
  return suggestions.map((s) => ({
    block: s.block,
    position: s.position,
    parameter: s.parameter,
    value: s.value,
    current: input.blocks[s.block]?.[s.position]?.[s.parameter]?.value ?? null,
    reason: renderMessage(s.reason, lang),
    evidence: s.evidence ?? null,
    source: s.source,
  }));
}

export function runRubric(args: string[], io: CliIo): number {
  const lang = io.lang;
  const parsed = parseArgs(args, lang);
  if (!parsed) {
    io.stdout(tr(M.usage, lang));
    return 0;
  }
  const { path } = parsed;
  const { text } = readTextFile(io, path);
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw new CliError(tr(M.badJson, lang, { path, reason: error instanceof Error ? error.message : String(error) }));
  }
  const read = parseRubricFile(json);
  if (!read.ok) {
    throw new CliError(
      tr(M.invalid, lang, { path, errors: read.errors.map((e) => `  - ${renderMessage(e, lang)}`).join('\n') }),
    );
  }
  const { file } = read;
  const preset = file.preset === undefined ? undefined : presetById(file.preset);
  if (file.preset !== undefined && !preset) {
    throw new CliError(tr(M.unknownPreset, lang, { path, value: file.preset, list: PRESET_IDS.join(', ') }));
  }

  let registers: Registers | undefined;
  if (file.registers) {
    registers = {};
    const errors: string[] = [];
    for (const [id, rows] of Object.entries(file.registers) as [RegisterId, NonNullable<Registers[RegisterId]>][]) {
      const checked = readRegister(registerById(id)!, rows, 1);
      errors.push(...checked.errors.map((e) => `  - ${renderMessage(e, lang)}`));
      registers[id] = checked.rows;
    }
    if (errors.length > 0) throw new CliError(tr(M.invalid, lang, { path, errors: errors.join('\n') }));
  }

  const suggestions = preset || registers ? suggestRubric({ preset, registers }) : [];
  const input = parsed.apply ? applySuggestions(file.input, suggestions) : file.input;
  const output = {
    preset: preset?.id ?? null,
    ...shape(scoreRubric(input), lang),
    suggestionsApplied: parsed.apply,
    suggestions: suggestionsJson(suggestions, file.input, lang),
  };
  io.stdout(`${JSON.stringify(output, null, 2)}\n`);
  return 0;
}

/**
 * Reads a filled rubric from JSON (the CLI's rubric.json, the workbook's stored rubric):
 *
 *   { "preset": "krymsk",                          optional: suggestions from the preset
 *     "registers": { "measures": [ {…}, … ], … },  optional: suggestions from registers
 *     "blocks": { "<block>": { "<position>": { "<parameter>": value | { "value": …, "evidence": "…" } } } } }
 *
 * A value is true/false (or 1/0); the indicators block's "ineffective" takes
 * "none" | "some" | "all" (false = "none", true = "some"). Every problem is reported
 * with its path, all at once.
 */
import { Localized } from '../text/i18n';
import { LocalizedMessage, message } from '../text/message';
import { BLOCKS, blockById, BlockId } from './definition';
import { IneffectiveValue, ParameterInput, ParameterValue, RubricInput } from './engine';
import { registerById, RegisterId, RegisterRow, Registers, REGISTERS } from './registers';

export const RUBRIC_INPUT_MESSAGES = {
  notObject: { ru: '{path}: ожидается объект JSON.', en: '{path}: a JSON object is expected.' },
  unknownBlock: {
    ru: 'Неизвестный блок «{id}». Блоки: {known}.',
    en: 'Unknown block "{id}". Blocks: {known}.',
  },
  unknownPosition: {
    ru: 'Блок «{block}»: неизвестная позиция «{id}». Позиции: {known}.',
    en: 'Block "{block}": unknown position "{id}". Positions: {known}.',
  },
  unknownParameter: {
    ru: '{path}: неизвестный параметр «{id}». Параметры: {known}.',
    en: '{path}: unknown parameter "{id}". Parameters: {known}.',
  },
  badPoint: {
    ru: '{path}: значение {value} — нужно true/false (или 1/0).',
    en: '{path}: value {value} — expected true/false (or 1/0).',
  },
  badPenalty: {
    ru: '{path}: значение {value} — нужно "none", "some" или "all".',
    en: '{path}: value {value} — expected "none", "some" or "all".',
  },
  badEvidence: { ru: '{path}.evidence: ожидается строка (ссылка или документ).', en: '{path}.evidence: a string is expected.' },
  missingValue: { ru: '{path}: нет поля "value".', en: '{path}: no "value".' },
  badPreset: { ru: '"preset": ожидается строка.', en: '"preset": a string is expected.' },
  unknownRegister: {
    ru: 'Неизвестный реестр «{id}». Реестры: {known}.',
    en: 'Unknown register "{id}". Registers: {known}.',
  },
  badRegister: { ru: 'registers.{id}: ожидается массив строк-объектов.', en: 'registers.{id}: an array of row objects is expected.' },
  unknownTopLevel: {
    ru: 'Неизвестное поле «{id}» (ожидаются preset, registers, blocks).',
    en: 'Unknown field "{id}" (expected preset, registers, blocks).',
  },
} satisfies Record<string, Localized>;

export interface RubricFile {
  preset?: string;
  registers?: Registers;
  input: RubricInput;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function readValue(kind: 'point' | 'penalty', raw: unknown): ParameterValue | null {
  if (kind === 'point') {
    if (raw === true || raw === 1) return true;
    if (raw === false || raw === 0) return false;
    return null;
  }
  if (raw === 'none' || raw === 'some' || raw === 'all') return raw as IneffectiveValue;
  if (raw === false || raw === 0) return 'none';
  if (raw === true || raw === 1) return 'some';
  return null;
}

export function parseRubricFile(json: unknown): { ok: true; file: RubricFile } | { ok: false; errors: LocalizedMessage[] } {
  const errors: LocalizedMessage[] = [];
  if (!isObject(json)) return { ok: false, errors: [message(RUBRIC_INPUT_MESSAGES.notObject, { path: '(root)' })] };

  for (const key of Object.keys(json)) {
    if (!['preset', 'registers', 'blocks'].includes(key)) errors.push(message(RUBRIC_INPUT_MESSAGES.unknownTopLevel, { id: key }));
  }

  let preset: string | undefined;
  if (json.preset !== undefined) {
    if (typeof json.preset === 'string') preset = json.preset;
    else errors.push(message(RUBRIC_INPUT_MESSAGES.badPreset));
  }

  let registers: Registers | undefined;
  if (json.registers !== undefined) {
    if (!isObject(json.registers)) {
      errors.push(message(RUBRIC_INPUT_MESSAGES.notObject, { path: 'registers' }));
    } else {
      registers = {};
      for (const [id, rows] of Object.entries(json.registers)) {
        if (!registerById(id)) {
          errors.push(message(RUBRIC_INPUT_MESSAGES.unknownRegister, { id, known: REGISTERS.map((r) => r.id).join(', ') }));
        } else if (!Array.isArray(rows) || !rows.every(isObject)) {
          errors.push(message(RUBRIC_INPUT_MESSAGES.badRegister, { id }));
        } else {
          registers[id as RegisterId] = rows as RegisterRow[];
        }
      }
    }
  }

  const input: RubricInput = { blocks: {} };
  const blocks = json.blocks ?? {};
  if (!isObject(blocks)) {
    errors.push(message(RUBRIC_INPUT_MESSAGES.notObject, { path: 'blocks' }));
  } else {
    for (const [blockId, positions] of Object.entries(blocks)) {
      const block = blockById(blockId);
      if (!block) {
        errors.push(message(RUBRIC_INPUT_MESSAGES.unknownBlock, { id: blockId, known: BLOCKS.map((b) => b.id).join(', ') }));
        continue;
      }
      if (!isObject(positions)) {
        errors.push(message(RUBRIC_INPUT_MESSAGES.notObject, { path: `blocks.${blockId}` }));
        continue;
      }
      const outPositions: Record<string, Record<string, ParameterInput>> = {};
      for (const [positionId, params] of Object.entries(positions)) {
        if (!block.positions.some((p) => p.id === positionId)) {
          errors.push(
            message(RUBRIC_INPUT_MESSAGES.unknownPosition, {
              block: blockId,
              id: positionId,
              known: block.positions.map((p) => p.id).join(', '),
            }),
          );
          continue;
        }
        const path = `blocks.${blockId}.${positionId}`;
        if (!isObject(params)) {
          errors.push(message(RUBRIC_INPUT_MESSAGES.notObject, { path }));
          continue;
        }
        const outParams: Record<string, ParameterInput> = {};
        for (const [parameterId, raw] of Object.entries(params)) {
          const parameter = block.parameters.find((p) => p.id === parameterId);
          const paramPath = `${path}.${parameterId}`;
          if (!parameter) {
            errors.push(
              message(RUBRIC_INPUT_MESSAGES.unknownParameter, {
                path,
                id: parameterId,
                known: block.parameters.map((p) => p.id).join(', '),
              }),
            );
            continue;
          }
          let rawValue: unknown = raw;
          let evidence: string | undefined;
          if (isObject(raw)) {
            if (!('value' in raw)) {
              errors.push(message(RUBRIC_INPUT_MESSAGES.missingValue, { path: paramPath }));
              continue;
            }
            rawValue = raw.value;
            if (raw.evidence !== undefined && raw.evidence !== null) {
              if (typeof raw.evidence !== 'string') errors.push(message(RUBRIC_INPUT_MESSAGES.badEvidence, { path: paramPath }));
              else if (raw.evidence.trim() !== '') evidence = raw.evidence.trim();
            }
          }
          const value = readValue(parameter.kind, rawValue);
          if (value === null) {
            errors.push(
              message(parameter.kind === 'point' ? RUBRIC_INPUT_MESSAGES.badPoint : RUBRIC_INPUT_MESSAGES.badPenalty, {
                path: paramPath,
                value: JSON.stringify(rawValue) ?? 'undefined',
              }),
            );
            continue;
          }
          outParams[parameterId] = evidence ? { value, evidence } : { value };
        }
        outPositions[positionId] = outParams;
      }
      input.blocks[blockId as BlockId] = outPositions;
    }
  }

  if (errors.length > 0) return { ok: false, errors };
  return {
    ok: true,
    file: { input, ...(preset !== undefined ? { preset } : {}), ...(registers ? { registers } : {}) },
  };
}

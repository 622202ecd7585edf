/**
 * Rubric values the workbook itself proves, each with its reason and evidence:
 *  - the preset: indicators per position and their stated goal (indicators block), the
 *    cyclogram's monitorings, their timing and the use of their results (monitoring);
 *  - the registers: analyses, recommendations, measures with dates and responsible
 *    people, decisions, efficiency analyses.
 * Suggestions never decide whether an indicator is ineffective: only a person can.
 * A register that is absent proves nothing; a register that is there but has no row for
 * a position suggests 0.
 */
import { Lang, Localized } from '../text/i18n';
import { joinLocalized, LocalizedMessage, message } from '../text/message';
import { SharedPositionId } from '../indicators/types';
import { positionIndicators } from '../presets';
import { formatSchedule, Preset, Schedule, statesTiming } from '../presets/types';
import { BlockId, SHARED_POSITIONS, blockById } from './definition';
import { ParameterInput, RubricInput } from './engine';
import { filled, readRegister, registerById, RegisterId, RegisterRow, Registers } from './registers';

export interface RubricSuggestion {
  block: BlockId;
  position: string;
  parameter: string;
  value: boolean;
  reason: LocalizedMessage;
  evidence?: string;
  source: 'preset' | RegisterId;
}

export const SUGGESTION_REASONS = {
  indicatorsPresent: {
    ru: 'В наборе «{preset}» показателей по позиции: {count} (например, «{first}»).',
    en: 'Preset "{preset}" has {count} indicator(s) for the position (e.g. "{first}").',
  },
  indicatorsAbsent: {
    ru: 'В наборе «{preset}» нет показателей по позиции.',
    en: 'Preset "{preset}" has no indicators for the position.',
  },
  goalStated: {
    ru: 'Показатели служат цели, заявленной в наборе: {goal}.',
    en: 'The indicators serve the goal stated in the preset: {goal}.',
  },
  monitored: {
    ru: 'Показатели позиции измеряются мониторингами циклограммы: {monitorings}.',
    en: "The position's indicators are measured by the cyclogram's monitorings: {monitorings}.",
  },
  notMonitored: {
    ru: 'Ни один мониторинг циклограммы не измеряет показатели позиции.',
    en: "No monitoring of the cyclogram measures the position's indicators.",
  },
  timingStated: { ru: 'Сроки по циклограмме: {schedules}.', en: 'Timing in the cyclogram: {schedules}.' },
  timingMissing: {
    ru: 'В циклограмме не названы сроки мониторинга ({schedules}).',
    en: 'The cyclogram names no monitoring dates ({schedules}).',
  },
  useStated: { ru: 'Использование результатов: {use}', en: 'Use of the results: {use}' },
  useMissing: {
    ru: 'В циклограмме нет сведений об использовании результатов этих мониторингов.',
    en: 'The cyclogram says nothing about the use of these monitorings’ results.',
  },
  rows: {
    ru: 'Реестр «{register}»: записей по позиции — {count} (например, «{title}»).',
    en: 'Register "{register}": {count} row(s) for the position (e.g. "{title}").',
  },
  noRows: { ru: 'В реестре «{register}» нет записей по позиции.', en: 'Register "{register}" has no rows for the position.' },
  columnFilled: { ru: '«{title}»: {column} — {text}.', en: '"{title}": {column} — {text}.' },
  columnEmpty: {
    ru: 'Ни в одной записи реестра «{register}» по позиции не заполнено «{column}».',
    en: 'No row of register "{register}" for the position has "{column}".',
  },
  clustering: { ru: 'В «{title}» отмечено использование кластеризации.', en: '"{title}" marks clustering as used.' },
  kindRow: { ru: '{kind}: «{title}».', en: '{kind}: "{title}".' },
  noKind: {
    ru: 'В реестре «{register}» нет записей вида «{kind}» по позиции.',
    en: 'Register "{register}" has no "{kind}" rows for the position.',
  },
  noAddressee: {
    ru: 'У адресных рекомендаций по позиции не указан адресат.',
    en: 'The addressed recommendations of the position name no addressee.',
  },
} satisfies Record<string, Localized>;

const both = (make: (lang: Lang) => string): Localized => ({ ru: make('ru'), en: make('en') });

const scheduleText = (schedule: Schedule): Localized => both((lang) => formatSchedule(schedule, lang));

function text(cell: RegisterRow[string] | undefined): string {
  return filled(cell) ? String(cell).trim() : '';
}

function evidenceOf(row: RegisterRow): string | undefined {
  return text(row.evidence) || text(row.document) || text(row.analysis) || text(row.title) || undefined;
}

function fromPreset(preset: Preset): RubricSuggestion[] {
  const out: RubricSuggestion[] = [];
  for (const position of SHARED_POSITIONS) {
    const id = position.id as SharedPositionId;
    const indicators = positionIndicators(preset, id);
    const say = (block: BlockId, parameter: string, value: boolean, reason: LocalizedMessage) =>
      out.push({ block, position: id, parameter, value, reason, source: 'preset' });

    say(
      'indicators',
      'present',
      indicators.length > 0,
      indicators.length > 0
        ? message(SUGGESTION_REASONS.indicatorsPresent, { preset: preset.title, count: indicators.length, first: indicators[0].title })
        : message(SUGGESTION_REASONS.indicatorsAbsent, { preset: preset.title }),
    );
    const goal = preset.rubric.goals[id];
    if (indicators.length > 0 && goal) say('indicators', 'matches_goal', true, message(SUGGESTION_REASONS.goalStated, { goal }));

    const ids = new Set(indicators.map((indicator) => indicator.id));
    const monitorings = preset.cyclogram.filter((entry) => entry.indicators.some((indicator) => ids.has(indicator)));
    if (monitorings.length === 0) {
      say('monitoring', 'indicators', false, message(SUGGESTION_REASONS.notMonitored));
      say('monitoring', 'timing', false, message(SUGGESTION_REASONS.notMonitored));
      say('monitoring', 'use', false, message(SUGGESTION_REASONS.notMonitored));
      continue;
    }
    say(
      'monitoring',
      'indicators',
      true,
      message(SUGGESTION_REASONS.monitored, { monitorings: joinLocalized(monitorings.map((m) => m.title), '; ') }),
    );
    const timed = monitorings.filter((entry) => statesTiming(entry.schedule));
    say(
      'monitoring',
      'timing',
      timed.length > 0,
      timed.length > 0
        ? message(SUGGESTION_REASONS.timingStated, {
            schedules: joinLocalized(timed.map((m) => joinLocalized([m.title, scheduleText(m.schedule)], ' — ')), '; '),
          })
        : message(SUGGESTION_REASONS.timingMissing, {
            schedules: joinLocalized(monitorings.map((m) => scheduleText(m.schedule)), '; '),
          }),
    );
    const used = monitorings.filter((entry) => entry.use);
    say(
      'monitoring',
      'use',
      used.length > 0,
      used.length > 0
        ? message(SUGGESTION_REASONS.useStated, { use: joinLocalized(used.map((m) => m.use!), ' ') })
        : message(SUGGESTION_REASONS.useMissing),
    );
  }
  return out;
}

/** Rows of a register per position of its block (all rows for a block with one position). */
function rowsByPosition(registerId: RegisterId, rows: readonly RegisterRow[]): Map<string, RegisterRow[]> {
  const register = registerById(registerId)!;
  const block = blockById(register.block)!;
  const { rows: clean } = readRegister(register, rows);
  const hasPosition = register.columns.some((column) => column.kind === 'position');
  const out = new Map<string, RegisterRow[]>(block.positions.map((p) => [p.id, []]));
  for (const row of clean) {
    const position = hasPosition ? String(row.position) : block.positions[0].id;
    out.get(position)?.push(row);
  }
  return out;
}

/**
 * A stage register (measures, decisions, efficiency, analyses): the presence parameter
 * from any row, then each further parameter from the first row that fills its column.
 */
function stageSuggestions(
  registerId: RegisterId,
  rows: readonly RegisterRow[],
  checks: { parameter: string; columns: string[]; test?: (row: RegisterRow) => boolean; reason?: 'clustering' }[],
): RubricSuggestion[] {
  const register = registerById(registerId)!;
  const block = register.block;
  const presence = blockById(block)!.parameters[0].id;
  const out: RubricSuggestion[] = [];
  for (const [position, group] of rowsByPosition(registerId, rows)) {
    const say = (parameter: string, value: boolean, reason: LocalizedMessage, row?: RegisterRow) =>
      out.push({
        block,
        position,
        parameter,
        value,
        reason,
        source: registerId,
        ...(row && evidenceOf(row) ? { evidence: evidenceOf(row) } : {}),
      });
    if (group.length === 0) {
      say(presence, false, message(SUGGESTION_REASONS.noRows, { register: register.title }));
      for (const check of checks) say(check.parameter, false, message(SUGGESTION_REASONS.noRows, { register: register.title }));
      continue;
    }
    say(
      presence,
      true,
      message(SUGGESTION_REASONS.rows, { register: register.title, count: group.length, title: text(group[0].title) }),
      group[0],
    );
    for (const check of checks) {
      const test = check.test ?? ((row: RegisterRow) => check.columns.some((column) => filled(row[column])));
      const row = group.find(test);
      const columnTitles = joinLocalized(
        check.columns.map((id) => register.columns.find((column) => column.id === id)!.title),
        ' / ',
      );
      if (!row) {
        say(check.parameter, false, message(SUGGESTION_REASONS.columnEmpty, { register: register.title, column: columnTitles }));
      } else if (check.reason === 'clustering') {
        say(check.parameter, true, message(SUGGESTION_REASONS.clustering, { title: text(row.title) }), row);
      } else {
        const filledText = check.columns.map((column) => text(row[column])).filter(Boolean).join('; ');
        say(
          check.parameter,
          true,
          message(SUGGESTION_REASONS.columnFilled, { title: text(row.title), column: columnTitles, text: filledText }),
          row,
        );
      }
    }
  }
  return out;
}

function recommendationSuggestions(rows: readonly RegisterRow[]): RubricSuggestion[] {
  const register = registerById('recommendations')!;
  const kinds = register.columns.find((column) => column.id === 'kind')!.choices!;
  const out: RubricSuggestion[] = [];
  for (const [position, group] of rowsByPosition('recommendations', rows)) {
    for (const kind of kinds) {
      const ofKind = group.filter((row) => row.kind === kind.value);
      // An addressed recommendation must say whom it addresses.
      const row = kind.value === 'addressed' ? ofKind.find((r) => filled(r.addressee)) : ofKind[0];
      const reason = row
        ? message(SUGGESTION_REASONS.kindRow, { kind: kind.title, title: text(row.title) })
        : ofKind.length > 0
          ? message(SUGGESTION_REASONS.noAddressee)
          : message(SUGGESTION_REASONS.noKind, { register: register.title, kind: kind.title });
      out.push({
        block: 'recommendations',
        position,
        parameter: kind.value,
        value: row !== undefined,
        reason,
        source: 'recommendations',
        ...(row && evidenceOf(row) ? { evidence: evidenceOf(row) } : {}),
      });
    }
  }
  return out;
}

/** Every suggestion the preset and the registers support. */
export function suggestRubric(sources: { preset?: Preset; registers?: Registers }): RubricSuggestion[] {
  const out: RubricSuggestion[] = [];
  if (sources.preset) out.push(...fromPreset(sources.preset));
  const registers = sources.registers ?? {};
  if (registers.analyses) {
    out.push(
      ...stageSuggestions('analyses', registers.analyses, [
        { parameter: 'clustering', columns: ['clustering'], test: (row) => row.clustering === true, reason: 'clustering' },
        { parameter: 'factors', columns: ['factors'] },
      ]),
    );
  }
  if (registers.recommendations) out.push(...recommendationSuggestions(registers.recommendations));
  if (registers.measures) {
    out.push(
      ...stageSuggestions('measures', registers.measures, [
        { parameter: 'dates', columns: ['dates'] },
        { parameter: 'responsible', columns: ['responsible', 'participants'] },
      ]),
    );
  }
  if (registers.decisions) {
    out.push(
      ...stageSuggestions('decisions', registers.decisions, [
        { parameter: 'dates', columns: ['dates'] },
        { parameter: 'responsible', columns: ['responsible', 'participants'] },
      ]),
    );
  }
  if (registers.efficiency) {
    out.push(
      ...stageSuggestions('efficiency', registers.efficiency, [
        { parameter: 'timing', columns: ['dates'] },
        { parameter: 'problem', columns: ['problem'] },
      ]),
    );
  }
  return out;
}

/** Where a scored parameter's value came from. */
export type ValueSource = 'coordinator' | 'suggestion' | 'none';

/**
 * The one rule for a parameter's value: the coordinator's value wins; else the suggestion's,
 * when suggestions are used; else none (absent).
 * Evidence goes with the value it proves. A coordinator's value keeps exactly the evidence
 * the coordinator gave (possibly none: a suggested link must not appear to back a value
 * the coordinator chose). A suggested value takes the evidence the coordinator typed beside
 * it when there is one (they know which document proves it), else the suggestion's own.
 */
export function decideParameter(
  own: ParameterInput | undefined,
  ownEvidence: string,
  suggestion: RubricSuggestion | undefined,
  useSuggestions = true,
): { entry: ParameterInput | null; source: ValueSource } {
  if (own) return { entry: own, source: 'coordinator' };
  if (!useSuggestions || !suggestion) return { entry: null, source: 'none' };
  const evidence = ownEvidence || suggestion.evidence;
  return { entry: evidence ? { value: suggestion.value, evidence } : { value: suggestion.value }, source: 'suggestion' };
}

/**
 * Fills the parameters the coordinator has not set with the suggested values (and their
 * evidence) by decideParameter; what the coordinator set stays as it is.
 */
export function applySuggestions(input: RubricInput, suggestions: readonly RubricSuggestion[]): RubricInput {
  const blocks: RubricInput['blocks'] = {};
  for (const [block, positions] of Object.entries(input.blocks)) {
    blocks[block as BlockId] = Object.fromEntries(
      Object.entries(positions ?? {}).map(([position, params]) => [position, { ...params }]),
    );
  }
  for (const suggestion of suggestions) {
    const positions = (blocks[suggestion.block] ??= {});
    const params = (positions[suggestion.position] ??= {});
    const { entry } = decideParameter(params[suggestion.parameter], '', suggestion);
    if (entry) params[suggestion.parameter] = entry;
  }
  return { blocks };
}

import { renderMessage } from '../../../src/core/text/message';
import { presetById } from '../../../src/core/presets';
import {
  applySuggestions,
  readRegister,
  registerById,
  registerRowsFromTable,
  Registers,
  REGISTERS,
  RubricSuggestion,
  scoreRubric,
  suggestRubric,
} from '../../../src/core/rubric';

const pick = (list: RubricSuggestion[], block: string, position: string, parameter: string) =>
  list.find((s) => s.block === block && s.position === position && s.parameter === parameter);

describe('suggestions from the preset', () => {
  const krymsk = suggestRubric({ preset: presetById('krymsk')! });

  test('indicators present per position, and matching the goal the preset states', () => {
    expect(pick(krymsk, 'indicators', 'mentoring', 'present')?.value).toBe(true);
    const goal = pick(krymsk, 'indicators', 'network', 'matches_goal')!;
    expect(goal.value).toBe(true);
    expect(renderMessage(goal.reason, 'ru')).toBe(
      'Показатели служат цели, заявленной в наборе: Цель № 10. Организация сетевого взаимодействия педагогов на муниципальном уровне.',
    );
    // Whether an indicator is ineffective is never suggested.
    expect(krymsk.some((s) => s.parameter === 'ineffective')).toBe(false);
  });

  test('monitoring: timing from the cyclogram; "per plan" states no timing', () => {
    expect(pick(krymsk, 'monitoring', 'mentoring', 'timing')?.value).toBe(true);
    expect(renderMessage(pick(krymsk, 'monitoring', 'mentoring', 'timing')!.reason, 'ru')).toMatch(/ежегодно, апрель/);
    // School methodical associations are monitored per plan only.
    const associations = pick(krymsk, 'monitoring', 'associations', 'timing')!;
    expect(associations.value).toBe(false);
    expect(renderMessage(associations.reason, 'ru')).toBe('В циклограмме не названы сроки мониторинга (в соответствии с планом).');
    expect(pick(krymsk, 'monitoring', 'associations', 'use')?.value).toBe(true);
  });

  test('monitoring: use of results only where the cyclogram states it (Krymsk network: it does not)', () => {
    expect(pick(krymsk, 'monitoring', 'network', 'indicators')?.value).toBe(true);
    expect(pick(krymsk, 'monitoring', 'network', 'use')?.value).toBe(false);
  });

  test('a preset without indicators for a position suggests absence', () => {
    const amur = suggestRubric({ preset: presetById('amur')! });
    // Amur has network.associations for "associations"; nothing for that position's goal.
    expect(pick(amur, 'indicators', 'associations', 'present')?.value).toBe(true);
    expect(pick(amur, 'indicators', 'associations', 'matches_goal')).toBeUndefined();
    const krasnodar = suggestRubric({ preset: presetById('krasnodar')! });
    expect(pick(krasnodar, 'monitoring', 'support', 'timing')?.value).toBe(false); // no timing in 003
    const kbrAssociations = suggestRubric({ preset: { ...presetById('kbr')!, indicators: ['deficits.diagnosed_share'] } });
    expect(pick(kbrAssociations, 'indicators', 'associations', 'present')?.value).toBe(false);
    expect(pick(kbrAssociations, 'monitoring', 'associations', 'indicators')?.value).toBe(false);
  });
});

describe('suggestions from the registers', () => {
  const registers: Registers = {
    measures: [
      { position: 'competitions', title: 'Муниципальный этап «Учитель года»', dates: 'октябрь – март', responsible: 'МКУ ИМЦ', evidence: 'https://imc.example/uchitel' },
      { position: 'Принятие мер, направленных на устранение кадровых дефицитов в ОО', title: 'Программа кадрового резерва' },
      { position: 'young_teachers', title: 'Школа молодого учителя', participants: 'молодые педагоги' },
    ],
    decisions: [{ title: 'Приказ о комплексе мер', dates: 'до 01.09.2027', document: 'Приказ № 12' }],
    efficiency: [],
    recommendations: [
      { position: 'network', kind: 'addressed', title: 'Письмо школам', addressee: 'Школа № 2' },
      { position: 'mentoring', kind: 'addressed', title: 'Письмо без адресата' },
      { position: 'mentoring', kind: 'Рекомендация по использованию успешных практик', title: 'Кейс наставничества' },
    ],
    analyses: [{ position: 'support', title: 'Справка по дефицитам', clustering: 'да', factors: 'нагрузка, стаж' }],
  };
  const list = suggestRubric({ registers });

  test('measures: present, dates and responsible/participants each from a row that has them', () => {
    expect(['present', 'dates', 'responsible'].map((p) => pick(list, 'measures', 'competitions', p)?.value)).toEqual([true, true, true]);
    expect(pick(list, 'measures', 'competitions', 'present')?.evidence).toBe('https://imc.example/uchitel');
    expect(['present', 'dates', 'responsible'].map((p) => pick(list, 'measures', 'staffing_deficits', p)?.value)).toEqual([true, false, false]);
    expect(['present', 'dates', 'responsible'].map((p) => pick(list, 'measures', 'young_teachers', p)?.value)).toEqual([true, false, true]);
    expect(renderMessage(pick(list, 'measures', 'informing', 'present')!.reason, 'ru')).toBe(
      'В реестре «Меры, мероприятия» нет записей по позиции.',
    );
  });

  test('decisions and an empty efficiency register', () => {
    expect(['present', 'dates', 'responsible'].map((p) => pick(list, 'decisions', 'decisions', p)?.value)).toEqual([true, true, false]);
    expect(pick(list, 'decisions', 'decisions', 'present')?.evidence).toBe('Приказ № 12');
    expect(['present', 'timing', 'problem'].map((p) => pick(list, 'efficiency', 'efficiency', p)?.value)).toEqual([false, false, false]);
  });

  test('recommendations: an addressed one needs an addressee; kinds by id or title', () => {
    expect(pick(list, 'recommendations', 'network', 'addressed')?.value).toBe(true);
    const noAddressee = pick(list, 'recommendations', 'mentoring', 'addressed')!;
    expect(noAddressee.value).toBe(false);
    expect(renderMessage(noAddressee.reason, 'ru')).toBe('У адресных рекомендаций по позиции не указан адресат.');
    expect(pick(list, 'recommendations', 'mentoring', 'practices')?.value).toBe(true);
  });

  test('analyses: clustering marked, factors named', () => {
    expect(['present', 'clustering', 'factors'].map((p) => pick(list, 'analysis', 'support', p)?.value)).toEqual([true, true, true]);
    expect(pick(list, 'analysis', 'network', 'present')?.value).toBe(false);
  });

  test('a register that is not kept proves nothing', () => {
    expect(suggestRubric({ registers: { measures: [] } }).some((s) => s.block === 'decisions')).toBe(false);
  });

  test('applying fills only what the coordinator left unset', () => {
    const input = applySuggestions(
      { blocks: { measures: { competitions: { responsible: { value: false, evidence: 'нет в плане' } } } } },
      list,
    );
    expect(input.blocks.measures!.competitions).toEqual({
      present: { value: true, evidence: 'https://imc.example/uchitel' },
      dates: { value: true, evidence: 'https://imc.example/uchitel' },
      responsible: { value: false, evidence: 'нет в плане' },
    });
    const score = scoreRubric(input);
    expect(score.blocks.find((b) => b.id === 'measures')!.points).toBe(2 + 1 + 2); // competitions 2, staffing 1, young 2
  });
});

describe('registers', () => {
  test('five registers, each proving one block, with their required columns', () => {
    expect(REGISTERS.map((r) => [r.id, r.block])).toEqual([
      ['analyses', 'analysis'],
      ['recommendations', 'recommendations'],
      ['measures', 'measures'],
      ['decisions', 'decisions'],
      ['efficiency', 'efficiency'],
    ]);
    expect(registerById('measures')!.columns.filter((c) => c.required).map((c) => c.id)).toEqual(['position', 'title']);
  });

  test('reading rows: required columns, positions, choices and yes/no are checked; blank lines skipped', () => {
    const read = readRegister(registerById('recommendations')!, [
      { position: 'network', kind: 'addressed', title: 'Письмо' },
      { position: '', kind: '', title: '' },
      { position: 'кадры', kind: 'совет', title: '' },
    ]);
    expect(read.rows).toEqual([
      { position: 'network', kind: 'addressed', title: 'Письмо', addressee: null, based_on: null, date: null, evidence: null },
    ]);
    expect(read.errors.map((e) => renderMessage(e, 'ru'))).toEqual([
      'Адресные рекомендации, строка 4: позиция «кадры» не найдена среди позиций блока «Адресные рекомендации по результатам анализа».',
      'Адресные рекомендации, строка 4: «Вид» = «совет», нужно одно из: addressed, practices, materials.',
      'Адресные рекомендации, строка 4: не заполнено «Рекомендация (документ)».',
    ]);
    const analyses = readRegister(registerById('analyses')!, [{ position: 'support', title: 'Справка', clustering: 'иногда' }]);
    expect(analyses.errors.map((e) => renderMessage(e, 'en'))).toEqual([
      'Analyses of monitoring results, row 2: "Clustering used" = "иногда", expected yes or no.',
    ]);
  });

  test('a sheet’s values with a header in Russian become rows by column id', () => {
    const rows = registerRowsFromTable(registerById('decisions')!, [
      ['Управленческое решение', 'Сроки реализации', 'Лишний столбец', 'Ответственные'],
      ['Приказ о мерах', '2027-09-01', 'x', 'МКУ ИМЦ'],
    ]);
    expect(rows).toEqual([{ title: 'Приказ о мерах', dates: '2027-09-01', responsible: 'МКУ ИМЦ' }]);
  });
});

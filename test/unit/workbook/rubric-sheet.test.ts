import { presetById } from '../../../src/core/presets';
import { BLOCKS, registerById, RubricSuggestion, suggestRubric } from '../../../src/core/rubric';
import {
  parameterKey,
  parseRubricValue,
  readRubricTable,
  RUBRIC_COLUMNS,
  RUBRIC_SHEET,
  RUBRIC_SHEETS,
  rubricSheetHeader,
  rubricSheetRows,
} from '../../../src/core/workbook/rubric-sheet';
import { readRegisterTable, REGISTER_SHEETS } from '../../../src/core/workbook/register-sheets';
import { rubricSummary } from '../../../src/core/views/rubric';

const col = (id: string) => RUBRIC_COLUMNS.findIndex((c) => c.id === id);
const PARAMETER_ROWS = BLOCKS.reduce((sum, block) => sum + block.positions.length * block.parameters.length, 0);

/** A rubric sheet as the add-on writes it, then with values typed into some rows. */
function sheetWith(typed: Record<string, [unknown, unknown?]>, lang: 'ru' | 'en' = 'ru', suggestions: RubricSuggestion[] = []): unknown[][] {
  const written = rubricSheetRows(readRubricTable([]), suggestions, lang, true).rows;
  const table = [rubricSheetHeader(RUBRIC_SHEET, lang), ...written.map((row) => [...row])];
  for (const row of table.slice(1)) {
    const entry = typed[String(row[col('key')])];
    if (!entry) continue;
    row[col('value')] = entry[0];
    row[col('evidence')] = entry[1] ?? '';
  }
  return table;
}

const rowOf = (rows: unknown[][], key: string) => rows.find((row) => row[col('key')] === key)!;

describe('sheets of the management cycle', () => {
  test('five registers and the rubric, each under its own layout key', () => {
    expect(RUBRIC_SHEETS.map((def) => def.key)).toEqual([
      'register:analyses', 'register:recommendations', 'register:measures', 'register:decisions', 'register:efficiency', 'rubric',
    ]);
    expect(REGISTER_SHEETS.map((def) => def.role)).toEqual(Array(5).fill('register'));
  });

  test('headers in the workbook language, registers from their column definitions', () => {
    const measures = REGISTER_SHEETS.find((def) => def.register === 'measures')!;
    expect(rubricSheetHeader(measures, 'ru')).toEqual([
      'Позиция оценивания', 'Мера, мероприятие', 'Сроки реализации', 'Ответственные', 'Участники', 'Ссылка на документ',
    ]);
    expect(rubricSheetHeader(measures, 'en')[1]).toBe('Measure');
    expect(rubricSheetHeader(RUBRIC_SHEET, 'ru').slice(0, 4)).toEqual(['Код', 'Блок', 'Позиция оценивания', 'Параметр']);
    expect(rubricSheetHeader(RUBRIC_SHEET, 'en')[col('value')]).toBe("Coordinator's value");
  });
});

describe('register sheets → rows', () => {
  const measures = registerById('measures')!;

  test('rows by header, bad rows reported with their sheet row, good ones kept', () => {
    const read = readRegisterTable(measures, [
      ['Позиция оценивания', 'Мера, мероприятие', 'Сроки реализации', 'Ответственные', 'Участники', 'Ссылка на документ'],
      ['competitions', 'Учитель года', 'октябрь – март', 'МКУ ИМЦ', '', ''],
      ['', '', '', '', '', ''],
      ['кадры', '', '', '', '', ''],
    ]);
    expect(read.clean).toEqual([
      { position: 'competitions', title: 'Учитель года', dates: 'октябрь – март', responsible: 'МКУ ИМЦ', participants: null, evidence: null },
    ]);
    expect(read.problems.map((p) => p.row)).toEqual([4, 4]);
    expect(read.rows).toHaveLength(3);
  });

  test('a header that lost a column is reported once, for the sheet', () => {
    const read = readRegisterTable(measures, [
      ['Позиция оценивания', 'Мера, мероприятие', 'Срок'],
      ['competitions', 'Учитель года', 'март'],
    ]);
    expect(read.problems).toHaveLength(1);
    expect(read.problems[0].row).toBe(1);
    expect(JSON.stringify(read.problems[0].message.params)).toContain('Сроки реализации');
    // A header alone (a new, empty register) is no problem.
    expect(readRegisterTable(measures, [['Позиция оценивания']]).problems).toEqual([]);
  });
});

describe('rubric sheet → coordinator values', () => {
  test('yes/no in either language, 1/0 and checkboxes; none/some/all for ineffective indicators', () => {
    const point = BLOCKS[1].parameters[0];
    const penalty = BLOCKS[0].parameters[2];
    expect(['Да', 'нет', 'yes', 'NO', 1, 0, true, false].map((v) => parseRubricValue(point, v))).toEqual([
      true, false, true, false, true, false, true, false,
    ]);
    expect(parseRubricValue(point, 'может быть')).toBeNull();
    expect(['нет', 'некоторые', 'Все', 'some', 'да', 0, true].map((v) => parseRubricValue(penalty, v))).toEqual([
      'none', 'some', 'all', 'some', 'some', 'none', 'some',
    ]);
    expect(parseRubricValue(penalty, 'много')).toBeNull();
  });

  test('values and evidence by code, wherever the row and the columns are', () => {
    const table = sheetWith({
      'measures.competitions.dates': ['нет', 'https://imc.example/plan'],
      'indicators.support.ineffective': ['все'],
      'decisions.decisions.present': ['', 'Приказ № 5'],
    });
    // The coordinator sorted the rows and moved the value column to the end.
    const [header, ...body] = table;
    const order = [...header.keys()].filter((i) => i !== col('value')).concat(col('value'));
    const moved = [order.map((i) => header[i]), ...body.reverse().map((row) => order.map((i) => row[i]))];
    const read = readRubricTable(moved);
    expect(read.problems).toEqual([]);
    expect(read.input.blocks.measures).toEqual({ competitions: { dates: { value: false, evidence: 'https://imc.example/plan' } } });
    expect(read.input.blocks.indicators).toEqual({ support: { ineffective: { value: 'all' } } });
    expect(read.input.blocks.decisions).toBeUndefined();
    expect(read.typed.get('decisions.decisions.present')?.evidence).toBe('Приказ № 5');
  });

  test('bad values and values in rows that are no parameter are reported with their row', () => {
    const table = sheetWith({ 'analysis.network.clustering': ['может быть'], total: ['да'] });
    table.push(['measures.nowhere.present', '', '', '', '', '', 'да', 'x']);
    table.push([parameterKey('analysis', 'network', 'clustering'), '', '', '', '', '', 'да', '']);
    const read = readRubricTable(table);
    const at = (key: string) => table.findIndex((row) => row[col('key')] === key) + 1;
    expect(read.problems.map((p) => [p.kind, p.key, p.row])).toEqual([
      ['badValue', 'analysis.network.clustering', at('analysis.network.clustering')],
      ['unknownRow', 'total', at('total')],
      ['unknownRow', 'measures.nowhere.present', table.length - 1],
      ['unknownRow', 'analysis.network.clustering', table.length],
    ]);
    expect(read.input.blocks.analysis).toBeUndefined();
  });
});

describe('rubric rows', () => {
  const registers = {
    measures: [{ position: 'competitions', title: 'Учитель года', dates: 'октябрь – март', responsible: 'МКУ ИМЦ', evidence: 'https://imc.example/uy' }],
  };
  const suggestions = suggestRubric({ preset: presetById('krymsk')!, registers });

  test('suggestions shown with reasons and used for blank values; the coordinator’s value wins', () => {
    const read = readRubricTable(sheetWith({ 'measures.competitions.dates': ['нет', 'план ИМЦ'] }));
    const { rows, score } = rubricSheetRows(read, suggestions, 'ru', true);
    expect(rows).toHaveLength(PARAMETER_ROWS + BLOCKS.length + 1);

    const present = rowOf(rows, 'measures.competitions.present');
    expect(present[col('suggested')]).toBe('да');
    expect(present[col('reason')]).toBe(
      'Реестр «Меры, мероприятия»: записей по позиции — 1 (например, «Учитель года»). Подтверждение: https://imc.example/uy.',
    );
    expect([present[col('value')], present[col('used')], present[col('source')], present[col('points')]]).toEqual([
      '', 'да', 'предложение', 1,
    ]);
    const dates = rowOf(rows, 'measures.competitions.dates');
    expect([dates[col('suggested')], dates[col('value')], dates[col('evidence')], dates[col('used')], dates[col('source')], dates[col('points')]])
      .toEqual(['да', 'нет', 'план ИМЦ', 'нет', 'координатор', 0]);
    expect(rowOf(rows, 'measures.informing.present')[col('suggested')]).toBe('нет');
    expect(score.blocks.find((b) => b.id === 'measures')!.points).toBe(2);
  });

  test('without suggestions blank values count as absent', () => {
    const { rows, score } = rubricSheetRows(readRubricTable([]), suggestions, 'en', false);
    const present = rowOf(rows, 'measures.competitions.present');
    expect([present[col('suggested')], present[col('used')], present[col('source')], present[col('points')]]).toEqual([
      'yes', 'no', 'not filled (0 points)', 0,
    ]);
    expect(score.total).toBe(0);
  });

  test('block rows carry the computed and the declared maximum; the total both sums', () => {
    const { rows } = rubricSheetRows(readRubricTable([]), [], 'ru', true);
    const measures = rowOf(rows, 'measures');
    expect([measures[col('position')], measures[col('points')], measures[col('computedMax')], measures[col('declaredMax')]]).toEqual([
      'Итого по блоку', 0, 21, 24,
    ]);
    expect(measures[col('note')]).toBe('В источнике указан максимум 24, а сумма максимумов позиций — 21; показаны оба.');
    const indicators = rowOf(rows, 'indicators');
    expect([indicators[col('computedMax')], indicators[col('declaredMax')]]).toEqual([8, '']);
    expect(indicators[col('note')]).toContain('-4');
    const total = rowOf(rows, 'total');
    expect([total[col('computedMax')], total[col('declaredMax')]]).toEqual([71, 74]);
  });

  test('ineffective indicators: the −1 cases and their forced zeros', () => {
    const read = readRubricTable(sheetWith({
      'indicators.support.ineffective': ['все'],
      'indicators.network.ineffective': ['некоторые'],
      'monitoring.support.indicators': ['да'],
    }));
    const { rows, score } = rubricSheetRows(read, suggestions, 'ru', true);
    expect(rowOf(rows, 'indicators.support.ineffective')[col('points')]).toBe(-1);
    expect(rowOf(rows, 'indicators.support.present')[col('points')]).toBe(0);
    expect(String(rowOf(rows, 'indicators.support.present')[col('note')])).toContain('только неэффективными');
    // Monitoring of only ineffective indicators scores 0 even though the coordinator said yes.
    const monitored = rowOf(rows, 'monitoring.support.indicators');
    expect([monitored[col('used')], monitored[col('points')]]).toEqual(['да', 0]);
    const indicators = score.blocks.find((b) => b.id === 'indicators')!;
    const positions = Object.fromEntries(indicators.positions.map((p) => [p.id, p.points]));
    expect(positions.support).toBe(-1);
    expect(positions.network).toBe(1);
    expect(rowOf(rows, 'indicators')[col('points')]).toBe(indicators.points);
  });

  test('what was typed is written back as typed, also when unreadable, and read again the same', () => {
    const first = readRubricTable(sheetWith({ 'analysis.network.clustering': ['может быть', 'справка'], 'decisions.decisions.present': [true] }));
    const { rows } = rubricSheetRows(first, suggestions, 'ru', true);
    const bad = rowOf(rows, 'analysis.network.clustering');
    expect([bad[col('value')], bad[col('evidence')]]).toEqual(['может быть', 'справка']);
    expect(bad[col('note')]).toContain('Значение «может быть» не распознано');
    expect(rowOf(rows, 'decisions.decisions.present')[col('value')]).toBe(true);
    const again = readRubricTable([rubricSheetHeader(RUBRIC_SHEET, 'ru'), ...rows]);
    expect(again.input).toEqual(first.input);
    expect([...again.typed.entries()].map(([k, v]) => [k, v.value, v.evidence])).toEqual(
      [...first.typed.entries()].map(([k, v]) => [k, v.value, v.evidence]),
    );
  });

  test('summary: blocks, total, counts of suggestions and of values by source', () => {
    const read = readRubricTable(sheetWith({ 'measures.competitions.dates': ['нет'] }));
    const view = rubricSheetRows(read, suggestions, 'ru', true);
    const summary = rubricSummary(view, suggestions, 'ru', true, 3);
    expect(summary.blocks.find((b) => b.id === 'measures')).toEqual({
      id: 'measures', title: 'Меры, мероприятия', points: 2, min: 0, computedMax: 21, declaredMax: 24,
    });
    expect(summary.total).toBe(view.score.total);
    expect(summary.suggestions).toBe(suggestions.length);
    expect(summary.coordinatorValues).toBe(1);
    expect(summary.suggestedValues).toBe(suggestions.filter((s) => !(s.block === 'measures' && s.position === 'competitions' && s.parameter === 'dates')).length);
    expect(summary.problems).toBe(3);
    expect(JSON.parse(JSON.stringify(summary))).toEqual(summary);
  });
});

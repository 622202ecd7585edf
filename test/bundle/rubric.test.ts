/**
 * The management cycle through build/Code.js in the emulator: coordinators type into the
 * protected registers and the rubric sheet as people do, and updateRubric fills, scores
 * and keeps what they typed.
 */
import { fillDemoRegisters } from '../../tools/demo-district/district-rubric';
import { COORDINATOR, Harness, SECOND_COORDINATOR, setUpWorkbook, SETTINGS, sheetValues, startHarness, TEACHER } from './harness';

const PROTECTED = 'You are trying to edit a protected cell or object. Please contact the spreadsheet owner to remove protection if you need to edit.';
const RUBRIC = 'Рубрика самооценки';
const REGISTER_SHEETS = [
  'Анализ результатов мониторинга', 'Адресные рекомендации', 'Меры, мероприятия', 'Управленческие решения', 'Анализ эффективности принятых мер',
];

interface Summary {
  blocks: { id: string; points: number; computedMax: number; declaredMax: number | null }[];
  total: number;
  totalComputedMax: number;
  totalDeclaredMax: number;
  suggestions: number;
  coordinatorValues: number;
  suggestedValues: number;
  problems: number;
}

function sheet(h: Harness, name: string): GoogleAppsScript.Spreadsheet.Sheet {
  const found = h.emulator.spreadsheet.getSheetByName(name);
  if (!found) throw new Error(`no sheet "${name}"`);
  return found;
}

/** A coordinator adds a row to a register, as typed into the sheet. */
function typeRow(h: Harness, name: string, row: unknown[], user = COORDINATOR): void {
  h.emulator.asUser(user, () => sheet(h, name).appendRow(row));
}

function column(h: Harness, title: string): number {
  return (sheetValues(h, RUBRIC)[0] as string[]).indexOf(title);
}

/** The rubric row of a parameter (or block) code, as the sheet holds it now. */
function rubricRow(h: Harness, key: string): { row: number; cells: Record<string, unknown> } {
  const values = sheetValues(h, RUBRIC);
  const header = values[0] as string[];
  const index = values.findIndex((row) => row[0] === key);
  if (index < 0) throw new Error(`no rubric row ${key}`);
  return { row: index + 1, cells: Object.fromEntries(header.map((title, i) => [title, values[index][i]])) };
}

/** A coordinator types a value (and evidence) into the rubric sheet. */
function typeValue(h: Harness, key: string, value: unknown, evidence?: string, user = COORDINATOR): number {
  const { row } = rubricRow(h, key);
  h.emulator.asUser(user, () => {
    sheet(h, RUBRIC).getRange(row, column(h, 'Значение координатора') + 1).setValue(value);
    if (evidence !== undefined) sheet(h, RUBRIC).getRange(row, column(h, 'Подтверждение (ссылка, документ)') + 1).setValue(evidence);
  });
  return row;
}

function logRows(h: Harness): unknown[][] {
  return sheetValues(h, 'Журнал').slice(1);
}

function ready(): Harness {
  const h = setUpWorkbook();
  h.call('updateRubric');
  return h;
}

describe('sheets of the management cycle', () => {
  test('the registers and the rubric exist once, protected for the coordinators only', () => {
    const h = ready();
    const count = h.emulator.spreadsheet.getSheets().length;
    h.call('updateRubric');
    h.call('saveSettings', SETTINGS);
    h.call('updateRubric');
    expect(h.emulator.spreadsheet.getSheets()).toHaveLength(count);
    const SpreadsheetApp = h.emulator.globals.SpreadsheetApp as GoogleAppsScript.Spreadsheet.SpreadsheetApp;
    for (const name of [...REGISTER_SHEETS, RUBRIC]) {
      const target = sheet(h, name);
      expect(() => h.emulator.asUser(TEACHER, () => target.appendRow(['x']))).toThrow(PROTECTED);
      expect(() => h.emulator.asUser(TEACHER, () => target.getRange('A2').setValue('изменено'))).toThrow(PROTECTED);
      const protection = target.getProtections(SpreadsheetApp.ProtectionType.SHEET)[0];
      expect(protection.isWarningOnly()).toBe(false);
      expect(protection.getEditors().map((user) => user.getEmail()).sort()).toEqual([COORDINATOR, SECOND_COORDINATOR].sort());
    }
    typeRow(h, 'Меры, мероприятия', ['competitions', 'Учитель года'], SECOND_COORDINATOR);
    expect(sheetValues(h, 'Меры, мероприятия')).toHaveLength(2);
    expect(sheetValues(h, 'Меры, мероприятия')[0]).toEqual([
      'Позиция оценивания', 'Мера, мероприятие', 'Сроки реализации', 'Ответственные', 'Участники', 'Ссылка на документ',
    ]);
  });

  test('an English workbook gets English sheets and headers', () => {
    const h = startHarness();
    expect(h.call<{ ok: boolean }>('saveSettings', { ...SETTINGS, lang: 'en' }).ok).toBe(true);
    h.call('updateRubric');
    expect(sheetValues(h, 'Measures')[0][1]).toBe('Measure');
    const rubric = sheetValues(h, 'Self-assessment rubric');
    expect(rubric[0].slice(0, 4)).toEqual(['Code', 'Block', 'Evaluation position', 'Parameter']);
    expect(rubric.find((row) => row[0] === 'total')?.[1]).toBe('Rubric total');
  });
});

describe('updateRubric', () => {
  test('a measure with dates and responsible people makes its parameters suggested and scored', () => {
    const h = ready();
    const before = rubricRow(h, 'measures.competitions.dates').cells;
    expect([before['Предлагаемое значение'], before['Баллы']]).toEqual(['нет', 0]);
    typeRow(h, 'Меры, мероприятия', [
      'Проведение конкурсов профессионального мастерства', 'Муниципальный этап «Учитель года»', 'октябрь – март', 'МКУ ИМЦ', '', 'https://imc.example/uy',
    ]);
    const summary = h.call<Summary>('updateRubric');
    for (const parameter of ['present', 'dates', 'responsible']) {
      const cells = rubricRow(h, `measures.competitions.${parameter}`).cells;
      expect([cells['Предлагаемое значение'], cells['Учтённое значение'], cells['Источник значения'], cells['Баллы']]).toEqual([
        'да', 'да', 'предложение', 1,
      ]);
    }
    expect(rubricRow(h, 'measures.competitions.dates').cells['Основание предложения']).toBe(
      '«Муниципальный этап «Учитель года»»: Сроки реализации — октябрь – март. Подтверждение: https://imc.example/uy.',
    );
    expect(summary.blocks.find((b) => b.id === 'measures')?.points).toBe(3);
    expect(rubricRow(h, 'measures').cells['Баллы']).toBe(3);
    expect(summary.problems).toBe(0);
  });

  test("a coordinator's value overrides the suggestion and is kept across updates", () => {
    const h = ready();
    typeRow(h, 'Меры, мероприятия', ['competitions', 'Учитель года', 'октябрь – март', 'МКУ ИМЦ']);
    h.call('updateRubric');
    typeValue(h, 'measures.competitions.responsible', 'Нет', 'https://imc.example/prikaz');
    typeValue(h, 'decisions.decisions.present', 'да', 'Приказ УО № 168-09');
    for (let run = 0; run < 2; run++) {
      const summary = h.call<Summary>('updateRubric');
      const overridden = rubricRow(h, 'measures.competitions.responsible').cells;
      expect([
        overridden['Предлагаемое значение'], overridden['Значение координатора'], overridden['Подтверждение (ссылка, документ)'],
        overridden['Учтённое значение'], overridden['Источник значения'], overridden['Баллы'],
      ]).toEqual(['да', 'Нет', 'https://imc.example/prikaz', 'нет', 'координатор', 0]);
      const decided = rubricRow(h, 'decisions.decisions.present').cells;
      expect([decided['Предлагаемое значение'], decided['Значение координатора'], decided['Баллы']]).toEqual(['нет', 'да', 1]);
      expect(summary.coordinatorValues).toBe(2);
      expect(summary.blocks.find((b) => b.id === 'measures')?.points).toBe(2);
    }
  });

  test("the indicators block's −1 comes out through the sheet", () => {
    const h = ready();
    typeValue(h, 'indicators.support.ineffective', 'все');
    typeValue(h, 'indicators.network.ineffective', 'некоторые');
    const summary = h.call<Summary>('updateRubric');
    expect(rubricRow(h, 'indicators.support.ineffective').cells['Баллы']).toBe(-1);
    expect(rubricRow(h, 'indicators.support.present').cells['Баллы']).toBe(0);
    expect(String(rubricRow(h, 'indicators.support.present').cells['Примечание'])).toContain('только неэффективными');
    // Krymsk's preset proves indicators and their goals for the other positions: 2 + 2 + (1 + 1 − 1) + (−1).
    expect(rubricRow(h, 'indicators').cells['Баллы']).toBe(4);
    expect(summary.blocks.find((b) => b.id === 'indicators')?.points).toBe(4);
    // Monitoring of only ineffective indicators scores 0.
    expect(rubricRow(h, 'monitoring.support.indicators').cells['Баллы']).toBe(0);
  });

  test('one read per sheet and one write of the rubric sheet, whatever the number of rows', () => {
    const h = ready();
    for (let i = 0; i < 40; i++) typeRow(h, 'Меры, мероприятия', ['competitions', `Мероприятие ${i}`, 'март', 'МКУ ИМЦ']);
    const before = h.emulator.counter.snapshot();
    h.call('updateRubric');
    const calls = h.emulator.counter.since(before);
    // Settings, five registers, the rubric.
    expect(calls['Range.getValues']).toBe(7);
    expect(calls['Range.setValues']).toBe(1);
  });

  test('block rows carry computed and declared maxima: measures 21 and 24, total 71 and 74', () => {
    const h = setUpWorkbook();
    const summary = h.call<Summary>('updateRubric');
    const measures = rubricRow(h, 'measures').cells;
    expect([measures['Максимум (расчётный)'], measures['Максимум (заявленный)']]).toEqual([21, 24]);
    expect(summary.blocks.find((b) => b.id === 'measures')).toMatchObject({ computedMax: 21, declaredMax: 24 });
    expect(summary.blocks.find((b) => b.id === 'indicators')).toMatchObject({ computedMax: 8, declaredMax: null });
    const total = rubricRow(h, 'total').cells;
    expect([total['Баллы'], total['Максимум (расчётный)'], total['Максимум (заявленный)']]).toEqual([summary.total, 71, 74]);
    expect([summary.totalComputedMax, summary.totalDeclaredMax]).toEqual([71, 74]);
    expect(summary.suggestions).toBeGreaterThan(0);
  });

  test('a bad rubric value and a bad register row are logged with row and reason, and kept on the sheet', () => {
    const h = ready();
    const row = typeValue(h, 'analysis.network.clustering', 'может быть', 'справка');
    typeRow(h, 'Меры, мероприятия', ['кадры', 'Программа резерва']);
    const summary = h.call<Summary>('updateRubric');
    expect(summary.problems).toBe(2);
    const log = logRows(h);
    const value = log.find((entry) => entry[4] === 'rubricValueInvalid')!;
    expect([value[1], value[2]]).toEqual([RUBRIC, row]);
    expect(value[3]).toContain('значение «может быть» не распознано');
    expect(value[3]).toContain('Использование элементов кластеризации');
    const register = log.find((entry) => entry[4] === 'registerRowInvalid')!;
    expect([register[1], register[2]]).toEqual(['Меры, мероприятия', 2]);
    expect(register[3]).toContain('позиция «кадры» не найдена');
    const kept = rubricRow(h, 'analysis.network.clustering');
    expect(kept.row).toBe(row);
    expect([kept.cells['Значение координатора'], kept.cells['Подтверждение (ссылка, документ)']]).toEqual(['может быть', 'справка']);
    expect(kept.cells['Примечание']).toContain('не распознано');
    // The register row stays where the coordinator typed it.
    expect(sheetValues(h, 'Меры, мероприятия')[1].slice(0, 2)).toEqual(['кадры', 'Программа резерва']);
  });

  test('hostile register text is shown as text, never as a formula', () => {
    const h = ready();
    typeRow(h, 'Меры, мероприятия', ['competitions', "'=IMPORTXML(\"http://evil.example\",\"//a\")", 'март', "'+1"]);
    typeValue(h, 'decisions.decisions.dates', "'=1+1", "'@x");
    h.call('updateRubric');
    h.call('updateRubric');
    expect(sheet(h, RUBRIC).getDataRange().getFormulas().flat().filter((formula) => formula !== '')).toEqual([]);
    expect(String(rubricRow(h, 'measures.competitions.present').cells['Основание предложения'])).toContain('=IMPORTXML');
    const typed = rubricRow(h, 'decisions.decisions.dates').cells;
    expect([typed['Значение координатора'], typed['Подтверждение (ссылка, документ)']]).toEqual(['=1+1', '@x']);
  });
});

describe('getRubric', () => {
  test('the same summary, read without writing anything', () => {
    const h = ready();
    typeRow(h, 'Меры, мероприятия', ['competitions', 'Учитель года', 'октябрь – март', 'МКУ ИМЦ']);
    const sheetBefore = sheetValues(h, RUBRIC);
    const logBefore = logRows(h).length;
    const read = h.call<Summary>('getRubric');
    expect(sheetValues(h, RUBRIC)).toEqual(sheetBefore);
    expect(logRows(h)).toHaveLength(logBefore);
    expect(read.blocks.find((b) => b.id === 'measures')?.points).toBe(3);
    expect(h.call<Summary>('updateRubric')).toEqual(read);
    expect(h.call<Summary>('getRubric', { useSuggestions: false }).total).toBe(0);
    expect(h.call<Summary>('getRubric', null)).toEqual(read);
  });
});

describe('demo registers', () => {
  test('typed as a coordinator would, they fill the rubric with no problems', () => {
    const h = setUpWorkbook();
    fillDemoRegisters(h.emulator, h.bundle);
    expect(logRows(h).map((entry) => entry[4]).filter((code) => ['registerRowInvalid', 'rubricValueInvalid', 'rubricRowUnknown'].includes(String(code)))).toEqual([]);
    const summary = h.call<Summary>('getRubric');
    const points = Object.fromEntries(summary.blocks.map((b) => [b.id, b.points]));
    // Measures: informing 3, competitions 3, young teachers 3, associations help 3 (participants), motivation 2, staffing 2.
    expect(points.measures).toBe(16);
    expect(points.decisions).toBe(3);
    expect(points.efficiency).toBe(3);
    // Mentoring: addressed; support: materials; associations: materials typed by the coordinator.
    expect(points.recommendations).toBe(3);
    expect(rubricRow(h, 'indicators.network.ineffective').cells['Баллы']).toBe(-1);
    expect(rubricRow(h, 'monitoring.network.use').cells['Источник значения']).toBe('координатор');
    expect(rubricRow(h, 'efficiency.efficiency.timing').cells['Основание предложения']).toContain('декабрь 2026');
    expect(summary.coordinatorValues).toBe(6);
  });
});

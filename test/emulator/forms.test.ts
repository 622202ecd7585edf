import { Runtime } from '../../tools/emulator/kernel';
import { createSpreadsheetService, MESSAGES } from '../../tools/emulator/spreadsheet';
import { createFormService, FormPublishing, FormSubmissionError, FormSubmitEvent } from '../../tools/emulator/forms';

const OWNER = 'coordinator@district.example';
const TEACHER = 'teacher@school.example';

type GForm = GoogleAppsScript.Forms.Form;
type GFormApp = GoogleAppsScript.Forms.FormApp;

/** Publishing members are not in the typings yet. */
const publishing = (form: GForm): FormPublishing => form as unknown as FormPublishing;

interface Captured {
  event: FormSubmitEvent;
  user: string;
}

function setup(options: { locale?: string; now?: string } = {}) {
  const runtime = new Runtime({ user: OWNER, locale: options.locale, now: options.now });
  const { SpreadsheetApp, store } = createSpreadsheetService(runtime, () => null);
  const { FormApp, forms } = createFormService(runtime, store);
  const ss = store.create('PD Monitor');
  const captured: Captured[] = [];
  const failing = { on: false };
  runtime.attachBundle({
    onFormSubmit: (e: FormSubmitEvent) => {
      captured.push({ event: e, user: runtime.user });
      if (failing.on) throw new Error('handler failed');
    },
  });
  const addTrigger = (owner = OWNER): string => {
    const uid = `trigger-${runtime.triggers.length + 1}`;
    runtime.triggers.push({ uid, handler: 'onFormSubmit', eventType: 'ON_FORM_SUBMIT', source: 'SPREADSHEET', sourceId: ss.getId(), owner });
    return uid;
  };
  return { runtime, SpreadsheetApp, store, FormApp, forms, ss, captured, addTrigger, failing };
}

function buildSurvey(FormApp: GFormApp): GForm {
  const form = FormApp.create('Профиль педагога').setTitle('Профиль педагога');
  form.addSectionHeaderItem().setTitle('О себе');
  form.addTextItem().setTitle('Школа').setRequired(true);
  form.addTextItem().setTitle('Стаж')
    .setValidation(FormApp.createTextValidation().requireWholeNumber().setHelpText('Целое число лет').build());
  form.addMultipleChoiceItem().setTitle('Должность').setChoiceValues(['Учитель', 'Завуч']);
  form.addCheckboxItem().setTitle('Темы').setChoiceValues(['ИКТ', 'ФГОС', 'Инклюзия']);
  form.addScaleItem().setTitle('Удовлетворённость').setBounds(1, 5);
  form.addGridItem().setTitle('Нагрузка').setRows(['Уроки', 'Проверка']).setColumns(['Мало', 'Много']);
  form.addParagraphTextItem().setTitle('Комментарий');
  return form;
}

const fullAnswers = {
  'Школа': 'Школа №5',
  'Стаж': '12',
  'Должность': 'Учитель',
  'Темы': ['ИКТ', 'Инклюзия'],
  'Удовлетворённость': 4,
  'Нагрузка': { 'Уроки': 'Много', 'Проверка': 'Мало' },
  'Комментарий': '=IMPORTXML("http://evil.example")',
};

describe('FormApp forms', () => {
  it('creates forms unpublished; nobody can respond until setPublished(true)', () => {
    const { FormApp, forms } = setup();
    const form = buildSurvey(FormApp);
    expect(publishing(form).isPublished()).toBe(false);
    expect(form.isAcceptingResponses()).toBe(false);
    expect(() => forms.submit(form.getId(), fullAnswers)).toThrow('the form is not published');
    publishing(form).setPublished(true);
    expect(form.isAcceptingResponses()).toBe(true);
    form.setAcceptingResponses(false);
    expect(() => forms.submit(form.getId(), fullAnswers)).toThrow('not accepting responses');
    form.setAcceptingResponses(true);
    expect(forms.submit(form.getId(), fullAnswers).responseId).toMatch(/^2_/);
    expect(form.getResponses()).toHaveLength(1);
  });

  it('started forms published before the 2026-06-30 publishing change', () => {
    const { FormApp } = setup({ now: '2026-03-01T09:00:00+03:00' });
    expect(publishing(FormApp.create('old')).isPublished()).toBe(true);
  });

  it('create(title) names the file but leaves the form title empty, as Apps Script does', () => {
    const { FormApp } = setup();
    const form = FormApp.create('Выгорание');
    expect(form.getTitle()).toBe('');
    expect(FormApp.openById(form.getId()).setTitle('Выгорание').getTitle()).toBe('Выгорание');
  });

  it('opens forms by id, edit url, published url and the response sheet form url', () => {
    const { FormApp, ss, store } = setup();
    const form = buildSurvey(FormApp);
    form.setDestination(FormApp.DestinationType.SPREADSHEET, ss.getId());
    expect(FormApp.openById(form.getId()).getTitle()).toBe('Профиль педагога');
    expect(FormApp.openByUrl(form.getEditUrl()).getId()).toBe(form.getId());
    expect(form.getPublishedUrl()).toMatch(/^https:\/\/docs\.google\.com\/forms\/d\/e\/[-\w]+\/viewform$/);
    expect(FormApp.openByUrl(form.getPublishedUrl()).getId()).toBe(form.getId());
    const sheetUrl = store.byId(ss.getId())?.getSheets()[0].getFormUrl() as string;
    expect(FormApp.openByUrl(sheetUrl).getId()).toBe(form.getId());
    expect(() => FormApp.openById('missing')).toThrow('No item with the given ID could be found');
    expect(form.shortenFormUrl(form.getPublishedUrl())).toMatch(/^https:\/\/forms\.gle\//);
  });

  it('gives items typed views, refuses wrong conversions and unemulated members', () => {
    const { FormApp, runtime } = setup();
    const form = buildSurvey(FormApp);
    const items = form.getItems();
    expect(items.map((i) => String(i.getType()))).toEqual([
      'SECTION_HEADER', 'TEXT', 'TEXT', 'MULTIPLE_CHOICE', 'CHECKBOX', 'SCALE', 'GRID', 'PARAGRAPH_TEXT',
    ]);
    expect(form.getItems(FormApp.ItemType.TEXT)).toHaveLength(2);
    expect(items[3].asMultipleChoiceItem().getChoices().map((c) => c.getValue())).toEqual(['Учитель', 'Завуч']);
    expect(() => items[3].asTextItem()).toThrow('Invalid conversion for item type: MULTIPLE_CHOICE');
    expect(form.getItemById(items[1].getId())?.getTitle()).toBe('Школа');
    expect(() => (form as unknown as { addDateItem: () => void }).addDateItem()).toThrow('not emulated: Form.addDateItem');
    expect(() => (items[1].asTextItem() as unknown as { setChoiceValues: () => void }).setChoiceValues())
      .toThrow('not emulated: TextItem.setChoiceValues');
    expect(runtime.counter.get('Form.addTextItem')).toBe(2);
    expect(runtime.counter.get('TextValidationBuilder.requireWholeNumber')).toBe(1);
    form.moveItem(7, 0);
    expect(form.getItems()[0].getTitle()).toBe('Комментарий');
    form.deleteItem(0);
    expect(form.getItems()).toHaveLength(7);
  });
});

describe('Form destinations', () => {
  it('adds a response sheet named in the user language, first, with a timestamp and one column per question', () => {
    const { FormApp, ss, store } = setup();
    const form = buildSurvey(FormApp);
    form.setDestination(FormApp.DestinationType.SPREADSHEET, ss.getId());
    expect(form.getDestinationId()).toBe(ss.getId());
    expect(String(form.getDestinationType())).toBe('SPREADSHEET');
    expect(store.sheetNames(ss.getId())).toEqual(['Ответы на форму (1)', 'Лист1']);
    expect(store.rawValues(ss.getId(), 'Ответы на форму (1)')).toEqual([[
      'Отметка времени', 'Школа', 'Стаж', 'Должность', 'Темы', 'Удовлетворённость',
      'Нагрузка [Уроки]', 'Нагрузка [Проверка]', 'Комментарий',
    ]]);
    expect(ss.getSheets()[0].getFormUrl()).toBe(ss.getFormUrl());
    expect(store.frozenRows(ss.getId(), 'Ответы на форму (1)')).toBe(1);
  });

  it('names it "Form Responses N" for an English-speaking user; relinking makes the next one', () => {
    const { FormApp, ss, store } = setup({ locale: 'en_US' });
    const form = buildSurvey(FormApp);
    form.setCollectEmail(true);
    form.setDestination(FormApp.DestinationType.SPREADSHEET, ss.getId());
    expect(store.rawValues(ss.getId(), 'Form Responses 1')[0].slice(0, 3)).toEqual(['Timestamp', 'Email Address', 'Школа']);
    form.removeDestination();
    expect(() => form.getDestinationId()).toThrow();
    expect(ss.getSheetByName('Form Responses 1')?.getFormUrl()).toBeNull();
    form.setDestination(FormApp.DestinationType.SPREADSHEET, ss.getId());
    expect(store.sheetNames(ss.getId())).toEqual(['Form Responses 2', 'Form Responses 1', 'Sheet1']);
  });

  it('keeps columns as the form changes: new questions append, renames rename, deletions keep theirs', () => {
    const { FormApp, ss, store, forms } = setup({ locale: 'en_US' });
    const form = FormApp.create('f');
    form.addTextItem().setTitle('A');
    form.addTextItem().setTitle('B');
    form.setDestination(FormApp.DestinationType.SPREADSHEET, ss.getId());
    form.addPageBreakItem().setTitle('Page 2');
    form.addTextItem().setTitle('C');
    form.getItems()[0].setTitle('A renamed');
    form.deleteItem(1);
    expect(store.rawValues(ss.getId(), 'Form Responses 1')[0]).toEqual(['Timestamp', 'A renamed', 'B', 'C']);
    publishing(form).setPublished(true);
    forms.submit(form.getId(), { 'A renamed': 'x', C: 'z' });
    expect(store.rawValues(ss.getId(), 'Form Responses 1')[1].slice(1)).toEqual(['x', '', 'z']);
  });

  it('writes the responses a form already has into a newly linked sheet', () => {
    const { FormApp, ss, store, forms } = setup();
    const form = FormApp.create('f');
    form.addTextItem().setTitle('Q');
    publishing(form).setPublished(true);
    forms.submit(form.getId(), { Q: 'before' });
    form.setDestination(FormApp.DestinationType.SPREADSHEET, ss.getId());
    expect(store.rawValues(ss.getId(), 'Ответы на форму (1)')[1][1]).toBe('before');
  });
});

describe('Form submissions', () => {
  function linked(options: { locale?: string } = {}) {
    const ctx = setup(options);
    const form = buildSurvey(ctx.FormApp);
    form.setDestination(ctx.FormApp.DestinationType.SPREADSHEET, ctx.ss.getId());
    publishing(form).setPublished(true);
    return { ...ctx, form, sheetName: ctx.store.sheetNames(ctx.ss.getId())[0] };
  }

  it('appends a row as Sheets stores answers: timestamp Date, numbers as numbers, text inert', () => {
    const { forms, form, store, ss, sheetName } = linked();
    const result = forms.submit(form.getId(), fullAnswers);
    expect(result.row).toBe(2);
    const [, row] = store.rawValues(ss.getId(), sheetName);
    expect(row[0]).toBeInstanceOf(Date);
    expect((row[0] as Date).toISOString()).toBe('2026-11-23T06:00:00.000Z');
    expect(row.slice(1)).toEqual([
      'Школа №5', 12, 'Учитель', 'ИКТ, Инклюзия', 4, 'Много', 'Мало', '=IMPORTXML("http://evil.example")',
    ]);
    expect(store.formulas(ss.getId(), sheetName)[1].every((f) => f === '')).toBe(true);
    const second = forms.submit(form.getId(), { 'Школа': 'Гимназия' });
    expect(second.row).toBe(3);
  });

  it('fires each form-submit trigger of the spreadsheet with the documented event, as the trigger owner', () => {
    const { forms, form, ss, captured, addTrigger, runtime } = linked();
    const uid = addTrigger(OWNER);
    runtime.user = TEACHER;
    forms.submit(form.getId(), fullAnswers);
    expect(captured).toHaveLength(1);
    const { event, user } = captured[0];
    expect(user).toBe(OWNER);
    expect(runtime.user).toBe(TEACHER);
    expect(event.authMode).toBe('FULL');
    expect(event.triggerUid).toBe(uid);
    expect(event.source.getId()).toBe(ss.getId());
    expect(event.range.getA1Notation()).toBe('A2:I2');
    expect(event.range.getSheet().getName()).toBe('Ответы на форму (1)');
    expect(event.values).toEqual([
      '23.11.2026 9:00:00', 'Школа №5', '12', 'Учитель', 'ИКТ, Инклюзия', '4', 'Много', 'Мало',
      '=IMPORTXML("http://evil.example")',
    ]);
    expect(event.namedValues['Отметка времени']).toEqual(['23.11.2026 9:00:00']);
    expect(event.namedValues['Темы']).toEqual(['ИКТ, Инклюзия']);
    expect(event.namedValues['Нагрузка [Уроки]']).toEqual(['Много']);
  });

  it('formats the event timestamp as an English-locale spreadsheet shows it', () => {
    const { forms, form, captured, addTrigger } = linked({ locale: 'en_US' });
    addTrigger();
    forms.submit(form.getId(), { 'Школа': 'x' });
    expect(captured[0].event.values[0]).toBe('11/23/2026 9:00:00');
    expect(captured[0].event.namedValues.Timestamp).toEqual(['11/23/2026 9:00:00']);
  });

  it('refuses answers the real form would not let through', () => {
    const { forms, form, store, ss, sheetName } = linked();
    const refused = (answers: Record<string, unknown>): FormSubmissionError => {
      try {
        forms.submit(form.getId(), answers as Record<string, string>);
      } catch (error) {
        return error as FormSubmissionError;
      }
      throw new Error('accepted');
    };
    expect(refused({ 'Стаж': '3' }).itemTitle).toBe('Школа');
    const notWhole = refused({ 'Школа': 'x', 'Стаж': '2.5' });
    expect([notWhole.itemTitle, notWhole.reason]).toEqual(['Стаж', 'Целое число лет']);
    expect(refused({ 'Школа': 'x', 'Должность': 'Директор' }).reason).toContain('not one of the choices');
    expect(refused({ 'Школа': 'x', 'Темы': ['ИКТ', 'Другое'] }).itemTitle).toBe('Темы');
    expect(refused({ 'Школа': 'x', 'Удовлетворённость': 6 }).reason).toContain('from 1 to 5');
    expect(refused({ 'Школа': 'x', 'Нагрузка': ['Очень много'] }).itemTitle).toBe('Нагрузка');
    expect(() => forms.submit(form.getId(), { 'Нет такого': 'x' })).toThrow('no question "Нет такого"');
    expect(store.rawValues(ss.getId(), sheetName)).toHaveLength(1);
    expect(form.getResponses()).toHaveLength(0);
  });

  it('enforces number ranges, text length and checkbox counts from the validation builders', () => {
    const { FormApp, forms } = setup();
    const form = FormApp.create('v');
    form.addTextItem().setTitle('N')
      .setValidation(FormApp.createTextValidation().requireNumberBetween(0, 40).build());
    form.addParagraphTextItem().setTitle('P')
      .setValidation(FormApp.createParagraphTextValidation().requireTextLengthLessThanOrEqualTo(5).build());
    form.addCheckboxItem().setTitle('C').setChoiceValues(['a', 'b', 'c'])
      .setValidation(FormApp.createCheckboxValidation().requireSelectAtMost(2).build());
    publishing(form).setPublished(true);
    expect(() => forms.submit(form.getId(), { N: '41' })).toThrow(FormSubmissionError);
    expect(() => forms.submit(form.getId(), { N: 'abc' })).toThrow(FormSubmissionError);
    expect(() => forms.submit(form.getId(), { P: 'слишком длинно' })).toThrow(FormSubmissionError);
    expect(() => forms.submit(form.getId(), { C: ['a', 'b', 'c'] })).toThrow(FormSubmissionError);
    expect(forms.submit(form.getId(), { N: '40', P: 'ok', C: ['a', 'c'] }).responseId).toBeTruthy();
    const builder = FormApp.createTextValidation().requireNumber();
    expect(() => form.addTextItem().setValidation(builder as unknown as GoogleAppsScript.Forms.TextValidation)).toThrow();
  });

  it('follows branching: only required questions on visited pages are required', () => {
    const { FormApp, forms, ss, store } = setup();
    const form = FormApp.create('Наставничество');
    const role = form.addMultipleChoiceItem().setTitle('Роль').setRequired(true);
    const mentee = form.addPageBreakItem().setTitle('Наставляемый');
    form.addTextItem().setTitle('Что нужно?').setRequired(true);
    const mentor = form.addPageBreakItem().setTitle('Наставник');
    form.addTextItem().setTitle('Сколько подопечных?').setRequired(true);
    role.setChoices([role.createChoice('Наставляемый', mentee), role.createChoice('Наставник', mentor)]);
    // The mentee page ends the form instead of flowing into the mentor page.
    mentor.setGoToPage(FormApp.PageNavigationType.SUBMIT);
    expect(String(role.getChoices()[1].getPageNavigationType())).toBe('GO_TO_PAGE');
    expect(role.getChoices()[1].getGotoPage().getTitle()).toBe('Наставник');
    form.setDestination(FormApp.DestinationType.SPREADSHEET, ss.getId());
    publishing(form).setPublished(true);

    forms.submit(form.getId(), { 'Роль': 'Наставник', 'Сколько подопечных?': '2' });
    // Answers on pages the respondent skipped are not submitted.
    forms.submit(form.getId(), { 'Роль': 'Наставляемый', 'Что нужно?': 'методика', 'Сколько подопечных?': '9' });
    expect(() => forms.submit(form.getId(), { 'Роль': 'Наставник' })).toThrow('Сколько подопечных?');
    expect(() => forms.submit(form.getId(), { 'Роль': 'Наставляемый' })).toThrow('Что нужно?');
    expect(store.rawValues(ss.getId(), 'Ответы на форму (1)').map((r) => r.slice(1))).toEqual([
      ['Роль', 'Что нужно?', 'Сколько подопечных?'],
      ['Наставник', '', 2],
      ['Наставляемый', 'методика', ''],
    ]);
    const described = forms.describe(form.getId());
    expect(described.items[0].choices).toEqual([
      { value: 'Наставляемый', goTo: 'page:Наставляемый' },
      { value: 'Наставник', goTo: 'page:Наставник' },
    ]);
    expect(described.items[3].goTo).toBe('SUBMIT');
  });

  it('writes responses into a protected response sheet: Google itself bypasses protection', () => {
    const { forms, form, ss, store, sheetName, runtime } = linked();
    const sheet = ss.getSheetByName(sheetName) as GoogleAppsScript.Spreadsheet.Sheet;
    const p = sheet.protect();
    p.removeEditors(p.getEditors());
    runtime.user = TEACHER;
    expect(() => sheet.appendRow(['forged'])).toThrow(MESSAGES.protectedCell);
    forms.submit(form.getId(), { 'Школа': 'x' });
    expect(store.rawValues(ss.getId(), sheetName)).toHaveLength(2);
  });

  it('replays a duplicated event and delivers a blank phantom one without writing a row', () => {
    const { forms, form, ss, store, sheetName, captured, addTrigger } = linked();
    addTrigger();
    const first = forms.submit(form.getId(), fullAnswers);
    forms.fireFormSubmit(ss.getId(), first.event as FormSubmitEvent);
    expect(captured).toHaveLength(2);
    expect(captured[1].event.values).toEqual(captured[0].event.values);
    expect(captured[1].event.range.getRow()).toBe(2);

    forms.fireFormSubmit(ss.getId(), forms.phantomEvent(ss.getId()));
    const phantom = captured[2].event;
    expect(phantom.values[0]).toBe('23.11.2026 9:00:00');
    expect(phantom.values.slice(1).every((v) => v === '')).toBe(true);
    expect(phantom.namedValues['Школа']).toEqual(['']);
    expect(phantom.range.getRow()).toBe(2);
    expect(store.rawValues(ss.getId(), sheetName)).toHaveLength(2);
  });

  it('fires form-bound ON_FORM_SUBMIT triggers with the response and the form', () => {
    const { forms, form, runtime } = linked();
    const seen: string[] = [];
    runtime.attachBundle({
      onResponse: (e: { authMode: string; response: GoogleAppsScript.Forms.FormResponse; source: GForm; triggerUid: string }) => {
        seen.push(`${e.authMode} ${e.triggerUid} ${e.source.getId() === form.getId()} ${e.response.getId()}`);
      },
    });
    runtime.triggers.push({ uid: 'form-1', handler: 'onResponse', eventType: 'ON_FORM_SUBMIT', source: 'FORMS', sourceId: form.getId(), owner: OWNER });
    const { responseId } = forms.submit(form.getId(), { 'Школа': 'x' });
    expect(seen).toEqual([`FULL form-1 true ${responseId}`]);
  });

  it('records the response even when a trigger fails, and reports the failure', () => {
    const { forms, form, store, ss, sheetName, addTrigger, failing } = linked();
    addTrigger();
    failing.on = true;
    expect(() => forms.submit(form.getId(), { 'Школа': 'x' })).toThrow('handler failed');
    expect(store.rawValues(ss.getId(), sheetName)).toHaveLength(2);
    const tolerated = forms.submit(form.getId(), { 'Школа': 'y' }, { tolerateTriggerErrors: true });
    expect(tolerated.triggerErrors).toHaveLength(1);
    expect(tolerated.row).toBe(3);
  });

  it('exposes responses through FormResponse and ItemResponse', () => {
    const { forms, form } = linked();
    form.setCollectEmail(true);
    expect(() => forms.submit(form.getId(), fullAnswers)).toThrow('email');
    forms.submit(form.getId(), fullAnswers, { email: TEACHER });
    const [response] = form.getResponses();
    expect(response.getRespondentEmail()).toBe(TEACHER);
    expect(response.getTimestamp().toISOString()).toBe('2026-11-23T06:00:00.000Z');
    const byTitle = Object.fromEntries(response.getItemResponses().map((r) => [r.getItem().getTitle(), r.getResponse()]));
    expect(byTitle['Темы']).toEqual(['ИКТ', 'Инклюзия']);
    expect(byTitle['Удовлетворённость']).toBe('4');
    expect(byTitle['Нагрузка']).toEqual(['Много', 'Мало']);
  });

  it('describes a form as plain data', () => {
    const { forms, form } = linked();
    const d = forms.describe(form.getId());
    expect(d).toMatchObject({ title: 'Профиль педагога', published: true, acceptingResponses: true, collectEmail: false });
    expect(d.items.find((i) => i.title === 'Стаж')?.validation).toEqual({ kind: 'WHOLE_NUMBER', args: [], helpText: 'Целое число лет' });
    expect(d.items.find((i) => i.title === 'Удовлетворённость')?.bounds).toEqual({ lower: 1, upper: 5, leftLabel: '', rightLabel: '' });
    expect(d.items.find((i) => i.title === 'Школа')?.required).toBe(true);
    expect(JSON.parse(JSON.stringify(d))).toEqual(d);
  });
});

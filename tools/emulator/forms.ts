/**
 * The emulated FormApp: forms, items with branching and validation, response
 * destinations in the emulated spreadsheets, and the Google side of a submission
 * (validate as the real form would, record the response, append the row, fire the
 * installable form-submit triggers with the documented event object).
 */
import { instrument, Runtime, TriggerRecord } from './kernel';
import {
  CellValue, formatDateTime, SheetModel, SpreadsheetModel, SpreadsheetStore,
} from './spreadsheet';
import { AppsScriptError, makeId } from './support';

type GFormApp = GoogleAppsScript.Forms.FormApp;
type GForm = GoogleAppsScript.Forms.Form;
type GItem = GoogleAppsScript.Forms.Item;
type GItemType = GoogleAppsScript.Forms.ItemType;
type GChoice = GoogleAppsScript.Forms.Choice;
type GPageNavigationType = GoogleAppsScript.Forms.PageNavigationType;
type GDestinationType = GoogleAppsScript.Forms.DestinationType;
type GTextItem = GoogleAppsScript.Forms.TextItem;
type GParagraphTextItem = GoogleAppsScript.Forms.ParagraphTextItem;
type GMultipleChoiceItem = GoogleAppsScript.Forms.MultipleChoiceItem;
type GCheckboxItem = GoogleAppsScript.Forms.CheckboxItem;
type GListItem = GoogleAppsScript.Forms.ListItem;
type GScaleItem = GoogleAppsScript.Forms.ScaleItem;
type GGridItem = GoogleAppsScript.Forms.GridItem;
type GSectionHeaderItem = GoogleAppsScript.Forms.SectionHeaderItem;
type GPageBreakItem = GoogleAppsScript.Forms.PageBreakItem;
type GTextValidation = GoogleAppsScript.Forms.TextValidation;
type GTextValidationBuilder = GoogleAppsScript.Forms.TextValidationBuilder;
type GParagraphTextValidation = GoogleAppsScript.Forms.ParagraphTextValidation;
type GParagraphTextValidationBuilder = GoogleAppsScript.Forms.ParagraphTextValidationBuilder;
type GCheckboxValidation = GoogleAppsScript.Forms.CheckboxValidation;
type GCheckboxValidationBuilder = GoogleAppsScript.Forms.CheckboxValidationBuilder;
type GFormResponse = GoogleAppsScript.Forms.FormResponse;
type GItemResponse = GoogleAppsScript.Forms.ItemResponse;
type GSpreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;
type GRange = GoogleAppsScript.Spreadsheet.Range;

export const ITEM_TYPES = [
  'CHECKBOX', 'CHECKBOX_GRID', 'DATE', 'DATETIME', 'DURATION', 'GRID', 'IMAGE', 'LIST', 'MULTIPLE_CHOICE',
  'PAGE_BREAK', 'PARAGRAPH_TEXT', 'SCALE', 'SECTION_HEADER', 'TEXT', 'TIME', 'VIDEO', 'FILE_UPLOAD',
] as const;
export type ItemTypeName = (typeof ITEM_TYPES)[number];
export type NavigationType = 'CONTINUE' | 'GO_TO_PAGE' | 'RESTART' | 'SUBMIT';

/** Enums are plain strings of their names, like the emulated ScriptApp.AuthMode. */
const enumOf = <T extends string>(names: readonly T[]): Record<T, T> =>
  Object.fromEntries(names.map((n) => [n, n])) as Record<T, T>;

export const FORM_MESSAGES = {
  noItem: 'No item with the given ID could be found, or you do not have permission to access it.',
  invalidConversion: (type: string) => `Invalid conversion for item type: ${type}`,
  // Unverified wording: what Forms answers when a form has no response destination.
  noDestination: 'This form does not currently have a response destination.',
};

/** Forms created through the API after this date start unpublished (Forms publishing change). */
const UNPUBLISHED_BY_DEFAULT_FROM = Date.parse('2026-06-30T00:00:00Z');

// ---------------------------------------------------------------------------
// The stored model
// ---------------------------------------------------------------------------

interface Navigation {
  type: NavigationType;
  /** The page break item a GO_TO_PAGE leads to. */
  pageId: number | null;
}

interface ChoiceModel {
  value: string;
  nav: Navigation | null;
  isCorrect: boolean;
}

export type RuleKind =
  | 'NUMBER' | 'WHOLE_NUMBER' | 'NUMBER_GT' | 'NUMBER_GTE' | 'NUMBER_LT' | 'NUMBER_LTE' | 'NUMBER_EQ' | 'NUMBER_NEQ'
  | 'NUMBER_BETWEEN' | 'NUMBER_NOT_BETWEEN' | 'LENGTH_GTE' | 'LENGTH_LTE' | 'CONTAINS' | 'NOT_CONTAINS'
  | 'MATCHES' | 'NOT_MATCHES' | 'EMAIL' | 'URL' | 'SELECT_AT_LEAST' | 'SELECT_AT_MOST' | 'SELECT_EXACTLY';

export interface ValidationRule {
  family: 'TEXT' | 'PARAGRAPH_TEXT' | 'CHECKBOX';
  kind: RuleKind | null;
  args: Array<number | string>;
  helpText: string;
}

interface ItemModel {
  id: number;
  type: ItemTypeName;
  title: string;
  helpText: string;
  required: boolean;
  choices: ChoiceModel[];
  otherOption: boolean;
  lower: number;
  upper: number;
  leftLabel: string;
  rightLabel: string;
  rows: string[];
  columns: string[];
  validation: ValidationRule | null;
  /** PAGE_BREAK: where the page before this break goes when finished. */
  goTo: Navigation;
}

type ColumnRef =
  | { kind: 'timestamp' }
  | { kind: 'email' }
  | { kind: 'item'; itemId: number; gridRow: string | null; header: string };

interface DestinationModel {
  ssId: string;
  sheet: SheetModel;
  /** columns[i] is sheet column i + 1. */
  columns: ColumnRef[];
}

/** A normalized answer: text, checkbox values, grid row answers, checkbox-grid row answers. */
export type Answer = string | string[] | string[][];

interface ResponseModel {
  id: string;
  timestamp: number;
  email: string;
  answers: Map<number, Answer>;
}

interface FormModel {
  id: string;
  publishedId: string;
  owner: string;
  title: string;
  /** The Drive file name FormApp.create gave (the title stays empty until setTitle). */
  fileName?: string;
  description: string;
  confirmationMessage: string;
  customClosedMessage: string;
  collectEmail: boolean;
  allowResponseEdits: boolean;
  limitOneResponsePerUser: boolean;
  requireLogin: boolean;
  progressBar: boolean;
  shuffleQuestions: boolean;
  respondAgainLink: boolean;
  published: boolean;
  accepting: boolean;
  items: ItemModel[];
  destination: DestinationModel | null;
  responses: ResponseModel[];
}

const QUESTION_TYPES = new Set<ItemTypeName>([
  'CHECKBOX', 'CHECKBOX_GRID', 'DATE', 'DATETIME', 'DURATION', 'GRID', 'LIST', 'MULTIPLE_CHOICE',
  'PARAGRAPH_TEXT', 'SCALE', 'TEXT', 'TIME', 'FILE_UPLOAD',
]);

const NUMBER_TEXT = /^[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?$/;

/** How a linked sheet stores an answer: numeric text as a number, everything else literally. */
function sheetValue(text: string): CellValue {
  if (text === '') return '';
  return NUMBER_TEXT.test(text) ? Number(text) : text;
}

// ---------------------------------------------------------------------------
// Submission errors and options
// ---------------------------------------------------------------------------

/** The real form would not let this response through; `itemTitle` names the question. */
export class FormSubmissionError extends Error {
  constructor(readonly formId: string, readonly itemTitle: string | null, readonly reason: string) {
    super(itemTitle === null ? `form submission refused: ${reason}` : `form submission refused at "${itemTitle}": ${reason}`);
    this.name = 'FormSubmissionError';
  }
}

export type AnswerInput = string | number | boolean | string[] | string[][] | Record<string, string | string[]> | null | undefined;

export interface SubmitOptions {
  /** The respondent (collected when the form collects emails). */
  email?: string;
  /** Keep going when a trigger handler throws; by default submit() rethrows the first error. */
  tolerateTriggerErrors?: boolean;
}

export interface FormSubmitEvent {
  authMode: string;
  namedValues: Record<string, string[]>;
  range: GRange;
  source: GSpreadsheet;
  triggerUid: string;
  values: string[];
}

export interface TriggerFailure {
  uid: string;
  handler: string;
  error: unknown;
}

export interface SubmitResult {
  responseId: string;
  /** The sheet row the response landed in (0 when the form has no destination). */
  row: number;
  /** The spreadsheet event as delivered (triggerUid of the first trigger, '' if none fired). */
  event: FormSubmitEvent | null;
  response: GFormResponse;
  triggerErrors: TriggerFailure[];
}

export interface ItemDescription {
  id: number;
  title: string;
  type: ItemTypeName;
  helpText: string;
  required?: boolean;
  choices?: Array<{ value: string; goTo?: string }>;
  otherOption?: boolean;
  validation?: { kind: RuleKind | null; args: Array<number | string>; helpText: string };
  bounds?: { lower: number; upper: number; leftLabel: string; rightLabel: string };
  rows?: string[];
  columns?: string[];
  goTo?: string;
}

export interface FormDescription {
  id: string;
  title: string;
  description: string;
  published: boolean;
  acceptingResponses: boolean;
  collectEmail: boolean;
  publishedUrl: string;
  editUrl: string;
  confirmationMessage: string;
  destinationId: string | null;
  items: ItemDescription[];
}

// ---------------------------------------------------------------------------
// The forms handle: every form, and the Google side of submissions
// ---------------------------------------------------------------------------

export class FormStore {
  private readonly models = new Map<string, FormModel>();
  private readonly byPublishedId = new Map<string, FormModel>();
  private seq = 0;
  private itemSeq = 0;
  private responseSeq = 0;
  private readonly formApis = new WeakMap<FormModel, GForm>();
  private readonly itemApis = new WeakMap<ItemModel, Map<string, unknown>>();

  constructor(readonly runtime: Runtime, readonly spreadsheets: SpreadsheetStore) {}

  // --- test side -----------------------------------------------------------

  byId(id: string): GForm | null {
    const model = this.models.get(id);
    return model ? this.formApi(model) : null;
  }

  all(): GForm[] {
    return [...this.models.values()].map((m) => this.formApi(m));
  }

  /** The form's structure as plain data (used for the demo's forms/<instrument>.json). */
  describe(formId: string): FormDescription {
    const form = this.model(formId);
    const titleOf = (pageId: number | null): string =>
      form.items.find((i) => i.id === pageId)?.title ?? String(pageId);
    const navText = (nav: Navigation): string => (nav.type === 'GO_TO_PAGE' ? `page:${titleOf(nav.pageId)}` : nav.type);
    return {
      id: form.id,
      title: form.title,
      description: form.description,
      published: form.published,
      acceptingResponses: form.published && form.accepting,
      collectEmail: form.collectEmail,
      publishedUrl: this.publishedUrl(form),
      editUrl: this.editUrl(form),
      confirmationMessage: form.confirmationMessage,
      destinationId: form.destination?.ssId ?? null,
      items: form.items.map((item) => {
        const out: ItemDescription = { id: item.id, title: item.title, type: item.type, helpText: item.helpText };
        if (QUESTION_TYPES.has(item.type)) out.required = item.required;
        if (item.type === 'MULTIPLE_CHOICE' || item.type === 'LIST' || item.type === 'CHECKBOX') {
          out.choices = item.choices.map((c) => (c.nav ? { value: c.value, goTo: navText(c.nav) } : { value: c.value }));
          if (item.type !== 'LIST') out.otherOption = item.otherOption;
        }
        if (item.validation) {
          out.validation = { kind: item.validation.kind, args: [...item.validation.args], helpText: item.validation.helpText };
        }
        if (item.type === 'SCALE') {
          out.bounds = { lower: item.lower, upper: item.upper, leftLabel: item.leftLabel, rightLabel: item.rightLabel };
        }
        if (item.type === 'GRID' || item.type === 'CHECKBOX_GRID') {
          out.rows = [...item.rows];
          out.columns = [...item.columns];
        }
        if (item.type === 'PAGE_BREAK') out.goTo = navText(item.goTo);
        return out;
      }),
    };
  }

  /**
   * Submits a response as a respondent would through the published form. `answers` maps
   * an item title (or id) to its answer. Pages the respondent's choices skip are not
   * visited: their required questions are not required and their answers are dropped.
   */
  submit(formId: string, answers: Record<string, AnswerInput>, options: SubmitOptions = {}): SubmitResult {
    const form = this.model(formId);
    const refuse = (reason: string, item: ItemModel | null = null): never => {
      throw new FormSubmissionError(form.id, item ? item.title : null, reason);
    };
    if (!form.published) refuse('the form is not published');
    if (!form.accepting) refuse('the form is not accepting responses');
    const email = options.email ?? '';
    if ((form.collectEmail || form.requireLogin || form.limitOneResponsePerUser) && !email) {
      refuse('the form needs the respondent\'s email (options.email)');
    }
    if (form.limitOneResponsePerUser && form.responses.some((r) => r.email === email)) {
      refuse(`${email} has already responded`);
    }

    const given = new Map<number, AnswerInput>();
    for (const [key, raw] of Object.entries(answers)) {
      const item = this.findItem(form, key);
      if (!item) throw new Error(`forms.submit: the form has no question "${key}"`);
      given.set(item.id, raw);
    }
    const normalized = new Map<number, Answer>();
    for (const item of form.items) {
      if (!given.has(item.id)) continue;
      const answer = normalizeAnswer(item, given.get(item.id), refuse);
      if (answer !== null) normalized.set(item.id, answer);
    }
    const visited = visitedPages(form, normalized);
    const pageOf = pageIndexes(form);
    const kept = new Map<number, Answer>();
    for (const item of form.items) {
      if (!QUESTION_TYPES.has(item.type) || !visited.has(pageOf.get(item.id) ?? 0)) continue;
      const answer = normalized.get(item.id);
      if (answer === undefined) {
        if (item.required) refuse('this question is required', item);
        continue;
      }
      const problem = validateAnswer(item, answer);
      if (problem) refuse(problem, item);
      kept.set(item.id, answer);
    }

    const response: ResponseModel = {
      id: `2_EmuResp${(++this.responseSeq).toString(36)}`,
      timestamp: this.runtime.clock.now(),
      email,
      answers: kept,
    };
    form.responses.push(response);
    const responseApi = this.responseApi(form, response);
    let row = 0;
    let event: FormSubmitEvent | null = null;
    const triggerErrors: TriggerFailure[] = [];
    if (form.destination) {
      row = this.appendResponseRow(form, response);
      const built = this.buildEvent(form, response, row);
      const delivered = this.fireFormSubmit(form.destination.ssId, built, triggerErrors);
      event = delivered[0] ?? { ...built, triggerUid: '' };
    }
    this.fireFormTriggers(form, responseApi, triggerErrors);
    if (triggerErrors.length > 0 && !options.tolerateTriggerErrors) throw triggerErrors[0].error;
    return { responseId: response.id, row, event, response: responseApi, triggerErrors };
  }

  /**
   * Delivers a spreadsheet form-submit event to every ON_FORM_SUBMIT trigger of the
   * spreadsheet, as Google would. Pass a submit() result's event to replay it: Apps Script
   * is known to deliver the same submission twice.
   */
  fireFormSubmit(
    spreadsheetId: string,
    event: Partial<FormSubmitEvent>,
    failures: TriggerFailure[] = [],
  ): FormSubmitEvent[] {
    const ss = this.spreadsheets.model(spreadsheetId);
    const delivered: FormSubmitEvent[] = [];
    for (const trigger of this.triggersFor(spreadsheetId)) {
      const e: FormSubmitEvent = {
        authMode: 'FULL',
        namedValues: {},
        values: [],
        range: event.range as GRange,
        source: this.spreadsheets.spreadsheetApi(ss),
        ...event,
        triggerUid: trigger.uid,
      };
      delivered.push(e);
      this.invokeAs(trigger, e, failures);
    }
    return delivered;
  }

  /**
   * A blank phantom submission, as people observe it: a timestamp, every answer '', and a
   * range on an existing row (the last one by default) where no new row was written.
   */
  phantomEvent(spreadsheetId: string, options: { row?: number } = {}): FormSubmitEvent {
    const ss = this.spreadsheets.model(spreadsheetId);
    const sheet = ss.sheets.find((s) => s.formUrl) ?? ss.sheets[0];
    const form = [...this.models.values()].find((f) => f.destination?.sheet === sheet);
    const width = form?.destination?.columns.length ?? Math.max(1, this.spreadsheets.lastColumn(sheet));
    const header = (sheet.rows[0] ?? []).slice(0, width);
    const stamp = formatDateTime(this.runtime.clock.now(), ss.locale, ss.timeZone);
    const values = [stamp, ...new Array<string>(width - 1).fill('')];
    const namedValues: Record<string, string[]> = {};
    header.forEach((h, i) => {
      namedValues[String(h)] = [i === 0 ? stamp : ''];
    });
    const row = options.row ?? Math.max(2, this.spreadsheets.lastRow(sheet));
    return {
      authMode: 'FULL',
      namedValues,
      values,
      range: this.spreadsheets.rangeApi(sheet, { row, col: 1, numRows: 1, numCols: width }),
      source: this.spreadsheets.spreadsheetApi(ss),
      triggerUid: '',
    };
  }

  // --- internals -------------------------------------------------------------

  model(formId: string): FormModel {
    const model = this.models.get(formId);
    if (!model) throw new AppsScriptError(FORM_MESSAGES.noItem);
    return model;
  }

  createModel(title: string): FormModel {
    this.seq++;
    const published = this.runtime.clock.now() < UNPUBLISHED_BY_DEFAULT_FROM;
    const model: FormModel = {
      id: makeId('EmuFm', this.seq, 44),
      publishedId: makeId('FAIpQLSeEmu', this.seq, 56),
      owner: this.runtime.user,
      title: String(title),
      description: '',
      confirmationMessage: '',
      customClosedMessage: '',
      collectEmail: false,
      allowResponseEdits: false,
      limitOneResponsePerUser: false,
      requireLogin: false,
      progressBar: false,
      shuffleQuestions: false,
      respondAgainLink: false,
      published,
      accepting: true,
      items: [],
      destination: null,
      responses: [],
    };
    this.models.set(model.id, model);
    this.byPublishedId.set(model.publishedId, model);
    return model;
  }

  modelByUrl(url: string): FormModel {
    const text = String(url);
    const published = /\/forms\/d\/e\/([-\w]+)/.exec(text);
    if (published) {
      const model = this.byPublishedId.get(published[1]);
      if (model) return model;
    }
    const plain = /\/forms\/d\/([-\w]+)/.exec(text);
    if (plain && plain[1] !== 'e') return this.model(plain[1]);
    throw new AppsScriptError(FORM_MESSAGES.noItem);
  }

  editUrl(form: FormModel): string {
    return `https://docs.google.com/forms/d/${form.id}/edit`;
  }

  publishedUrl(form: FormModel): string {
    return `https://docs.google.com/forms/d/e/${form.publishedId}/viewform`;
  }

  /** What Sheet.getFormUrl() answers for a linked response sheet. */
  sheetFormUrl(form: FormModel): string {
    return `https://docs.google.com/forms/d/${form.id}/viewform`;
  }

  newItem(form: FormModel, type: ItemTypeName): ItemModel {
    const item: ItemModel = {
      id: 1_000_000_000 + ++this.itemSeq * 7_919,
      type,
      title: '',
      helpText: '',
      required: false,
      choices: [],
      otherOption: false,
      lower: 1,
      upper: 5,
      leftLabel: '',
      rightLabel: '',
      rows: [],
      columns: [],
      validation: null,
      goTo: { type: 'CONTINUE', pageId: null },
    };
    form.items.push(item);
    this.syncColumns(form);
    return item;
  }

  findItem(form: FormModel, key: string): ItemModel | undefined {
    if (/^\d+$/.test(key)) {
      const byId = form.items.find((i) => i.id === Number(key));
      if (byId) return byId;
    }
    return form.items.find((i) => QUESTION_TYPES.has(i.type) && i.title === key);
  }

  formApi(model: FormModel): GForm {
    let api = this.formApis.get(model);
    if (!api) {
      api = new EmuForm(this, model)._api;
      this.formApis.set(model, api);
    }
    return api;
  }

  /** The item wrapped as the class `kind` ('Item', 'TextItem', …); one wrapper per kind. */
  itemApi<T>(form: FormModel, item: ItemModel, kind: ItemKind): T {
    let byKind = this.itemApis.get(item);
    if (!byKind) this.itemApis.set(item, (byKind = new Map()));
    let api = byKind.get(kind);
    if (!api) {
      api = new ITEM_CLASSES[kind](this, form, item, kind)._api;
      byKind.set(kind, api);
    }
    return api as T;
  }

  responseApi(form: FormModel, response: ResponseModel): GFormResponse {
    return new EmuFormResponse(this, form, response)._api;
  }

  /** Links the form: a new response sheet with a header, then every response so far. */
  link(form: FormModel, ssId: string): void {
    const ss = this.spreadsheets.model(ssId);
    const columns: ColumnRef[] = [{ kind: 'timestamp' }];
    if (form.collectEmail) columns.push({ kind: 'email' });
    for (const ref of this.questionColumns(form)) columns.push(ref);
    const sheet = this.spreadsheets.insertResponseSheet(ss, this.sheetFormUrl(form), columns.length);
    form.destination = { ssId, sheet, columns };
    this.spreadsheets.asSystem(() => this.spreadsheets.writeRaw(sheet, 1, 1, columns.map((c) => this.headerOf(c))));
    for (const response of form.responses) this.appendResponseRow(form, response);
  }

  unlink(form: FormModel): void {
    if (form.destination) form.destination.sheet.formUrl = null;
    form.destination = null;
  }

  /**
   * Keeps a linked sheet's columns in step with the form: a new question (or grid row)
   * gets a new column after the form's last one; a renamed question renames its column
   * header; a deleted question keeps its column and header; columns never move.
   */
  syncColumns(form: FormModel): void {
    const dest = form.destination;
    if (!dest) return;
    const writes: Array<[number, string]> = [];
    if (form.collectEmail && !dest.columns.some((c) => c.kind === 'email')) {
      dest.columns.push({ kind: 'email' });
      writes.push([dest.columns.length, this.headerOf({ kind: 'email' })]);
    }
    for (const ref of this.questionColumns(form)) {
      const existing = dest.columns.find((c) => c.kind === 'item' && c.itemId === ref.itemId && c.gridRow === ref.gridRow);
      if (!existing) {
        dest.columns.push(ref);
        writes.push([dest.columns.length, ref.header]);
      } else if (existing.kind === 'item' && existing.header !== ref.header) {
        existing.header = ref.header;
        writes.push([dest.columns.indexOf(existing) + 1, ref.header]);
      }
    }
    if (writes.length === 0) return;
    this.spreadsheets.asSystem(() => {
      for (const [col, text] of writes) this.spreadsheets.writeRaw(dest.sheet, 1, col, [text]);
    });
  }

  private questionColumns(form: FormModel): Array<ColumnRef & { kind: 'item' }> {
    const out: Array<ColumnRef & { kind: 'item' }> = [];
    for (const item of form.items) {
      if (!QUESTION_TYPES.has(item.type)) continue;
      if (item.type === 'GRID' || item.type === 'CHECKBOX_GRID') {
        for (const row of item.rows) out.push({ kind: 'item', itemId: item.id, gridRow: row, header: `${item.title} [${row}]` });
      } else {
        out.push({ kind: 'item', itemId: item.id, gridRow: null, header: item.title });
      }
    }
    return out;
  }

  private headerOf(ref: ColumnRef): string {
    if (ref.kind === 'timestamp') return this.spreadsheets.labels.timestamp;
    if (ref.kind === 'email') return this.spreadsheets.labels.email;
    return ref.header;
  }

  /** The answer as the response sheet shows it: checkboxes joined with ", ". */
  private cellText(form: FormModel, ref: ColumnRef, response: ResponseModel): string {
    if (ref.kind === 'email') return response.email;
    if (ref.kind !== 'item') return '';
    const answer = response.answers.get(ref.itemId);
    if (answer === undefined) return '';
    const item = form.items.find((i) => i.id === ref.itemId);
    if (ref.gridRow !== null && item && Array.isArray(answer)) {
      const at = item.rows.indexOf(ref.gridRow);
      const cell = answer[at];
      return Array.isArray(cell) ? cell.join(', ') : (cell ?? '');
    }
    return Array.isArray(answer) ? (answer as string[]).join(', ') : answer;
  }

  private appendResponseRow(form: FormModel, response: ResponseModel): number {
    const dest = form.destination as DestinationModel;
    const row = this.spreadsheets.lastRow(dest.sheet) + 1;
    const values: CellValue[] = dest.columns.map((ref) =>
      (ref.kind === 'timestamp' ? this.spreadsheets.dateFactory(response.timestamp) : sheetValue(this.cellText(form, ref, response))));
    // Google writes responses itself: sheet protections do not apply to it.
    this.spreadsheets.asSystem(() => this.spreadsheets.writeRaw(dest.sheet, row, 1, values));
    return row;
  }

  private buildEvent(form: FormModel, response: ResponseModel, row: number): FormSubmitEvent {
    const dest = form.destination as DestinationModel;
    const ss: SpreadsheetModel = this.spreadsheets.model(dest.ssId);
    const stamp = formatDateTime(response.timestamp, ss.locale, ss.timeZone);
    const values = dest.columns.map((ref) => (ref.kind === 'timestamp' ? stamp : this.cellText(form, ref, response)));
    const namedValues: Record<string, string[]> = {};
    dest.columns.forEach((ref, i) => {
      // Columns sharing a header share one entry, each answer in its own slot.
      (namedValues[this.headerOf(ref)] ??= []).push(values[i]);
    });
    return {
      authMode: 'FULL',
      namedValues,
      values,
      range: this.spreadsheets.rangeApi(dest.sheet, { row, col: 1, numRows: 1, numCols: dest.columns.length }),
      source: this.spreadsheets.spreadsheetApi(ss),
      triggerUid: '',
    };
  }

  private triggersFor(sourceId: string): TriggerRecord[] {
    return this.runtime.triggers.filter((t) => t.eventType === 'ON_FORM_SUBMIT' && t.sourceId === sourceId);
  }

  private fireFormTriggers(form: FormModel, response: GFormResponse, failures: TriggerFailure[]): void {
    for (const trigger of this.triggersFor(form.id)) {
      const e = { authMode: 'FULL', response, source: this.formApi(form), triggerUid: trigger.uid };
      this.invokeAs(trigger, e, failures);
    }
  }

  /** Installable triggers run as the user who created them. */
  private invokeAs(trigger: TriggerRecord, event: unknown, failures: TriggerFailure[]): void {
    const previous = this.runtime.user;
    this.runtime.user = trigger.owner;
    try {
      this.runtime.invoke(trigger.handler, event);
    } catch (error) {
      failures.push({ uid: trigger.uid, handler: trigger.handler, error });
    } finally {
      this.runtime.user = previous;
    }
  }
}

// ---------------------------------------------------------------------------
// Answers: normalization, branching, validation
// ---------------------------------------------------------------------------

function normalizeAnswer(item: ItemModel, raw: AnswerInput, refuse: (reason: string, item: ItemModel) => never): Answer | null {
  if (raw === null || raw === undefined || raw === '') return null;
  const text = (v: unknown): string => (typeof v === 'number' || typeof v === 'boolean' ? String(v) : (v as string));
  switch (item.type) {
    case 'TEXT':
    case 'PARAGRAPH_TEXT':
    case 'MULTIPLE_CHOICE':
    case 'LIST':
    case 'SCALE':
      if (Array.isArray(raw) || typeof raw === 'object') return refuse('expects a single answer', item);
      return text(raw);
    case 'CHECKBOX': {
      const list = Array.isArray(raw) ? (raw as unknown[]).map(text) : [text(raw)];
      return list.length === 0 ? null : list;
    }
    case 'GRID':
    case 'CHECKBOX_GRID': {
      const grid = item.type === 'CHECKBOX_GRID';
      let cells: unknown[];
      if (Array.isArray(raw)) cells = raw;
      else if (typeof raw === 'object') cells = item.rows.map((r) => (raw as Record<string, unknown>)[r] ?? '');
      else return refuse('expects one answer per row', item);
      const out = item.rows.map((_, i) => {
        const cell = cells[i];
        if (grid) return Array.isArray(cell) ? cell.map(text) : cell === '' || cell === undefined ? [] : [text(cell)];
        return cell === undefined || cell === null ? '' : text(cell);
      });
      const empty = out.every((c) => (Array.isArray(c) ? c.length === 0 : c === ''));
      return empty ? null : (out as string[] | string[][]);
    }
    default:
      return refuse(`answering ${item.type} items is not emulated`, item);
  }
}

function asNumber(text: string): number | null {
  return NUMBER_TEXT.test(text.trim()) ? Number(text.trim()) : null;
}

function patternTest(pattern: string, text: string, whole: boolean): boolean {
  try {
    return new RegExp(whole ? `^(?:${pattern})$` : pattern).test(text);
  } catch {
    return false;
  }
}

/** Checks a text answer against the one rule a text validation carries. */
function checkRule(rule: ValidationRule, text: string): boolean {
  const [a, b] = rule.args as [number, number];
  const n = asNumber(text);
  switch (rule.kind) {
    case null: return true;
    case 'NUMBER': return n !== null;
    case 'WHOLE_NUMBER': return n !== null && /^[+-]?\d+$/.test(text.trim());
    case 'NUMBER_GT': return n !== null && n > a;
    case 'NUMBER_GTE': return n !== null && n >= a;
    case 'NUMBER_LT': return n !== null && n < a;
    case 'NUMBER_LTE': return n !== null && n <= a;
    case 'NUMBER_EQ': return n !== null && n === a;
    case 'NUMBER_NEQ': return n !== null && n !== a;
    case 'NUMBER_BETWEEN': return n !== null && n >= Math.min(a, b) && n <= Math.max(a, b);
    case 'NUMBER_NOT_BETWEEN': return n !== null && (n < Math.min(a, b) || n > Math.max(a, b));
    case 'LENGTH_GTE': return text.length >= a;
    case 'LENGTH_LTE': return text.length <= a;
    case 'CONTAINS': return text.includes(String(rule.args[0]));
    case 'NOT_CONTAINS': return !text.includes(String(rule.args[0]));
    // Regular-expression rules must match the whole answer.
    case 'MATCHES': return patternTest(String(rule.args[0]), text, true);
    case 'NOT_MATCHES': return !patternTest(String(rule.args[0]), text, true);
    case 'EMAIL': return /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(text);
    case 'URL': return /^(https?:\/\/)?[^\s/.]+\.[^\s]+$/.test(text);
    default: return true;
  }
}

function ruleMessage(rule: ValidationRule): string {
  return rule.helpText || `does not satisfy ${rule.kind}${rule.args.length ? ` ${rule.args.join('..')}` : ''}`;
}

/** Returns why the real form would refuse the answer, or null. */
function validateAnswer(item: ItemModel, answer: Answer): string | null {
  const values = item.choices.map((c) => c.value);
  switch (item.type) {
    case 'TEXT':
    case 'PARAGRAPH_TEXT': {
      const rule = item.validation;
      return rule && !checkRule(rule, answer as string) ? ruleMessage(rule) : null;
    }
    case 'MULTIPLE_CHOICE':
    case 'LIST':
      if (values.includes(answer as string)) return null;
      return item.type === 'MULTIPLE_CHOICE' && item.otherOption ? null : `"${answer as string}" is not one of the choices`;
    case 'CHECKBOX': {
      const list = answer as string[];
      const others = list.filter((v) => !values.includes(v));
      if (others.length > (item.otherOption ? 1 : 0)) return `"${others[others.length - 1]}" is not one of the choices`;
      if (new Set(list).size !== list.length) return 'a choice is ticked twice';
      const rule = item.validation;
      if (rule && rule.kind) {
        const [n] = rule.args as [number];
        const ok = rule.kind === 'SELECT_AT_LEAST' ? list.length >= n
          : rule.kind === 'SELECT_AT_MOST' ? list.length <= n
            : rule.kind === 'SELECT_EXACTLY' ? list.length === n : true;
        if (!ok) return ruleMessage(rule);
      }
      return null;
    }
    case 'SCALE': {
      const n = asNumber(answer as string);
      if (n === null || !Number.isInteger(n) || n < item.lower || n > item.upper) {
        return `must be a whole number from ${item.lower} to ${item.upper}`;
      }
      return null;
    }
    case 'GRID':
    case 'CHECKBOX_GRID': {
      const cells = answer as Array<string | string[]>;
      for (let i = 0; i < item.rows.length; i++) {
        const cell = cells[i];
        const picked = Array.isArray(cell) ? cell : cell === '' ? [] : [cell];
        if (picked.length === 0 && item.required) return `row "${item.rows[i]}" needs an answer`;
        const bad = picked.find((v) => !item.columns.includes(v));
        if (bad !== undefined) return `"${bad}" is not a column of row "${item.rows[i]}"`;
      }
      return null;
    }
    default:
      return null;
  }
}

/** itemId → the page it is on: page 0 before the first page break, page k after the k-th. */
function pageIndexes(form: FormModel): Map<number, number> {
  const out = new Map<number, number>();
  let page = 0;
  for (const item of form.items) {
    if (item.type === 'PAGE_BREAK') page++;
    out.set(item.id, page);
  }
  return out;
}

/** The pages a respondent passes through given their answers (choice navigation wins). */
function visitedPages(form: FormModel, answers: Map<number, Answer>): Set<number> {
  const breaks = form.items.filter((i) => i.type === 'PAGE_BREAK');
  const pageOf = pageIndexes(form);
  const target = (nav: Navigation, page: number): number | null => {
    if (nav.type === 'CONTINUE') return page + 1 <= breaks.length ? page + 1 : null;
    if (nav.type === 'GO_TO_PAGE' && nav.pageId !== null) return pageOf.get(nav.pageId) ?? null;
    // SUBMIT ends the form; RESTART sends the respondent back to a page already visited.
    return null;
  };
  const visited = new Set<number>();
  let page: number | null = 0;
  while (page !== null && !visited.has(page)) {
    visited.add(page);
    const current: number = page;
    // After page k comes what the page break opening page k + 1 says.
    let next: number | null = current < breaks.length ? target(breaks[current].goTo, current) : null;
    for (const item of form.items) {
      if (pageOf.get(item.id) !== current || (item.type !== 'MULTIPLE_CHOICE' && item.type !== 'LIST')) continue;
      const answer = answers.get(item.id);
      const choice = item.choices.find((c) => c.value === answer);
      if (choice?.nav) {
        next = choice.nav.type === 'CONTINUE' ? (current + 1 <= breaks.length ? current + 1 : null) : target(choice.nav, current);
      }
    }
    page = next;
  }
  return visited;
}

// ---------------------------------------------------------------------------
// Emulated classes
// ---------------------------------------------------------------------------

type ItemKind =
  | 'Item' | 'TextItem' | 'ParagraphTextItem' | 'MultipleChoiceItem' | 'CheckboxItem' | 'ListItem'
  | 'ScaleItem' | 'GridItem' | 'SectionHeaderItem' | 'PageBreakItem';

const KIND_OF_TYPE: Partial<Record<ItemTypeName, ItemKind>> = {
  TEXT: 'TextItem',
  PARAGRAPH_TEXT: 'ParagraphTextItem',
  MULTIPLE_CHOICE: 'MultipleChoiceItem',
  CHECKBOX: 'CheckboxItem',
  LIST: 'ListItem',
  SCALE: 'ScaleItem',
  GRID: 'GridItem',
  SECTION_HEADER: 'SectionHeaderItem',
  PAGE_BREAK: 'PageBreakItem',
};

/** The item model behind any item wrapper handed to a script. */
function itemModelOf(value: unknown): ItemModel {
  const model = (value as { _m?: ItemModel } | null)?._m;
  if (!model) throw new AppsScriptError('Invalid argument: item');
  return model;
}

abstract class ItemBase<TApi> {
  readonly _api: TApi;

  constructor(readonly _store: FormStore, readonly _form: FormModel, readonly _m: ItemModel, kind: ItemKind) {
    this._api = instrument(this, kind, _store.runtime.counter) as unknown as TApi;
  }

  getId(): number {
    return this._m.id;
  }

  getIndex(): number {
    return this._form.items.indexOf(this._m);
  }

  getTitle(): string {
    return this._m.title;
  }

  setTitle(title: string): TApi {
    this._m.title = String(title);
    this._store.syncColumns(this._form);
    return this._api;
  }

  getHelpText(): string {
    return this._m.helpText;
  }

  setHelpText(text: string): TApi {
    this._m.helpText = String(text);
    return this._api;
  }

  getType(): GItemType {
    return this._m.type as unknown as GItemType;
  }
}

abstract class QuestionBase<TApi> extends ItemBase<TApi> {
  isRequired(): boolean {
    return this._m.required;
  }

  setRequired(enabled: boolean): TApi {
    this._m.required = Boolean(enabled);
    return this._api;
  }
}

class EmuChoice implements Pick<GChoice, 'getValue' | 'getPageNavigationType' | 'getGotoPage' | 'isCorrectAnswer'> {
  readonly _api: GChoice;

  constructor(readonly _store: FormStore, readonly _form: FormModel, readonly _choice: ChoiceModel) {
    this._api = instrument(this, 'Choice', _store.runtime.counter) as unknown as GChoice;
  }

  getValue(): string {
    return this._choice.value;
  }

  getPageNavigationType(): GPageNavigationType {
    return (this._choice.nav?.type ?? 'CONTINUE') as unknown as GPageNavigationType;
  }

  getGotoPage(): GPageBreakItem {
    const pageId = this._choice.nav?.type === 'GO_TO_PAGE' ? this._choice.nav.pageId : null;
    const page = this._form.items.find((i) => i.id === pageId);
    return (page ? this._store.itemApi(this._form, page, 'PageBreakItem') : null) as GPageBreakItem;
  }

  isCorrectAnswer(): boolean {
    return this._choice.isCorrect;
  }
}

const NAVIGATION_TYPES = new Set<string>(['CONTINUE', 'GO_TO_PAGE', 'RESTART', 'SUBMIT']);

/** createChoice(value[, isCorrect | navigationItem | navigationType]). */
function makeChoice(value: string, extra: unknown): ChoiceModel {
  const choice: ChoiceModel = { value: String(value), nav: null, isCorrect: false };
  if (typeof extra === 'boolean') choice.isCorrect = extra;
  else if (typeof extra === 'string' && NAVIGATION_TYPES.has(extra)) choice.nav = { type: extra as NavigationType, pageId: null };
  else if (extra !== undefined && extra !== null) {
    const page = itemModelOf(extra);
    if (page.type !== 'PAGE_BREAK') throw new AppsScriptError(FORM_MESSAGES.invalidConversion(page.type));
    choice.nav = { type: 'GO_TO_PAGE', pageId: page.id };
  }
  return choice;
}

abstract class ChoiceBase<TApi> extends QuestionBase<TApi> {
  createChoice(value: string, extra?: boolean | GPageBreakItem | GPageNavigationType): GChoice {
    return new EmuChoice(this._store, this._form, makeChoice(value, extra))._api;
  }

  getChoices(): GChoice[] {
    return this._m.choices.map((c) => new EmuChoice(this._store, this._form, c)._api);
  }

  setChoices(choices: GChoice[]): TApi {
    if (!Array.isArray(choices) || choices.length === 0) throw new AppsScriptError('Array is empty: choices');
    this._m.choices = choices.map((c) => ({ ...(c as unknown as { _choice: ChoiceModel })._choice }));
    return this._api;
  }

  setChoiceValues(values: string[]): TApi {
    if (!Array.isArray(values) || values.length === 0) throw new AppsScriptError('Array is empty: values');
    this._m.choices = values.map((v) => ({ value: String(v), nav: null, isCorrect: false }));
    return this._api;
  }
}

function readRule(validation: unknown, family: ValidationRule['family']): ValidationRule {
  // Only a built validation will do: a builder passed by mistake is refused.
  const built = validation as { _rule?: ValidationRule; _built?: boolean } | null;
  const rule = built?._built ? built._rule : undefined;
  if (!rule || rule.family !== family) throw new AppsScriptError('Invalid argument: validation');
  return { ...rule, args: [...rule.args] };
}

class EmuTextItem extends QuestionBase<GTextItem>
  implements Pick<GTextItem, 'getId' | 'getIndex' | 'getTitle' | 'setTitle' | 'getHelpText' | 'setHelpText'
    | 'getType' | 'isRequired' | 'setRequired' | 'setValidation' | 'clearValidation'> {
  setValidation(validation: GTextValidation): GTextItem {
    this._m.validation = readRule(validation, 'TEXT');
    return this._api;
  }

  clearValidation(): GTextItem {
    this._m.validation = null;
    return this._api;
  }
}

class EmuParagraphTextItem extends QuestionBase<GParagraphTextItem>
  implements Pick<GParagraphTextItem, 'getId' | 'getIndex' | 'getTitle' | 'setTitle' | 'getHelpText'
    | 'setHelpText' | 'getType' | 'isRequired' | 'setRequired' | 'setValidation' | 'clearValidation'> {
  setValidation(validation: GParagraphTextValidation): GParagraphTextItem {
    this._m.validation = readRule(validation, 'PARAGRAPH_TEXT');
    return this._api;
  }

  clearValidation(): GParagraphTextItem {
    this._m.validation = null;
    return this._api;
  }
}

type ChoiceMembers = 'getId' | 'getIndex' | 'getTitle' | 'setTitle' | 'getHelpText' | 'setHelpText' | 'getType'
  | 'isRequired' | 'setRequired' | 'createChoice' | 'getChoices' | 'setChoices' | 'setChoiceValues';

class EmuMultipleChoiceItem extends ChoiceBase<GMultipleChoiceItem>
  implements Pick<GMultipleChoiceItem, ChoiceMembers | 'showOtherOption' | 'hasOtherOption'> {
  showOtherOption(enabled: boolean): GMultipleChoiceItem {
    this._m.otherOption = Boolean(enabled);
    return this._api;
  }

  hasOtherOption(): boolean {
    return this._m.otherOption;
  }
}

class EmuCheckboxItem extends ChoiceBase<GCheckboxItem>
  implements Pick<GCheckboxItem, ChoiceMembers | 'showOtherOption' | 'hasOtherOption' | 'setValidation' | 'clearValidation'> {
  override createChoice(value: string, isCorrect?: boolean): GChoice {
    // Checkbox choices cannot branch: only the isCorrect form exists.
    return new EmuChoice(this._store, this._form, makeChoice(value, typeof isCorrect === 'boolean' ? isCorrect : undefined))._api;
  }

  showOtherOption(enabled: boolean): GCheckboxItem {
    this._m.otherOption = Boolean(enabled);
    return this._api;
  }

  hasOtherOption(): boolean {
    return this._m.otherOption;
  }

  setValidation(validation: GCheckboxValidation): GCheckboxItem {
    this._m.validation = readRule(validation, 'CHECKBOX');
    return this._api;
  }

  clearValidation(): GCheckboxItem {
    this._m.validation = null;
    return this._api;
  }
}

class EmuListItem extends ChoiceBase<GListItem> implements Pick<GListItem, ChoiceMembers> {}

class EmuScaleItem extends QuestionBase<GScaleItem>
  implements Pick<GScaleItem, 'getId' | 'getIndex' | 'getTitle' | 'setTitle' | 'getHelpText' | 'setHelpText'
    | 'getType' | 'isRequired' | 'setRequired' | 'setBounds' | 'getLowerBound' | 'getUpperBound'
    | 'setLabels' | 'getLeftLabel' | 'getRightLabel'> {
  /** Forms allows a lower bound of 0 or 1 and an upper bound of 2 to 10. */
  setBounds(lower: number, upper: number): GScaleItem {
    if ((lower !== 0 && lower !== 1) || upper < 2 || upper > 10 || !Number.isInteger(upper)) {
      throw new AppsScriptError(`Invalid data updating form: scale bounds ${lower}..${upper}`);
    }
    this._m.lower = lower;
    this._m.upper = upper;
    return this._api;
  }

  getLowerBound(): number {
    return this._m.lower;
  }

  getUpperBound(): number {
    return this._m.upper;
  }

  setLabels(lower: string, upper: string): GScaleItem {
    this._m.leftLabel = String(lower);
    this._m.rightLabel = String(upper);
    return this._api;
  }

  getLeftLabel(): string {
    return this._m.leftLabel;
  }

  getRightLabel(): string {
    return this._m.rightLabel;
  }
}

class EmuGridItem extends QuestionBase<GGridItem>
  implements Pick<GGridItem, 'getId' | 'getIndex' | 'getTitle' | 'setTitle' | 'getHelpText' | 'setHelpText'
    | 'getType' | 'isRequired' | 'setRequired' | 'setRows' | 'getRows' | 'setColumns' | 'getColumns'> {
  setRows(rows: string[]): GGridItem {
    this._m.rows = rows.map(String);
    this._store.syncColumns(this._form);
    return this._api;
  }

  getRows(): string[] {
    return [...this._m.rows];
  }

  setColumns(columns: string[]): GGridItem {
    this._m.columns = columns.map(String);
    return this._api;
  }

  getColumns(): string[] {
    return [...this._m.columns];
  }
}

class EmuSectionHeaderItem extends ItemBase<GSectionHeaderItem>
  implements Pick<GSectionHeaderItem, 'getId' | 'getIndex' | 'getTitle' | 'setTitle' | 'getHelpText' | 'setHelpText' | 'getType'> {}

class EmuPageBreakItem extends ItemBase<GPageBreakItem>
  implements Pick<GPageBreakItem, 'getId' | 'getIndex' | 'getTitle' | 'setTitle' | 'getHelpText' | 'setHelpText'
    | 'getType' | 'setGoToPage' | 'getGoToPage' | 'getPageNavigationType'> {
  /** Where the page before this break goes when it is finished (a page break or a navigation type). */
  setGoToPage(target: GPageBreakItem | GPageNavigationType): GPageBreakItem {
    if (typeof target === 'string' && NAVIGATION_TYPES.has(target)) {
      this._m.goTo = { type: target as NavigationType, pageId: null };
    } else {
      const page = itemModelOf(target);
      if (page.type !== 'PAGE_BREAK') throw new AppsScriptError(FORM_MESSAGES.invalidConversion(page.type));
      this._m.goTo = { type: 'GO_TO_PAGE', pageId: page.id };
    }
    return this._api;
  }

  getGoToPage(): GPageBreakItem {
    const page = this._m.goTo.type === 'GO_TO_PAGE' ? this._form.items.find((i) => i.id === this._m.goTo.pageId) : undefined;
    return (page ? this._store.itemApi(this._form, page, 'PageBreakItem') : null) as GPageBreakItem;
  }

  getPageNavigationType(): GPageNavigationType {
    return this._m.goTo.type as unknown as GPageNavigationType;
  }
}

type AsMembers = 'asTextItem' | 'asParagraphTextItem' | 'asMultipleChoiceItem' | 'asCheckboxItem' | 'asListItem'
  | 'asScaleItem' | 'asGridItem' | 'asSectionHeaderItem' | 'asPageBreakItem';

class EmuItem extends ItemBase<GItem>
  implements Pick<GItem, 'getId' | 'getIndex' | 'getTitle' | 'setTitle' | 'getHelpText' | 'setHelpText' | 'getType' | AsMembers> {
  private _as<T>(type: ItemTypeName): T {
    if (this._m.type !== type) throw new AppsScriptError(FORM_MESSAGES.invalidConversion(this._m.type));
    return this._store.itemApi<T>(this._form, this._m, KIND_OF_TYPE[type] as ItemKind);
  }

  asTextItem(): GTextItem {
    return this._as('TEXT');
  }

  asParagraphTextItem(): GParagraphTextItem {
    return this._as('PARAGRAPH_TEXT');
  }

  asMultipleChoiceItem(): GMultipleChoiceItem {
    return this._as('MULTIPLE_CHOICE');
  }

  asCheckboxItem(): GCheckboxItem {
    return this._as('CHECKBOX');
  }

  asListItem(): GListItem {
    return this._as('LIST');
  }

  asScaleItem(): GScaleItem {
    return this._as('SCALE');
  }

  asGridItem(): GGridItem {
    return this._as('GRID');
  }

  asSectionHeaderItem(): GSectionHeaderItem {
    return this._as('SECTION_HEADER');
  }

  asPageBreakItem(): GPageBreakItem {
    return this._as('PAGE_BREAK');
  }
}

type ItemClass = new (store: FormStore, form: FormModel, item: ItemModel, kind: ItemKind) => { _api: unknown };

const ITEM_CLASSES: Record<ItemKind, ItemClass> = {
  Item: EmuItem,
  TextItem: EmuTextItem,
  ParagraphTextItem: EmuParagraphTextItem,
  MultipleChoiceItem: EmuMultipleChoiceItem,
  CheckboxItem: EmuCheckboxItem,
  ListItem: EmuListItem,
  ScaleItem: EmuScaleItem,
  GridItem: EmuGridItem,
  SectionHeaderItem: EmuSectionHeaderItem,
  PageBreakItem: EmuPageBreakItem,
};

// --- validations -----------------------------------------------------------

class EmuValidation {
  readonly _api: unknown;
  readonly _built = true;

  constructor(readonly _rule: ValidationRule, kind: string, store: FormStore) {
    this._api = instrument(this, kind, store.runtime.counter);
  }
}

/** One builder for the three families; each rule call replaces the previous one, as in the Forms editor. */
class RuleBuilder<TApi> {
  readonly _api: TApi;
  readonly _rule: ValidationRule;

  constructor(readonly _store: FormStore, family: ValidationRule['family'], private readonly _kind: string) {
    this._rule = { family, kind: null, args: [], helpText: '' };
    this._api = instrument(this, `${_kind}Builder`, _store.runtime.counter) as unknown as TApi;
  }

  protected _set(kind: RuleKind, ...args: Array<number | string>): TApi {
    this._rule.kind = kind;
    this._rule.args = args;
    return this._api;
  }

  setHelpText(text: string): TApi {
    this._rule.helpText = String(text);
    return this._api;
  }

  protected _build<T>(): T {
    return new EmuValidation({ ...this._rule, args: [...this._rule.args] }, this._kind, this._store)._api as T;
  }
}

class EmuTextValidationBuilder extends RuleBuilder<GTextValidationBuilder>
  implements Omit<GTextValidationBuilder, never> {
  requireNumber(): GTextValidationBuilder { return this._set('NUMBER'); }
  requireWholeNumber(): GTextValidationBuilder { return this._set('WHOLE_NUMBER'); }
  requireNumberGreaterThan(n: number): GTextValidationBuilder { return this._set('NUMBER_GT', n); }
  requireNumberGreaterThanOrEqualTo(n: number): GTextValidationBuilder { return this._set('NUMBER_GTE', n); }
  requireNumberLessThan(n: number): GTextValidationBuilder { return this._set('NUMBER_LT', n); }
  requireNumberLessThanOrEqualTo(n: number): GTextValidationBuilder { return this._set('NUMBER_LTE', n); }
  requireNumberEqualTo(n: number): GTextValidationBuilder { return this._set('NUMBER_EQ', n); }
  requireNumberNotEqualTo(n: number): GTextValidationBuilder { return this._set('NUMBER_NEQ', n); }
  requireNumberBetween(start: number, end: number): GTextValidationBuilder { return this._set('NUMBER_BETWEEN', start, end); }
  requireNumberNotBetween(start: number, end: number): GTextValidationBuilder { return this._set('NUMBER_NOT_BETWEEN', start, end); }
  requireTextLengthGreaterThanOrEqualTo(n: number): GTextValidationBuilder { return this._set('LENGTH_GTE', n); }
  requireTextLengthLessThanOrEqualTo(n: number): GTextValidationBuilder { return this._set('LENGTH_LTE', n); }
  requireTextContainsPattern(p: string): GTextValidationBuilder { return this._set('CONTAINS', p); }
  requireTextDoesNotContainPattern(p: string): GTextValidationBuilder { return this._set('NOT_CONTAINS', p); }
  requireTextMatchesPattern(p: string): GTextValidationBuilder { return this._set('MATCHES', p); }
  requireTextDoesNotMatchPattern(p: string): GTextValidationBuilder { return this._set('NOT_MATCHES', p); }
  requireTextIsEmail(): GTextValidationBuilder { return this._set('EMAIL'); }
  requireTextIsUrl(): GTextValidationBuilder { return this._set('URL'); }
  build(): GTextValidation { return this._build<GTextValidation>(); }
}

class EmuParagraphTextValidationBuilder extends RuleBuilder<GParagraphTextValidationBuilder>
  implements Omit<GParagraphTextValidationBuilder, never> {
  requireTextLengthGreaterThanOrEqualTo(n: number): GParagraphTextValidationBuilder { return this._set('LENGTH_GTE', n); }
  requireTextLengthLessThanOrEqualTo(n: number): GParagraphTextValidationBuilder { return this._set('LENGTH_LTE', n); }
  requireTextContainsPattern(p: string): GParagraphTextValidationBuilder { return this._set('CONTAINS', p); }
  requireTextDoesNotContainPattern(p: string): GParagraphTextValidationBuilder { return this._set('NOT_CONTAINS', p); }
  requireTextMatchesPattern(p: string): GParagraphTextValidationBuilder { return this._set('MATCHES', p); }
  requireTextDoesNotMatchPattern(p: string): GParagraphTextValidationBuilder { return this._set('NOT_MATCHES', p); }
  build(): GParagraphTextValidation { return this._build<GParagraphTextValidation>(); }
}

class EmuCheckboxValidationBuilder extends RuleBuilder<GCheckboxValidationBuilder>
  implements Omit<GCheckboxValidationBuilder, never> {
  requireSelectAtLeast(n: number): GCheckboxValidationBuilder { return this._set('SELECT_AT_LEAST', n); }
  requireSelectAtMost(n: number): GCheckboxValidationBuilder { return this._set('SELECT_AT_MOST', n); }
  requireSelectExactly(n: number): GCheckboxValidationBuilder { return this._set('SELECT_EXACTLY', n); }
  build(): GCheckboxValidation { return this._build<GCheckboxValidation>(); }
}

// --- responses ---------------------------------------------------------------

class EmuItemResponse implements Pick<GItemResponse, 'getItem' | 'getResponse'> {
  readonly _api: GItemResponse;

  constructor(readonly _store: FormStore, readonly _form: FormModel, readonly _item: ItemModel, readonly _answer: Answer) {
    this._api = instrument(this, 'ItemResponse', _store.runtime.counter) as unknown as GItemResponse;
  }

  getItem(): GItem {
    return this._store.itemApi<GItem>(this._form, this._item, 'Item');
  }

  getResponse(): string[][] | string[] | string {
    const a = this._answer;
    return Array.isArray(a) ? a.map((x) => (Array.isArray(x) ? [...x] : x)) as string[] | string[][] : a;
  }
}

class EmuFormResponse implements Pick<GFormResponse, 'getId' | 'getTimestamp' | 'getItemResponses'
  | 'getRespondentEmail' | 'getResponseForItem' | 'getEditResponseUrl'> {
  readonly _api: GFormResponse;

  constructor(readonly _store: FormStore, readonly _form: FormModel, readonly _response: ResponseModel) {
    this._api = instrument(this, 'FormResponse', _store.runtime.counter) as unknown as GFormResponse;
  }

  getId(): string {
    return this._response.id;
  }

  getTimestamp(): Date {
    return this._store.spreadsheets.dateFactory(this._response.timestamp);
  }

  /** Answered items still on the form, in form order. */
  getItemResponses(): GItemResponse[] {
    const out: GItemResponse[] = [];
    for (const item of this._form.items) {
      const answer = this._response.answers.get(item.id);
      if (answer !== undefined) out.push(new EmuItemResponse(this._store, this._form, item, answer)._api);
    }
    return out;
  }

  getRespondentEmail(): string {
    return this._response.email;
  }

  getResponseForItem(item: GItem): GItemResponse {
    const model = itemModelOf(item);
    const answer = this._response.answers.get(model.id);
    return (answer === undefined ? null : new EmuItemResponse(this._store, this._form, model, answer)._api) as GItemResponse;
  }

  getEditResponseUrl(): string {
    return `${this._store.publishedUrl(this._form)}?edit2=${this._response.id}`;
  }
}

// --- the form ----------------------------------------------------------------

type FormMembers =
  | 'getId' | 'getTitle' | 'setTitle' | 'getDescription' | 'setDescription' | 'getConfirmationMessage'
  | 'setConfirmationMessage' | 'getCustomClosedFormMessage' | 'setCustomClosedFormMessage' | 'collectsEmail'
  | 'setCollectEmail' | 'canEditResponse' | 'setAllowResponseEdits' | 'hasLimitOneResponsePerUser'
  | 'setLimitOneResponsePerUser' | 'requiresLogin' | 'setRequireLogin' | 'hasProgressBar' | 'setProgressBar'
  | 'getShuffleQuestions' | 'setShuffleQuestions' | 'hasRespondAgainLink' | 'setShowLinkToRespondAgain'
  | 'isAcceptingResponses' | 'setAcceptingResponses' | 'getPublishedUrl' | 'getEditUrl' | 'shortenFormUrl'
  | 'getItems' | 'getItemById' | 'deleteItem' | 'moveItem' | 'addMultipleChoiceItem' | 'addCheckboxItem'
  | 'addListItem' | 'addTextItem' | 'addParagraphTextItem' | 'addScaleItem' | 'addGridItem'
  | 'addSectionHeaderItem' | 'addPageBreakItem' | 'setDestination' | 'getDestinationId' | 'getDestinationType'
  | 'removeDestination' | 'getResponses' | 'getResponse' | 'deleteAllResponses' | 'isQuiz';

/**
 * Publishing members the typings do not have yet (Forms publishing, 2025):
 * setPublished(true) publishes and opens the form for responses.
 */
export interface FormPublishing {
  setPublished(enabled: boolean): GForm;
  isPublished(): boolean;
}

class EmuForm implements Pick<GForm, FormMembers>, FormPublishing {
  readonly _api: GForm;

  constructor(readonly _store: FormStore, readonly _m: FormModel) {
    this._api = instrument(this, 'Form', _store.runtime.counter) as unknown as GForm;
  }

  getId(): string { return this._m.id; }
  getTitle(): string { return this._m.title; }
  setTitle(title: string): GForm { this._m.title = String(title); return this._api; }
  getDescription(): string { return this._m.description; }
  setDescription(description: string): GForm { this._m.description = String(description); return this._api; }
  getConfirmationMessage(): string { return this._m.confirmationMessage; }
  setConfirmationMessage(message: string): GForm { this._m.confirmationMessage = String(message); return this._api; }
  getCustomClosedFormMessage(): string { return this._m.customClosedMessage; }
  setCustomClosedFormMessage(message: string): GForm { this._m.customClosedMessage = String(message); return this._api; }
  collectsEmail(): boolean { return this._m.collectEmail; }

  setCollectEmail(collect: boolean): GForm {
    this._m.collectEmail = Boolean(collect);
    this._store.syncColumns(this._m);
    return this._api;
  }

  canEditResponse(): boolean { return this._m.allowResponseEdits; }
  setAllowResponseEdits(enabled: boolean): GForm { this._m.allowResponseEdits = Boolean(enabled); return this._api; }
  hasLimitOneResponsePerUser(): boolean { return this._m.limitOneResponsePerUser; }
  setLimitOneResponsePerUser(enabled: boolean): GForm { this._m.limitOneResponsePerUser = Boolean(enabled); return this._api; }
  requiresLogin(): boolean { return this._m.requireLogin; }
  setRequireLogin(requireLogin: boolean): GForm { this._m.requireLogin = Boolean(requireLogin); return this._api; }
  hasProgressBar(): boolean { return this._m.progressBar; }
  setProgressBar(enabled: boolean): GForm { this._m.progressBar = Boolean(enabled); return this._api; }
  getShuffleQuestions(): boolean { return this._m.shuffleQuestions; }
  setShuffleQuestions(shuffle: boolean): GForm { this._m.shuffleQuestions = Boolean(shuffle); return this._api; }
  hasRespondAgainLink(): boolean { return this._m.respondAgainLink; }
  setShowLinkToRespondAgain(enabled: boolean): GForm { this._m.respondAgainLink = Boolean(enabled); return this._api; }

  /** An unpublished form accepts nothing, whatever its accepting flag says. */
  isAcceptingResponses(): boolean { return this._m.published && this._m.accepting; }
  setAcceptingResponses(enabled: boolean): GForm { this._m.accepting = Boolean(enabled); return this._api; }

  setPublished(enabled: boolean): GForm {
    this._m.published = Boolean(enabled);
    if (this._m.published) this._m.accepting = true;
    return this._api;
  }

  isPublished(): boolean { return this._m.published; }
  getPublishedUrl(): string { return this._store.publishedUrl(this._m); }
  getEditUrl(): string { return this._store.editUrl(this._m); }

  shortenFormUrl(url: string): string {
    let hash = 0;
    for (const ch of String(url)) hash = (hash * 31 + ch.charCodeAt(0)) >>> 0;
    return `https://forms.gle/${hash.toString(36).padStart(7, '0')}Emu${this._m.id.slice(6, 12)}`;
  }

  getItems(itemType?: GItemType): GItem[] {
    const wanted = itemType === undefined ? null : String(itemType);
    return this._m.items
      .filter((i) => wanted === null || i.type === wanted)
      .map((i) => this._store.itemApi<GItem>(this._m, i, 'Item'));
  }

  getItemById(id: number): GItem {
    const item = this._m.items.find((i) => i.id === Number(id));
    return (item ? this._store.itemApi<GItem>(this._m, item, 'Item') : null) as GItem;
  }

  private _indexOf(target: number | GItem): number {
    const index = typeof target === 'number' ? target : this._m.items.indexOf(itemModelOf(target));
    if (!Number.isInteger(index) || index < 0 || index >= this._m.items.length) {
      throw new AppsScriptError(`Invalid argument: index ${String(index)}`);
    }
    return index;
  }

  /** The deleted question's column stays in the response sheet, header and answers kept. */
  deleteItem(target: number | GItem): void {
    this._m.items.splice(this._indexOf(target), 1);
  }

  moveItem(from: number | GItem, toIndex: number): GItem {
    const at = this._indexOf(from);
    if (!Number.isInteger(toIndex) || toIndex < 0 || toIndex >= this._m.items.length) {
      throw new AppsScriptError(`Invalid argument: toIndex ${String(toIndex)}`);
    }
    const [item] = this._m.items.splice(at, 1);
    this._m.items.splice(toIndex, 0, item);
    return this._store.itemApi<GItem>(this._m, item, 'Item');
  }

  private _add<T>(type: ItemTypeName): T {
    const item = this._store.newItem(this._m, type);
    return this._store.itemApi<T>(this._m, item, KIND_OF_TYPE[type] as ItemKind);
  }

  addMultipleChoiceItem(): GMultipleChoiceItem { return this._add('MULTIPLE_CHOICE'); }
  addCheckboxItem(): GCheckboxItem { return this._add('CHECKBOX'); }
  addListItem(): GListItem { return this._add('LIST'); }
  addTextItem(): GTextItem { return this._add('TEXT'); }
  addParagraphTextItem(): GParagraphTextItem { return this._add('PARAGRAPH_TEXT'); }
  addScaleItem(): GScaleItem { return this._add('SCALE'); }
  addGridItem(): GGridItem { return this._add('GRID'); }
  addSectionHeaderItem(): GSectionHeaderItem { return this._add('SECTION_HEADER'); }
  addPageBreakItem(): GPageBreakItem { return this._add('PAGE_BREAK'); }

  /** Each call makes a new "Form Responses N" sheet; a previous one stays, unlinked. */
  setDestination(type: GDestinationType, id: string): GForm {
    if (String(type) !== 'SPREADSHEET') throw new AppsScriptError(`Invalid argument: type ${String(type)}`);
    if (!this._store.spreadsheets.hasModel(String(id))) throw new AppsScriptError(FORM_MESSAGES.noItem);
    this._store.unlink(this._m);
    this._store.link(this._m, String(id));
    return this._api;
  }

  getDestinationId(): string {
    if (!this._m.destination) throw new AppsScriptError(FORM_MESSAGES.noDestination);
    return this._m.destination.ssId;
  }

  getDestinationType(): GDestinationType {
    if (!this._m.destination) throw new AppsScriptError(FORM_MESSAGES.noDestination);
    return 'SPREADSHEET' as unknown as GDestinationType;
  }

  removeDestination(): GForm {
    this._store.unlink(this._m);
    return this._api;
  }

  getResponses(timestamp?: GoogleAppsScript.Base.Date): GFormResponse[] {
    const from = timestamp === undefined ? -Infinity : timestamp.getTime();
    return this._m.responses.filter((r) => r.timestamp >= from).map((r) => this._store.responseApi(this._m, r));
  }

  getResponse(responseId: string): GFormResponse {
    const response = this._m.responses.find((r) => r.id === responseId);
    if (!response) throw new AppsScriptError(FORM_MESSAGES.noItem);
    return this._store.responseApi(this._m, response);
  }

  /** Responses go from the form; rows already in the response sheet stay. */
  deleteAllResponses(): GForm {
    this._m.responses = [];
    return this._api;
  }

  isQuiz(): boolean { return false; }
}

// --- FormApp ----------------------------------------------------------------

type FormAppMembers = 'create' | 'openById' | 'openByUrl' | 'getActiveForm' | 'createTextValidation'
  | 'createParagraphTextValidation' | 'createCheckboxValidation';

class EmuFormApp implements Pick<GFormApp, FormAppMembers> {
  readonly _api: GFormApp;
  readonly ItemType = enumOf(ITEM_TYPES);
  readonly DestinationType = enumOf(['SPREADSHEET'] as const);
  readonly PageNavigationType = enumOf(['CONTINUE', 'GO_TO_PAGE', 'RESTART', 'SUBMIT'] as const);
  readonly Alignment = enumOf(['LEFT', 'CENTER', 'RIGHT'] as const);
  readonly FeedbackType = enumOf(['CORRECT', 'INCORRECT', 'GENERAL'] as const);

  constructor(readonly _store: FormStore) {
    this._api = instrument(this, 'FormApp', _store.runtime.counter) as unknown as GFormApp;
  }

  /**
   * FormApp.create(title) names the Drive file but leaves the form's own title empty
   * (issuetracker.google.com/issues/442747794; gas-fakes' live tests assert '' on Apps
   * Script): the title respondents see must be set with setTitle.
   */
  create(title: string): GForm {
    const model = this._store.createModel(title);
    model.fileName = model.title;
    model.title = '';
    return this._store.formApi(model);
  }

  openById(id: string): GForm {
    return this._store.formApi(this._store.model(String(id)));
  }

  openByUrl(url: string): GForm {
    return this._store.formApi(this._store.modelByUrl(url));
  }

  /** Add-on code runs bound to a spreadsheet, never to a form. */
  getActiveForm(): GForm {
    return null as unknown as GForm;
  }

  createTextValidation(): GTextValidationBuilder {
    return new EmuTextValidationBuilder(this._store, 'TEXT', 'TextValidation')._api;
  }

  createParagraphTextValidation(): GParagraphTextValidationBuilder {
    return new EmuParagraphTextValidationBuilder(this._store, 'PARAGRAPH_TEXT', 'ParagraphTextValidation')._api;
  }

  createCheckboxValidation(): GCheckboxValidationBuilder {
    return new EmuCheckboxValidationBuilder(this._store, 'CHECKBOX', 'CheckboxValidation')._api;
  }
}

export interface FormService {
  FormApp: GFormApp;
  forms: FormStore;
}

export function createFormService(runtime: Runtime, spreadsheets: SpreadsheetStore): FormService {
  const forms = new FormStore(runtime, spreadsheets);
  return { FormApp: new EmuFormApp(forms)._api, forms };
}

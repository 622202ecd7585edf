/** FormApp: builds a Google Form from a FormSpec and finds what it links to. */
import { FormSpec, ItemSpec } from '../../core/forms/form-spec';
import { SUBMIT } from '../../core/instruments';
import { RegistryItem } from '../../core/workbook/registry';

type Form = GoogleAppsScript.Forms.Form;
type PageBreakItem = GoogleAppsScript.Forms.PageBreakItem;
type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;
type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

/**
 * Publishing is newer than the type definitions: forms created through the API after
 * 2026-06-30 start unpublished and accept no responses until setPublished(true).
 */
type PublishableForm = Form & { setPublished(enabled: boolean): Form; isPublished(): boolean };

type NavigableItem = GoogleAppsScript.Forms.MultipleChoiceItem | GoogleAppsScript.Forms.ListItem;

/** Every question item type has getId(); that is all the registry needs of it. */
type AddedItem = { getId(): number };

function addItem(form: Form, spec: ItemSpec): AddedItem {
  const labels = (spec.choices ?? []).map((choice) => choice.label);
  switch (spec.type) {
    case 'multipleChoice':
      return form.addMultipleChoiceItem().setTitle(spec.title).setHelpText(spec.help).setRequired(spec.required).setChoiceValues(labels);
    case 'list':
      return form.addListItem().setTitle(spec.title).setHelpText(spec.help).setRequired(spec.required).setChoiceValues(labels);
    case 'checkbox':
      return form.addCheckboxItem().setTitle(spec.title).setHelpText(spec.help).setRequired(spec.required).setChoiceValues(labels);
    case 'scale': {
      const scale = spec.scale as NonNullable<ItemSpec['scale']>;
      return form.addScaleItem().setTitle(spec.title).setHelpText(spec.help).setRequired(spec.required)
        .setBounds(scale.min, scale.max).setLabels(scale.minLabel, scale.maxLabel);
    }
    case 'paragraph':
      return form.addParagraphTextItem().setTitle(spec.title).setHelpText(spec.help).setRequired(spec.required);
    case 'text': {
      const item = form.addTextItem().setTitle(spec.title).setHelpText(spec.help).setRequired(spec.required);
      if (spec.number) {
        const { min, max, integer, message } = spec.number;
        const builder = FormApp.createTextValidation().setHelpText(message);
        // A validation holds one rule, and Forms' "whole number" admits negatives: a whole
        // number ≥ 0 is asked as digits only. The server re-checks every value anyway.
        if (min !== undefined && max !== undefined) builder.requireNumberBetween(min, max);
        else if (integer && min === 0) builder.requireTextMatchesPattern('^[0-9]+$');
        else if (integer) builder.requireWholeNumber();
        else if (min !== undefined) builder.requireNumberGreaterThanOrEqualTo(min);
        else builder.requireNumber();
        item.setValidation(builder.build());
      }
      return item;
    }
  }
}

/** Extracts the form id from any form URL (edit, viewform, or a sheet's getFormUrl()). */
export function formIdOfUrl(url: string | null): string | null {
  const match = url ? /\/forms\/d\/(?:e\/)?([^/?#]+)/.exec(url) : null;
  return match ? match[1] : null;
}

/** The sheet a form writes to, found by its link (names are localised by Google). */
export function responseSheetOf(book: Spreadsheet, form: Form): Sheet | null {
  const ids = new Set([form.getId(), formIdOfUrl(form.getPublishedUrl()), formIdOfUrl(form.getEditUrl())]);
  return book.getSheets().find((sheet) => ids.has(formIdOfUrl(sheet.getFormUrl()) ?? '')) ?? null;
}

/**
 * A new, empty form. FormApp.create names the Drive file only; buildForm sets the
 * form's own title. The form starts unpublished and unlinked: it accepts nothing yet.
 */
export function newForm(spec: FormSpec): Form {
  return FormApp.create(spec.title);
}

/** Gives an empty form the spec's settings, pages and items. Result: its registry items. */
export function buildForm(form: Form, spec: FormSpec): RegistryItem[] {
  form.setTitle(spec.title)
    .setDescription(spec.description)
    .setConfirmationMessage(spec.confirmation)
    .setCollectEmail(spec.collectEmail)
    .setProgressBar(true)
    .setAllowResponseEdits(false);

  const pageBreaks = new Map<string, PageBreakItem>();
  const created: Array<{ spec: ItemSpec; item: AddedItem }> = [];
  spec.pages.forEach((page, index) => {
    if (index === 0) {
      if (page.title) form.addSectionHeaderItem().setTitle(page.title).setHelpText(page.help);
    } else {
      pageBreaks.set(page.id, form.addPageBreakItem().setTitle(page.title).setHelpText(page.help));
    }
    for (const item of page.items) created.push({ spec: item, item: addItem(form, item) });
  });

  // Navigation needs every page to exist first, so it is set after all items are added.
  for (const { spec: itemSpec, item } of created) {
    if (!itemSpec.choices?.some((choice) => choice.goTo)) continue;
    const navigable = item as unknown as NavigableItem;
    navigable.setChoices(itemSpec.choices.map((choice) => {
      if (!choice.goTo) return navigable.createChoice(choice.label);
      if (choice.goTo === SUBMIT) return navigable.createChoice(choice.label, FormApp.PageNavigationType.SUBMIT);
      return navigable.createChoice(choice.label, pageBreaks.get(choice.goTo) as PageBreakItem);
    }));
  }
  // A page's "next" is set on the page break that follows it (PageBreakItem.setGoToPage).
  spec.pages.forEach((page, index) => {
    const following = spec.pages[index + 1];
    if (!page.next || !following) return;
    const breakAfter = pageBreaks.get(following.id) as PageBreakItem;
    if (page.next === SUBMIT) breakAfter.setGoToPage(FormApp.PageNavigationType.SUBMIT);
    else breakAfter.setGoToPage(pageBreaks.get(page.next) as PageBreakItem);
  });
  return created.map(({ spec: itemSpec, item }) => ({ itemId: item.getId(), key: itemSpec.key, titles: [itemSpec.title] }));
}

/** Links the form to the workbook. Result: the response sheet Google added for it. */
export function linkForm(form: Form, book: Spreadsheet): Sheet {
  form.setDestination(FormApp.DestinationType.SPREADSHEET, book.getId());
  // The response sheet appears in the open spreadsheet only after pending changes apply.
  SpreadsheetApp.flush();
  const sheet = responseSheetOf(book, form);
  if (!sheet) throw new Error(`the response sheet of form ${form.getId()} was not found`);
  return sheet;
}

/** Opens the form to respondents: forms made through the API start unpublished. */
export function publishForm(form: Form): void {
  (form as PublishableForm).setPublished(true);
}

export function formLinks(form: Form): { formId: string; editUrl: string; publishedUrl: string } {
  return { formId: form.getId(), editUrl: form.getEditUrl(), publishedUrl: form.getPublishedUrl() };
}

/**
 * Undoes a form whose creation failed part-way: unpublished (which also stops it
 * accepting responses), unlinked, and its response sheet deleted when no response
 * reached it (a raw response is never deleted). FormApp cannot delete a form, and Drive
 * access is not among the add-on's scopes, so the inert file stays in the creator's
 * Drive. Each step is tried on its own, so one failure does not stop the others.
 * Result: whether every step succeeded.
 */
export function discardForm(form: Form, book: Spreadsheet): boolean {
  let clean = true;
  const attempt = (step: () => void) => {
    try {
      step();
    } catch {
      clean = false;
    }
  };
  let sheet: Sheet | null = null;
  attempt(() => { (form as PublishableForm).setPublished(false); });
  attempt(() => { sheet = responseSheetOf(book, form); });
  attempt(() => {
    if (!sheet) return;
    form.removeDestination();
    SpreadsheetApp.flush();
    if ((sheet as Sheet).getLastRow() <= 1) book.deleteSheet(sheet as Sheet);
  });
  return clean;
}

/** Sheets of the workbook that a form writes to, with that form's id. */
export function linkedSheets(book: Spreadsheet): Array<{ sheet: Sheet; formId: string }> {
  return book.getSheets().flatMap((sheet) => {
    const formId = formIdOfUrl(sheet.getFormUrl());
    return formId ? [{ sheet, formId }] : [];
  });
}

export function openForm(formId: string): Form | null {
  try {
    return FormApp.openById(formId);
  } catch {
    // A deleted form, or one the coordinator can no longer open.
    return null;
  }
}

/** The current id → title of a form's question items (headers and page breaks have no answers). */
export function formItemTitles(form: Form): Map<number, string> {
  const layoutOnly = new Set([FormApp.ItemType.PAGE_BREAK, FormApp.ItemType.SECTION_HEADER, FormApp.ItemType.IMAGE, FormApp.ItemType.VIDEO]);
  return new Map(form.getItems().filter((item) => !layoutOnly.has(item.getType())).map((item) => [item.getId(), item.getTitle()]));
}

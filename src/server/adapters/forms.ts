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

export interface CreatedForm {
  formId: string;
  editUrl: string;
  publishedUrl: string;
  responseSheet: Sheet;
  items: RegistryItem[];
}

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

export function createForm(spec: FormSpec, book: Spreadsheet): CreatedForm {
  // FormApp.create names the Drive file only; the form's own title starts empty.
  const form = FormApp.create(spec.title) as PublishableForm;
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

  form.setDestination(FormApp.DestinationType.SPREADSHEET, book.getId());
  form.setPublished(true);
  // The response sheet appears in the open spreadsheet only after pending changes apply.
  SpreadsheetApp.flush();
  const responseSheet = responseSheetOf(book, form);
  if (!responseSheet) throw new Error(`the response sheet of form ${form.getId()} was not found`);
  return {
    formId: form.getId(),
    editUrl: form.getEditUrl(),
    publishedUrl: form.getPublishedUrl(),
    responseSheet,
    items: created.map(({ spec: itemSpec, item }) => ({ itemId: item.getId(), key: itemSpec.key, titles: [itemSpec.title] })),
  };
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

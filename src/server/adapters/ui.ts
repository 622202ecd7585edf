/** The only place that touches SpreadsheetApp.getUi and HtmlService. */

export interface MenuItem {
  caption: string;
  functionName: string;
}

/** Builds the add-on menu; valid under AuthMode.NONE, where only the Ui may be touched. */
export function addAddonMenu(items: MenuItem[]): void {
  const menu = SpreadsheetApp.getUi().createAddonMenu();
  for (const item of items) menu.addItem(item.caption, item.functionName);
  menu.addToUi();
}

/** Shows build/Sidebar.html (clasp pushes it as the project file "Sidebar"). */
export function showSidebarFile(title: string): void {
  const html = HtmlService.createHtmlOutputFromFile('Sidebar').setTitle(title);
  SpreadsheetApp.getUi().showSidebar(html);
}

export function alert(message: string): void {
  SpreadsheetApp.getUi().alert(message);
}

/** A short note in the corner of the spreadsheet; allowed in a simple onOpen (the current document). */
export function toast(book: GoogleAppsScript.Spreadsheet.Spreadsheet, message: string): void {
  book.toast(message);
}

/** Reading and writing the form registry sheet (see core/registry). */
import { FormRecord, parseRegistry, registryHeader, registryRow } from '../core/workbook/registry';
import { inertRow } from '../core/text/inert';
import { readRows, replaceRows } from './adapters/workbook';
import { Context, layoutSheet } from './context';
import { logEntry, writeLog } from './log';

export function readRegistry(context: Context): FormRecord[] {
  const sheet = layoutSheet(context, 'registry');
  if (!sheet) return [];
  const { records, unreadable } = parseRegistry(readRows(sheet).slice(1));
  if (unreadable.length > 0) {
    writeLog(context, unreadable.map((row) => logEntry(context, sheet.getName(), row, 'unreadableRegistry', { row })));
  }
  return records;
}

export function writeRegistry(context: Context, records: FormRecord[]): void {
  const sheet = layoutSheet(context, 'registry');
  if (!sheet) return;
  replaceRows(sheet, registryHeader(context.lang), records.map((record) => inertRow(registryRow(record))));
}

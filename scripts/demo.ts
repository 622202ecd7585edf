/**
 * npm run demo -- --out DIR [--teachers N] [--schools M] [--seed S] [--preset P]
 * Builds the demo district in the emulator through the bundle and writes every sheet as
 * CSV, every form's structure as JSON, the manifest and the service calls per operation.
 * Then it lets the emulated clock run three months, firing the time-driven triggers as
 * Apps Script would, and writes every message the scheduled job sent to mail/.
 */
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { toCsv } from '../src/core/text/csv';
import { PRESET_IDS } from '../src/core/presets';
import { buildDemoDistrict, DEMO_PRESET, DemoDistrict, schoolNames } from '../tools/demo-district/district';
import { PROPERTY_KEYS, storedValue } from '../src/core/workbook/state-keys';
import { LayoutSheet, parseLayoutKey } from '../src/core/workbook/sheets';

/** Moscow wall time up to which the demo's clock runs: the summaries of November, December and January are due by then. */
const MAIL_UNTIL = '2027-02-02T12:00:00+03:00';

function argument(args: string[], name: string, fallback?: string): string | undefined {
  const at = args.indexOf(`--${name}`);
  return at >= 0 ? args[at + 1] : fallback;
}

function wholeNumber(args: string[], name: string, fallback: number, min: number): number {
  const raw = argument(args, name, String(fallback)) as string;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < min) {
    console.error(`--${name} должно быть целым числом не меньше ${min} (получено «${raw}»)`);
    process.exit(2);
  }
  return value;
}

function presetArgument(args: string[]): string {
  const preset = argument(args, 'preset', DEMO_PRESET) as string;
  if (!PRESET_IDS.includes(preset)) {
    console.error(`--preset должен быть одним из: ${PRESET_IDS.join(', ')} (получено «${preset}»)`);
    process.exit(2);
  }
  return preset;
}

interface SheetEntry {
  file: string;
  role: string;
  /** scores and responses sheets: the instrument ('school_report' for reports). */
  instrument?: string;
  /** register sheets: which register. */
  register?: string;
}

/** One formatter per time zone: building one per cell cost more than all the rest of the writing. */
const DATE_FORMATS = new Map<string, Intl.DateTimeFormat>();

function cellText(value: unknown, timeZone: string): unknown {
  if (Object.prototype.toString.call(value) !== '[object Date]') return value;
  let format = DATE_FORMATS.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat('sv-SE', { timeZone, dateStyle: 'short', timeStyle: 'medium' });
    DATE_FORMATS.set(timeZone, format);
  }
  return format.format(value as Date).replace(' ', 'T');
}

function sheetRole(sheet: LayoutSheet): Omit<SheetEntry, 'file'> {
  if (sheet.kind === 'scores') return { role: sheet.kind, instrument: sheet.instrument };
  if (sheet.kind === 'register') return { role: sheet.kind, register: sheet.register };
  return { role: sheet.kind };
}

/** Role and instrument of each sheet, from the add-on's own layout and form registry. */
function describeSheets(demo: DemoDistrict): Map<number, Omit<SheetEntry, 'file'>> {
  const roles = new Map<number, Omit<SheetEntry, 'file'>>();
  // The add-on keeps its layout in the workbook's developer metadata.
  const stored = storedValue(demo.emulator.metadata(), PROPERTY_KEYS.layout) as { sheets: Record<string, number> } | null;
  const layout = stored ?? { sheets: {} };
  for (const [key, id] of Object.entries(layout.sheets)) {
    const sheet = parseLayoutKey(key);
    roles.set(id, sheet ? sheetRole(sheet) : { role: key });
  }
  const registry = demo.emulator.spreadsheet.getSheetById(layout.sheets.registry);
  for (const row of registry?.getDataRange().getValues().slice(1) ?? []) {
    roles.set(Number(row[3]), { role: 'responses', instrument: String(row[1]) });
  }
  return roles;
}

/**
 * Every sent message as NN-kind.{html,txt,json}; the kind comes from the add-on's mail ledger
 * (the row with the same subject and recipients), not from the subject's wording.
 */
function writeMail(demo: DemoDistrict, out: string, timeZone: string): void {
  const ledger = demo.emulator.spreadsheet.getSheetByName('Рассылка');
  const rows = ledger && ledger.getLastRow() > 1 ? ledger.getDataRange().getValues().slice(1) : [];
  const normal = (list: string) => list.split(',').map((a) => a.trim().toLowerCase()).filter(Boolean).sort().join(',');
  demo.emulator.mail.outbox.forEach((message, i) => {
    const recipients = [message.to, message.cc, message.bcc].filter(Boolean).join(',');
    const row = rows.find((r) => String(r[5]) === message.subject && normal(String(r[4])) === normal(recipients));
    const kind = row ? String(row[1]) : 'other';
    const stem = `${String(i + 1).padStart(2, '0')}-${kind}`;
    writeFileSync(join(out, 'mail', `${stem}.html`), message.htmlBody ?? '');
    writeFileSync(join(out, 'mail', `${stem}.txt`), message.body);
    writeFileSync(join(out, 'mail', `${stem}.json`), `${JSON.stringify({
      kind, to: normal(message.to).split(',').filter(Boolean), cc: normal(message.cc).split(',').filter(Boolean),
      subject: message.subject, sentAt: cellText(new Date(message.at), timeZone),
    }, null, 2)}\n`);
  });
}

function main(): void {
  const args = process.argv.slice(2);
  const out = argument(args, 'out');
  if (!out) {
    console.error(`usage: npm run demo -- --out DIR [--teachers N] [--schools M] [--seed S] [--preset ${PRESET_IDS.join('|')}]`);
    process.exit(2);
  }
  const schools = wholeNumber(args, 'schools', 6, 1);
  const demo = buildDemoDistrict({
    teachers: wholeNumber(args, 'teachers', 60, 1),
    schools,
    seed: wholeNumber(args, 'seed', 1, 0),
    preset: presetArgument(args),
  });
  // Every school has a contact address and reminders on the 20th (repeated after 5 days), so
  // the months show reminders as well as the summary; the hourly job sends them.
  const mailSaved = demo.bundle.call('saveMailSettings', {
    contacts: schoolNames(schools).map((school, i) => ({ school, email: `school${i + 1}@demo-district.example` })),
    reminderDay: 20, repeatAfterDays: 5,
  }) as { ok: boolean; errors?: string[] };
  if (!mailSaved.ok) throw new Error(`demo mail settings refused: ${mailSaved.errors?.join(' ')}`);
  demo.emulator.clock.advance(new Date(MAIL_UNTIL).getTime() - demo.emulator.clock.now());
  rmSync(out, { recursive: true, force: true });
  mkdirSync(join(out, 'sheets'), { recursive: true });
  mkdirSync(join(out, 'forms'), { recursive: true });
  mkdirSync(join(out, 'mail'), { recursive: true });

  const book = demo.emulator.spreadsheet;
  const timeZone = book.getSpreadsheetTimeZone();
  const roles = describeSheets(demo);
  const sheets: Record<string, SheetEntry> = {};
  const used = new Set<string>();
  for (const sheet of book.getSheets()) {
    const info = roles.get(sheet.getSheetId()) ?? { role: 'other' };
    const stem = [info.role, info.instrument ?? info.register].filter(Boolean).join('-');
    let base = stem;
    for (let n = 2; used.has(base); n++) base = `${stem}-${n}`;
    used.add(base);
    const file = `sheets/${base}.csv`;
    const values = sheet.getLastRow() === 0 ? [] : sheet.getDataRange().getValues();
    writeFileSync(join(out, file), toCsv(values.map((row) => row.map((cell) => cellText(cell, timeZone)))));
    sheets[sheet.getName()] = { file, ...info };
  }
  for (const instrument of Object.keys(demo.forms)) {
    const form = demo.emulator.forms.describe(demo.forms[instrument].formId);
    const items = form.items.map((item) => ({
      title: item.title, type: item.type,
      ...(item.choices ? { choices: item.choices.map((choice) => choice.value) } : {}),
      ...(item.required !== undefined ? { required: item.required } : {}),
    }));
    writeFileSync(join(out, 'forms', `${instrument}.json`), `${JSON.stringify({
      title: form.title, published: form.published, publishedUrl: form.publishedUrl, editUrl: form.editUrl, items,
    }, null, 2)}\n`);
  }
  writeMail(demo, out, timeZone);
  writeFileSync(join(out, 'manifest.json'), `${JSON.stringify({ sheets }, null, 2)}\n`);
  writeFileSync(join(out, 'calls.json'), `${JSON.stringify(demo.calls, null, 2)}\n`);
  console.log(`Демо-район: ${Object.keys(sheets).length} листов, ${Object.keys(demo.forms).length} форм → ${out}`);
}

main();

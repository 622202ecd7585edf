/** The log view: each entry's reason in both languages, read back from the one the sheet holds. */
import fc from 'fast-check';
import { Lang, tr } from '../../../src/core/text/i18n';
import { logView } from '../../../src/core/views/log';
import { LOG_REASONS, LogReason, logRow } from '../../../src/core/workbook/log';

const REASONS = Object.keys(LOG_REASONS) as LogReason[];
/** The placeholders of every reason, in either language. */
const PARAMS = Object.fromEntries(REASONS.map((reason) => [reason,
  [...new Set([...`${LOG_REASONS[reason].ru} ${LOG_REASONS[reason].en}`.matchAll(/\{(\w+)\}/g)].map((m) => m[1]))]]));

/** Values as they reach the log: names, numbers, and hostile text (markup, a formula). */
const value = fc.oneof(
  fc.stringMatching(/^[А-Яа-яЁёA-Za-z0-9 №_-]{0,30}$/),
  fc.integer({ min: 0, max: 100_000 }).map(String),
  fc.constantFrom('<img src=x onerror=alert(1)>', '=IMPORTXML("x")', 'МБОУ СОШ № 1'),
);

test('any entry written in either language arrives in both: as stored, and rebuilt in the other', () => {
  fc.assert(fc.property(fc.constantFrom(...REASONS), fc.constantFrom<Lang>('ru', 'en'), fc.array(value, { minLength: 8, maxLength: 8 }), (reason, lang, values) => {
    const params = Object.fromEntries(PARAMS[reason].map((name, i) => [name, values[i % values.length]]));
    const row = logRow({ at: '2026-11-23T09:00:00', sheet: 'Ответы', row: 7, reason, params }, lang);
    const [entry] = logView([row]).entries;
    const other: Lang = lang === 'ru' ? 'en' : 'ru';
    expect(entry.text[lang]).toBe(row[3]);
    expect(entry.text[other]).toBe(tr(LOG_REASONS[reason], other, params));
  }));
});

test('a reason no catalog text matches (edited by hand, or an unknown code) shows as stored in both', () => {
  const [edited, unknown] = logView([
    ['2026-11-23T09:00:00', 'Ответы', 3, 'Кто-то исправил этот текст', 'incomplete'],
    ['2026-11-23T09:01:00', '', '', 'Something new', 'newReason'],
  ]).entries.reverse();
  expect(edited.text).toEqual({ ru: 'Кто-то исправил этот текст', en: 'Кто-то исправил этот текст' });
  expect(unknown).toMatchObject({ level: 'warning', text: { ru: 'Something new', en: 'Something new' } });
});

test('a known entry switches language with its values kept', () => {
  const row = logRow({ at: '2026-11-23T09:00:00', sheet: 'Ответы', row: 4, reason: 'incomplete', params: { items: '5, 84' } }, 'ru');
  expect(logView([row]).entries[0].text.en).toBe('Incomplete response: no answer or an unreadable answer to items 5, 84. It is kept and flagged incomplete.');
});

test('the newest `limit` entries are shown, newest first; every entry is counted, blank rows are not', () => {
  fc.assert(fc.property(fc.array(fc.constantFrom(...REASONS, ''), { maxLength: 40 }), fc.integer({ min: 0, max: 50 }), (codes, limit) => {
    const rows = codes.map((code, i) => (code === '' ? ['', '', '', '', ''] : logRow({ at: `2026-11-23T09:00:${String(i).padStart(2, '0')}`, sheet: 'Ответы', row: i + 2, reason: code as LogReason }, 'ru')));
    const view = logView(rows, limit);
    const written = rows.filter((row) => row[4] !== '');
    expect(view.total).toBe(written.length);
    expect(view.counts.error + view.counts.warning + view.counts.info).toBe(written.length);
    expect(view.entries.map((entry) => entry.row)).toEqual(written.slice(Math.max(0, written.length - limit)).reverse().map((row) => row[2]));
  }));
});

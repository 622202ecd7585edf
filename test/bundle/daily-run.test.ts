/**
 * The daily scheduled run keeps what it learnt in the workbook's state so that a quiet day
 * reads as little as possible; these tests show that what it skips still reaches the user
 * when something changes by a path it does not watch (a hand edit of a protected sheet).
 */
import { Harness, SETTINGS, sheetValues, startHarness } from './harness';

function setUp(): Harness {
  const h = startHarness();
  const saved = h.call<{ ok: boolean; errors?: string[] }>('saveSettings', SETTINGS);
  if (!saved.ok) throw new Error(saved.errors?.join(' '));
  return h;
}

/** Moves the clock to a local (Moscow) date-time, firing every trigger on the way. */
function advanceTo(h: Harness, local: string): void {
  h.emulator.clock.advance(new Date(`${local}+03:00`).getTime() - h.emulator.clock.now());
}

const summaries = (h: Harness) => h.emulator.mail.outbox.filter((m) => m.subject.startsWith('PD Monitor'));

describe('the mail step on quiet days', () => {
  test('summaries switched on by a hand edit of the settings sheet go out on the next daily run, though quiet days skip the mail sheet', () => {
    const h = setUp();
    expect(h.call<{ ok: boolean }>('saveMailSettings', { summaryEnabled: false }).ok).toBe(true);
    advanceTo(h, '2026-12-10T12:00:00');
    expect(summaries(h)).toEqual([]);
    const settings = h.emulator.spreadsheet.getSheetByName('Настройки')!;
    const row = sheetValues(h, 'Настройки').findIndex((cells) => cells[0] === 'mail.summaryEnabled') + 1;
    expect(row).toBeGreaterThan(0);
    settings.getRange(row, 3).setValue('да');
    advanceTo(h, '2026-12-11T00:30:00');
    expect(summaries(h).map((m) => m.subject)).toEqual(['PD Monitor: итоги за ноябрь 2026 — Крымский район']);
    advanceTo(h, '2027-01-01T00:30:00');
    expect(summaries(h)).toHaveLength(2);
  });
});

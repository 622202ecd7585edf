/** The emulator's wall-clock parts: the cached-offset path agrees with Intl everywhere. */
import fc from 'fast-check';
import { zonedParts } from '../../tools/emulator/tz';

const ZONES = ['Europe/Moscow', 'UTC', 'America/New_York', 'Europe/London', 'Australia/Lord_Howe', 'Pacific/Chatham', 'Asia/Kathmandu', 'America/St_Johns', 'Europe/Samara'];

const formats = new Map<string, Intl.DateTimeFormat>();
function byIntl(ms: number, timeZone: string) {
  const parts: Record<string, string> = {};
  const format = formats.get(timeZone) ?? new Intl.DateTimeFormat('en-US', { timeZone, hourCycle: 'h23', year: 'numeric', month: 'numeric', day: 'numeric', hour: 'numeric', minute: 'numeric', second: 'numeric', weekday: 'short' });
  formats.set(timeZone, format);
  for (const p of format.formatToParts(new Date(ms))) parts[p.type] = p.value;
  return {
    year: Number(parts.year), month: Number(parts.month), day: Number(parts.day), hour: Number(parts.hour), minute: Number(parts.minute),
    second: Number(parts.second), millisecond: ((ms % 1000) + 1000) % 1000, weekday: ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'].indexOf(parts.weekday),
  };
}

test('any instant from 1900 to 2100 in zones with DST, half- and quarter-hour offsets: the same parts as Intl', () => {
  fc.assert(fc.property(fc.integer({ min: Date.UTC(1900, 0, 1), max: Date.UTC(2100, 0, 1) }), fc.constantFrom(...ZONES), (ms, zone) => {
    expect(zonedParts(ms, zone)).toEqual(byIntl(ms, zone));
  }), { numRuns: 1000 });
});

test('around every transition of 2026, every five minutes', () => {
  for (const zone of ZONES) {
    for (let ms = Date.UTC(2026, 0, 1); ms < Date.UTC(2027, 0, 1); ms += 6 * 3_600_000) {
      const offset = (at: number) => { const p = byIntl(at, zone); return Date.UTC(p.year, p.month - 1, p.day, p.hour, p.minute) - at + (at % 60_000); };
      if (offset(ms) === offset(ms + 6 * 3_600_000)) continue;
      for (let m = ms; m <= ms + 6 * 3_600_000; m += 5 * 60_000 + 7) expect(zonedParts(m, zone)).toEqual(byIntl(m, zone));
    }
  }
});

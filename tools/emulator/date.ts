/**
 * The `Date` the bundle sees. On Apps Script, `new Date()` is the current time and local
 * date arithmetic (getHours, setDate, new Date(2026, 0, 1), toString) happens in the
 * project's time zone (appsscript.json "timeZone"), whatever machine runs the tests.
 * This class reads the emulated clock and does local-time work in that zone; UTC methods,
 * valueOf, toISOString and JSON are the host Date's.
 */
import type { Clock } from './kernel';
import { offsetMinutes, zonedParts, zonedToInstant } from './tz';

const DAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** An explicit zone in a date string (Z, ±hh:mm, GMT/UTC): such strings mean the same instant everywhere. */
const HAS_ZONE = /(?:\d(?:Z|z)\b|[+-]\d{2}:?\d{2}\s*(?:\(.*\))?\s*$|\b(?:GMT|UTC|UT)\b)/;
/** ISO date-only forms are UTC by the language's own rule. */
const ISO_DATE_ONLY = /^\s*[+-]?\d{4,6}(?:-\d{2}(?:-\d{2})?)?\s*$/;

export function makeEmulatedDate(clock: Clock, timeZone: string): DateConstructor {
  const fields = (ms: number) => zonedParts(ms, timeZone);

  /** The instant at which the project's wall clock shows these (possibly overflowing) fields. */
  const fromLocal = (year: number, month0: number, day: number, hour: number, minute: number, second: number, ms: number): number => {
    const values = [year, month0, day, hour, minute, second, ms];
    if (values.some((v) => !Number.isFinite(v))) return NaN;
    const [y, mo, d, h, mi, s, milli] = values.map(Math.trunc);
    // Date's own rule: a year 0–99 given as a component means 1900–1999.
    const fullYear = y >= 0 && y <= 99 ? 1900 + y : y;
    return zonedToInstant({ year: fullYear, month: mo + 1, day: d, hour: h, minute: mi, second: s, millisecond: milli }, timeZone);
  };

  const parseInZone = (text: string): number => {
    const host = Date.parse(text);
    if (Number.isNaN(host) || ISO_DATE_ONLY.test(text) || HAS_ZONE.test(text)) return host;
    // A local date-time string: read its fields as the host did, then place them in the project zone.
    const d = new Date(host);
    return fromLocal(d.getFullYear(), d.getMonth(), d.getDate(), d.getHours(), d.getMinutes(), d.getSeconds(), d.getMilliseconds());
  };

  const zoneName = (ms: number): string =>
    new Intl.DateTimeFormat('en-US', { timeZone, timeZoneName: 'long' }).formatToParts(new Date(ms)).find((p) => p.type === 'timeZoneName')?.value ?? timeZone;

  const gmt = (ms: number): string => {
    const off = offsetMinutes(ms, timeZone);
    const abs = Math.abs(off);
    return `GMT${off < 0 ? '-' : '+'}${String(Math.floor(abs / 60)).padStart(2, '0')}${String(abs % 60).padStart(2, '0')}`;
  };

  const two = (n: number) => String(n).padStart(2, '0');

  class EmuDate extends Date {
    constructor(...args: unknown[]) {
      if (args.length === 0) super(clock.now());
      else if (args.length === 1) {
        const v = args[0];
        if (typeof v === 'string') super(parseInZone(v));
        // A number, or another Date (any realm): its time value.
        else super(Number(v));
      } else {
        const n = args.map(Number);
        super(fromLocal(n[0], n[1], n[2] ?? 1, n[3] ?? 0, n[4] ?? 0, n[5] ?? 0, n[6] ?? 0));
      }
    }

    static override now(): number {
      return clock.now();
    }

    static override parse(text: string): number {
      return parseInZone(String(text));
    }

    private local<K extends 'year' | 'month' | 'day' | 'hour' | 'minute' | 'second' | 'millisecond' | 'weekday'>(key: K): number {
      const t = this.getTime();
      return Number.isNaN(t) ? NaN : fields(t)[key];
    }

    /** Sets the local fields given, keeping the others. */
    private setLocal(change: Partial<Record<'year' | 'month0' | 'day' | 'hour' | 'minute' | 'second' | 'ms', number>>): number {
      const t = this.getTime();
      // Like Date: setting fields of an invalid date stays invalid, except setFullYear.
      const base = Number.isNaN(t) ? (change.year !== undefined ? fields(0) : null) : fields(t);
      if (!base) return NaN;
      const next = fromLocal(
        change.year ?? base.year,
        change.month0 ?? base.month - 1,
        change.day ?? base.day,
        change.hour ?? (Number.isNaN(t) ? 0 : base.hour),
        change.minute ?? (Number.isNaN(t) ? 0 : base.minute),
        change.second ?? (Number.isNaN(t) ? 0 : base.second),
        change.ms ?? (Number.isNaN(t) ? 0 : base.millisecond),
      );
      return this.setTime(next);
    }

    override getFullYear(): number {
      return this.local('year');
    }
    override getMonth(): number {
      return this.local('month') - 1;
    }
    override getDate(): number {
      return this.local('day');
    }
    override getDay(): number {
      return this.local('weekday');
    }
    override getHours(): number {
      return this.local('hour');
    }
    override getMinutes(): number {
      return this.local('minute');
    }
    override getSeconds(): number {
      return this.local('second');
    }
    override getMilliseconds(): number {
      return this.local('millisecond');
    }
    override getTimezoneOffset(): number {
      const t = this.getTime();
      return Number.isNaN(t) ? NaN : -offsetMinutes(t, timeZone);
    }

    override setFullYear(year: number, month?: number, date?: number): number {
      return this.setLocal({ year, month0: month, day: date });
    }
    override setMonth(month: number, date?: number): number {
      return this.setLocal({ month0: month, day: date });
    }
    override setDate(date: number): number {
      return this.setLocal({ day: date });
    }
    override setHours(hours: number, min?: number, sec?: number, ms?: number): number {
      return this.setLocal({ hour: hours, minute: min, second: sec, ms });
    }
    override setMinutes(min: number, sec?: number, ms?: number): number {
      return this.setLocal({ minute: min, second: sec, ms });
    }
    override setSeconds(sec: number, ms?: number): number {
      return this.setLocal({ second: sec, ms });
    }
    override setMilliseconds(ms: number): number {
      return this.setLocal({ ms });
    }

    override toString(): string {
      if (Number.isNaN(this.getTime())) return 'Invalid Date';
      return `${this.toDateString()} ${this.toTimeString()}`;
    }
    override toDateString(): string {
      if (Number.isNaN(this.getTime())) return 'Invalid Date';
      const p = fields(this.getTime());
      return `${DAYS[p.weekday]} ${MONTHS[p.month - 1]} ${two(p.day)} ${String(p.year).padStart(4, '0')}`;
    }
    override toTimeString(): string {
      const t = this.getTime();
      if (Number.isNaN(t)) return 'Invalid Date';
      const p = fields(t);
      return `${two(p.hour)}:${two(p.minute)}:${two(p.second)} ${gmt(t)} (${zoneName(t)})`;
    }
    override toLocaleString(locales?: string | string[], options?: Intl.DateTimeFormatOptions): string {
      return super.toLocaleString(locales, { timeZone, ...options });
    }
    override toLocaleDateString(locales?: string | string[], options?: Intl.DateTimeFormatOptions): string {
      return super.toLocaleDateString(locales, { timeZone, ...options });
    }
    override toLocaleTimeString(locales?: string | string[], options?: Intl.DateTimeFormatOptions): string {
      return super.toLocaleTimeString(locales, { timeZone, ...options });
    }
  }

  // Called without `new`, Date returns the current time as a string.
  return new Proxy(EmuDate, {
    apply: () => new EmuDate().toString(),
  }) as unknown as DateConstructor;
}

/**
 * ScriptApp: authorization info, and installable triggers — built, listed, deleted, and
 * time-driven ones fired as the emulated clock advances.
 *
 * Platform rules emulated (Installable triggers guide, Triggers for Editor add-ons, quotas):
 * - 20 triggers per user per script;
 * - add-ons: one trigger of each event type per user per document; time-driven triggers
 *   no more often than once an hour; triggers only for the file the add-on runs in;
 * - installable triggers run as the user who created them;
 * - getProjectTriggers() gives the current user's triggers of this project in every
 *   document, getUserTriggers(document) only those of that document ("all installable
 *   triggers owned by this user in the given spreadsheet, for this script or add-on
 *   only"); nobody sees another user's triggers;
 * - time-driven triggers run with no active document (see the firing below);
 * - a one-off clock trigger (after/at/atDate) fires once and then stays listed, spent,
 *   until deleted (commonly observed: it keeps counting against the limits).
 * Apps Script fires recurring triggers "near" the requested time (a random minute within
 * the hour, ±15 min for nearMinute); the emulator fires exactly at it.
 */
import { instrument, Runtime, TriggerEventType, TriggerRecord } from './kernel';
import { enumOf, invalidArgument, isDate, signatureMismatch } from './support';
import { daysInMonth, isoWeek, isValidTimeZone, zonedParts, zonedToInstant } from './tz';

type ScriptAppApi = Pick<
  GoogleAppsScript.Script.ScriptApp,
  | 'AuthMode'
  | 'AuthorizationStatus'
  | 'EventType'
  | 'TriggerSource'
  | 'WeekDay'
  | 'getAuthorizationInfo'
  | 'newTrigger'
  | 'getProjectTriggers'
  | 'getUserTriggers'
  | 'deleteTrigger'
  | 'getScriptId'
>;
type TriggerApi = Pick<
  GoogleAppsScript.Script.Trigger,
  'getUniqueId' | 'getHandlerFunction' | 'getEventType' | 'getTriggerSource' | 'getTriggerSourceId'
>;
type TriggerBuilderApi = Pick<GoogleAppsScript.Script.TriggerBuilder, 'forSpreadsheet' | 'forForm' | 'timeBased'>;
type SpreadsheetTriggerBuilderApi = Pick<
  GoogleAppsScript.Script.SpreadsheetTriggerBuilder,
  'onOpen' | 'onEdit' | 'onChange' | 'onFormSubmit' | 'create'
>;
type FormTriggerBuilderApi = Pick<GoogleAppsScript.Script.FormTriggerBuilder, 'onOpen' | 'onFormSubmit' | 'create'>;
type ClockTriggerBuilderApi = Pick<
  GoogleAppsScript.Script.ClockTriggerBuilder,
  | 'everyMinutes'
  | 'everyHours'
  | 'everyDays'
  | 'everyWeeks'
  | 'atHour'
  | 'nearMinute'
  | 'onMonthDay'
  | 'onWeekDay'
  | 'after'
  | 'at'
  | 'atDate'
  | 'inTimezone'
  | 'create'
>;

export const AuthMode = enumOf('NONE', 'CUSTOM_FUNCTION', 'LIMITED', 'FULL');
export const AuthorizationStatus = enumOf('REQUIRED', 'NOT_REQUIRED');
export const EventType = enumOf('CLOCK', 'ON_OPEN', 'ON_EDIT', 'ON_FORM_SUBMIT', 'ON_CHANGE', 'ON_EVENT_UPDATED');
export const TriggerSource = enumOf('SPREADSHEETS', 'CLOCK', 'FORMS', 'DOCUMENTS', 'CALENDAR');
export const WeekDay = enumOf('SUNDAY', 'MONDAY', 'TUESDAY', 'WEDNESDAY', 'THURSDAY', 'FRIDAY', 'SATURDAY');
const WEEKDAY_INDEX: Record<string, number> = { SUNDAY: 0, MONDAY: 1, TUESDAY: 2, WEDNESDAY: 3, THURSDAY: 4, FRIDAY: 5, SATURDAY: 6 };

/** TriggerRecord.source as kernel.ts names it → ScriptApp.TriggerSource. */
const SOURCE_ENUM: Record<string, keyof typeof TriggerSource> = { SPREADSHEET: 'SPREADSHEETS', FORMS: 'FORMS', CLOCK: 'CLOCK' };

export const MAX_TRIGGERS_PER_USER = 20;
const MINUTE = 60 * 1000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;
/** Guards against a clock advanced by years over an every-minute trigger. */
const MAX_FIRINGS_PER_ADVANCE = 100000;

/** Documented wordings of the refusals (see the comment of each use). */
export const TOO_MANY_TRIGGERS = 'This script has too many triggers. Triggers must be deleted from the script before more can be added.';
export const ADDON_RECURRENCE = 'The recurrence interval for an Add-on trigger must be at least one hour.';
const EVENT_WORDS: Record<TriggerEventType, string> = {
  CLOCK: 'time-based',
  ON_OPEN: 'open',
  ON_EDIT: 'edit',
  ON_CHANGE: 'change',
  ON_FORM_SUBMIT: 'form submit',
};
/**
 * The time-based wording is the one Apps Script reports; for the other event types the
 * same sentence with the type's name is assumed (their wording could not be confirmed).
 */
export function tooManyAddOnTriggers(eventType: TriggerEventType): string {
  return `This add-on has created too many ${EVENT_WORDS[eventType]} triggers in this document for this Google user account.`;
}

/** A clock trigger's schedule, kept beside its TriggerRecord to compute the next run. */
type Schedule =
  | { kind: 'once' }
  | { kind: 'interval'; ms: number }
  | { kind: 'daily'; days: number; hour: number; minute: number; tz: string }
  | { kind: 'weekly'; weeks: number; weekday: number; hour: number; minute: number; tz: string }
  | { kind: 'monthly'; day: number; hour: number; minute: number; tz: string };

/** A time-driven run, as the execution log shows it. */
export interface TriggerRun {
  uid: string;
  handler: string;
  /** Emulated fire time (ms). */
  at: number;
  user: string;
  error?: unknown;
}

/** Test-side view of ScriptApp. */
export interface ScriptHandle {
  /** Time-driven runs so far, in order; a handler that threw has `error` set. */
  runs: TriggerRun[];
  /** The trigger records of one user (all users if omitted). */
  triggersOf(user?: string): TriggerRecord[];
  /** The planned next run of a clock trigger (ms), undefined once spent. */
  nextRun(uid: string): number | undefined;
}

export interface ScriptOptions {
  /** Emulate an editor add-on's restrictions (default true). */
  addOn: boolean;
  /** The document the code runs in (the active spreadsheet id). */
  activeDocumentId: () => string | null;
  /** The id of a Spreadsheet or Form object handed to forSpreadsheet/forForm/getUserTriggers. */
  idOf: (document: unknown) => string | null;
  scriptId?: string;
  /** The manifest's oauthScopes: what getAuthorizedScopes reports while authorized. */
  scopes?: string[];
}

let uidSeq = 0;

export function createScriptService(runtime: Runtime, options: ScriptOptions): { ScriptApp: GoogleAppsScript.Script.ScriptApp; script: ScriptHandle } {
  const schedules = new Map<string, Schedule>();
  const runs: TriggerRun[] = [];

  const wrapTrigger = (record: TriggerRecord): GoogleAppsScript.Script.Trigger => {
    const trigger: TriggerApi & { _uid: string } = {
      _uid: record.uid,
      getUniqueId: () => record.uid,
      getHandlerFunction: () => record.handler,
      getEventType: () => record.eventType as unknown as GoogleAppsScript.Script.EventType,
      getTriggerSource: () => (SOURCE_ENUM[record.source] ?? record.source) as unknown as GoogleAppsScript.Script.TriggerSource,
      // Documented: null for clock triggers.
      getTriggerSourceId: () => (record.source === 'CLOCK' ? (null as unknown as string) : record.sourceId),
    };
    return instrument(trigger, 'Trigger', runtime.counter) as unknown as GoogleAppsScript.Script.Trigger;
  };

  const documentIdOf = (document: unknown, method: string): string => {
    if (typeof document === 'string') return document;
    const id = options.idOf(document);
    if (id === null) throw signatureMismatch(method, [document]);
    return id;
  };

  /** Every check the platform makes at create(), then the record joins runtime.triggers. */
  const install = (record: Omit<TriggerRecord, 'uid' | 'owner'>, schedule?: Schedule): GoogleAppsScript.Script.Trigger => {
    const owner = runtime.user;
    const mine = runtime.triggers.filter((t) => t.owner === owner);
    if (mine.length >= MAX_TRIGGERS_PER_USER) throw new Error(TOO_MANY_TRIGGERS);
    if (options.addOn) {
      const current = options.activeDocumentId();
      if (record.source !== 'CLOCK' && record.sourceId !== current) {
        // Documented restriction; the exact error text could not be confirmed.
        throw new Error('Add-ons can only create triggers for the file in which the add-on is used.');
      }
      const documentId = record.source === 'CLOCK' ? current ?? '' : record.sourceId;
      const sameKind = mine.some(
        (t) => t.eventType === record.eventType && (t.source === 'CLOCK' ? t.documentId ?? '' : t.sourceId) === documentId,
      );
      if (sameKind) throw new Error(tooManyAddOnTriggers(record.eventType));
      record = { ...record, documentId };
    }
    const full: TriggerRecord = { ...record, uid: String(4700000 + ++uidSeq), owner };
    runtime.triggers.push(full);
    if (schedule) schedules.set(full.uid, schedule);
    return wrapTrigger(full);
  };

  // ---- builders -------------------------------------------------------------------

  const containerBuilder = <T extends object>(
    handler: string,
    service: string,
    source: 'SPREADSHEET' | 'FORMS',
    sourceId: string,
    allowed: TriggerEventType[],
  ): T => {
    let eventType: TriggerEventType | null = null;
    const builder: Record<string, unknown> = {};
    const self = instrument(builder, service, runtime.counter) as unknown as T;
    const setter = (type: TriggerEventType) => () => {
      eventType = type;
      return self;
    };
    if (allowed.includes('ON_OPEN')) builder.onOpen = setter('ON_OPEN');
    if (allowed.includes('ON_EDIT')) builder.onEdit = setter('ON_EDIT');
    if (allowed.includes('ON_CHANGE')) builder.onChange = setter('ON_CHANGE');
    if (allowed.includes('ON_FORM_SUBMIT')) builder.onFormSubmit = setter('ON_FORM_SUBMIT');
    builder.create = () => {
      // Best-known wording for a builder without an event type.
      if (eventType === null) throw new Error('Missing trigger event type.');
      return install({ handler, eventType, source, sourceId });
    };
    return self;
  };

  const clockBuilder = (handler: string): GoogleAppsScript.Script.ClockTriggerBuilder => {
    const spec: {
      everyMinutes?: number;
      everyHours?: number;
      everyDays?: number;
      everyWeeks?: number;
      atHour?: number;
      nearMinute?: number;
      monthDay?: number;
      weekDay?: number;
      at?: number;
      tz?: string;
    } = {};
    const int = (n: unknown, method: string, min: number, max: number): number => {
      if (typeof n !== 'number' || !Number.isInteger(n)) throw signatureMismatch(`ClockTriggerBuilder.${method}`, [n]);
      // Wording unconfirmed: Apps Script refuses out-of-range values with an "Invalid argument" error.
      if (n < min || n > max) throw invalidArgument(`${method}(${n})`);
      return n;
    };
    const builder: ClockTriggerBuilderApi = {
      everyMinutes(n: number) {
        if (![1, 5, 10, 15, 30].includes(int(n, 'everyMinutes', 1, 30))) throw invalidArgument(`everyMinutes(${n}): must be 1, 5, 10, 15 or 30`);
        spec.everyMinutes = n;
        return self;
      },
      everyHours(n: number) {
        spec.everyHours = int(n, 'everyHours', 1, 24 * 365);
        return self;
      },
      everyDays(n: number) {
        spec.everyDays = int(n, 'everyDays', 1, 365);
        return self;
      },
      everyWeeks(n: number) {
        spec.everyWeeks = int(n, 'everyWeeks', 1, 52);
        return self;
      },
      atHour(hour: number) {
        spec.atHour = int(hour, 'atHour', 0, 23);
        return self;
      },
      nearMinute(minute: number) {
        spec.nearMinute = int(minute, 'nearMinute', 0, 59);
        return self;
      },
      onMonthDay(day: number) {
        spec.monthDay = int(day, 'onMonthDay', 1, 31);
        return self;
      },
      onWeekDay(day: GoogleAppsScript.Base.Weekday) {
        const index = WEEKDAY_INDEX[String(day)];
        if (index === undefined) throw signatureMismatch('ClockTriggerBuilder.onWeekDay', [day]);
        spec.weekDay = index;
        return self;
      },
      after(durationMilliseconds: number) {
        spec.at = runtime.clock.now() + int(durationMilliseconds, 'after', 0, Number.MAX_SAFE_INTEGER);
        return self;
      },
      at(date: GoogleAppsScript.Base.Date) {
        if (!isDate(date)) throw signatureMismatch('ClockTriggerBuilder.at', [date]);
        spec.at = date.getTime();
        return self;
      },
      atDate(year: number, month: number, day: number) {
        // Documented: fires on that date near midnight; the emulator fires at midnight (or atHour).
        const tz = spec.tz ?? runtime.timeZone;
        spec.at = zonedToInstant({ year, month, day, hour: spec.atHour ?? 0, minute: spec.nearMinute ?? 0 }, tz);
        return self;
      },
      inTimezone(timezone: string) {
        if (typeof timezone !== 'string' || !isValidTimeZone(timezone)) throw invalidArgument(`inTimezone(${String(timezone)})`);
        spec.tz = timezone;
        return self;
      },
      create() {
        const { schedule, first } = plan(spec);
        if (options.addOn && schedule.kind === 'interval' && schedule.ms < HOUR) throw new Error(ADDON_RECURRENCE);
        return install(
          {
            handler,
            eventType: 'CLOCK',
            source: 'CLOCK',
            sourceId: '',
            nextRunAt: first,
            intervalMs: intervalOf(schedule),
          },
          schedule,
        );
      },
    } as ClockTriggerBuilderApi;
    const self = instrument(builder, 'ClockTriggerBuilder', runtime.counter) as unknown as GoogleAppsScript.Script.ClockTriggerBuilder;
    return self;
  };

  /** The schedule a builder describes, and its first run after now. */
  const plan = (spec: {
    everyMinutes?: number;
    everyHours?: number;
    everyDays?: number;
    everyWeeks?: number;
    atHour?: number;
    nearMinute?: number;
    monthDay?: number;
    weekDay?: number;
    at?: number;
    tz?: string;
  }): { schedule: Schedule; first: number } => {
    const now = runtime.clock.now();
    const tz = spec.tz ?? runtime.timeZone;
    const minute = spec.nearMinute ?? 0;
    if (spec.at !== undefined) return { schedule: { kind: 'once' }, first: Math.max(spec.at, now) };
    if (spec.everyMinutes !== undefined) return { schedule: { kind: 'interval', ms: spec.everyMinutes * MINUTE }, first: now + spec.everyMinutes * MINUTE };
    if (spec.everyHours !== undefined) {
      const schedule: Schedule = { kind: 'interval', ms: spec.everyHours * HOUR };
      if (spec.nearMinute === undefined) return { schedule, first: now + schedule.ms };
      // The first run at the requested minute past the hour.
      const p = zonedParts(now, tz);
      let first = zonedToInstant({ ...p, minute, second: 0, millisecond: 0 }, tz);
      while (first <= now) first += HOUR;
      return { schedule, first };
    }
    if (spec.monthDay !== undefined) {
      const schedule: Schedule = { kind: 'monthly', day: spec.monthDay, hour: spec.atHour ?? 0, minute, tz };
      return { schedule, first: nextMonthly(schedule, now) };
    }
    if (spec.weekDay !== undefined || spec.everyWeeks !== undefined) {
      const schedule: Schedule = {
        kind: 'weekly',
        weeks: spec.everyWeeks ?? 1,
        weekday: spec.weekDay ?? zonedParts(now, tz).weekday,
        hour: spec.atHour ?? 0,
        minute,
        tz,
      };
      return { schedule, first: nextWeekly(schedule, now, true) };
    }
    if (spec.everyDays !== undefined) {
      const p = zonedParts(now, tz);
      // Without atHour Apps Script picks a time of day; the emulator keeps the current one.
      const schedule: Schedule = {
        kind: 'daily',
        days: spec.everyDays,
        hour: spec.atHour ?? p.hour,
        minute: spec.atHour === undefined && spec.nearMinute === undefined ? p.minute : minute,
        tz,
      };
      return { schedule, first: nextDaily(schedule, now, true) };
    }
    // Best-known wording for a clock builder without a schedule.
    throw new Error('Trigger schedule is missing: use everyMinutes, everyHours, everyDays, everyWeeks, onMonthDay, onWeekDay, at or after.');
  };

  const intervalOf = (s: Schedule): number =>
    s.kind === 'once' ? 0 : s.kind === 'interval' ? s.ms : s.kind === 'daily' ? s.days * DAY : s.kind === 'weekly' ? s.weeks * 7 * DAY : 30 * DAY;

  /** First local date (day offset from `from`'s date) at hour:minute strictly after `after`. */
  const atLocal = (tz: string, base: number, dayOffset: number, hour: number, minute: number): number => {
    const p = zonedParts(base, tz);
    return zonedToInstant({ year: p.year, month: p.month, day: p.day + dayOffset, hour, minute }, tz);
  };

  const nextDaily = (s: Extract<Schedule, { kind: 'daily' }>, after: number, first: boolean): number => {
    if (first) {
      let t = atLocal(s.tz, after, 0, s.hour, s.minute);
      if (t <= after) t = atLocal(s.tz, after, 1, s.hour, s.minute);
      return t;
    }
    return atLocal(s.tz, after, s.days, s.hour, s.minute);
  };

  const nextWeekly = (s: Extract<Schedule, { kind: 'weekly' }>, after: number, first: boolean): number => {
    if (!first) return atLocal(s.tz, after, 7 * s.weeks, s.hour, s.minute);
    const today = zonedParts(after, s.tz).weekday;
    let offset = (s.weekday - today + 7) % 7;
    let t = atLocal(s.tz, after, offset, s.hour, s.minute);
    if (t <= after) {
      offset += 7;
      t = atLocal(s.tz, after, offset, s.hour, s.minute);
    }
    return t;
  };

  /** The next `day` of a month at hour:minute after `after`; months without that day are skipped. */
  const nextMonthly = (s: Extract<Schedule, { kind: 'monthly' }>, after: number): number => {
    const p = zonedParts(after, s.tz);
    for (let i = 0; i < 24; i++) {
      const month0 = p.month - 1 + i;
      const year = p.year + Math.floor(month0 / 12);
      const month = (month0 % 12) + 1;
      if (s.day > daysInMonth(year, month)) continue;
      const t = zonedToInstant({ year, month, day: s.day, hour: s.hour, minute: s.minute }, s.tz);
      if (t > after) return t;
    }
    throw new Error(`no month has day ${s.day}`);
  };

  const following = (record: TriggerRecord, firedAt: number): number | undefined => {
    const s = schedules.get(record.uid);
    if (!s) return record.intervalMs ? firedAt + record.intervalMs : undefined;
    switch (s.kind) {
      case 'once':
        return undefined;
      case 'interval':
        return firedAt + s.ms;
      case 'daily':
        return nextDaily(s, firedAt, false);
      case 'weekly':
        return nextWeekly(s, firedAt, false);
      case 'monthly':
        return nextMonthly(s, firedAt);
    }
  };

  /** The documented time-driven event object; its date fields are in UTC, as observed. */
  const clockEvent = (record: TriggerRecord, at: number): GoogleAppsScript.Events.TimeDriven => {
    const d = new Date(at);
    return {
      authMode: AuthMode.FULL as unknown as GoogleAppsScript.Script.AuthMode,
      'day-of-month': d.getUTCDate(),
      'day-of-week': d.getUTCDay() === 0 ? 7 : d.getUTCDay(),
      hour: d.getUTCHours(),
      minute: d.getUTCMinutes(),
      month: d.getUTCMonth() + 1,
      second: d.getUTCSeconds(),
      timezone: 'UTC',
      triggerUid: record.uid,
      'week-of-year': isoWeek(d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate()),
      year: d.getUTCFullYear(),
    };
  };

  // Time-driven triggers fire, in time order, as the clock passes them.
  runtime.clock.onAdvance((_from, to) => {
    let firings = 0;
    for (;;) {
      const due = runtime.triggers
        // Overdue ones too (created with a time already past): they run at the next chance.
        .filter((t) => t.eventType === 'CLOCK' && t.nextRunAt !== undefined && t.nextRunAt <= to)
        .sort((a, b) => (a.nextRunAt as number) - (b.nextRunAt as number))[0];
      if (!due) return;
      if (++firings > MAX_FIRINGS_PER_ADVANCE) throw new Error('too many time-driven firings in one clock advance');
      const at = due.nextRunAt as number;
      if (at > runtime.clock.now()) runtime.clock.tick(at - runtime.clock.now());
      due.nextRunAt = following(due, at);
      const run: TriggerRun = { uid: due.uid, handler: due.handler, at, user: due.owner };
      runs.push(run);
      try {
        // The strict clock context: an add-on's time-driven trigger belongs to the script,
        // not to a document, so it runs with no active spreadsheet; getDocumentProperties()
        // and getDocumentLock() give null there (documented for "outside the context of a
        // containing document"; reported for add-on clock triggers, e.g. "A timed trigger
        // will receive null when it calls SpreadsheetApp.getActiveSpreadsheet()",
        // mogsdad/SheetConverter#2). The code must open its workbooks by id.
        runtime.invokeWith({ document: null }, due.owner, due.handler, clockEvent(due, at));
      } catch (error) {
        // A failing trigger run is logged; other triggers still fire.
        run.error = error;
      }
    }
  });

  const service: ScriptAppApi = {
    AuthMode: AuthMode as unknown as typeof GoogleAppsScript.Script.AuthMode,
    AuthorizationStatus: AuthorizationStatus as unknown as typeof GoogleAppsScript.Script.AuthorizationStatus,
    EventType: EventType as unknown as typeof GoogleAppsScript.Script.EventType,
    TriggerSource: TriggerSource as unknown as typeof GoogleAppsScript.Script.TriggerSource,
    WeekDay: WeekDay as unknown as typeof GoogleAppsScript.Base.Weekday,
    getAuthorizationInfo(authMode: GoogleAppsScript.Script.AuthMode) {
      if (!(String(authMode) in AuthMode)) throw signatureMismatch('ScriptApp.getAuthorizationInfo', [authMode]);
      const required = runtime.authorizationStatus === 'REQUIRED';
      const info: Pick<GoogleAppsScript.Script.AuthorizationInfo, 'getAuthorizationStatus' | 'getAuthorizationUrl'> & {
        getAuthorizedScopes(): string[];
      } = {
        getAuthorizationStatus: () =>
          (required ? AuthorizationStatus.REQUIRED : AuthorizationStatus.NOT_REQUIRED) as unknown as GoogleAppsScript.Script.AuthorizationStatus,
        // Documented: null when no authorization is required.
        getAuthorizationUrl: () =>
          required ? `https://script.google.com/macros/d/${options.scriptId ?? 'emulated-script'}/authorize` : (null as unknown as string),
        getAuthorizedScopes: () => (required ? [] : [...(options.scopes ?? [])]),
      };
      return instrument(info, 'AuthorizationInfo', runtime.counter) as unknown as GoogleAppsScript.Script.AuthorizationInfo;
    },
    newTrigger(functionName: string) {
      if (typeof functionName !== 'string') throw signatureMismatch('ScriptApp.newTrigger', [functionName]);
      const builder: TriggerBuilderApi = {
        forSpreadsheet(sheet: unknown) {
          const id = documentIdOf(sheet, 'TriggerBuilder.forSpreadsheet');
          return containerBuilder<SpreadsheetTriggerBuilderApi>(functionName, 'SpreadsheetTriggerBuilder', 'SPREADSHEET', id, [
            'ON_OPEN',
            'ON_EDIT',
            'ON_CHANGE',
            'ON_FORM_SUBMIT',
          ]) as GoogleAppsScript.Script.SpreadsheetTriggerBuilder;
        },
        forForm(form: unknown) {
          const id = documentIdOf(form, 'TriggerBuilder.forForm');
          return containerBuilder<FormTriggerBuilderApi>(functionName, 'FormTriggerBuilder', 'FORMS', id, [
            'ON_OPEN',
            'ON_FORM_SUBMIT',
          ]) as GoogleAppsScript.Script.FormTriggerBuilder;
        },
        timeBased() {
          return clockBuilder(functionName);
        },
      } as TriggerBuilderApi;
      return instrument(builder, 'TriggerBuilder', runtime.counter) as unknown as GoogleAppsScript.Script.TriggerBuilder;
    },
    // Documented: the current project's triggers of the current user only.
    getProjectTriggers() {
      return runtime.triggers.filter((t) => t.owner === runtime.user).map(wrapTrigger);
    },
    // The user's triggers whose source is that document (clock triggers have no source document).
    getUserTriggers(document: unknown) {
      const id = documentIdOf(document, 'ScriptApp.getUserTriggers');
      return runtime.triggers.filter((t) => t.owner === runtime.user && t.source !== 'CLOCK' && t.sourceId === id).map(wrapTrigger);
    },
    deleteTrigger(trigger: GoogleAppsScript.Script.Trigger) {
      const uid = (trigger as unknown as { _uid?: string } | null)?._uid;
      if (uid === undefined) throw signatureMismatch('ScriptApp.deleteTrigger', [trigger]);
      const i = runtime.triggers.findIndex((t) => t.uid === uid);
      if (i >= 0) runtime.triggers.splice(i, 1);
      schedules.delete(uid);
    },
    getScriptId() {
      return options.scriptId ?? 'emulated-script';
    },
  } as ScriptAppApi;

  const script: ScriptHandle = {
    runs,
    triggersOf: (user) => runtime.triggers.filter((t) => user === undefined || t.owner === user),
    nextRun: (uid) => runtime.triggers.find((t) => t.uid === uid)?.nextRunAt,
  };

  return { ScriptApp: instrument(service, 'ScriptApp', runtime.counter) as unknown as GoogleAppsScript.Script.ScriptApp, script };
}

/**
 * The workbook's health as the sidebar shows it on open: whether responses are being
 * scored, by whose trigger, when the scheduled job last ran, and what waits or was
 * rejected. Pure: the server gathers the facts, this decides what they mean and says it
 * in the workbook's language.
 */
import { Catalog, Lang, tr } from '../text/i18n';

/** The facts the server reads from ScriptApp and the workbook. */
export interface HealthFacts {
  /** The workbook has been set up (settings sheet and layout exist). */
  setUp: boolean;
  /** The running user's own form-submit trigger for this workbook exists. */
  submitTriggerMine: boolean;
  /** The recorded owner of the workbook's form-submit trigger ('' when none is recorded). */
  triggerOwner: string;
  /** The running user is the recorded owner. */
  ownerIsMe: boolean;
  /** The recorded owner is still a coordinator. */
  ownerIsCoordinator: boolean;
  /** The add-on's authorization was revoked for the running user. */
  authorizationRequired: boolean;
  /** ISO local time of the scheduled job's last run here, '' if never. */
  lastScheduledRun: string;
  /** This very call has just re-created the job's trigger (or taken the workbook over). */
  scheduleRestored: boolean;
  /** ISO local time now, in the workbook's zone. */
  now: string;
  /** Raw responses that have no scores row yet. */
  waiting: number;
  /** Log rows that record a rejected input. */
  rejected: number;
  /** A recalculation cursor is saved: the run continues in the next scheduled run. */
  recalculation: { inProgress: boolean; processed: number };
  /** The settings sheet cannot be read: the reason, in the workbook's language. */
  settingsProblem: string;
}

export type HealthLevel = 'ok' | 'warning' | 'error';

export type HealthProblemId =
  | 'notSetUp'
  | 'authorizationRequired'
  | 'noTrigger'
  | 'ownerLeft'
  | 'scheduleStalled'
  | 'waiting'
  | 'settingsDamaged';

export interface HealthProblem {
  id: HealthProblemId;
  level: Exclude<HealthLevel, 'ok'>;
  message: string;
}

/** JSON-safe: what getHealth returns to the sidebar. */
export interface HealthView {
  lang: Lang;
  level: HealthLevel;
  trigger: { present: boolean; owner: string; ownerIsMe: boolean };
  authorizationRequired: boolean;
  lastScheduledRun: string | null;
  waiting: number;
  rejected: number;
  recalculation: { inProgress: boolean; processed: number };
  problems: HealthProblem[];
}

/**
 * The scheduled job's heartbeat is its daily run, at the first hourly run after local
 * midnight: 23 to 25 hours apart (the clocks changing), an hour's jitter on either side.
 * Longer than that, it has missed a day: a stall worth showing.
 */
export const STALL_AFTER_MS = 28 * 60 * 60 * 1000;

export const HEALTH_MESSAGES = {
  notSetUp: {
    ru: 'Книга ещё не настроена: заполните настройки, и PD Monitor начнёт обрабатывать ответы.',
    en: 'The workbook is not set up yet: fill in the settings and PD Monitor starts scoring responses.',
  },
  authorizationRequired: {
    ru: 'PD Monitor нужно ваше разрешение заново: откройте Расширения → PD Monitor → Открыть панель и разрешите доступ. Если триггеры книги ваши, до этого плановая обработка стоит: необработанные ответы не догружаются, показатели не пересчитываются, ежемесячная рассылка не уходит. Ответы сохраняются и будут учтены после разрешения.',
    en: 'PD Monitor needs your authorization again: open Extensions → PD Monitor → Open sidebar and grant access. If the workbook\'s triggers are yours, its scheduled job stands still until then: unscored responses are not caught up, the indicators are not recomputed, the monthly mail is not sent. Responses are kept and scored after the grant.',
  },
  noTrigger: {
    ru: 'Триггер обработки ответов не найден: новые ответы не обрабатываются. Откройте панель координатором — триггер будет создан заново.',
    en: 'The response trigger is missing: new responses are not scored. Open the sidebar as a coordinator and it is re-created.',
  },
  ownerLeft: {
    ru: 'Триггер обработки ответов принадлежит {owner}, который больше не координатор. Откройте панель координатором — триггер перейдёт к вам.',
    en: 'The response trigger belongs to {owner}, who is no longer a coordinator. Open the sidebar as a coordinator and it passes to you.',
  },
  scheduleStalled: {
    ru: 'Плановая обработка не запускалась с {since}. Откройте панель координатором, чтобы восстановить её.',
    en: 'The scheduled job has not run since {since}. Open the sidebar as a coordinator to restore it.',
  },
  waiting: {
    ru: 'Ответов ждут обработки: {count}. Они будут обработаны плановым запуском в течение часа.',
    en: '{count} responses are waiting to be scored; the scheduled run scores them within the hour.',
  },
  settingsDamaged: {
    ru: 'Лист настроек повреждён: {reason}',
    en: 'The settings sheet is damaged: {reason}',
  },
} satisfies Catalog<string>;

function elapsedMs(fromIso: string, toIso: string): number {
  // Both are local times of the same zone: their difference is exact as UTC readings.
  return Date.parse(`${toIso}Z`) - Date.parse(`${fromIso}Z`);
}

export function healthView(facts: HealthFacts, lang: Lang): HealthView {
  const problems: HealthProblem[] = [];
  const add = (id: HealthProblemId, level: HealthProblem['level'], params?: Record<string, string | number>) =>
    problems.push({ id, level, message: tr(HEALTH_MESSAGES[id], lang, params) });

  const present = facts.triggerOwner !== '' && (!facts.ownerIsMe || facts.submitTriggerMine);
  if (!facts.setUp) add('notSetUp', 'warning');
  else {
    if (facts.authorizationRequired) add('authorizationRequired', 'error');
    if (!present) add('noTrigger', 'error');
    else if (!facts.ownerIsCoordinator) add('ownerLeft', 'warning', { owner: facts.triggerOwner });
    const stalled = facts.lastScheduledRun !== '' && elapsedMs(facts.lastScheduledRun, facts.now) > STALL_AFTER_MS;
    if (stalled && !facts.scheduleRestored) {
      add('scheduleStalled', 'error', { since: facts.lastScheduledRun.replace('T', ' ').slice(0, 16) });
    }
    if (facts.settingsProblem !== '') add('settingsDamaged', 'error', { reason: facts.settingsProblem });
    if (facts.waiting > 0) add('waiting', 'warning', { count: facts.waiting });
  }
  const level: HealthLevel = problems.some((p) => p.level === 'error') ? 'error' : problems.length > 0 ? 'warning' : 'ok';
  return {
    lang,
    level,
    trigger: { present, owner: facts.triggerOwner, ownerIsMe: facts.ownerIsMe },
    authorizationRequired: facts.authorizationRequired,
    lastScheduledRun: facts.lastScheduledRun === '' ? null : facts.lastScheduledRun,
    waiting: facts.waiting,
    rejected: facts.rejected,
    recalculation: facts.recalculation,
    problems,
  };
}

/** Log codes that mean an input was not used as it came. */
export const REJECTION_CODES: ReadonlySet<string> = new Set([
  'unregisteredSheet',
  'blankEvent',
  'duplicateEvent',
  'unmapped',
  'reportRejected',
  'registerRowInvalid',
  'rubricValueInvalid',
  'rubricRowUnknown',
]);

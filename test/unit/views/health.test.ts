/** The health view: what the facts mean, in both languages, for any facts. */
import fc from 'fast-check';
import { HealthFacts, healthView, STALL_AFTER_MS } from '../../../src/core/views/health';

const OK: HealthFacts = {
  setUp: true, submitTriggerMine: true, triggerOwner: 'a@district.example', ownerIsMe: true, ownerIsCoordinator: true,
  authorizationRequired: false, lastScheduledRun: '2026-11-23T09:00:00', scheduleRestored: false, now: '2026-11-23T09:30:00',
  waiting: 0, rejected: 3, recalculation: { inProgress: false, processed: 0 }, settingsProblem: '',
};

test('all well: level ok, no problems, counts passed through', () => {
  const view = healthView(OK, 'ru');
  expect(view).toMatchObject({ level: 'ok', problems: [], rejected: 3, trigger: { present: true, owner: 'a@district.example', ownerIsMe: true } });
});

test('the owner without their own trigger: missing, an error', () => {
  const view = healthView({ ...OK, submitTriggerMine: false }, 'en');
  expect(view.level).toBe('error');
  expect(view.problems.map((p) => p.id)).toEqual(['noTrigger']);
  expect(view.problems[0].message).toMatch(/^The response trigger is missing/);
});

test('a stall is more than two hours without a run, unless this call just restored the job', () => {
  const at = (ms: number) => new Date(Date.parse('2026-11-23T09:00:00Z') + ms).toISOString().slice(0, 19);
  expect(healthView({ ...OK, now: at(STALL_AFTER_MS) }, 'ru').problems).toEqual([]);
  const stalled = healthView({ ...OK, now: at(STALL_AFTER_MS + 60_000) }, 'ru');
  expect(stalled.problems.map((p) => p.id)).toEqual(['scheduleStalled']);
  expect(stalled.problems[0].message).toBe('Плановая обработка не запускалась с 2026-11-23 09:00. Откройте панель координатором, чтобы восстановить её.');
  expect(healthView({ ...OK, now: at(10 * STALL_AFTER_MS), scheduleRestored: true }, 'ru').problems).toEqual([]);
});

test('an owner who left the coordinators is a warning naming them', () => {
  const view = healthView({ ...OK, ownerIsMe: false, ownerIsCoordinator: false }, 'ru');
  expect(view.level).toBe('warning');
  expect(view.problems[0].message).toContain('a@district.example');
});

test('not set up: only that', () => {
  expect(healthView({ ...OK, setUp: false, authorizationRequired: true }, 'ru').problems.map((p) => p.id)).toEqual(['notSetUp']);
});

test('any facts: JSON-safe, level matches the worst problem, every message filled in', () => {
  const iso = fc.date({ min: new Date('2026-01-01'), max: new Date('2027-01-01'), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 19));
  const facts = fc.record({
    setUp: fc.boolean(), submitTriggerMine: fc.boolean(), triggerOwner: fc.constantFrom('', 'a@district.example', '<img src=x onerror=alert(1)>'),
    ownerIsMe: fc.boolean(), ownerIsCoordinator: fc.boolean(), authorizationRequired: fc.boolean(),
    lastScheduledRun: fc.oneof(fc.constant(''), iso), scheduleRestored: fc.boolean(), now: iso,
    waiting: fc.nat(), rejected: fc.nat(), recalculation: fc.record({ inProgress: fc.boolean(), processed: fc.nat() }),
    settingsProblem: fc.constantFrom('', 'Лист настроек содержит ошибки: =IMPORTXML("x")'),
  });
  fc.assert(
    fc.property(facts, fc.constantFrom('ru' as const, 'en' as const), (f, lang) => {
      const view = healthView(f, lang);
      expect(JSON.parse(JSON.stringify(view))).toEqual(view);
      const worst = view.problems.some((p) => p.level === 'error') ? 'error' : view.problems.length ? 'warning' : 'ok';
      expect(view.level).toBe(worst);
      for (const p of view.problems) expect(p.message).not.toMatch(/\{\w+\}/);
      if (f.setUp && f.authorizationRequired) expect(view.problems.map((p) => p.id)).toContain('authorizationRequired');
    }),
  );
});

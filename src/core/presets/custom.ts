/**
 * The starting point of a district without its own preset: every indicator of the
 * catalog, one monitoring per direction in the months of the most detailed cyclogram
 * (001), and no stated goals (the district writes its own). A district trims it down.
 */
import { Localized } from '../text/i18n';
import { INDICATORS } from '../indicators/catalog';
import { Direction } from '../indicators/types';
import { CyclogramEntry, Preset, Schedule } from './types';

const MONITORINGS: readonly { direction: Direction; title: Localized; schedule: Schedule }[] = [
  {
    direction: 'deficits',
    title: { ru: 'Мониторинг по выявлению профессиональных дефицитов', en: 'Professional deficits' },
    schedule: { kind: 'months', months: [9] },
  },
  {
    direction: 'routes',
    title: { ru: 'Мониторинг по учёту индивидуальных образовательных маршрутов', en: 'Individual routes' },
    schedule: { kind: 'months', months: [10] },
  },
  {
    direction: 'retraining',
    title: { ru: 'Мониторинг профессиональной переподготовки и повышения квалификации', en: 'Retraining and PD' },
    schedule: { kind: 'months', months: [11] },
  },
  {
    direction: 'digital',
    title: { ru: 'Мониторинг цифровой образовательной среды ДПО', en: 'Digital PD environment' },
    schedule: { kind: 'months', months: [11] },
  },
  {
    direction: 'expert',
    title: { ru: 'Мониторинг вовлечения педагогов в экспертную деятельность', en: 'Expert activity' },
    schedule: { kind: 'per_plan' },
  },
  {
    direction: 'methodical_active',
    title: { ru: 'Мониторинг формирования методического актива', en: 'Methodical active' },
    schedule: { kind: 'per_plan' },
  },
  {
    direction: 'mentoring',
    title: { ru: 'Мониторинг поддержки молодых педагогов и наставничества', en: 'Young teachers and mentoring' },
    schedule: { kind: 'months', months: [4] },
  },
  {
    direction: 'network',
    title: { ru: 'Мониторинг сетевого взаимодействия педагогов', en: 'Network interaction' },
    schedule: { kind: 'months', months: [3] },
  },
  {
    direction: 'staffing',
    title: { ru: 'Мониторинг кадровых потребностей', en: 'Staffing needs' },
    schedule: { kind: 'months', months: [8] },
  },
  {
    direction: 'burnout',
    title: { ru: 'Мониторинг профессионального выгорания (методика В.В. Бойко)', en: 'Burnout (Boyko method)' },
    schedule: { kind: 'yearly' },
  },
];

const cyclogram: CyclogramEntry[] = MONITORINGS.map((monitoring) => ({
  id: monitoring.direction,
  direction: monitoring.direction,
  title: monitoring.title,
  schedule: monitoring.schedule,
  indicators: INDICATORS.filter((indicator) => indicator.direction === monitoring.direction).map((i) => i.id),
}));

export const CUSTOM: Preset = {
  id: 'custom',
  title: { ru: 'Свой набор (все показатели)', en: 'Custom (all indicators)' },
  seeds: ['000_amur', '001_krymsk', '002_kbr', '003_krasnodar', '004_verkhnekamsk'],
  reportingPeriod: 'school_year',
  indicators: INDICATORS.map((indicator) => indicator.id),
  cyclogram,
  rubric: { goals: {} },
};

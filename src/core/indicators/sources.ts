/**
 * Where an indicator comes from, in words: the titles of the monitoring directions (as the
 * Krasnodar system lists its nine monitorings, plus burnout prevention) and of the five
 * source documents the catalog cites by SeedId.
 */
import { Localized } from '../text/i18n';
import { Direction, SeedId } from './types';

/** In the order the documents list the monitorings. */
export const DIRECTION_TITLES: Readonly<Record<Direction, Localized>> = {
  deficits: { ru: 'Выявление профессиональных дефицитов', en: 'Identifying professional deficits' },
  routes: { ru: 'Индивидуальные образовательные маршруты', en: 'Individual learning routes' },
  retraining: { ru: 'Профессиональная переподготовка', en: 'Professional retraining' },
  digital: { ru: 'Цифровая образовательная среда ДПО', en: 'Digital environment of further training' },
  expert: { ru: 'Вовлечение педагогов в экспертную деятельность', en: 'Teachers in expert work' },
  methodical_active: { ru: 'Методический актив', en: 'Methodical activists' },
  mentoring: { ru: 'Молодые педагоги и наставничество', en: 'Young teachers and mentoring' },
  network: { ru: 'Сетевое взаимодействие педагогов', en: 'Teachers’ network interaction' },
  staffing: { ru: 'Кадровые потребности', en: 'Staffing needs' },
  burnout: { ru: 'Профилактика профессионального выгорания', en: 'Burnout prevention' },
};

export const DIRECTIONS = Object.keys(DIRECTION_TITLES) as Direction[];

/** The source documents (shared/seeds), as a coordinator would look them up. */
export const SEED_TITLES: Readonly<Record<SeedId, Localized>> = {
  '000_amur': {
    ru: 'Порядок проведения мониторинга системы обеспечения профессионального развития педагогических работников Амурского муниципального района',
    en: 'Procedure for monitoring the system of teachers’ professional development, Amur district',
  },
  '001_krymsk': {
    ru: 'Приказ управления образования МО Крымский район от 04.03.2014 № 168-09 «Об организации работы по обеспечению профессионального развития педагогических работников»',
    en: 'Order No. 168-09 of 04.03.2014 of the Krymsk district education department on teachers’ professional development',
  },
  '002_kbr': {
    ru: 'Приказ ГБУ ДПО «Центр непрерывного повышения профессионального мастерства педагогических работников» КБР от 03.11.2020 № 28/1 «О проведении мониторинга»',
    en: 'Order No. 28/1 of 03.11.2020 of the Kabardino-Balkaria centre for teachers’ continuous professional development on monitoring',
  },
  '003_krasnodar': {
    ru: 'Система мониторингов обеспечения профессионального развития педагогических работников Краснодарского края',
    en: 'The monitoring system of teachers’ professional development, Krasnodar krai',
  },
  '004_verkhnekamsk': {
    ru: 'Система обеспечения профессионального развития педагогических работников (Верхнекамский округ)',
    en: 'The system of teachers’ professional development (Verkhnekamsk)',
  },
};

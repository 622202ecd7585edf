/**
 * Every indicator of the five seed documents, as data. Where seeds name the same
 * indicator (or one names its count and another its share) one entry serves them all
 * and lists every seed. A share always carries its numerator, so a seed that asks for
 * "the number of …" reads it there.
 */
import { Localized } from '../text/i18n';
import { HIGH_BURNOUT_SCHOOL_PERCENT } from '../aggregate';
import { PeriodKind } from '../periods';
import { COMPETENCE_LEVELS, DEFICIT_TYPES, DIAGNOSED_DEFICIT_TYPES } from './measures';
import {
  Direction,
  FieldId,
  IndicatorDef,
  MeasureId,
  Operand,
  SchoolCondition,
  SeedId,
  SharedPositionId,
} from './types';

const AMUR: SeedId = '000_amur';
const KRYMSK: SeedId = '001_krymsk';
const KBR: SeedId = '002_kbr';
const KRASNODAR: SeedId = '003_krasnodar';
const VERKHNEKAMSK: SeedId = '004_verkhnekamsk';

const TEACHERS: Operand = { field: 'teachers_total' };

/** An indicator as its section lists it: the section gives its direction and rubric position. */
type Entry = Omit<IndicatorDef, 'direction' | 'rubricPosition'>;

interface Common {
  id: string;
  seeds: SeedId[];
  title: Localized;
  note?: Localized;
  subjectBreakdown?: boolean;
}

function base(c: Common): Pick<Entry, 'id' | 'title' | 'seeds' | 'note' | 'subjectBreakdown'> {
  return {
    id: c.id,
    title: c.title,
    seeds: c.seeds,
    ...(c.note ? { note: c.note } : {}),
    ...(c.subjectBreakdown ? { subjectBreakdown: true } : {}),
  };
}

/**
 * The indicators of one direction serving one rubric position. Said once per section
 * rather than per indicator, since a direction's indicators mostly share it.
 */
function section(direction: Direction, position: SharedPositionId | null, entries: readonly Entry[]): IndicatorDef[] {
  return entries.map(({ id, title, seeds, ...rest }) => ({ id, direction, title, seeds, rubricPosition: position, ...rest }));
}

/** A share of two school-report operands (of all teachers unless said otherwise). */
function share(c: Common, numerator: FieldId | Operand, denominator: Operand = TEACHERS): Entry {
  return {
    ...base(c),
    kind: 'share',
    numerator: typeof numerator === 'string' ? { field: numerator } : numerator,
    denominator,
    unit: '%',
    source: 'school_report',
  };
}

/** The share of the district's schools whose report meets a condition (a school not reporting does not). */
function schoolsShare(c: Common, condition: SchoolCondition): Entry {
  return {
    ...base(c),
    kind: 'share',
    numerator: { schoolsWhere: condition },
    denominator: { schools: 'district' },
    unit: '%',
    source: 'school_report',
  };
}

/** A sum of a school-report field. */
function count(c: Common, field: FieldId, unit: IndicatorDef['unit'] = 'count'): Entry {
  return { ...base(c), kind: 'count', numerator: { field }, unit, source: 'school_report' };
}

function districtPresence(c: Common, field: FieldId): Entry {
  return { ...base(c), kind: 'presence', numerator: { field }, unit: 'yes/no', source: 'district_report' };
}

function districtCount(c: Common, field: FieldId): Entry {
  return { ...base(c), kind: 'count', numerator: { field }, unit: 'count', source: 'district_report' };
}

function instrumentOf(measure: MeasureId): string {
  return measure.slice(0, measure.indexOf('.'));
}

/** The share of respondents whose flag measure is set. */
function surveyShare(c: Common, measure: MeasureId): Entry {
  return {
    ...base({ ...c, subjectBreakdown: true }),
    kind: 'share',
    numerator: { respondentsWhere: measure },
    denominator: { respondentsWith: measure },
    unit: '%',
    source: `survey:${instrumentOf(measure)}`,
  };
}

/** The respondents' mean of a score measure. */
function surveyMean(c: Common, measure: MeasureId): Entry {
  return {
    ...base({ ...c, subjectBreakdown: true }),
    kind: 'mean',
    numerator: { measureSum: measure },
    denominator: { respondentsWith: measure },
    unit: 'index',
    source: `survey:${instrumentOf(measure)}`,
  };
}

/** Defined beside the privacy threshold (core/aggregate.ts), which the settings also default from. */
export { HIGH_BURNOUT_SCHOOL_PERCENT };

export const INDICATORS: readonly IndicatorDef[] = [
  // === 1. Professional deficits =========================================================
  ...section('deficits', 'support', [
    share(
      {
        id: 'deficits.diagnosed_share',
        seeds: [KRYMSK, KBR, KRASNODAR, VERKHNEKAMSK],
        subjectBreakdown: true,
        title: {
          ru: 'Доля педагогов, прошедших диагностику профессиональных дефицитов, от общего количества педагогов',
          en: 'Share of teachers who took part in professional deficits diagnostics',
        },
      },
      'teachers_diagnosed',
    ),
    share(
      {
        id: 'deficits.diagnosed_regional_share',
        seeds: [AMUR],
        subjectBreakdown: true,
        title: {
          ru: 'Доля педагогов, участвовавших в диагностике профессиональных дефицитов на региональном уровне, от общего количества педагогов',
          en: 'Share of teachers who took part in professional deficits diagnostics at regional level',
        },
      },
      'teachers_diagnosed_regional',
    ),
    share(
      {
        id: 'deficits.found_share',
        seeds: [KRYMSK],
        title: {
          ru: 'Доля педагогов, прошедших диагностику, у которых выявлены профессиональные дефициты',
          en: 'Share of diagnosed teachers with deficits found',
        },
      },
      'teachers_with_deficits',
      { field: 'teachers_diagnosed' },
    ),
    ...DEFICIT_TYPES.map((type) =>
      surveyShare(
        {
          id: `deficits.type_${type.key}`,
          seeds: [KBR],
          title: {
            ru: `Доля педагогов с дефицитом вида «${type.title.ru}» (по самопроверке в опросе PD Monitor, среди ответивших)`,
            en: `Share of teachers with ${type.title.en} deficits (PD Monitor self-check, of its respondents)`,
          },
        },
        `deficits.type_${type.key}`,
      ),
    ),
    ...DIAGNOSED_DEFICIT_TYPES.map((type) =>
      share(
        {
          id: `deficits.diagnosed_type_${type.key}`,
          seeds: [KBR],
          title: {
            ru: `Доля педагогов с дефицитом вида «${type.title.ru}» по данным диагностики, от прошедших диагностику`,
            en: `Share of teachers diagnosed with ${type.title.en} deficits, of the teachers diagnosed`,
          },
          note: {
            ru: 'Источник — данные диагностики (ЦНППМ), которые школа переносит в отчёт: число педагогов с этим видом дефицита из прошедших диагностику.',
            en: "Source: the diagnostics' own data (the regional PD centre) as the school reports it.",
          },
        },
        `teachers_deficit_${type.key}`,
        { field: 'teachers_diagnosed' },
      ),
    ),
    ...COMPETENCE_LEVELS.map((level) =>
      share(
        {
          id: `deficits.level_${level.key}`,
          seeds: [KRYMSK],
          title: {
            ru: `Уровень ${level.title.ru}: доля педагогов с уровнем не ниже достаточного`,
            en: `Level of ${level.title.en}: share of teachers at a sufficient or high level`,
          },
          note: {
            ru: 'Источник — диагностика профессиональных дефицитов: школа сообщает, скольких из прошедших диагностику она отнесла к достаточному или высокому уровню; знаменатель — прошедшие диагностику.',
            en: 'Source: the deficits diagnostics; the school reports how many of the teachers diagnosed it placed at a sufficient or high level; the denominator is the teachers diagnosed.',
          },
        },
        `teachers_level_${level.key}`,
        { field: 'teachers_diagnosed' },
      ),
    ),
    districtPresence(
      {
        id: 'deficits.regulation',
        seeds: [KRYMSK, KRASNODAR],
        title: {
          ru: 'Наличие нормативного акта, регулирующего выявление профессиональных дефицитов',
          en: 'A regulation governing deficits diagnostics exists',
        },
      },
      'd_deficits_regulation',
    ),
    districtPresence(
      {
        id: 'deficits.methodical_basis',
        seeds: [KRYMSK, KRASNODAR],
        title: {
          ru: 'Наличие методического обоснования по выявлению профессиональных дефицитов',
          en: 'A methodical justification of deficits diagnostics exists',
        },
      },
      'd_deficits_methodical_basis',
    ),
  ]),
  // === 2. Individual routes (ИОМ) =======================================================
  ...section('routes', 'support', [
    districtPresence(
      {
        id: 'routes.regulation',
        seeds: [KRYMSK, KRASNODAR],
        title: {
          ru: 'Наличие нормативного акта, регулирующего учёт индивидуальных образовательных маршрутов',
          en: 'A regulation governing the register of individual routes exists',
        },
      },
      'd_routes_regulation',
    ),
    share(
      {
        id: 'routes.deficit_routes_share',
        seeds: [KRYMSK, KBR, KRASNODAR, VERKHNEKAMSK],
        title: {
          ru: 'Доля педагогов, для которых на основе диагностики профессиональных дефицитов составлен ИОМ',
          en: 'Share of teachers with an individual route built on the deficits diagnostics',
        },
        note: {
          ru: 'Знаменатель — все педагоги (ОО-1), как в источниках данных 003.',
          en: 'Denominator: all teachers (form OO-1), as in the data sources of 003.',
        },
      },
      'teachers_route_deficits',
    ),
    share(
      {
        id: 'routes.growth_routes_share',
        seeds: [KRYMSK],
        title: {
          ru: 'Доля педагогов с ИОМ профессионального роста из числа педагогов, у которых не выявлены дефициты',
          en: 'Share of teachers without deficits who have a professional growth route',
        },
        note: {
          ru: 'Знаменатель — прошедшие диагностику минус педагоги с выявленными дефицитами.',
          en: 'Denominator: teachers diagnosed minus teachers with deficits found.',
        },
      },
      'teachers_route_growth',
      { difference: ['teachers_diagnosed', 'teachers_with_deficits'] },
    ),
    share(
      {
        id: 'routes.activities_share',
        seeds: [KRYMSK, KRASNODAR],
        title: {
          ru: 'Доля педагогов, принявших участие в мероприятиях по устранению дефицитов в рамках ИОМ',
          en: 'Share of teachers who took part in route activities addressing deficits',
        },
      },
      'teachers_route_activities',
    ),
    share(
      {
        id: 'routes.federal_register_pd_share',
        seeds: [VERKHNEKAMSK],
        title: {
          ru: 'Доля педагогов, прошедших повышение квалификации по программам из Федерального реестра',
          en: 'Share of teachers who completed PD in Federal Register programmes',
        },
      },
      'teachers_pd_federal_register',
    ),
  ]),
  // === 3. Retraining and PD courses =====================================================
  ...section('retraining', 'support', [
    districtPresence(
      {
        id: 'retraining.needs_monitoring',
        seeds: [KRYMSK],
        title: {
          ru: 'Проведение опережающего мониторинга потребности в профессиональной переподготовке',
          en: 'A forward-looking survey of retraining needs was run',
        },
      },
      'd_retraining_needs_monitoring',
    ),
    share(
      {
        id: 'retraining.pedagogical_share',
        seeds: [KRYMSK, KBR, KRASNODAR, VERKHNEKAMSK],
        title: {
          ru: 'Доля прошедших профессиональную переподготовку по программам педагогической направленности в общем числе прошедших переподготовку',
          en: 'Share of retraining in pedagogical programmes among all retrained',
        },
      },
      'teachers_retrained_pedagogical',
      { field: 'teachers_retrained' },
    ),
    share(
      {
        id: 'retraining.retrained_share',
        seeds: [VERKHNEKAMSK],
        title: {
          ru: 'Доля педагогов, обучившихся по программам профессиональной переподготовки',
          en: 'Share of teachers who completed retraining',
        },
      },
      'teachers_retrained',
    ),
    share(
      {
        id: 'retraining.pd_share',
        seeds: [VERKHNEKAMSK],
        title: {
          ru: 'Доля педагогов, обучившихся по программам повышения квалификации',
          en: 'Share of teachers who completed PD courses',
        },
      },
      'teachers_pd',
    ),
    share(
      {
        id: 'retraining.ict_pd_share',
        seeds: [VERKHNEKAMSK],
        title: {
          ru: 'Доля педагогов, обучившихся по программам повышения квалификации в области ИКТ',
          en: 'Share of teachers who completed ICT PD courses',
        },
      },
      'teachers_pd_ict',
    ),
    districtCount(
      {
        id: 'retraining.listener_categories',
        seeds: [VERKHNEKAMSK],
        title: {
          ru: 'Охват различных категорий слушателей (число категорий)',
          en: 'Coverage of learner categories (number of categories)',
        },
      },
      'd_listener_categories',
    ),
    share(
      {
        id: 'retraining.targeted_pd_share',
        seeds: [KBR],
        title: {
          ru: 'Доля педагогов, охваченных адресными программами ПК, разработанными на основе диагностики дефицитов',
          en: 'Share of teachers in targeted PD programmes built on the deficits diagnostics',
        },
      },
      'teachers_pd_targeted',
    ),
  ]),
  // === 4. Digital PD environment =========================================================
  ...section('digital', 'support', [
    share(
      {
        id: 'digital.distance_pd_share',
        seeds: [KBR, KRASNODAR],
        title: {
          ru: 'Доля педагогов, прошедших обучение по программам ДПО в дистанционной форме',
          en: 'Share of teachers trained in further education programmes remotely',
        },
      },
      'teachers_pd_distance',
    ),
    {
      ...base({
        id: 'digital.elearning_programmes_share',
        seeds: [KBR, KRASNODAR],
        title: {
          ru: 'Доля программ ДПО, реализуемых с применением электронного обучения, разработанных в регионе',
          en: 'Share of further education programmes developed in the region that use e-learning',
        },
      }),
      kind: 'share',
      numerator: { field: 'd_dpo_programmes_elearning' },
      denominator: { field: 'd_dpo_programmes' },
      unit: '%',
      source: 'district_report',
    },
  ]),
  // === 5. Expert activity ================================================================
  ...section('expert', 'support', [
    share(
      {
        id: 'expert.experts_share',
        seeds: [AMUR, VERKHNEKAMSK],
        title: {
          ru: 'Доля педагогов, вовлечённых в экспертную деятельность (эксперт, член жюри, конкурсной комиссии)',
          en: 'Share of teachers acting as experts (expert, jury or commission member)',
        },
        note: {
          ru: 'Числитель — «количество педагогов, вовлечённых в экспертную деятельность» (004).',
          en: 'The numerator is "the number of teachers involved in expert activity" of 004.',
        },
      },
      'teachers_experts',
    ),
    count(
      {
        id: 'expert.experts_count',
        seeds: [VERKHNEKAMSK],
        title: { ru: 'Количество педагогов, вовлечённых в экспертную деятельность', en: 'Teachers acting as experts' },
      },
      'teachers_experts',
    ),
    districtPresence(
      {
        id: 'expert.gia_results',
        seeds: [KRYMSK, KRASNODAR],
        title: {
          ru: 'Результаты участия обучающихся в оценочных процедурах (оперативные данные ГИА)',
          en: "Students' results in assessment procedures (state exam data)",
        },
        note: {
          ru: 'Источник данных мониторинга, который называет документ: отмечается, получены ли и проанализированы ли результаты.',
          en: 'A data source the document names: whether the results were obtained and analysed.',
        },
      },
      'd_gia_results',
    ),
    share(
      {
        id: 'expert.competitions_share',
        seeds: [AMUR],
        title: {
          ru: 'Доля педагогов, принявших участие в конкурсах профессионального мастерства',
          en: 'Share of teachers who took part in professional skill competitions',
        },
      },
      'teachers_in_competitions',
    ),
    districtPresence(
      {
        id: 'expert.regulation',
        seeds: [KRYMSK, KRASNODAR],
        title: {
          ru: 'Наличие нормативного акта, регулирующего достижения педагогов в области экспертной деятельности',
          en: "A regulation governing teachers' achievements in expert activity exists",
        },
      },
      'd_expert_regulation',
    ),
    count(
      {
        id: 'expert.achievements',
        seeds: [KRYMSK, KRASNODAR],
        title: {
          ru: 'Достижения педагогов и их обучающихся по направлениям экспертной деятельности',
          en: 'Achievements of teachers and their students in expert activity',
        },
      },
      'expert_achievements',
    ),
    count(
      {
        id: 'expert.regional_federal_experts',
        seeds: [KRYMSK, KRASNODAR],
        title: {
          ru: 'Численность педагогов, включённых в экспертную деятельность регионального, федерального уровней',
          en: 'Teachers acting as experts at regional or federal level',
        },
      },
      'teachers_experts_regional',
    ),
    count(
      {
        id: 'expert.gia_experts',
        seeds: [KBR],
        title: {
          ru: 'Подготовка экспертов для работы в региональной предметной комиссии при проведении ГИА (число экспертов)',
          en: 'Experts prepared for the regional state exam subject commission',
        },
      },
      'teachers_gia_experts',
    ),
  ]),
  // === 6. Methodical active ==============================================================
  ...section('methodical_active', 'associations', [
    share(
      {
        id: 'active.members_share',
        seeds: [KBR, KRASNODAR],
        subjectBreakdown: true,
        title: {
          ru: 'Доля педагогов, вошедших в методический актив, от общего числа педагогов',
          en: 'Share of teachers in the methodical active',
        },
      },
      'teachers_methodical_active',
    ),
    share(
      {
        id: 'active.methodical_assessment_share',
        seeds: [KRASNODAR],
        subjectBreakdown: true,
        title: {
          ru: 'Доля педагогов, принявших участие в процедуре оценки методических компетенций (данные ФИОКО)',
          en: 'Share of teachers who took part in the methodical competence assessment (FIOKO data)',
        },
      },
      'teachers_methodical_assessed',
    ),
    districtPresence(
      {
        id: 'active.regulation',
        seeds: [KRASNODAR],
        title: { ru: 'Наличие нормативного акта о формировании методического актива', en: 'A regulation on the methodical active exists' },
      },
      'd_active_regulation',
    ),
    share(
      {
        id: 'active.cnppm_share',
        seeds: [KBR],
        title: {
          ru: 'Доля педагогов, привлекаемых для работы в центры непрерывного повышения профессионального мастерства',
          en: 'Share of teachers engaged by the regional PD centres',
        },
      },
      'teachers_cnppm',
    ),
  ]),
  // === 7. Young teachers and mentoring ===================================================
  ...section('mentoring', 'mentoring', [
    districtCount(
      {
        id: 'mentoring.young_support_projects',
        seeds: [AMUR],
        title: {
          ru: 'Наличие проектов по поддержке молодых педагогов, в том числе региональных (количество)',
          en: 'Projects supporting young teachers, including regional ones (number)',
        },
      },
      'd_young_support_projects',
    ),
    share(
      {
        id: 'mentoring.young_projects_share',
        seeds: [AMUR],
        title: {
          ru: 'Доля педагогов, участвующих в проектах по поддержке молодых педагогов',
          en: 'Share of teachers taking part in projects supporting young teachers',
        },
      },
      'teachers_in_young_projects',
    ),
    share(
      {
        id: 'mentoring.participants_share',
        seeds: [KBR],
        title: {
          ru: 'Доля педагогов, участвующих в программах наставничества',
          en: 'Share of teachers in mentoring programmes',
        },
      },
      'teachers_in_mentoring',
    ),
    share(
      {
        id: 'mentoring.methodist_supported_share',
        seeds: [KBR],
        title: {
          ru: 'Доля молодых педагогов, сопровождаемых педагогами-методистами, прошедшими региональный отбор',
          en: 'Share of young teachers supported by methodists selected by the region',
        },
        note: {
          ru: 'Знаменатель — молодые специалисты: источник данных 002 — «сведения о молодых педагогах».',
          en: 'Denominator: young specialists, since 002 names "data on young teachers" as the source.',
        },
      },
      'young_specialists_methodist',
      { field: 'young_specialists' },
    ),
    districtPresence(
      {
        id: 'mentoring.regulation',
        seeds: [KRYMSK],
        title: { ru: 'Наличие Положения о наставничестве', en: 'A mentoring regulation exists' },
      },
      'd_mentoring_regulation',
    ),
    districtPresence(
      {
        id: 'mentoring.individual_plans',
        seeds: [KRYMSK],
        title: { ru: 'Наличие индивидуальных планов работы', en: 'Individual work plans exist' },
      },
      'd_mentoring_individual_plans',
    ),
    schoolsShare(
      {
        id: 'mentoring.regulation_schools_share',
        seeds: [VERKHNEKAMSK],
        title: {
          ru: 'Доля ОО, в которых разработано положение о наставничестве',
          en: 'Share of schools with a mentoring regulation',
        },
      },
      { field: 'has_mentoring_regulation', is: 'yes' },
    ),
    schoolsShare(
      {
        id: 'mentoring.target_model_schools_share',
        seeds: [KRYMSK],
        title: {
          ru: 'Доля школ, реализующих целевую модель наставничества педагогических работников',
          en: "Share of schools implementing the target model of teachers' mentoring",
        },
      },
      { field: 'implements_target_mentoring_model', is: 'yes' },
    ),
    share(
      {
        id: 'mentoring.under_35_share',
        seeds: [VERKHNEKAMSK],
        title: { ru: 'Доля педагогов в возрасте до 35 лет, работающих в ОО', en: 'Share of teachers under 35' },
        note: {
          ru: 'Из отчёта школы, а не из анкет: показатель о всех работающих педагогах, а не об ответивших.',
          en: 'From the school report, not from surveys: it is about all teachers employed, not respondents.',
        },
      },
      'teachers_under_35',
    ),
    count(
      {
        id: 'mentoring.young_mentees',
        seeds: [VERKHNEKAMSK],
        title: {
          ru: 'Общая численность молодых специалистов (стаж 0–3 года), вошедших в программы наставничества в роли наставляемого',
          en: 'Young specialists (0–3 years) who are mentees in mentoring programmes',
        },
      },
      'young_specialists_mentees',
    ),
    share(
      {
        id: 'mentoring.young_routes_share',
        seeds: [KRYMSK],
        title: {
          ru: 'Доля индивидуальных маршрутов, разработанных и реализованных для молодых педагогов в целях устранения дефицитов',
          en: 'Share of young teachers with an individual route addressing their deficits',
        },
      },
      'young_specialists_with_route',
      { field: 'young_specialists' },
    ),
    surveyMean(
      {
        id: 'mentoring.satisfaction_mentees',
        seeds: [KRYMSK],
        title: {
          ru: 'Уровень удовлетворённости наставляемых из числа молодых педагогов участием в программах наставничества',
          en: 'Satisfaction of mentees (young teachers) with mentoring programmes',
        },
      },
      'mentoring.index_mentee',
    ),
    surveyMean(
      {
        id: 'mentoring.satisfaction_mentors',
        seeds: [KRYMSK],
        title: {
          ru: 'Уровень удовлетворённости наставников молодых педагогов участием в программах наставничества',
          en: 'Satisfaction of mentors with mentoring programmes',
        },
      },
      'mentoring.index_mentor',
    ),
    districtPresence(
      {
        id: 'mentoring.young_deficits_research',
        seeds: [KRYMSK],
        title: {
          ru: 'Аналитические исследования, мониторинги по выявлению профессиональных дефицитов молодых педагогов',
          en: "Studies and monitorings of young teachers' deficits",
        },
      },
      'd_young_deficits_research',
    ),
    districtPresence(
      {
        id: 'mentoring.young_targeted_planning',
        seeds: [KRYMSK],
        title: {
          ru: 'Адресное планирование работы с учётом выявленных профессиональных дефицитов молодых педагогов',
          en: "Targeted planning of work with young teachers' deficits in mind",
        },
      },
      'd_young_targeted_planning',
    ),
    districtCount(
      {
        id: 'mentoring.young_best_practices',
        seeds: [KRYMSK],
        title: {
          ru: 'Выявление лучших педагогических практик молодых специалистов, обобщение и диссеминация (число практик)',
          en: "Young specialists' best practices identified and disseminated (number)",
        },
      },
      'd_young_best_practices',
    ),
    districtCount(
      {
        id: 'mentoring.young_network_events',
        seeds: [KRYMSK],
        title: {
          ru: 'Мероприятия, направленные на профессиональное развитие молодых специалистов, в сетевой форме (число)',
          en: 'Network events for the professional development of young specialists (number)',
        },
      },
      'd_young_network_events',
    ),
    districtPresence(
      {
        id: 'mentoring.mentors_pd_schedule',
        seeds: [KRYMSK],
        title: {
          ru: 'Наличие графика прохождения курсов повышения квалификации педагогами-наставниками',
          en: 'A PD course schedule for mentors exists',
        },
      },
      'd_mentors_pd_schedule',
    ),
    districtPresence(
      {
        id: 'mentoring.monitoring_system',
        seeds: [KRYMSK, KRASNODAR],
        title: {
          ru: 'Наличие муниципальной системы мониторинга результатов поддержки молодых педагогов и/или наставничества',
          en: 'A municipal monitoring system of young teacher support and/or mentoring exists',
        },
      },
      'd_mentoring_monitoring_system',
    ),
    districtPresence(
      {
        id: 'mentoring.regulation_act',
        seeds: [KRASNODAR],
        title: {
          ru: 'Наличие нормативного акта о поддержке молодых педагогов и реализации программ наставничества',
          en: 'A regulation on young teacher support and mentoring programmes exists',
        },
      },
      'd_mentoring_regulation_act',
    ),
    districtPresence(
      {
        id: 'mentoring.mentors_work_plan',
        seeds: [KRYMSK],
        title: { ru: 'План работы педагогов-наставников', en: "Mentors' work plan" },
      },
      'd_mentors_work_plan',
    ),
    districtPresence(
      {
        id: 'mentoring.internship_plan',
        seeds: [KRYMSK],
        title: { ru: 'План стажировки молодых педагогов', en: 'Internship plan for young teachers' },
      },
      'd_young_internship_plan',
    ),
    districtPresence(
      {
        id: 'mentoring.open_lessons_plan',
        seeds: [KRYMSK],
        title: {
          ru: 'План проведения открытых занятий и мероприятий для молодых педагогов',
          en: 'Plan of open lessons and events for young teachers',
        },
      },
      'd_young_open_lessons_plan',
    ),
  ]),
  // === 8. Network interaction ============================================================
  ...section('network', 'network', [
    share(
      {
        id: 'network.teachers_share',
        seeds: [AMUR, KRYMSK, KBR, KRASNODAR],
        title: {
          ru: 'Доля педагогов, включённых в сетевое взаимодействие (методические объединения, профессиональные сообщества)',
          en: 'Share of teachers in network communities',
        },
        note: {
          ru: 'Числитель — «количество участников сетевых сообществ педагогов» (001).',
          en: 'The numerator is "the number of members of network communities" of 001.',
        },
      },
      'teachers_in_network',
    ),
    schoolsShare(
      {
        id: 'network.schools_share',
        seeds: [KRYMSK, KRASNODAR, VERKHNEKAMSK],
        title: {
          ru: 'Доля образовательных организаций, педагогические работники которых включены в сетевое взаимодействие',
          en: 'Share of schools whose teachers take part in network interaction',
        },
        note: {
          ru: 'Числитель — «количество ОО района, включённых в сетевое взаимодействие» (004); школа включена, если в ней есть хотя бы один педагог-участник.',
          en: 'The numerator is "the number of schools in network interaction" of 004; a school counts when at least one of its teachers takes part.',
        },
      },
      { field: 'teachers_in_network', is: 'positive' },
    ),
    count(
      {
        id: 'network.participants',
        seeds: [KRYMSK],
        title: { ru: 'Количество участников сетевых сообществ педагогов', en: 'Teachers in network communities' },
        note: {
          ru: '001 ставит целью увеличение этого количества: смотрите изменение к прошлому периоду (по тем же школам).',
          en: '001 aims to increase this number: see the change against the previous period (same schools).',
        },
      },
      'teachers_in_network',
    ),
    {
      ...base({
        id: 'network.schools_count',
        seeds: [KRYMSK, VERKHNEKAMSK],
        title: {
          ru: 'Количество образовательных организаций, включённых в сетевое взаимодействие',
          en: 'Schools in network interaction',
        },
        note: {
          ru: 'Школа включена, если в ней есть хотя бы один педагог — участник сетевых сообществ.',
          en: 'A school counts when at least one of its teachers takes part in network communities.',
        },
      }),
      kind: 'count',
      numerator: { schoolsWhere: { field: 'teachers_in_network', is: 'positive' } },
      unit: 'count',
      source: 'school_report',
    },
    districtPresence(
      {
        id: 'network.schools_interaction',
        seeds: [VERKHNEKAMSK],
        title: { ru: 'Наличие сетевого взаимодействия образовательных организаций', en: 'Schools interact as a network' },
      },
      'd_schools_network_interaction',
    ),
    count(
      {
        id: 'network.project_participants',
        seeds: [KRYMSK],
        title: {
          ru: 'Вовлечение участников образовательных отношений в социально значимые проекты через сетевое взаимодействие (число участников)',
          en: 'Participants of education in socially significant network projects (people)',
        },
      },
      'project_participants',
    ),
  ]),
  ...section('network', 'associations', [
    ...([
      ['mo_regulations', 'd_mo_regulations', 'Наличие нормативно-правовых документов поддержки системы методической работы', 'Regulations supporting methodical work exist'],
      ['mo_programme', 'd_mo_programme', 'Наличие муниципальной программы развития муниципальной методической работы', 'A district programme for methodical work exists'],
      ['rmo_plan', 'd_rmo_plan', 'Наличие плана заседаний РМО', 'A meeting plan of district methodical associations exists'],
      ['smo_recommendations', 'd_smo_recommendations', 'Наличие методических рекомендаций по развитию ШМО, по созданию и функционированию школьных методических советов', 'Guidance on school methodical associations and councils exists'],
      ['methodical_council', 'd_methodical_council', 'Организация работы муниципального методического совета по развитию школьных методических служб', 'A district methodical council for school methodical services works'],
    ] as const).map(([key, field, ru, en]) =>
      districtPresence({ id: `network.${key}`, seeds: [KRYMSK], title: { ru, en } }, field),
    ),
    districtCount(
      {
        id: 'network.associations',
        seeds: [AMUR, VERKHNEKAMSK],
        title: {
          ru: 'Наличие методических объединений, профессиональных сообществ педагогов на муниципальном уровне (количество РМО)',
          en: 'District methodical associations and professional communities (number)',
        },
      },
      'd_methodical_associations',
    ),
  ]),
  ...section('network', 'network', [
    districtCount(
      {
        id: 'network.events',
        seeds: [KRYMSK],
        title: {
          ru: 'Количество мероприятий, проводимых в форме сетевого взаимодействия педагогов',
          en: 'Events held as network interaction of teachers',
        },
      },
      'd_network_events',
    ),
    districtCount(
      {
        id: 'network.projects',
        seeds: [VERKHNEKAMSK],
        title: {
          ru: 'Сетевые проекты (количество; «наличие сетевых проектов» — больше нуля)',
          en: 'Network projects (number; "network projects exist" when above zero)',
        },
      },
      'd_network_projects',
    ),
    count(
      {
        id: 'network.creative_works',
        seeds: [KRYMSK],
        title: {
          ru: 'Количество творческих работ педагогов, представленных через сетевые формы взаимодействия',
          en: "Teachers' creative works presented through network forms",
        },
      },
      'network_creative_works',
    ),
    surveyMean(
      {
        id: 'network.technology_mastery',
        seeds: [KRYMSK],
        title: {
          ru: 'Уровень овладения педагогами новыми образовательными технологиями через сетевые сообщества',
          en: 'Mastery of new educational technologies through network communities',
        },
      },
      'network.tech_mastery',
    ),
    surveyMean(
      {
        id: 'network.satisfaction',
        seeds: [KRYMSK],
        title: {
          ru: 'Степень удовлетворённости педагогов результатами работы через сетевые формы взаимодействия',
          en: 'Teachers’ satisfaction with network forms of work',
        },
      },
      'network.index',
    ),
    districtPresence(
      {
        id: 'network.regulation',
        seeds: [KRYMSK, KRASNODAR],
        title: {
          ru: 'Наличие нормативного акта о сетевом взаимодействии педагогов (методических объединений)',
          en: 'A regulation on network interaction of teachers exists',
        },
      },
      'd_network_regulation',
    ),
    share(
      {
        id: 'network.dpo_involvement_share',
        seeds: [KBR],
        title: {
          ru: 'Привлечение педагогов к реализации программ ДПО (доля педагогов)',
          en: 'Teachers engaged in delivering further education programmes (share)',
        },
      },
      'teachers_dpo_trainers',
    ),
  ]),
  // === 9. Staffing needs =================================================================
  ...section('staffing', null, [
    share(
      {
        id: 'staffing.staffing_level',
        seeds: [AMUR, KRASNODAR],
        title: {
          ru: 'Обеспеченность образовательных организаций педагогическими кадрами',
          en: 'Staffing level of schools with teachers',
        },
        note: {
          ru: 'Занятые ставки ÷ ставки по штату.',
          en: 'Filled staff rates ÷ staff rates by the schedule.',
        },
      },
      'staff_rates_filled',
      { field: 'staff_rates_schedule' },
    ),
    schoolsShare(
      {
        id: 'staffing.fully_staffed_schools_share',
        seeds: [VERKHNEKAMSK],
        title: {
          ru: 'Доля ОО, обеспеченных педагогическими и руководящими кадрами на 100 %',
          en: 'Share of schools fully (100 %) staffed',
        },
        note: { ru: 'Школа без вакантных должностей.', en: 'A school with no vacant positions.' },
      },
      { field: 'vacancies', is: 'zero' },
    ),
    count(
      {
        id: 'staffing.vacancies',
        seeds: [KRYMSK, KRASNODAR, VERKHNEKAMSK],
        title: { ru: 'Число вакансий по должностям', en: 'Vacant positions' },
        note: {
          ru: '«Наличие вакантных должностей» (004): число больше нуля.',
          en: '"Vacant positions exist" (004): the number is above zero.',
        },
      },
      'vacancies',
    ),
    ...([
      ['teachers', 'vacancies_teachers', 'Число вакансий: учителя', 'Vacancies: teachers'],
      ['specialists', 'vacancies_specialists', 'Число вакансий: педагоги-психологи, социальные педагоги, учителя-логопеды, дефектологи, тьюторы', 'Vacancies: psychologists, social pedagogues, speech therapists, defectologists, tutors'],
      ['management', 'vacancies_management', 'Число вакансий: руководящие работники', 'Vacancies: management'],
    ] as const).map(([key, field, ru, en]) =>
      count({ id: `staffing.vacancies_${key}`, seeds: [KRYMSK], title: { ru, en } }, field),
    ),
    districtPresence(
      {
        id: 'staffing.regulation',
        seeds: [KRASNODAR],
        title: { ru: 'Наличие нормативного акта о выявлении кадровых потребностей', en: 'A regulation on identifying staffing needs exists' },
      },
      'd_staffing_regulation',
    ),
    count(
      {
        id: 'staffing.rates_schedule',
        seeds: [KRYMSK],
        title: { ru: 'Число ставок по штату', en: 'Staff rates by the schedule' },
      },
      'staff_rates_schedule',
      'rates',
    ),
    count(
      {
        id: 'staffing.rates_need',
        seeds: [KRYMSK],
        title: { ru: 'Фактическая потребность в ставках', en: 'Actual need in staff rates' },
      },
      'staff_rates_need',
      'rates',
    ),
    count(
      {
        id: 'staffing.headcount',
        seeds: [KRYMSK],
        title: { ru: 'Списочная численность работников', en: 'Staff headcount' },
      },
      'staff_headcount',
    ),
    {
      ...base({
        id: 'staffing.average_age',
        seeds: [KRYMSK],
        title: { ru: 'Средний возраст педагогических работников', en: 'Average age of teachers' },
        note: {
          ru: 'Средний возраст по школам, взвешенный по числу педагогов: Σ(возраст × педагоги) ÷ Σ педагоги.',
          en: "Schools' average ages weighted by their teachers: Σ(age × teachers) ÷ Σ teachers.",
        },
      }),
      kind: 'mean',
      numerator: { weighted: 'teachers_average_age', by: 'teachers_total' },
      denominator: { field: 'teachers_total' },
      unit: 'years',
      source: 'school_report',
    },
    share(
      {
        id: 'staffing.profile_education_share',
        seeds: [AMUR],
        title: {
          ru: 'Доля педагогов, имеющих образование, соответствующее профилю преподаваемого учебного предмета',
          en: 'Share of teachers whose education matches the subject they teach',
        },
      },
      'teachers_profile_education',
    ),
    schoolsShare(
      {
        id: 'staffing.hr_strategy_schools_share',
        seeds: [KRYMSK],
        title: {
          ru: 'Наличие стратегии кадровой политики на уровне школы (доля школ)',
          en: 'A staffing policy strategy exists at the school (share of schools)',
        },
      },
      { field: 'has_hr_strategy', is: 'yes' },
    ),
    districtPresence(
      {
        id: 'staffing.staff_analysis',
        seeds: [KRYMSK],
        title: {
          ru: 'Наличие анализа количественного и качественного кадрового состава',
          en: 'An analysis of the quantitative and qualitative staff composition exists',
        },
      },
      'd_staff_analysis',
    ),
  ]),
  // === Burnout prevention (Boyko) =========================================================
  ...section('burnout', 'support', [
    surveyShare(
      {
        id: 'burnout.formed_any_share',
        seeds: [KRYMSK, KBR],
        title: {
          ru: 'Доля педагогов со сформировавшейся фазой эмоционального выгорания (хотя бы одной)',
          en: 'Share of teachers with a formed burnout phase (at least one)',
        },
        note: {
          ru: 'Это и «доля педагогов с дефицитом по профессиональному выгоранию» (002): выгорание измеряется методикой В.В. Бойко.',
          en: 'Also "the share of teachers with the burnout deficit" of 002: burnout is measured by the Boyko method.',
        },
      },
      'boyko.phase_formed_any',
    ),
    surveyShare(
      {
        id: 'burnout.tension_share',
        seeds: [KRYMSK],
        title: {
          ru: 'Доля педагогов со сформировавшейся фазой «Напряжение»',
          en: 'Share of teachers with a formed tension phase',
        },
      },
      'boyko.phase_formed_tension',
    ),
    surveyShare(
      {
        id: 'burnout.resistance_share',
        seeds: [KRYMSK],
        title: {
          ru: 'Доля педагогов со сформировавшейся фазой «Резистенция»',
          en: 'Share of teachers with a formed resistance phase',
        },
      },
      'boyko.phase_formed_resistance',
    ),
    surveyShare(
      {
        id: 'burnout.exhaustion_share',
        seeds: [KRYMSK],
        title: {
          ru: 'Доля педагогов со сформировавшейся фазой «Истощение»',
          en: 'Share of teachers with a formed exhaustion phase',
        },
      },
      'boyko.phase_formed_exhaustion',
    ),
    {
      ...base({
        id: 'burnout.high_schools_share',
        seeds: [KRYMSK],
        title: {
          ru: 'Доля школ с высоким уровнем профессионального выгорания педагогов',
          en: 'Share of schools with a high level of teacher burnout',
        },
        note: {
          ru: `Высокий уровень — хотя бы одна фаза сформировалась у доли ответивших не ниже порога из настроек (по умолчанию ${HIGH_BURNOUT_SCHOOL_PERCENT} %; ровно порог — уже высокий); учитываются только школы, где ответивших не меньше порога анонимности.`,
          en: `High: the share of respondents with a formed phase is at least the threshold in the settings (${HIGH_BURNOUT_SCHOOL_PERCENT} % by default; exactly the threshold is high); only schools with at least the privacy threshold of respondents count.`,
        },
      }),
      kind: 'share',
      numerator: { schoolsWithFlagShare: 'boyko.phase_formed_any', atLeastPercent: HIGH_BURNOUT_SCHOOL_PERCENT },
      denominator: { schoolsAssessed: 'boyko.phase_formed_any' },
      unit: '%',
      source: 'survey:boyko',
    },
  ]),
];

const BY_ID = new Map(INDICATORS.map((indicator) => [indicator.id, indicator]));

export function indicatorById(id: string): IndicatorDef | undefined {
  return BY_ID.get(id);
}

/** The report fields an operand reads. */
export function operandFields(operand: Operand): FieldId[] {
  if ('field' in operand) return [operand.field];
  if ('difference' in operand) return [...operand.difference];
  if ('weighted' in operand) return [operand.weighted, operand.by];
  if ('schoolsWhere' in operand) return [operand.schoolsWhere.field];
  return [];
}

/** The report fields an indicator reads (numerator and denominator). */
export function indicatorFields(indicator: IndicatorDef): FieldId[] {
  const fields = operandFields(indicator.numerator);
  if (indicator.denominator) fields.push(...operandFields(indicator.denominator));
  return [...new Set(fields)];
}

/** The survey measures an operand reads. */
export function operandMeasures(operand: Operand): MeasureId[] {
  if ('respondentsWhere' in operand) return [operand.respondentsWhere];
  if ('respondentsWith' in operand) return [operand.respondentsWith];
  if ('measureSum' in operand) return [operand.measureSum];
  if ('schoolsWithFlagShare' in operand) return [operand.schoolsWithFlagShare];
  if ('schoolsAssessed' in operand) return [operand.schoolsAssessed];
  return [];
}

export function isSurveyIndicator(indicator: IndicatorDef): boolean {
  return indicator.source.startsWith('survey:');
}

/** What the computation needs of a preset: its id, its reporting period and its indicator ids. */
export interface IndicatorSet {
  id: string;
  reportingPeriod: PeriodKind;
  indicators: readonly string[];
}

/** The set's indicator definitions, in the set's order. */
export function indicatorsOf(set: Pick<IndicatorSet, 'id' | 'indicators'>): IndicatorDef[] {
  return set.indicators.map((id) => {
    const indicator = indicatorById(id);
    if (!indicator) throw new Error(`preset ${set.id}: unknown indicator "${id}"`);
    return indicator;
  });
}

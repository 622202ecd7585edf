/**
 * The numbers a school reports each period (and the few facts the district reports about
 * itself). Indicators reference these ids; the school report form asks exactly the fields
 * the chosen preset's indicators need. Field ids are stable: they are column names of the
 * report sheet and of school_reports.csv.
 */
import { COMPETENCE_LEVELS, DIAGNOSED_DEFICIT_TYPES } from './measures';
import { ConsistencyRule, FieldDef } from './types';

const school = (def: Omit<FieldDef, 'level'>): FieldDef => ({ ...def, level: 'school' });
const district = (def: Omit<FieldDef, 'level'>): FieldDef => ({ ...def, level: 'district' });

export const FIELDS: readonly FieldDef[] = [
  // --- headcount -------------------------------------------------------------------
  school({
    id: 'teachers_total',
    kind: 'count',
    perSubject: true,
    title: { ru: 'Всего педагогических работников', en: 'Teachers in total' },
    hint: {
      ru: 'Как в форме ОО-1: сумма строк 07, 28, 29, 33–39.',
      en: 'As in statistics form OO-1: lines 07, 28, 29, 33–39.',
    },
  }),
  // --- deficits and routes ---------------------------------------------------------
  school({
    id: 'teachers_diagnosed',
    kind: 'count',
    partOf: 'teachers_total',
    perSubject: true,
    title: {
      ru: 'Педагогов, прошедших диагностику профессиональных дефицитов',
      en: 'Teachers who took part in professional deficits diagnostics',
    },
  }),
  // Amur counts only the regional diagnostics («…участвовавших в диагностике профессиональных
  // дефицитов на региональном уровне»): its own number, not a qualifier on the one above,
  // since a school may also diagnose at school or district level.
  school({
    id: 'teachers_diagnosed_regional',
    kind: 'count',
    partOf: 'teachers_total',
    perSubject: true,
    title: {
      ru: 'Педагогов, участвовавших в диагностике профессиональных дефицитов на региональном уровне',
      en: 'Teachers who took part in professional deficits diagnostics at regional level',
    },
    hint: {
      ru: 'Только диагностика, проведённая региональным центром (ЦНППМ и т. п.), не школьная и не муниципальная.',
      en: 'Only diagnostics run at regional level (the regional PD centre), not by the school or the district.',
    },
  }),
  ...COMPETENCE_LEVELS.map((level) =>
    school({
      id: `teachers_level_${level.key}`,
      kind: 'count',
      partOf: 'teachers_diagnosed',
      title: {
        ru: `Из них педагогов с уровнем ${level.title.ru} не ниже достаточного (по итогам диагностики)`,
        en: `Of them, teachers at a sufficient or high level of ${level.title.en} (diagnostics)`,
      },
    }),
  ),
  ...DIAGNOSED_DEFICIT_TYPES.map((type) =>
    school({
      id: `teachers_deficit_${type.key}`,
      kind: 'count',
      partOf: 'teachers_diagnosed',
      title: {
        ru: `Из них педагогов, у которых диагностика выявила дефицит: ${type.title.ru}`,
        en: `Of them, teachers the diagnostics found a deficit in: ${type.title.en}`,
      },
    }),
  ),
  school({
    id: 'teachers_with_deficits',
    kind: 'count',
    partOf: 'teachers_diagnosed',
    title: {
      ru: 'Из них педагогов, у которых выявлены профессиональные дефициты',
      en: 'Of them, teachers with deficits found',
    },
  }),
  school({
    id: 'teachers_route_deficits',
    kind: 'count',
    partOf: 'teachers_with_deficits',
    title: {
      ru: 'Педагогов с ИОМ, составленным на основе диагностики профессиональных дефицитов',
      en: 'Teachers with an individual route built on the deficits diagnostics',
    },
  }),
  school({
    id: 'teachers_route_growth',
    kind: 'count',
    partOf: 'teachers_diagnosed',
    title: {
      ru: 'Педагогов с ИОМ профессионального роста (дефициты не выявлены)',
      en: 'Teachers with a professional growth route (no deficits found)',
    },
  }),
  school({
    id: 'teachers_route_activities',
    kind: 'count',
    partOf: 'teachers_total',
    title: {
      ru: 'Педагогов, участвовавших в мероприятиях по устранению дефицитов в рамках ИОМ',
      en: 'Teachers who took part in route activities addressing deficits',
    },
  }),
  // --- retraining and PD -----------------------------------------------------------
  school({
    id: 'teachers_retrained',
    kind: 'count',
    partOf: 'teachers_total',
    title: { ru: 'Педагогов, прошедших профессиональную переподготовку', en: 'Teachers who completed retraining' },
  }),
  school({
    id: 'teachers_retrained_pedagogical',
    kind: 'count',
    partOf: 'teachers_retrained',
    title: {
      ru: 'Из них по программам педагогической направленности',
      en: 'Of them, in programmes of pedagogical orientation',
    },
  }),
  school({
    id: 'teachers_pd',
    kind: 'count',
    partOf: 'teachers_total',
    title: { ru: 'Педагогов, прошедших повышение квалификации (КПК)', en: 'Teachers who completed PD courses' },
  }),
  school({
    id: 'teachers_pd_ict',
    kind: 'count',
    partOf: 'teachers_pd',
    title: { ru: 'Из них по программам в области ИКТ', en: 'Of them, in ICT programmes' },
  }),
  school({
    id: 'teachers_pd_targeted',
    kind: 'count',
    partOf: 'teachers_pd',
    title: {
      ru: 'Из них по адресным программам ПК, разработанным на основе диагностики дефицитов',
      en: 'Of them, in targeted PD programmes built on the deficits diagnostics',
    },
  }),
  school({
    id: 'teachers_pd_federal_register',
    kind: 'count',
    partOf: 'teachers_pd',
    title: {
      ru: 'Из них по программам из Федерального реестра',
      en: 'Of them, in programmes of the Federal Register',
    },
  }),
  school({
    id: 'teachers_pd_distance',
    kind: 'count',
    partOf: 'teachers_total',
    title: {
      ru: 'Педагогов, обучившихся по программам ДПО в дистанционной форме',
      en: 'Teachers trained in further education programmes remotely',
    },
  }),
  // --- expert activity -------------------------------------------------------------
  school({
    id: 'teachers_experts',
    kind: 'count',
    partOf: 'teachers_total',
    title: {
      ru: 'Педагогов, вовлечённых в экспертную деятельность (эксперт, член жюри, конкурсной комиссии)',
      en: 'Teachers acting as experts (expert, jury or commission member)',
    },
  }),
  school({
    id: 'teachers_experts_regional',
    kind: 'count',
    partOf: 'teachers_experts',
    title: {
      ru: 'Из них экспертов регионального и федерального уровней',
      en: 'Of them, experts at regional or federal level',
    },
  }),
  school({
    id: 'teachers_gia_experts',
    kind: 'count',
    partOf: 'teachers_experts',
    title: {
      ru: 'Из них экспертов региональной предметной комиссии ГИА',
      en: 'Of them, experts of the regional state exam subject commission',
    },
  }),
  school({
    id: 'teachers_in_competitions',
    kind: 'count',
    partOf: 'teachers_total',
    title: {
      ru: 'Педагогов, принявших участие в конкурсах профессионального мастерства',
      en: 'Teachers who took part in professional skill competitions',
    },
  }),
  school({
    id: 'expert_achievements',
    kind: 'count',
    title: {
      ru: 'Достижений педагогов и их обучающихся по направлениям экспертной деятельности',
      en: 'Achievements of teachers and their students in expert activity',
    },
  }),
  // --- methodical active -----------------------------------------------------------
  school({
    id: 'teachers_methodical_active',
    kind: 'count',
    partOf: 'teachers_total',
    perSubject: true,
    title: { ru: 'Педагогов, вошедших в методический актив', en: 'Teachers in the methodical active' },
  }),
  school({
    id: 'teachers_cnppm',
    kind: 'count',
    partOf: 'teachers_total',
    title: {
      ru: 'Педагогов, привлекаемых к работе ЦНППМ',
      en: 'Teachers engaged by the regional PD centre (TsNPPM)',
    },
  }),
  school({
    id: 'teachers_methodical_assessed',
    kind: 'count',
    partOf: 'teachers_total',
    perSubject: true,
    title: {
      ru: 'Педагогов, принявших участие в процедуре оценки методических компетенций (данные ФИОКО)',
      en: 'Teachers who took part in the methodical competence assessment (FIOKO data)',
    },
  }),
  // --- young teachers and mentoring ------------------------------------------------
  school({
    id: 'teachers_under_35',
    kind: 'count',
    partOf: 'teachers_total',
    title: { ru: 'Педагогов в возрасте до 35 лет', en: 'Teachers under 35' },
  }),
  school({
    id: 'young_specialists',
    kind: 'count',
    partOf: 'teachers_total',
    title: { ru: 'Молодых специалистов (стаж 0–3 года)', en: 'Young specialists (0–3 years of experience)' },
  }),
  school({
    id: 'young_specialists_mentees',
    kind: 'count',
    partOf: 'young_specialists',
    title: {
      ru: 'Из них вошедших в программы наставничества в роли наставляемого',
      en: 'Of them, mentees in mentoring programmes',
    },
  }),
  school({
    id: 'young_specialists_with_route',
    kind: 'count',
    partOf: 'young_specialists',
    title: {
      ru: 'Из них с ИОМ, разработанным для устранения выявленных дефицитов',
      en: 'Of them, with an individual route addressing their deficits',
    },
  }),
  school({
    id: 'young_specialists_methodist',
    kind: 'count',
    partOf: 'young_specialists',
    title: {
      ru: 'Из них сопровождаемых педагогами-методистами, прошедшими региональный отбор',
      en: 'Of them, supported by methodists selected by the region',
    },
  }),
  school({
    id: 'teachers_in_young_projects',
    kind: 'count',
    partOf: 'teachers_total',
    title: {
      ru: 'Педагогов, участвующих в проектах поддержки молодых педагогов',
      en: 'Teachers taking part in projects supporting young teachers',
    },
  }),
  school({
    id: 'teachers_in_mentoring',
    kind: 'count',
    partOf: 'teachers_total',
    title: {
      ru: 'Педагогов, участвующих в программах наставничества (наставники и наставляемые)',
      en: 'Teachers in mentoring programmes (mentors and mentees)',
    },
  }),
  school({
    id: 'has_mentoring_regulation',
    kind: 'yesno',
    title: { ru: 'В школе есть положение о наставничестве', en: 'The school has a mentoring regulation' },
  }),
  school({
    id: 'implements_target_mentoring_model',
    kind: 'yesno',
    title: {
      ru: 'Школа реализует целевую модель наставничества педагогических работников',
      en: "The school implements the target model of teachers' mentoring",
    },
  }),
  // --- network interaction ---------------------------------------------------------
  school({
    id: 'teachers_in_network',
    kind: 'count',
    partOf: 'teachers_total',
    title: {
      ru: 'Педагогов, включённых в сетевое взаимодействие (методические объединения, профессиональные сообщества)',
      en: 'Teachers in network communities (methodical associations, professional communities)',
    },
  }),
  school({
    id: 'network_creative_works',
    kind: 'count',
    title: {
      ru: 'Творческих работ педагогов, представленных через сетевые формы взаимодействия',
      en: "Teachers' creative works presented through network forms",
    },
  }),
  school({
    id: 'teachers_dpo_trainers',
    kind: 'count',
    partOf: 'teachers_total',
    title: {
      ru: 'Педагогов, привлечённых к реализации программ ДПО',
      en: 'Teachers engaged in delivering further education programmes',
    },
  }),
  school({
    id: 'project_participants',
    kind: 'count',
    title: {
      ru: 'Участников образовательных отношений (педагогов, обучающихся, родителей), вовлечённых в социально значимые проекты через сетевое взаимодействие',
      en: 'Participants of education (teachers, students, parents) in socially significant network projects',
    },
  }),
  // --- staffing ----------------------------------------------------------------------
  school({
    id: 'staff_headcount',
    kind: 'count',
    title: { ru: 'Списочная численность работников', en: 'Staff headcount (all employees)' },
  }),
  school({
    id: 'staff_rates_schedule',
    kind: 'amount',
    title: { ru: 'Ставок педагогических работников по штату', en: "Teachers' staff rates by the staffing schedule" },
    hint: { ru: 'Можно с дробной частью, например 24,5.', en: 'Decimals allowed, e.g. 24.5.' },
  }),
  school({
    id: 'staff_rates_filled',
    kind: 'amount',
    partOf: 'staff_rates_schedule',
    title: { ru: 'Из них занятых ставок', en: 'Of them, filled rates' },
  }),
  school({
    id: 'staff_rates_need',
    kind: 'amount',
    title: { ru: 'Фактическая потребность в ставках', en: 'Actual need in staff rates' },
  }),
  school({
    id: 'vacancies',
    kind: 'count',
    title: {
      ru: 'Вакантных должностей педагогических и руководящих работников',
      en: 'Vacant teaching and management positions',
    },
  }),
  school({
    id: 'vacancies_teachers',
    kind: 'count',
    partOf: 'vacancies',
    title: { ru: 'Из них вакансий учителей', en: 'Of them, teacher vacancies' },
  }),
  school({
    id: 'vacancies_specialists',
    kind: 'count',
    partOf: 'vacancies',
    title: {
      ru: 'Из них вакансий педагогов-психологов, социальных педагогов, учителей-логопедов, дефектологов, тьюторов',
      en: 'Of them, vacancies of psychologists, social pedagogues, speech therapists, defectologists, tutors',
    },
  }),
  school({
    id: 'vacancies_management',
    kind: 'count',
    partOf: 'vacancies',
    title: { ru: 'Из них вакансий руководящих работников', en: 'Of them, management vacancies' },
  }),
  school({
    id: 'teachers_average_age',
    kind: 'amount',
    title: { ru: 'Средний возраст педагогических работников, лет', en: 'Average age of teachers, years' },
  }),
  school({
    id: 'teachers_profile_education',
    kind: 'count',
    partOf: 'teachers_total',
    title: {
      ru: 'Педагогов с образованием, соответствующим профилю преподаваемого предмета',
      en: 'Teachers whose education matches the subject they teach',
    },
  }),
  school({
    id: 'has_hr_strategy',
    kind: 'yesno',
    title: { ru: 'В школе есть стратегия кадровой политики', en: 'The school has a staffing policy strategy' },
  }),

  // --- the district's own facts ----------------------------------------------------
  district({
    id: 'd_deficits_regulation',
    kind: 'yesno',
    title: {
      ru: 'Есть нормативный акт, регулирующий выявление профессиональных дефицитов',
      en: 'A regulation governs professional deficits diagnostics',
    },
  }),
  district({
    id: 'd_deficits_methodical_basis',
    kind: 'yesno',
    title: {
      ru: 'Есть методическое обоснование выявления профессиональных дефицитов',
      en: 'A methodical justification of deficits diagnostics exists',
    },
  }),
  district({
    id: 'd_routes_regulation',
    kind: 'yesno',
    title: {
      ru: 'Есть нормативный акт, регулирующий учёт индивидуальных образовательных маршрутов',
      en: 'A regulation governs the register of individual routes',
    },
  }),
  district({
    id: 'd_retraining_needs_monitoring',
    kind: 'yesno',
    title: {
      ru: 'Проведён опережающий мониторинг потребности в профессиональной переподготовке',
      en: 'A forward-looking survey of retraining needs was run',
    },
  }),
  district({
    id: 'd_listener_categories',
    kind: 'count',
    title: {
      ru: 'Категорий слушателей, охваченных переподготовкой и ПК',
      en: 'Categories of learners covered by retraining and PD',
    },
  }),
  district({
    id: 'd_dpo_programmes',
    kind: 'count',
    title: { ru: 'Программ ДПО, разработанных в регионе', en: 'Further education programmes developed in the region' },
  }),
  district({
    id: 'd_dpo_programmes_elearning',
    kind: 'count',
    partOf: 'd_dpo_programmes',
    title: { ru: 'Из них реализуемых с применением электронного обучения', en: 'Of them, delivered with e-learning' },
  }),
  district({
    id: 'd_expert_regulation',
    kind: 'yesno',
    title: {
      ru: 'Есть нормативный акт о достижениях педагогов в экспертной деятельности',
      en: "A regulation governs teachers' achievements in expert activity",
    },
  }),
  district({
    id: 'd_young_support_projects',
    kind: 'count',
    title: {
      ru: 'Проектов поддержки молодых педагогов (в том числе региональных), реализуемых в районе',
      en: 'Projects supporting young teachers (including regional ones) run in the district',
    },
  }),
  district({
    id: 'd_young_deficits_research',
    kind: 'yesno',
    title: {
      ru: 'Проводятся аналитические исследования, мониторинги профессиональных дефицитов молодых педагогов',
      en: "Studies and monitorings of young teachers' deficits are run",
    },
  }),
  district({
    id: 'd_young_targeted_planning',
    kind: 'yesno',
    title: {
      ru: 'Работа планируется адресно с учётом дефицитов молодых педагогов',
      en: "Work is planned with young teachers' deficits in mind",
    },
  }),
  district({
    id: 'd_young_best_practices',
    kind: 'count',
    title: {
      ru: 'Лучших практик молодых специалистов, выявленных и обобщённых',
      en: "Young specialists' best practices identified and disseminated",
    },
  }),
  district({
    id: 'd_young_network_events',
    kind: 'count',
    title: {
      ru: 'Мероприятий для профессионального развития молодых специалистов в сетевой форме',
      en: 'Network events for the professional development of young specialists',
    },
  }),
  district({
    id: 'd_mentors_pd_schedule',
    kind: 'yesno',
    title: {
      ru: 'Есть график прохождения курсов повышения квалификации педагогами-наставниками',
      en: 'A PD course schedule for mentors exists',
    },
  }),
  district({
    id: 'd_mentoring_monitoring_system',
    kind: 'yesno',
    title: {
      ru: 'Есть муниципальная система мониторинга поддержки молодых педагогов и наставничества',
      en: 'A municipal monitoring system of young teacher support and mentoring exists',
    },
  }),
  district({
    id: 'd_mentoring_regulation_act',
    kind: 'yesno',
    title: {
      ru: 'Есть нормативный акт о поддержке молодых педагогов и наставничестве',
      en: 'A regulation on young teacher support and mentoring exists',
    },
  }),
  district({
    id: 'd_mentors_work_plan',
    kind: 'yesno',
    title: { ru: 'Есть план работы педагогов-наставников', en: "A mentors' work plan exists" },
  }),
  district({
    id: 'd_young_internship_plan',
    kind: 'yesno',
    title: { ru: 'Есть план стажировки молодых педагогов', en: 'An internship plan for young teachers exists' },
  }),
  district({
    id: 'd_young_open_lessons_plan',
    kind: 'yesno',
    title: {
      ru: 'Есть план открытых занятий и мероприятий для молодых педагогов',
      en: 'A plan of open lessons and events for young teachers exists',
    },
  }),
  district({
    id: 'd_methodical_associations',
    kind: 'count',
    title: {
      ru: 'Методических объединений и профессиональных сообществ педагогов на муниципальном уровне (РМО)',
      en: 'District methodical associations and professional communities',
    },
  }),
  district({
    id: 'd_network_events',
    kind: 'count',
    title: { ru: 'Мероприятий, проведённых в форме сетевого взаимодействия', en: 'Events held as network interaction' },
  }),
  district({
    id: 'd_network_projects',
    kind: 'count',
    title: {
      ru: 'Сетевых (социально значимых) проектов',
      en: 'Network (socially significant) projects',
    },
  }),
  district({
    id: 'd_network_regulation',
    kind: 'yesno',
    title: {
      ru: 'Есть нормативный акт о сетевом взаимодействии педагогов (методических объединений)',
      en: 'A regulation on network interaction of teachers exists',
    },
  }),
  district({
    id: 'd_mentoring_regulation',
    kind: 'yesno',
    title: { ru: 'Есть Положение о наставничестве', en: 'A mentoring regulation exists' },
  }),
  district({
    id: 'd_mentoring_individual_plans',
    kind: 'yesno',
    title: { ru: 'Есть индивидуальные планы работы (наставников и наставляемых)', en: 'Individual work plans (of mentors and mentees) exist' },
  }),
  district({
    id: 'd_schools_network_interaction',
    kind: 'yesno',
    title: { ru: 'Есть сетевое взаимодействие образовательных организаций', en: 'Schools interact as a network' },
  }),
  district({
    id: 'd_mo_regulations',
    kind: 'yesno',
    title: {
      ru: 'Есть нормативно-правовые документы поддержки системы методической работы',
      en: 'Regulations supporting the methodical work system exist',
    },
  }),
  district({
    id: 'd_mo_programme',
    kind: 'yesno',
    title: { ru: 'Есть муниципальная программа развития муниципальной методической работы', en: 'A district programme for methodical work exists' },
  }),
  district({
    id: 'd_rmo_plan',
    kind: 'yesno',
    title: { ru: 'Есть план заседаний РМО', en: 'A meeting plan of the district methodical associations exists' },
  }),
  district({
    id: 'd_smo_recommendations',
    kind: 'yesno',
    title: {
      ru: 'Есть методические рекомендации по развитию ШМО, по созданию и функционированию школьных методических советов',
      en: 'Guidance on school methodical associations and school methodical councils exists',
    },
  }),
  district({
    id: 'd_methodical_council',
    kind: 'yesno',
    title: {
      ru: 'Организована работа муниципального методического совета по развитию школьных методических служб',
      en: 'A district methodical council for school methodical services works',
    },
  }),
  district({
    id: 'd_gia_results',
    kind: 'yesno',
    title: {
      ru: 'Результаты участия обучающихся в оценочных процедурах (оперативные данные ГИА) получены и проанализированы',
      en: "Students' results in assessment procedures (state exam data) obtained and analysed",
    },
  }),
  district({
    id: 'd_active_regulation',
    kind: 'yesno',
    title: { ru: 'Есть нормативный акт о формировании методического актива', en: 'A regulation on the methodical active exists' },
  }),
  district({
    id: 'd_staffing_regulation',
    kind: 'yesno',
    title: {
      ru: 'Есть нормативный акт о выявлении кадровых потребностей',
      en: 'A regulation on identifying staffing needs exists',
    },
  }),
  district({
    id: 'd_staff_analysis',
    kind: 'yesno',
    title: {
      ru: 'Проведён анализ количественного и качественного кадрового состава',
      en: 'The quantitative and qualitative staff composition was analysed',
    },
  }),
];

/**
 * What `partOf` cannot say: a growth route is only for teachers without deficits, route
 * activities are for teachers with a route, mentees are mentoring participants, teachers
 * are employees.
 */
export const EXTRA_RULES: readonly ConsistencyRule[] = [
  { parts: ['teachers_with_deficits', 'teachers_route_growth'], wholes: ['teachers_diagnosed'] },
  { parts: ['teachers_route_activities'], wholes: ['teachers_route_deficits', 'teachers_route_growth'] },
  { parts: ['young_specialists_mentees'], wholes: ['teachers_in_mentoring'] },
  { parts: ['teachers_total'], wholes: ['staff_headcount'] },
  { parts: ['vacancies_teachers', 'vacancies_specialists', 'vacancies_management'], wholes: ['vacancies'] },
];

const BY_ID = new Map(FIELDS.map((field) => [field.id, field]));

export function fieldById(id: string): FieldDef | undefined {
  return BY_ID.get(id);
}

/**
 * Every consistency rule over the given fields: each part against its nearest whole among
 * them (a part of a part is a part of the whole: routes built on deficits ≤ teachers
 * diagnosed when "teachers with deficits" is not asked), plus the extra rules.
 */
export function consistencyRules(fields: readonly FieldDef[]): ConsistencyRule[] {
  const ids = new Set(fields.map((field) => field.id));
  const rules: ConsistencyRule[] = [];
  for (const field of fields) {
    let whole = field.partOf;
    while (whole && !ids.has(whole)) whole = fieldById(whole)?.partOf;
    if (whole) rules.push({ parts: [field.id], wholes: [whole] });
  }
  for (const rule of EXTRA_RULES) {
    if ([...rule.parts, ...rule.wholes].every((id) => ids.has(id))) rules.push(rule);
  }
  return rules;
}

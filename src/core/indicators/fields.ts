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
// The two usual kinds named by their helper rather than repeated on every field.
const schoolCount = ({ id, ...def }: Omit<FieldDef, 'level' | 'kind'>): FieldDef => school({ id, kind: 'count', ...def });
const districtYesNo = ({ id, ...def }: Omit<FieldDef, 'level' | 'kind'>): FieldDef => district({ id, kind: 'yesno', ...def });

export const FIELDS: readonly FieldDef[] = [
  // --- headcount -------------------------------------------------------------------
  schoolCount({
    id: 'teachers_total',
    perSubject: true,
    title: { ru: 'Всего педагогических работников', en: 'Teachers in total' },
    hint: {
      ru: 'Как в форме ОО-1: сумма строк 07, 28, 29, 33–39.',
      en: 'As in statistics form OO-1: lines 07, 28, 29, 33–39.',
    },
  }),
  // --- deficits and routes ---------------------------------------------------------
  schoolCount({
    id: 'teachers_diagnosed',
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
  schoolCount({
    id: 'teachers_diagnosed_regional',
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
    schoolCount({
      id: `teachers_level_${level.key}`,
      partOf: 'teachers_diagnosed',
      title: {
        ru: `Из них педагогов с уровнем ${level.title.ru} не ниже достаточного (по итогам диагностики)`,
        en: `Of them, teachers at a sufficient or high level of ${level.title.en} (diagnostics)`,
      },
    }),
  ),
  ...DIAGNOSED_DEFICIT_TYPES.map((type) =>
    schoolCount({
      id: `teachers_deficit_${type.key}`,
      partOf: 'teachers_diagnosed',
      title: {
        ru: `Из них педагогов, у которых диагностика выявила дефицит: ${type.title.ru}`,
        en: `Of them, teachers the diagnostics found a deficit in: ${type.title.en}`,
      },
    }),
  ),
  schoolCount({
    id: 'teachers_with_deficits',
    partOf: 'teachers_diagnosed',
    title: {
      ru: 'Из них педагогов, у которых выявлены профессиональные дефициты',
      en: 'Of them, teachers with deficits found',
    },
  }),
  schoolCount({
    id: 'teachers_route_deficits',
    partOf: 'teachers_with_deficits',
    title: {
      ru: 'Педагогов с ИОМ, составленным на основе диагностики профессиональных дефицитов',
      en: 'Teachers with an individual route built on the deficits diagnostics',
    },
  }),
  schoolCount({
    id: 'teachers_route_growth',
    partOf: 'teachers_diagnosed',
    title: {
      ru: 'Педагогов с ИОМ профессионального роста (дефициты не выявлены)',
      en: 'Teachers with a professional growth route (no deficits found)',
    },
  }),
  schoolCount({
    id: 'teachers_route_activities',
    partOf: 'teachers_total',
    title: {
      ru: 'Педагогов, участвовавших в мероприятиях по устранению дефицитов в рамках ИОМ',
      en: 'Teachers who took part in route activities addressing deficits',
    },
  }),
  // --- retraining and PD -----------------------------------------------------------
  schoolCount({
    id: 'teachers_retrained',
    partOf: 'teachers_total',
    title: { ru: 'Педагогов, прошедших профессиональную переподготовку', en: 'Teachers who completed retraining' },
  }),
  schoolCount({
    id: 'teachers_retrained_pedagogical',
    partOf: 'teachers_retrained',
    title: {
      ru: 'Из них по программам педагогической направленности',
      en: 'Of them, in programmes of pedagogical orientation',
    },
  }),
  schoolCount({
    id: 'teachers_pd',
    partOf: 'teachers_total',
    title: { ru: 'Педагогов, прошедших повышение квалификации (КПК)', en: 'Teachers who completed PD courses' },
  }),
  schoolCount({
    id: 'teachers_pd_ict',
    partOf: 'teachers_pd',
    title: { ru: 'Из них по программам в области ИКТ', en: 'Of them, in ICT programmes' },
  }),
  schoolCount({
    id: 'teachers_pd_targeted',
    partOf: 'teachers_pd',
    title: {
      ru: 'Из них по адресным программам ПК, разработанным на основе диагностики дефицитов',
      en: 'Of them, in targeted PD programmes built on the deficits diagnostics',
    },
  }),
  schoolCount({
    id: 'teachers_pd_federal_register',
    partOf: 'teachers_pd',
    title: {
      ru: 'Из них по программам из Федерального реестра',
      en: 'Of them, in programmes of the Federal Register',
    },
  }),
  schoolCount({
    id: 'teachers_pd_distance',
    partOf: 'teachers_total',
    title: {
      ru: 'Педагогов, обучившихся по программам ДПО в дистанционной форме',
      en: 'Teachers trained in further education programmes remotely',
    },
  }),
  // --- expert activity -------------------------------------------------------------
  schoolCount({
    id: 'teachers_experts',
    partOf: 'teachers_total',
    title: {
      ru: 'Педагогов, вовлечённых в экспертную деятельность (эксперт, член жюри, конкурсной комиссии)',
      en: 'Teachers acting as experts (expert, jury or commission member)',
    },
  }),
  schoolCount({
    id: 'teachers_experts_regional',
    partOf: 'teachers_experts',
    title: {
      ru: 'Из них экспертов регионального и федерального уровней',
      en: 'Of them, experts at regional or federal level',
    },
  }),
  schoolCount({
    id: 'teachers_gia_experts',
    partOf: 'teachers_experts',
    title: {
      ru: 'Из них экспертов региональной предметной комиссии ГИА',
      en: 'Of them, experts of the regional state exam subject commission',
    },
  }),
  schoolCount({
    id: 'teachers_in_competitions',
    partOf: 'teachers_total',
    title: {
      ru: 'Педагогов, принявших участие в конкурсах профессионального мастерства',
      en: 'Teachers who took part in professional skill competitions',
    },
  }),
  schoolCount({
    id: 'expert_achievements',
    title: {
      ru: 'Достижений педагогов и их обучающихся по направлениям экспертной деятельности',
      en: 'Achievements of teachers and their students in expert activity',
    },
  }),
  // --- methodical active -----------------------------------------------------------
  schoolCount({
    id: 'teachers_methodical_active',
    partOf: 'teachers_total',
    perSubject: true,
    title: { ru: 'Педагогов, вошедших в методический актив', en: 'Teachers in the methodical active' },
  }),
  schoolCount({
    id: 'teachers_cnppm',
    partOf: 'teachers_total',
    title: {
      ru: 'Педагогов, привлекаемых к работе ЦНППМ',
      en: 'Teachers engaged by the regional PD centre (TsNPPM)',
    },
  }),
  schoolCount({
    id: 'teachers_methodical_assessed',
    partOf: 'teachers_total',
    perSubject: true,
    title: {
      ru: 'Педагогов, принявших участие в процедуре оценки методических компетенций (данные ФИОКО)',
      en: 'Teachers who took part in the methodical competence assessment (FIOKO data)',
    },
  }),
  // --- young teachers and mentoring ------------------------------------------------
  schoolCount({
    id: 'teachers_under_35',
    partOf: 'teachers_total',
    title: { ru: 'Педагогов в возрасте до 35 лет', en: 'Teachers under 35' },
  }),
  schoolCount({
    id: 'young_specialists',
    partOf: 'teachers_total',
    title: { ru: 'Молодых специалистов (стаж 0–3 года)', en: 'Young specialists (0–3 years of experience)' },
  }),
  schoolCount({
    id: 'young_specialists_mentees',
    partOf: 'young_specialists',
    title: {
      ru: 'Из них вошедших в программы наставничества в роли наставляемого',
      en: 'Of them, mentees in mentoring programmes',
    },
  }),
  schoolCount({
    id: 'young_specialists_with_route',
    partOf: 'young_specialists',
    title: {
      ru: 'Из них с ИОМ, разработанным для устранения выявленных дефицитов',
      en: 'Of them, with an individual route addressing their deficits',
    },
  }),
  schoolCount({
    id: 'young_specialists_methodist',
    partOf: 'young_specialists',
    title: {
      ru: 'Из них сопровождаемых педагогами-методистами, прошедшими региональный отбор',
      en: 'Of them, supported by methodists selected by the region',
    },
  }),
  schoolCount({
    id: 'teachers_in_young_projects',
    partOf: 'teachers_total',
    title: {
      ru: 'Педагогов, участвующих в проектах поддержки молодых педагогов',
      en: 'Teachers taking part in projects supporting young teachers',
    },
  }),
  schoolCount({
    id: 'teachers_in_mentoring',
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
  schoolCount({
    id: 'teachers_in_network',
    partOf: 'teachers_total',
    title: {
      ru: 'Педагогов, включённых в сетевое взаимодействие (методические объединения, профессиональные сообщества)',
      en: 'Teachers in network communities (methodical associations, professional communities)',
    },
  }),
  schoolCount({
    id: 'network_creative_works',
    title: {
      ru: 'Творческих работ педагогов, представленных через сетевые формы взаимодействия',
      en: "Teachers' creative works presented through network forms",
    },
  }),
  schoolCount({
    id: 'teachers_dpo_trainers',
    partOf: 'teachers_total',
    title: {
      ru: 'Педагогов, привлечённых к реализации программ ДПО',
      en: 'Teachers engaged in delivering further education programmes',
    },
  }),
  schoolCount({
    id: 'project_participants',
    title: {
      ru: 'Участников образовательных отношений (педагогов, обучающихся, родителей), вовлечённых в социально значимые проекты через сетевое взаимодействие',
      en: 'Participants of education (teachers, students, parents) in socially significant network projects',
    },
  }),
  // --- staffing ----------------------------------------------------------------------
  schoolCount({
    id: 'staff_headcount',
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
  schoolCount({
    id: 'vacancies',
    title: {
      ru: 'Вакантных должностей педагогических и руководящих работников',
      en: 'Vacant teaching and management positions',
    },
  }),
  schoolCount({
    id: 'vacancies_teachers',
    partOf: 'vacancies',
    title: { ru: 'Из них вакансий учителей', en: 'Of them, teacher vacancies' },
  }),
  schoolCount({
    id: 'vacancies_specialists',
    partOf: 'vacancies',
    title: {
      ru: 'Из них вакансий педагогов-психологов, социальных педагогов, учителей-логопедов, дефектологов, тьюторов',
      en: 'Of them, vacancies of psychologists, social pedagogues, speech therapists, defectologists, tutors',
    },
  }),
  schoolCount({
    id: 'vacancies_management',
    partOf: 'vacancies',
    title: { ru: 'Из них вакансий руководящих работников', en: 'Of them, management vacancies' },
  }),
  school({
    id: 'teachers_average_age',
    kind: 'amount',
    title: { ru: 'Средний возраст педагогических работников, лет', en: 'Average age of teachers, years' },
  }),
  schoolCount({
    id: 'teachers_profile_education',
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
  districtYesNo({
    id: 'd_deficits_regulation',
    title: {
      ru: 'Есть нормативный акт, регулирующий выявление профессиональных дефицитов',
      en: 'A regulation governs professional deficits diagnostics',
    },
  }),
  districtYesNo({
    id: 'd_deficits_methodical_basis',
    title: {
      ru: 'Есть методическое обоснование выявления профессиональных дефицитов',
      en: 'A methodical justification of deficits diagnostics exists',
    },
  }),
  districtYesNo({
    id: 'd_routes_regulation',
    title: {
      ru: 'Есть нормативный акт, регулирующий учёт индивидуальных образовательных маршрутов',
      en: 'A regulation governs the register of individual routes',
    },
  }),
  districtYesNo({
    id: 'd_retraining_needs_monitoring',
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
  districtYesNo({
    id: 'd_expert_regulation',
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
  districtYesNo({
    id: 'd_young_deficits_research',
    title: {
      ru: 'Проводятся аналитические исследования, мониторинги профессиональных дефицитов молодых педагогов',
      en: "Studies and monitorings of young teachers' deficits are run",
    },
  }),
  districtYesNo({
    id: 'd_young_targeted_planning',
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
  districtYesNo({
    id: 'd_mentors_pd_schedule',
    title: {
      ru: 'Есть график прохождения курсов повышения квалификации педагогами-наставниками',
      en: 'A PD course schedule for mentors exists',
    },
  }),
  districtYesNo({
    id: 'd_mentoring_monitoring_system',
    title: {
      ru: 'Есть муниципальная система мониторинга поддержки молодых педагогов и наставничества',
      en: 'A municipal monitoring system of young teacher support and mentoring exists',
    },
  }),
  districtYesNo({
    id: 'd_mentoring_regulation_act',
    title: {
      ru: 'Есть нормативный акт о поддержке молодых педагогов и наставничестве',
      en: 'A regulation on young teacher support and mentoring exists',
    },
  }),
  districtYesNo({
    id: 'd_mentors_work_plan',
    title: { ru: 'Есть план работы педагогов-наставников', en: "A mentors' work plan exists" },
  }),
  districtYesNo({
    id: 'd_young_internship_plan',
    title: { ru: 'Есть план стажировки молодых педагогов', en: 'An internship plan for young teachers exists' },
  }),
  districtYesNo({
    id: 'd_young_open_lessons_plan',
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
  districtYesNo({
    id: 'd_network_regulation',
    title: {
      ru: 'Есть нормативный акт о сетевом взаимодействии педагогов (методических объединений)',
      en: 'A regulation on network interaction of teachers exists',
    },
  }),
  districtYesNo({
    id: 'd_mentoring_regulation',
    title: { ru: 'Есть Положение о наставничестве', en: 'A mentoring regulation exists' },
  }),
  districtYesNo({
    id: 'd_mentoring_individual_plans',
    title: { ru: 'Есть индивидуальные планы работы (наставников и наставляемых)', en: 'Individual work plans (of mentors and mentees) exist' },
  }),
  districtYesNo({
    id: 'd_schools_network_interaction',
    title: { ru: 'Есть сетевое взаимодействие образовательных организаций', en: 'Schools interact as a network' },
  }),
  districtYesNo({
    id: 'd_mo_regulations',
    title: {
      ru: 'Есть нормативно-правовые документы поддержки системы методической работы',
      en: 'Regulations supporting the methodical work system exist',
    },
  }),
  districtYesNo({
    id: 'd_mo_programme',
    title: { ru: 'Есть муниципальная программа развития муниципальной методической работы', en: 'A district programme for methodical work exists' },
  }),
  districtYesNo({
    id: 'd_rmo_plan',
    title: { ru: 'Есть план заседаний РМО', en: 'A meeting plan of the district methodical associations exists' },
  }),
  districtYesNo({
    id: 'd_smo_recommendations',
    title: {
      ru: 'Есть методические рекомендации по развитию ШМО, по созданию и функционированию школьных методических советов',
      en: 'Guidance on school methodical associations and school methodical councils exists',
    },
  }),
  districtYesNo({
    id: 'd_methodical_council',
    title: {
      ru: 'Организована работа муниципального методического совета по развитию школьных методических служб',
      en: 'A district methodical council for school methodical services works',
    },
  }),
  districtYesNo({
    id: 'd_gia_results',
    title: {
      ru: 'Результаты участия обучающихся в оценочных процедурах (оперативные данные ГИА) получены и проанализированы',
      en: "Students' results in assessment procedures (state exam data) obtained and analysed",
    },
  }),
  districtYesNo({
    id: 'd_active_regulation',
    title: { ru: 'Есть нормативный акт о формировании методического актива', en: 'A regulation on the methodical active exists' },
  }),
  districtYesNo({
    id: 'd_staffing_regulation',
    title: {
      ru: 'Есть нормативный акт о выявлении кадровых потребностей',
      en: 'A regulation on identifying staffing needs exists',
    },
  }),
  districtYesNo({
    id: 'd_staff_analysis',
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

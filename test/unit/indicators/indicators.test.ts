/**
 * Every indicator of every preset on the hand-worked district of dataset.ts: overall and
 * per school for 2026/27, and the change against 2025/26. Each expectation shows its
 * arithmetic. A = Школа № 1, B = Школа № 2 (2026/27); the previous year's overall is
 * A + C (Школа № 3). Survey groups use a privacy threshold of 3.
 */
import { computeIndicators, IndicatorsResult } from '../../../src/core/indicators/compute';
import { INDICATORS } from '../../../src/core/indicators/catalog';
import { IndicatorValue } from '../../../src/core/indicators/types';
import { PRESETS, Preset } from '../../../src/core/presets';
import { acceptDistrictReports, acceptSchoolReports } from '../../../src/core/reports/school-report';
import { A, B, C, CURRENT, DISTRICT_ROWS, PREVIOUS, SCHOOL_ROWS, SURVEY_ROWS } from './dataset';

/** [numerator, denominator, value]; denominator null for counts and presences. */
type Numbers = [number, number | null, number | null];
interface Expected {
  now: Numbers;
  /** Per school in 2026/27; 'hidden' = suppressed (fewer than 3 respondents). */
  a?: Numbers | 'hidden';
  b?: Numbers | 'hidden';
  /** The 2025/26 overall value as published then. */
  before: number | null;
  /**
   * Like for like: the value now and before over the schools with data in both years, and
   * how many (null: a district fact, the district against itself). A reported both years,
   * B is new and C stopped, so the school-report changes are A's own.
   */
  same: [number | null, number | null, number | null];
  delta: number | null;
}

const EXPECTED: Record<string, Expected> = {
  // --- deficits: school reports. 2026/27 totals: teachers 40 + 10 = 50; 2025/26: 40 + 20 = 60.
  'deficits.diagnosed_share': { now: [40, 50, 80], a: [30, 40, 75], b: [10, 10, 100], before: 50, same: [75, 50, 1], delta: 25 }, // (30+10)/50; 2025/26 (20+10)/60 = 50; same schools: A only
  'deficits.diagnosed_regional_share': { now: [24, 50, 48], a: [20, 40, 50], b: [4, 10, 40], before: 30, same: [50, 30, 1], delta: 20 }, // 000: regional diagnostics only, (20+4)/50; before (12+6)/60; same schools: A only, 20/40 against 12/40
  'deficits.found_share': { now: [17, 40, 42.5], a: [12, 30, 40], b: [5, 10, 50], before: 46.7, same: [40, 50, 1], delta: -10 }, // (12+5)/40; before (10+4)/30 = 46.67; same schools: A only
  // --- deficits: survey (6 respondents, 3 per school); none in 2025/26.
  'deficits.type_subject': { now: [3, 6, 50], a: [1, 3, 33.3], b: [2, 3, 66.7], before: null, same: [null, null, 0], delta: null }, // A r1, B r1, B r3
  'deficits.type_methodological': { now: [2, 6, 33.3], a: [1, 3, 33.3], b: [1, 3, 33.3], before: null, same: [null, null, 0], delta: null }, // A r2, B r1
  'deficits.type_psycho_pedagogical': { now: [1, 6, 16.7], a: [1, 3, 33.3], b: [0, 3, 0], before: null, same: [null, null, 0], delta: null }, // A r3
  'deficits.type_digital': { now: [3, 6, 50], a: [2, 3, 66.7], b: [1, 3, 33.3], before: null, same: [null, null, 0], delta: null }, // A r1, A r2, B r2
  'deficits.type_assessment': { now: [1, 6, 16.7], a: [1, 3, 33.3], b: [0, 3, 0], before: null, same: [null, null, 0], delta: null }, // A r3
  'deficits.type_communicative': { now: [1, 6, 16.7], a: [0, 3, 0], b: [1, 3, 33.3], before: null, same: [null, null, 0], delta: null }, // B r1
  // --- 001 competence levels, of the teachers diagnosed: A 30 and B 10 now; A 20 and C 10 before.
  'deficits.level_technological': { now: [26, 40, 65], a: [20, 30, 66.7], b: [6, 10, 60], before: 50, same: [66.7, 50, 1], delta: 16.7 }, // before (10+5)/30; A 20/30 against 10/20
  'deficits.level_social': { now: [23, 40, 57.5], a: [18, 30, 60], b: [5, 10, 50], before: 53.3, same: [60, 60, 1], delta: 0 }, // before (12+4)/30; A 18/30 against 12/20
  'deficits.level_problem_solving': { now: [19, 40, 47.5], a: [15, 30, 50], b: [4, 10, 40], before: 36.7, same: [50, 40, 1], delta: 10 }, // before (8+3)/30; A 15/30 against 8/20
  // --- 002 №2 from the diagnostics: 3 (A) + 1 (B) of 40 diagnosed for every type; before (2+1)/30; A 3/30 against 2/20.
  'deficits.diagnosed_type_subject': { now: [4, 40, 10], a: [3, 30, 10], b: [1, 10, 10], before: 10, same: [10, 10, 1], delta: 0 },
  'deficits.diagnosed_type_methodological': { now: [4, 40, 10], a: [3, 30, 10], b: [1, 10, 10], before: 10, same: [10, 10, 1], delta: 0 },
  'deficits.diagnosed_type_psycho_pedagogical': { now: [4, 40, 10], a: [3, 30, 10], b: [1, 10, 10], before: 10, same: [10, 10, 1], delta: 0 },
  'deficits.diagnosed_type_digital': { now: [4, 40, 10], a: [3, 30, 10], b: [1, 10, 10], before: 10, same: [10, 10, 1], delta: 0 },
  'deficits.diagnosed_type_assessment': { now: [4, 40, 10], a: [3, 30, 10], b: [1, 10, 10], before: 10, same: [10, 10, 1], delta: 0 },
  'deficits.diagnosed_type_communicative': { now: [4, 40, 10], a: [3, 30, 10], b: [1, 10, 10], before: 10, same: [10, 10, 1], delta: 0 },
  'deficits.diagnosed_type_burnout': { now: [4, 40, 10], a: [3, 30, 10], b: [1, 10, 10], before: 10, same: [10, 10, 1], delta: 0 },
  // --- district facts: 1/0 now and before.
  'deficits.regulation': { now: [1, null, 1], before: 0, same: [1, 0, null], delta: 1 },
  'deficits.methodical_basis': { now: [0, null, 0], before: 0, same: [0, 0, null], delta: 0 },
  // --- routes
  'routes.regulation': { now: [1, null, 1], before: 0, same: [1, 0, null], delta: 1 },
  'routes.deficit_routes_share': { now: [14, 50, 28], a: [9, 40, 22.5], b: [5, 10, 50], before: 15, same: [22.5, 12.5, 1], delta: 10 }, // (9+5)/50; before (5+4)/60; same schools: A only
  'routes.growth_routes_share': { now: [8, 23, 34.8], a: [6, 18, 33.3], b: [2, 5, 40], before: 43.8, same: [33.3, 40, 1], delta: -6.7 }, // (6+2)/((30−12)+(10−5)); before 7/16 = 43.75; same schools: A only
  'routes.activities_share': { now: [16, 50, 32], a: [10, 40, 25], b: [6, 10, 60], before: 18.3, same: [25, 15, 1], delta: 10 }, // before (6+5)/60; same schools: A only
  'routes.federal_register_pd_share': { now: [13, 50, 26], a: [10, 40, 25], b: [3, 10, 30], before: 20, same: [25, 20, 1], delta: 5 }, // before (8+4)/60; same schools: A only
  // --- retraining
  'retraining.needs_monitoring': { now: [1, null, 1], before: 1, same: [1, 1, null], delta: 0 },
  'retraining.pedagogical_share': { now: [4, 5, 80], a: [4, 5, 80], b: [0, 0, null], before: 66.7, same: [80, 50, 1], delta: 30 }, // B retrained nobody: 0/0; before (2+2)/(4+2); same schools: A only
  'retraining.retrained_share': { now: [5, 50, 10], a: [5, 40, 12.5], b: [0, 10, 0], before: 10, same: [12.5, 10, 1], delta: 2.5 }, // before (4+2)/60; same schools: A only
  'retraining.pd_share': { now: [24, 50, 48], a: [20, 40, 50], b: [4, 10, 40], before: 43.3, same: [50, 40, 1], delta: 10 }, // before (16+10)/60; same schools: A only
  'retraining.ict_pd_share': { now: [7, 50, 14], a: [6, 40, 15], b: [1, 10, 10], before: 10, same: [15, 10, 1], delta: 5 }, // before (4+2)/60; same schools: A only
  'retraining.listener_categories': { now: [5, null, 5], before: 4, same: [5, 4, null], delta: 1 },
  'retraining.targeted_pd_share': { now: [10, 50, 20], a: [8, 40, 20], b: [2, 10, 20], before: 10, same: [20, 10, 1], delta: 10 }, // before (4+2)/60; same schools: A only
  // --- digital
  'digital.distance_pd_share': { now: [16, 50, 32], a: [12, 40, 30], b: [4, 10, 40], before: 20, same: [30, 20, 1], delta: 10 }, // before (8+4)/60; same schools: A only
  'digital.elearning_programmes_share': { now: [6, 20, 30], before: 25, same: [30, 25, null], delta: 5 }, // district: 6/20; before 4/16
  // --- expert activity
  'expert.experts_share': { now: [11, 50, 22], a: [8, 40, 20], b: [3, 10, 30], before: 13.3, same: [20, 15, 1], delta: 5 }, // before (6+2)/60; same schools: A only
  'expert.competitions_share': { now: [7, 50, 14], a: [4, 40, 10], b: [3, 10, 30], before: 6.7, same: [10, 5, 1], delta: 5 }, // before (2+2)/60; same schools: A only
  'expert.regulation': { now: [1, null, 1], before: 0, same: [1, 0, null], delta: 1 },
  'expert.achievements': { now: [7, null, 7], a: [7, null, 7], b: [0, null, 0], before: 6, same: [7, 5, 1], delta: 2 }, // 7 + 0; before 5 + 1; same schools: A only
  'expert.regional_federal_experts': { now: [4, null, 4], a: [3, null, 3], b: [1, null, 1], before: 2, same: [3, 2, 1], delta: 1 }, // before 2 + 0; same schools: A only
  'expert.gia_experts': { now: [2, null, 2], a: [2, null, 2], b: [0, null, 0], before: 1, same: [2, 1, 1], delta: 1 }, // before 1 + 0; same schools: A only
  // --- methodical active
  'active.members_share': { now: [7, 50, 14], a: [6, 40, 15], b: [1, 10, 10], before: 10, same: [15, 10, 1], delta: 5 }, // before (4+2)/60; same schools: A only
  'active.cnppm_share': { now: [2, 50, 4], a: [2, 40, 5], b: [0, 10, 0], before: 3.3, same: [5, 5, 1], delta: 0 }, // before 2/60; same schools: A only
  // --- young teachers and mentoring. Young specialists: 4 + 1 = 5; before 4 + 2 = 6.
  'mentoring.young_support_projects': { now: [3, null, 3], before: 2, same: [3, 2, null], delta: 1 },
  'mentoring.young_projects_share': { now: [6, 50, 12], a: [5, 40, 12.5], b: [1, 10, 10], before: 10, same: [12.5, 10, 1], delta: 2.5 }, // before (4+2)/60; same schools: A only
  'mentoring.participants_share': { now: [11, 50, 22], a: [8, 40, 20], b: [3, 10, 30], before: 16.7, same: [20, 15, 1], delta: 5 }, // before (6+4)/60; same schools: A only
  'mentoring.methodist_supported_share': { now: [2, 5, 40], a: [1, 4, 25], b: [1, 1, 100], before: 16.7, same: [25, 0, 1], delta: 25 }, // before (0+1)/6; same schools: A only
  'mentoring.regulation_schools_share': { now: [1, 3, 33.3], a: [1, 1, 100], b: [0, 1, 0], before: 66.7, same: [100, 100, 1], delta: 0 }, // A yes, B no; before A, C yes; of the district's 3 schools; same schools: A only
  'mentoring.target_model_schools_share': { now: [2, 3, 66.7], a: [1, 1, 100], b: [1, 1, 100], before: 33.3, same: [100, 0, 1], delta: 100 }, // before only C; of the district's 3 schools; same schools: A only
  'mentoring.under_35_share': { now: [12, 50, 24], a: [10, 40, 25], b: [2, 10, 20], before: 20, same: [25, 20, 1], delta: 5 }, // before (8+4)/60; same schools: A only
  'mentoring.young_mentees': { now: [4, null, 4], a: [3, null, 3], b: [1, null, 1], before: 4, same: [3, 2, 1], delta: 1 }, // before 2 + 2; same schools: A only
  'mentoring.young_routes_share': { now: [3, 5, 60], a: [2, 4, 50], b: [1, 1, 100], before: 50, same: [50, 25, 1], delta: 25 }, // before (1+2)/6; same schools: A only
  // Mentoring survey: 3 mentees (80+70+90), 3 mentors (60+90+75); 2 per school in A, 1 in B: hidden.
  'mentoring.satisfaction_mentees': { now: [240, 3, 80], a: 'hidden', b: 'hidden', before: 70, same: [null, null, 1], delta: null }, // before (60+70+80)/3; A alone now has 2 mentees, below the threshold: no comparison
  'mentoring.satisfaction_mentors': { now: [225, 3, 75], a: 'hidden', b: 'hidden', before: null, same: [null, null, 0], delta: null }, // no mentors before
  'mentoring.young_deficits_research': { now: [1, null, 1], before: 0, same: [1, 0, null], delta: 1 },
  'mentoring.young_targeted_planning': { now: [0, null, 0], before: 0, same: [0, 0, null], delta: 0 },
  'mentoring.young_best_practices': { now: [4, null, 4], before: 2, same: [4, 2, null], delta: 2 },
  'mentoring.young_network_events': { now: [6, null, 6], before: 4, same: [6, 4, null], delta: 2 },
  'mentoring.mentors_pd_schedule': { now: [1, null, 1], before: 0, same: [1, 0, null], delta: 1 },
  'mentoring.monitoring_system': { now: [1, null, 1], before: 0, same: [1, 0, null], delta: 1 },
  'mentoring.regulation_act': { now: [1, null, 1], before: 1, same: [1, 1, null], delta: 0 },
  'mentoring.mentors_work_plan': { now: [1, null, 1], before: 1, same: [1, 1, null], delta: 0 },
  'mentoring.internship_plan': { now: [0, null, 0], before: 0, same: [0, 0, null], delta: 0 },
  'mentoring.open_lessons_plan': { now: [1, null, 1], before: 0, same: [1, 0, null], delta: 1 },
  // --- network interaction
  'network.teachers_share': { now: [20, 50, 40], a: [20, 40, 50], b: [0, 10, 0], before: 33.3, same: [50, 40, 1], delta: 10 }, // before (16+4)/60; same schools: A only
  'network.schools_share': { now: [1, 3, 33.3], a: [1, 1, 100], b: [0, 1, 0], before: 66.7, same: [100, 100, 1], delta: 0 }, // B has nobody in networks; of the district's 3 schools; same schools: A only
  'network.associations': { now: [12, null, 12], before: 10, same: [12, 10, null], delta: 2 },
  'network.events': { now: [9, null, 9], before: 4, same: [9, 4, null], delta: 5 },
  'network.projects': { now: [2, null, 2], before: 1, same: [2, 1, null], delta: 1 },
  'network.creative_works': { now: [5, null, 5], a: [5, null, 5], b: [0, null, 0], before: 4, same: [5, 3, 1], delta: 2 }, // before 3 + 1; same schools: A only
  // Network survey: the non-member (no index) does not count: 6 respondents.
  'network.technology_mastery': { now: [270, 6, 45], a: [180, 3, 60], b: [90, 3, 30], before: null, same: [null, null, 0], delta: null }, // 60+50+70 | 40+30+20
  'network.satisfaction': { now: [390, 6, 65], a: [240, 3, 80], b: [150, 3, 50], before: null, same: [null, null, 0], delta: null }, // 80+70+90 | 60+50+40
  'network.regulation': { now: [1, null, 1], before: 0, same: [1, 0, null], delta: 1 },
  'network.dpo_involvement_share': { now: [3, 50, 6], a: [3, 40, 7.5], b: [0, 10, 0], before: 5, same: [7.5, 5, 1], delta: 2.5 }, // before (2+1)/60; same schools: A only
  // --- staffing
  'staffing.staffing_level': { now: [56, 57.5, 97.4], a: [44, 45.5, 96.7], b: [12, 12, 100], before: 89.3, same: [96.7, 87.9, 1], delta: 8.8 }, // filled/schedule; before (40+18.5)/(45.5+20); same schools: A only
  'staffing.fully_staffed_schools_share': { now: [1, 3, 33.3], a: [0, 1, 0], b: [1, 1, 100], before: 0, same: [0, 0, 1], delta: 0 }, // no vacancies: B; before none; of the district's 3 schools; same schools: A only
  'staffing.vacancies': { now: [1, null, 1], a: [1, null, 1], b: [0, null, 0], before: 5, same: [1, 3, 1], delta: -2 }, // before 3 + 2; same schools: A only
  'staffing.rates_schedule': { now: [57.5, null, 57.5], a: [45.5, null, 45.5], b: [12, null, 12], before: 65.5, same: [45.5, 45.5, 1], delta: 0 }, // before 45.5 + 20; same schools: A only
  'staffing.rates_need': { now: [59.5, null, 59.5], a: [47, null, 47], b: [12.5, null, 12.5], before: 67, same: [47, 46, 1], delta: 1 }, // before 46 + 21; same schools: A only
  'staffing.headcount': { now: [75, null, 75], a: [60, null, 60], b: [15, null, 15], before: 88, same: [60, 58, 1], delta: 2 }, // before 58 + 30; same schools: A only
  'staffing.average_age': { now: [2280, 50, 45.6], a: [1760, 40, 44], b: [520, 10, 52], before: 43.3, same: [44, 45, 1], delta: -1 }, // (44·40 + 52·10)/50; before (45·40 + 40·20)/60; same schools: A only
  'staffing.profile_education_share': { now: [44, 50, 88], a: [36, 40, 90], b: [8, 10, 80], before: 86.7, same: [90, 85, 1], delta: 5 }, // before (34+18)/60; same schools: A only
  'staffing.hr_strategy_schools_share': { now: [1, 3, 33.3], a: [1, 1, 100], b: [0, 1, 0], before: 33.3, same: [100, 0, 1], delta: 100 }, // before only C; of the district's 3 schools; same schools: A only
  'staffing.staff_analysis': { now: [1, null, 1], before: 0, same: [1, 0, null], delta: 1 },
  // --- the district facts added for 001, 003 and 004: present now, not before.
  'mentoring.regulation': { now: [1, null, 1], before: 0, same: [1, 0, null], delta: 1 },
  'mentoring.individual_plans': { now: [1, null, 1], before: 0, same: [1, 0, null], delta: 1 },
  'network.schools_interaction': { now: [1, null, 1], before: 0, same: [1, 0, null], delta: 1 },
  'network.mo_regulations': { now: [1, null, 1], before: 0, same: [1, 0, null], delta: 1 },
  'network.mo_programme': { now: [1, null, 1], before: 0, same: [1, 0, null], delta: 1 },
  'network.rmo_plan': { now: [1, null, 1], before: 0, same: [1, 0, null], delta: 1 },
  'network.smo_recommendations': { now: [1, null, 1], before: 0, same: [1, 0, null], delta: 1 },
  'network.methodical_council': { now: [1, null, 1], before: 0, same: [1, 0, null], delta: 1 },
  'expert.gia_results': { now: [1, null, 1], before: 0, same: [1, 0, null], delta: 1 },
  'active.regulation': { now: [1, null, 1], before: 0, same: [1, 0, null], delta: 1 },
  'staffing.regulation': { now: [1, null, 1], before: 0, same: [1, 0, null], delta: 1 },
  // --- counts added: 003 methodical assessment, 001 project participants and vacancies by position, 004 experts and schools.
  'active.methodical_assessment_share': { now: [15, 50, 30], a: [10, 40, 25], b: [5, 10, 50], before: 20, same: [25, 20, 1], delta: 5 }, // before (8+4)/60; A 10/40 against 8/40
  'network.project_participants': { now: [70, null, 70], a: [50, null, 50], b: [20, null, 20], before: 50, same: [50, 40, 1], delta: 10 }, // people, not projects; before 40 + 10
  'staffing.vacancies_teachers': { now: [1, null, 1], a: [1, null, 1], b: [0, null, 0], before: 3, same: [1, 2, 1], delta: -1 }, // before 2 + 1
  'staffing.vacancies_specialists': { now: [0, null, 0], a: [0, null, 0], b: [0, null, 0], before: 1, same: [0, 1, 1], delta: -1 }, // before 1 + 0
  'staffing.vacancies_management': { now: [0, null, 0], a: [0, null, 0], b: [0, null, 0], before: 1, same: [0, 0, 1], delta: 0 }, // before 0 + 1
  'expert.experts_count': { now: [11, null, 11], a: [8, null, 8], b: [3, null, 3], before: 8, same: [8, 6, 1], delta: 2 }, // 8 + 3; before 6 + 2
  'network.participants': { now: [20, null, 20], a: [20, null, 20], b: [0, null, 0], before: 20, same: [20, 16, 1], delta: 4 }, // 20 + 0; before 16 + 4: the count held, A grew by 4
  'network.schools_count': { now: [1, null, 1], a: [1, null, 1], b: [0, null, 0], before: 2, same: [1, 1, 1], delta: 0 }, // A only now; A and C before
  // --- burnout (Boyko): 7 respondents, A 4, B 3; before 3 in A.
  'burnout.formed_any_share': { now: [5, 7, 71.4], a: [4, 4, 100], b: [1, 3, 33.3], before: 33.3, same: [100, 33.3, 1], delta: 66.7 }, // same schools: A only, 4/4 now, 1/3 before
  'burnout.tension_share': { now: [2, 7, 28.6], a: [2, 4, 50], b: [0, 3, 0], before: 33.3, same: [50, 33.3, 1], delta: 16.7 }, // A1, A4; same schools: A only
  'burnout.resistance_share': { now: [2, 7, 28.6], a: [2, 4, 50], b: [0, 3, 0], before: 0, same: [50, 0, 1], delta: 50 }, // A2, A4; same schools: A only
  'burnout.exhaustion_share': { now: [3, 7, 42.9], a: [2, 4, 50], b: [1, 3, 33.3], before: 33.3, same: [50, 33.3, 1], delta: 16.7 }, // A2, A3, B2; same schools: A only
  // A school is high when ≥ 50 % have a formed phase: A (100 %) yes, B (33.3 %) no; before A 33.3 % no.
  'burnout.high_schools_share': { now: [1, 2, 50], a: [1, 1, 100], b: [0, 1, 0], before: 0, same: [100, 0, 1], delta: 100 }, // same schools: A only (100 % formed now, 33.3 % before)
};

const K = 3;

function compute(preset: Preset): IndicatorsResult {
  const reports = acceptSchoolReports(preset, SCHOOL_ROWS);
  expect(reports.rejected).toEqual([]);
  const district = acceptDistrictReports(preset, DISTRICT_ROWS);
  expect(district.rejected).toEqual([]);
  return computeIndicators({
    preset,
    reports: reports.accepted,
    districtReports: district.accepted,
    scores: SURVEY_ROWS,
    schools: [A, B, C],
    privacyThreshold: K,
  });
}

function find(result: IndicatorsResult, id: string, period: string, kind: string, key?: string): IndicatorValue | undefined {
  return result.values.find(
    (v) => v.id === id && v.period === period && v.scope.kind === kind && (v.scope.kind === 'overall' || v.scope.key === key),
  );
}

function numbers(value: IndicatorValue | undefined): Numbers | 'hidden' | undefined {
  if (!value) return undefined;
  if (value.suppressed) return 'hidden';
  return [value.numerator!, value.denominator, value.value];
}

test('the expectations cover the whole catalog', () => {
  expect(Object.keys(EXPECTED).sort()).toEqual(INDICATORS.map((i) => i.id).sort());
});

describe.each(PRESETS.map((preset) => [preset.id, preset] as const))('preset %s', (_id, preset) => {
  const result = compute(preset);

  test('periods, current period and the school that has not reported', () => {
    expect(result.periods).toEqual([PREVIOUS, CURRENT]);
    expect(result.currentPeriod).toBe(CURRENT);
    expect(result.missingReports).toEqual([C]);
  });

  test.each(preset.indicators)('%s: overall, per school and change', (id) => {
    const expected = EXPECTED[id];
    const overall = find(result, id, CURRENT, 'overall');
    expect(numbers(overall)).toEqual(expected.now);
    const [sameSchoolsNow, sameSchoolsBefore, schools] = expected.same;
    expect(overall?.change).toEqual({
      previousPeriod: PREVIOUS, previous: expected.before, sameSchoolsNow, sameSchoolsBefore, delta: expected.delta, schools,
    });
    if (expected.a) expect(numbers(find(result, id, CURRENT, 'school', A))).toEqual(expected.a);
    if (expected.b) expect(numbers(find(result, id, CURRENT, 'school', B))).toEqual(expected.b);
    if (!expected.a && !expected.b) {
      // District facts have no per-school values.
      expect(result.values.filter((v) => v.id === id && v.scope.kind === 'school')).toEqual([]);
    }
    expect(find(result, id, PREVIOUS, 'overall')?.value ?? null).toBe(expected.before);
  });
});

describe('details of the computation', () => {
  const custom = PRESETS.find((p) => p.id === 'custom')!;
  const result = compute(custom);

  test('a school reporting in both periods has its own change; a new school has no previous value', () => {
    // A: 30/40 = 75 % now, 20/40 = 50 % before.
    expect(find(result, 'deficits.diagnosed_share', CURRENT, 'school', A)?.change).toEqual({
      previousPeriod: PREVIOUS,
      previous: 50,
      sameSchoolsNow: 75,
      sameSchoolsBefore: 50,
      delta: 25,
      schools: 1,
    });
    expect(find(result, 'deficits.diagnosed_share', CURRENT, 'school', B)?.change).toEqual({
      previousPeriod: PREVIOUS,
      previous: null,
      sameSchoolsNow: null,
      sameSchoolsBefore: null,
      delta: null,
      schools: 0,
    });
  });

  test('per subject from the subject rows: Математика (6+2)/(8+2), Русский язык 3/6', () => {
    expect(numbers(find(result, 'deficits.diagnosed_share', CURRENT, 'subject', 'Математика'))).toEqual([8, 10, 80]);
    expect(numbers(find(result, 'deficits.diagnosed_share', CURRENT, 'subject', 'Русский язык'))).toEqual([3, 6, 50]);
    // Before: Математика 4/8 = 50 % (A alone). Like for like over A: 6/8 = 75 % now, so +25, not +30.
    expect(find(result, 'deficits.diagnosed_share', CURRENT, 'subject', 'Математика')?.change).toMatchObject({
      previous: 50, sameSchoolsNow: 75, sameSchoolsBefore: 50, delta: 25, schools: 1,
    });
    // Methodical active per subject: (2+0)/10 and 1/6.
    expect(numbers(find(result, 'active.members_share', CURRENT, 'subject', 'Математика'))).toEqual([2, 10, 20]);
    expect(numbers(find(result, 'active.members_share', CURRENT, 'subject', 'Русский язык'))).toEqual([1, 6, 16.7]);
    // An indicator without a subject breakdown has no subject values.
    expect(result.values.some((v) => v.id === 'deficits.found_share' && v.scope.kind === 'subject')).toBe(false);
  });

  test('per subject from the respondents: Boyko Математика A1 A2 A4 B1 = 3/4, Русский язык A3 B2 B3 = 2/3', () => {
    expect(numbers(find(result, 'burnout.formed_any_share', CURRENT, 'subject', 'Математика'))).toEqual([3, 4, 75]);
    expect(numbers(find(result, 'burnout.formed_any_share', CURRENT, 'subject', 'Русский язык'))).toEqual([2, 3, 66.7]);
  });

  test('response rates against the teachers the schools reported', () => {
    const boyko = result.responseRates.filter((r) => r.instrument === 'boyko' && r.period === CURRENT);
    // A 4 of 40 = 10 %, B 3 of 10 = 30 %, overall 7 of 50 = 14 %.
    expect(boyko.find((r) => r.scope.kind === 'overall')).toMatchObject({ respondents: 7, teachers: 50, rate: 14, unmatchedRespondents: 0 });
    expect(boyko.find((r) => r.scope.kind === 'school' && r.scope.key === A)).toMatchObject({ respondents: 4, teachers: 40, rate: 10 });
    expect(boyko.find((r) => r.scope.kind === 'school' && r.scope.key === B)).toMatchObject({ respondents: 3, teachers: 10, rate: 30 });
  });

  test('the missing list follows the chosen current period', () => {
    const before = computeIndicators({
      preset: custom,
      reports: acceptSchoolReports(custom, SCHOOL_ROWS).accepted,
      schools: [A, B, C],
      currentPeriod: PREVIOUS,
    });
    expect(before.missingReports).toEqual([B]);
  });
});

/**
 * A small district worked by hand: three schools, two school years.
 *   2025/26 (previous): Школа № 1 (A) and Школа № 3 (C) report.
 *   2026/27 (current):  Школа № 1 (A) and Школа № 2 (B) report; C has not.
 * Every expected value in indicators.test.ts is computed from these numbers.
 */
import { SurveyScoreRow } from '../../../src/core/indicators/types';
import { DistrictReportRow, SchoolReportRow } from '../../../src/core/reports/school-report';

export const A = 'Школа № 1';
export const B = 'Школа № 2';
export const C = 'Школа № 3';
export const PREVIOUS = '2025/26';
export const CURRENT = '2026/27';

type Counts = Record<string, number | string>;

/** Field values; yes/no written as people type them. */
const A_CURRENT: Counts = {
  teachers_total: 40, teachers_diagnosed: 30, teachers_diagnosed_regional: 20, teachers_with_deficits: 12, teachers_route_deficits: 9,
  teachers_route_growth: 6, teachers_route_activities: 10, teachers_retrained: 5, teachers_retrained_pedagogical: 4,
  teachers_pd: 20, teachers_pd_ict: 6, teachers_pd_targeted: 8, teachers_pd_federal_register: 10,
  teachers_pd_distance: 12, teachers_experts: 8, teachers_experts_regional: 3, teachers_gia_experts: 2,
  teachers_in_competitions: 4, expert_achievements: 7, teachers_methodical_active: 6, teachers_cnppm: 2,
  teachers_under_35: 10, young_specialists: 4, young_specialists_mentees: 3, young_specialists_with_route: 2,
  young_specialists_methodist: 1, teachers_in_young_projects: 5, teachers_in_mentoring: 8,
  has_mentoring_regulation: 'да', implements_target_mentoring_model: 'да',
  teachers_in_network: 20, network_creative_works: 5, teachers_dpo_trainers: 3, staff_headcount: 60,
  staff_rates_schedule: '45,5', staff_rates_filled: 44, staff_rates_need: 47, vacancies: 1, teachers_average_age: 44,
  teachers_profile_education: 36, has_hr_strategy: 'да',
  teachers_level_technological: 20, teachers_level_social: 18,
  teachers_level_problem_solving: 15, teachers_methodical_assessed: 10, project_participants: 50,
  vacancies_teachers: 1, vacancies_specialists: 0, vacancies_management: 0,
  teachers_deficit_subject: 3, teachers_deficit_methodological: 3, teachers_deficit_psycho_pedagogical: 3, teachers_deficit_digital: 3, teachers_deficit_assessment: 3, teachers_deficit_communicative: 3, teachers_deficit_burnout: 3,
};

const B_CURRENT: Counts = {
  teachers_total: 10, teachers_diagnosed: 10, teachers_diagnosed_regional: 4, teachers_with_deficits: 5, teachers_route_deficits: 5,
  teachers_route_growth: 2, teachers_route_activities: 6, teachers_retrained: 0, teachers_retrained_pedagogical: 0,
  teachers_pd: 4, teachers_pd_ict: 1, teachers_pd_targeted: 2, teachers_pd_federal_register: 3,
  teachers_pd_distance: 4, teachers_experts: 3, teachers_experts_regional: 1, teachers_gia_experts: 0,
  teachers_in_competitions: 3, expert_achievements: 0, teachers_methodical_active: 1, teachers_cnppm: 0,
  teachers_under_35: 2, young_specialists: 1, young_specialists_mentees: 1, young_specialists_with_route: 1,
  young_specialists_methodist: 1, teachers_in_young_projects: 1, teachers_in_mentoring: 3,
  has_mentoring_regulation: 'нет', implements_target_mentoring_model: 'да',
  teachers_in_network: 0, network_creative_works: 0, teachers_dpo_trainers: 0, staff_headcount: 15,
  staff_rates_schedule: 12, staff_rates_filled: 12, staff_rates_need: '12,5', vacancies: 0, teachers_average_age: 52,
  teachers_profile_education: 8, has_hr_strategy: 'нет',
  teachers_level_technological: 6, teachers_level_social: 5,
  teachers_level_problem_solving: 4, teachers_methodical_assessed: 5, project_participants: 20,
  vacancies_teachers: 0, vacancies_specialists: 0, vacancies_management: 0,
  teachers_deficit_subject: 1, teachers_deficit_methodological: 1, teachers_deficit_psycho_pedagogical: 1, teachers_deficit_digital: 1, teachers_deficit_assessment: 1, teachers_deficit_communicative: 1, teachers_deficit_burnout: 1,
};

const A_PREVIOUS: Counts = {
  teachers_total: 40, teachers_diagnosed: 20, teachers_diagnosed_regional: 12, teachers_with_deficits: 10, teachers_route_deficits: 5,
  teachers_route_growth: 4, teachers_route_activities: 6, teachers_retrained: 4, teachers_retrained_pedagogical: 2,
  teachers_pd: 16, teachers_pd_ict: 4, teachers_pd_targeted: 4, teachers_pd_federal_register: 8,
  teachers_pd_distance: 8, teachers_experts: 6, teachers_experts_regional: 2, teachers_gia_experts: 1,
  teachers_in_competitions: 2, expert_achievements: 5, teachers_methodical_active: 4, teachers_cnppm: 2,
  teachers_under_35: 8, young_specialists: 4, young_specialists_mentees: 2, young_specialists_with_route: 1,
  young_specialists_methodist: 0, teachers_in_young_projects: 4, teachers_in_mentoring: 6,
  has_mentoring_regulation: 'да', implements_target_mentoring_model: 'нет',
  teachers_in_network: 16, network_creative_works: 3, teachers_dpo_trainers: 2, staff_headcount: 58,
  staff_rates_schedule: 45.5, staff_rates_filled: 40, staff_rates_need: 46, vacancies: 3, teachers_average_age: 45,
  teachers_profile_education: 34, has_hr_strategy: 'нет',
  teachers_level_technological: 10, teachers_level_social: 12,
  teachers_level_problem_solving: 8, teachers_methodical_assessed: 8, project_participants: 40,
  vacancies_teachers: 2, vacancies_specialists: 1, vacancies_management: 0,
  teachers_deficit_subject: 2, teachers_deficit_methodological: 2, teachers_deficit_psycho_pedagogical: 2, teachers_deficit_digital: 2, teachers_deficit_assessment: 2, teachers_deficit_communicative: 2, teachers_deficit_burnout: 2,
};

const C_PREVIOUS: Counts = {
  teachers_total: 20, teachers_diagnosed: 10, teachers_diagnosed_regional: 6, teachers_with_deficits: 4, teachers_route_deficits: 4,
  teachers_route_growth: 3, teachers_route_activities: 5, teachers_retrained: 2, teachers_retrained_pedagogical: 2,
  teachers_pd: 10, teachers_pd_ict: 2, teachers_pd_targeted: 2, teachers_pd_federal_register: 4,
  teachers_pd_distance: 4, teachers_experts: 2, teachers_experts_regional: 0, teachers_gia_experts: 0,
  teachers_in_competitions: 2, expert_achievements: 1, teachers_methodical_active: 2, teachers_cnppm: 0,
  teachers_under_35: 4, young_specialists: 2, young_specialists_mentees: 2, young_specialists_with_route: 2,
  young_specialists_methodist: 1, teachers_in_young_projects: 2, teachers_in_mentoring: 4,
  has_mentoring_regulation: 'да', implements_target_mentoring_model: 'да',
  teachers_in_network: 4, network_creative_works: 1, teachers_dpo_trainers: 1, staff_headcount: 30,
  staff_rates_schedule: 20, staff_rates_filled: '18,5', staff_rates_need: 21, vacancies: 2, teachers_average_age: 40,
  teachers_profile_education: 18, has_hr_strategy: 'да',
  teachers_level_technological: 5, teachers_level_social: 4,
  teachers_level_problem_solving: 3, teachers_methodical_assessed: 4, project_participants: 10,
  vacancies_teachers: 1, vacancies_specialists: 0, vacancies_management: 1,
  teachers_deficit_subject: 1, teachers_deficit_methodological: 1, teachers_deficit_psycho_pedagogical: 1, teachers_deficit_digital: 1, teachers_deficit_assessment: 1, teachers_deficit_communicative: 1, teachers_deficit_burnout: 1,
};

const asValues = (counts: Counts) => counts as Record<string, string | number>;

export const SCHOOL_ROWS: SchoolReportRow[] = [
  { row: 2, school: A, period: PREVIOUS, values: asValues(A_PREVIOUS) },
  { row: 3, school: C, period: PREVIOUS, values: asValues(C_PREVIOUS) },
  { row: 4, school: A, period: CURRENT, values: asValues(A_CURRENT) },
  { row: 5, school: B, period: CURRENT, values: asValues(B_CURRENT) },
  // Per-subject rows: teachers, diagnosed, methodical active and assessed per subject.
  { row: 6, school: A, period: PREVIOUS, subject: 'Математика', values: { teachers_total: 8, teachers_diagnosed: 4, teachers_diagnosed_regional: 2, teachers_methodical_active: 1, teachers_methodical_assessed: 2 } },
  { row: 7, school: A, period: CURRENT, subject: 'Математика', values: { teachers_total: 8, teachers_diagnosed: 6, teachers_diagnosed_regional: 4, teachers_methodical_active: 2, teachers_methodical_assessed: 3 } },
  { row: 8, school: A, period: CURRENT, subject: 'Русский язык', values: { teachers_total: 6, teachers_diagnosed: 3, teachers_diagnosed_regional: 1, teachers_methodical_active: 1, teachers_methodical_assessed: 1 } },
  { row: 9, school: B, period: CURRENT, subject: 'Математика', values: { teachers_total: 2, teachers_diagnosed: 2, teachers_diagnosed_regional: 1, teachers_methodical_active: 0, teachers_methodical_assessed: 1 } },
];

const DISTRICT_CURRENT: Counts = {
  d_deficits_regulation: 'да', d_deficits_methodical_basis: 'нет', d_routes_regulation: 'да',
  d_retraining_needs_monitoring: 'да', d_listener_categories: 5, d_dpo_programmes: 20, d_dpo_programmes_elearning: 6,
  d_expert_regulation: 'да', d_young_support_projects: 3, d_young_deficits_research: 'да',
  d_young_targeted_planning: 'нет', d_young_best_practices: 4, d_young_network_events: 6, d_mentors_pd_schedule: 'да',
  d_mentoring_monitoring_system: 'да', d_mentoring_regulation_act: 'да', d_mentors_work_plan: 'да',
  d_young_internship_plan: 'нет', d_young_open_lessons_plan: 'да', d_methodical_associations: 12,
  d_network_events: 9, d_network_projects: 2, d_network_regulation: 'да',
  d_staff_analysis: 'да',
  // The facts the presets gained for 001, 003 and 004: all present now, none before.
  d_mentoring_regulation: 'да', d_mentoring_individual_plans: 'да', d_schools_network_interaction: 'да', d_mo_regulations: 'да', d_mo_programme: 'да', d_rmo_plan: 'да', d_smo_recommendations: 'да', d_methodical_council: 'да', d_gia_results: 'да', d_active_regulation: 'да', d_staffing_regulation: 'да',
};

const DISTRICT_PREVIOUS: Counts = {
  d_deficits_regulation: 'нет', d_deficits_methodical_basis: 'нет', d_routes_regulation: 'нет',
  d_retraining_needs_monitoring: 'да', d_listener_categories: 4, d_dpo_programmes: 16, d_dpo_programmes_elearning: 4,
  d_expert_regulation: 'нет', d_young_support_projects: 2, d_young_deficits_research: 'нет',
  d_young_targeted_planning: 'нет', d_young_best_practices: 2, d_young_network_events: 4, d_mentors_pd_schedule: 'нет',
  d_mentoring_monitoring_system: 'нет', d_mentoring_regulation_act: 'да', d_mentors_work_plan: 'да',
  d_young_internship_plan: 'нет', d_young_open_lessons_plan: 'нет', d_methodical_associations: 10,
  d_network_events: 4, d_network_projects: 1, d_network_regulation: 'нет',
  d_staff_analysis: 'нет',
  d_mentoring_regulation: 'нет', d_mentoring_individual_plans: 'нет', d_schools_network_interaction: 'нет', d_mo_regulations: 'нет', d_mo_programme: 'нет', d_rmo_plan: 'нет', d_smo_recommendations: 'нет', d_methodical_council: 'нет', d_gia_results: 'нет', d_active_regulation: 'нет', d_staffing_regulation: 'нет',
};

export const DISTRICT_ROWS: DistrictReportRow[] = [
  { row: 2, period: PREVIOUS, values: asValues(DISTRICT_PREVIOUS) },
  { row: 3, period: CURRENT, values: asValues(DISTRICT_CURRENT) },
];

// --- survey responses (scored) ------------------------------------------------------

const row = (
  instrument: string,
  school: string,
  subject: string,
  date: string,
  scores: SurveyScoreRow['scores'],
): SurveyScoreRow => ({ instrument, school, subject, date, scores });

const boyko = (school: string, subject: string, date: string, tension: boolean, resistance: boolean, exhaustion: boolean) =>
  row('boyko', school, subject, date, {
    phase_formed_any: tension || resistance || exhaustion,
    phase_formed_tension: tension,
    phase_formed_resistance: resistance,
    phase_formed_exhaustion: exhaustion,
  });

const deficits = (school: string, subject: string, types: string[], levels: [number, number, number]) =>
  row('deficits', school, subject, '2026-10-05', {
    ...Object.fromEntries(
      ['subject', 'methodological', 'psycho_pedagogical', 'digital', 'assessment', 'communicative'].map((t) => [
        `type_${t}`,
        types.includes(t),
      ]),
    ),
    level_technological: levels[0],
    level_social: levels[1],
    level_problem_solving: levels[2],
  });

const M = 'Математика';
const R = 'Русский язык';

export const SURVEY_ROWS: SurveyScoreRow[] = [
  // Boyko, 2026/27: A — all four with a formed phase; B — one of three.
  boyko(A, M, '2026-11-10', true, false, false), // A1
  boyko(A, M, '2026-11-10', false, true, true), // A2
  boyko(A, R, '2026-11-11', false, false, true), // A3
  boyko(A, M, '2026-11-12', true, true, false), // A4
  boyko(B, M, '2026-11-12', false, false, false), // B1
  boyko(B, R, '2026-12-01', false, false, true), // B2
  boyko(B, R, '2027-01-15', false, false, false), // B3
  // Boyko, 2025/26: A, three respondents, one with tension and exhaustion formed.
  boyko(A, M, '2025-11-10', true, false, true),
  boyko(A, M, '2025-11-10', false, false, false),
  boyko(A, R, '2025-11-10', false, false, false),

  // Mentoring, 2026/27: mentees 80, 70 (A), 90 (B); mentors 60, 90 (A), 75 (B).
  row('mentoring', A, M, '2027-04-02', { index_mentee: 80, index_mentor: null }),
  row('mentoring', A, R, '2027-04-02', { index_mentee: 70, index_mentor: null }),
  row('mentoring', B, M, '2027-04-03', { index_mentee: 90, index_mentor: null }),
  row('mentoring', A, M, '2027-04-02', { index_mentee: null, index_mentor: 60 }),
  row('mentoring', A, R, '2027-04-02', { index_mentee: null, index_mentor: 90 }),
  row('mentoring', B, M, '2027-04-03', { index_mentee: null, index_mentor: 75 }),
  // Mentoring, 2025/26: three mentees 60, 70, 80 (A); no mentors.
  row('mentoring', A, M, '2026-04-02', { index_mentee: 60, index_mentor: null }),
  row('mentoring', A, M, '2026-04-02', { index_mentee: 70, index_mentor: null }),
  row('mentoring', A, R, '2026-04-02', { index_mentee: 80, index_mentor: null }),

  // Network, 2026/27: A 80/60, 70/50, 90/70 and a non-member; B 60/40, 50/30, 40/20.
  row('network', A, M, '2027-03-01', { member: true, index: 80, tech_mastery: 60 }),
  row('network', A, M, '2027-03-01', { member: true, index: 70, tech_mastery: 50 }),
  row('network', A, R, '2027-03-01', { member: true, index: 90, tech_mastery: 70 }),
  row('network', A, R, '2027-03-01', { member: false, index: null, tech_mastery: null }),
  row('network', B, M, '2027-03-02', { member: true, index: 60, tech_mastery: 40 }),
  row('network', B, R, '2027-03-02', { member: true, index: 50, tech_mastery: 30 }),
  row('network', B, R, '2027-03-02', { member: true, index: 40, tech_mastery: 20 }),

  // Deficits self-check, 2026/27.
  deficits(A, M, ['subject', 'digital'], [70, 60, 50]), // A r1
  deficits(A, M, ['methodological', 'digital'], [50, 40, 30]), // A r2
  deficits(A, R, ['psycho_pedagogical', 'assessment'], [90, 80, 70]), // A r3
  deficits(B, M, ['subject', 'methodological', 'communicative'], [40, 50, 60]), // B r1
  deficits(B, R, ['digital'], [60, 70, 80]), // B r2
  deficits(B, R, ['subject'], [80, 84, 96]), // B r3
];

/**
 * The vocabulary of indicators: directions, report fields, survey measures, operands and
 * computed values. Everything here is plain JSON-safe data.
 */
import { Localized } from '../text/i18n';

/** The five source documents. */
export type SeedId = '000_amur' | '001_krymsk' | '002_kbr' | '003_krasnodar' | '004_verkhnekamsk';

/** The nine monitoring directions of the seeds, plus burnout prevention. */
export type Direction =
  | 'deficits'
  | 'routes'
  | 'retraining'
  | 'digital'
  | 'expert'
  | 'methodical_active'
  | 'mentoring'
  | 'network'
  | 'staffing'
  | 'burnout';

export type { LocalizedMessage } from '../text/message';

// ---------------------------------------------------------------------------------------
// Report fields: the numbers schools (and the district itself) report.

export type FieldId = string;

/**
 * count  — a whole number ≥ 0 (people, events);
 * amount — a number ≥ 0 that may have decimals (staff rates such as 12.5, an average age);
 * yesno  — да/нет, stored as 1/0.
 */
export type FieldKind = 'count' | 'amount' | 'yesno';

/**
 * school   — asked in every school's periodic report;
 * district — a fact about the district as a whole (a municipal act, the number of
 *            district methodical associations), entered once per period by the coordinator.
 */
export type FieldLevel = 'school' | 'district';

export interface FieldDef {
  id: FieldId;
  title: Localized;
  kind: FieldKind;
  level: FieldLevel;
  /** The whole this field is a part of: a report where the part exceeds it is rejected. */
  partOf?: FieldId;
  /** Also reported per subject (rows with a subject) for the per-subject breakdown. */
  perSubject?: boolean;
  hint?: Localized;
}

/**
 * Σ parts ≤ Σ wholes. `partOf` yields the one-part rules; the list of extra rules covers
 * what one `partOf` cannot say. A rule applies only when the report has all its fields.
 */
export interface ConsistencyRule {
  parts: FieldId[];
  wholes: FieldId[];
}

// ---------------------------------------------------------------------------------------
// Survey measures: what scored survey responses provide.

/** A survey measure id 'instrument.key', e.g. 'boyko.phase_formed_any'. */
export type MeasureId = string;

export interface MeasureDef {
  id: MeasureId;
  instrument: string;
  /** The key in SurveyScoreRow.scores. */
  key: string;
  /** flag: true/false per respondent; score: a number per respondent. */
  type: 'flag' | 'score';
  title: Localized;
  /** The range of a score, for documentation and sanity checks. */
  range?: [number, number];
}

/**
 * One scored survey response, as the indicators need it. The scorer of each instrument
 * produces these; `scores` holds the instrument's measures by key (see MEASURES).
 * A measure that does not apply to the respondent (a mentor has no mentee index) is absent
 * or null; the respondent is then not counted for that measure.
 */
export interface SurveyScoreRow {
  instrument: string;
  school: string;
  subject?: string | null;
  /** When the response was given: ISO date or date-time; its date part picks the period. */
  date: string;
  ageBand?: string | null;
  experienceBand?: string | null;
  scores: Record<string, number | boolean | null | undefined>;
}

// ---------------------------------------------------------------------------------------
// Operands: how a numerator or denominator is computed.

/** A condition on one school's report. */
export type SchoolCondition =
  | { field: FieldId; is: 'yes' | 'positive' | 'zero' };

export type Operand =
  /** Σ of a field over the reports (school level) or the district's value. */
  | { field: FieldId }
  /** Σ a − Σ b, e.g. teachers diagnosed minus those with deficits. */
  | { difference: [FieldId, FieldId] }
  /** Σ value × weight, for a mean weighted by headcount (average age). */
  | { weighted: FieldId; by: FieldId }
  /**
   * The district's schools: the settings' list (003: «общее количество ОО в соответствии с
   * данными ФСН ОО-1»), so a share of schools does not grow when fewer schools report. In a
   * like-for-like comparison, the schools compared.
   */
  | { schools: 'district' }
  /** The number of reporting schools meeting a condition. */
  | { schoolsWhere: SchoolCondition }
  /** The number of respondents whose flag measure is true. */
  | { respondentsWhere: MeasureId }
  /** The number of respondents who have the measure (flag or score). */
  | { respondentsWith: MeasureId }
  /** Σ of a score measure over respondents. */
  | { measureSum: MeasureId }
  /**
   * The number of schools with at least k respondents to the measure where the share of
   * respondents with the flag set reaches `atLeastPercent`.
   */
  | { schoolsWithFlagShare: MeasureId; atLeastPercent: number }
  /** The number of schools with at least k respondents to the measure. */
  | { schoolsAssessed: MeasureId };

// ---------------------------------------------------------------------------------------
// Indicators.

/**
 * share    — numerator / denominator, shown in percent;
 * count    — a number (people, events, staff rates);
 * presence — да/нет for the district (1 or 0);
 * mean     — numerator / denominator as is (an average index, an average age).
 */
export type IndicatorKind = 'share' | 'count' | 'presence' | 'mean';

export type IndicatorUnit = '%' | 'count' | 'yes/no' | 'points' | 'rates' | 'years' | 'index';

/** school_report / district_report: the counts of the reports; survey:<instrument>: scored responses. */
export type IndicatorSource = 'school_report' | 'district_report' | `survey:${string}`;

/** The four evaluation positions the rubric's indicator, monitoring and analysis blocks share. */
export type SharedPositionId = 'mentoring' | 'associations' | 'network' | 'support';

export interface IndicatorDef {
  id: string;
  direction: Direction;
  title: Localized;
  kind: IndicatorKind;
  numerator: Operand;
  denominator?: Operand;
  unit: IndicatorUnit;
  source: IndicatorSource;
  seeds: SeedId[];
  /** Computable per subject from subject rows (school reports) or the respondents' subject. */
  subjectBreakdown?: boolean;
  /** The rubric position the indicator serves by default (null: none of the four). */
  rubricPosition: SharedPositionId | null;
  /** How the numerator and denominator are read, where the title alone does not say. */
  note?: Localized;
}

// ---------------------------------------------------------------------------------------
// Computed values.

export type Scope =
  | { kind: 'overall' }
  | { kind: 'school'; key: string }
  | { kind: 'subject'; key: string };

/**
 * The change against the period before, like for like: both values are recomputed over
 * the schools that have data in both periods, so a school joining or leaving does not
 * show up as a change. A district fact compares the district with itself.
 */
export interface Change {
  /** The period compared against: the one just before. */
  previousPeriod: string;
  /** The previous period's value as published then (over the schools that reported then). */
  previous: number | null;
  /** The value now over the schools compared; null when there is none to compare. */
  sameSchoolsNow: number | null;
  /** The value before over the schools compared. */
  sameSchoolsBefore: number | null;
  /** sameSchoolsNow − sameSchoolsBefore (percentage points for shares); null when either is missing. */
  delta: number | null;
  /** How many schools the comparison is over; null for a district fact. */
  schools: number | null;
}

/** What a value is computed from, so nobody reads a share of 3 schools as the district's. */
export interface Coverage {
  /** Schools whose reports (or respondents) the value counts; null for a district fact. */
  schools: number | null;
  /** The district's schools: the settings' list (003: the ОО-1 total). */
  of: number;
  /** Teachers in those schools as they reported them (Σ teachers_total); null when unknown. */
  teachers: number | null;
  /** Survey values that are not suppressed: the respondents counted. */
  respondents?: number;
}

/**
 * One indicator in one scope and period. `value` is rounded to one decimal: shares in
 * percent (0–100), means as they are, counts exact. Numerator and denominator are kept
 * unrounded so every value can be checked. A survey group below the privacy threshold
 * has `suppressed: true` and no numbers at all.
 */
export interface IndicatorValue {
  id: string;
  scope: Scope;
  period: string;
  numerator: number | null;
  denominator: number | null;
  value: number | null;
  suppressed?: true;
  coverage: Coverage;
  change?: Change;
}

/** An accepted school report (see acceptSchoolReports): counts by field, per school, period and optionally subject. */
export interface SchoolReport {
  school: string;
  period: string;
  subject: string | null;
  values: Record<FieldId, number>;
  row?: number;
  submittedAt?: string | null;
}

/** An accepted district report: the coordinators' counts for a period. */
export interface DistrictReport {
  period: string;
  values: Record<FieldId, number>;
  row?: number;
}

/**
 * Computes a preset's indicators from what the workbook holds — accepted school reports,
 * district reports and scored survey responses — for every period, overall, per school
 * and per subject where the data allows, with the change against the period before.
 *
 * Periods: reports are snapshots. For a period, each school's report is its latest one
 * lying within the period (a school-year view of monthly reports takes the last month
 * reported); reports for a longer period than the one computed are not split. Survey
 * responses count in the period containing their date.
 *
 * Privacy: a survey group (overall, a school, a subject) with fewer respondents than the
 * threshold is suppressed — no value, no numerator, no denominator — and so are further
 * groups when the hidden ones could be recovered from the overall (the complementary
 * suppression of aggregate.summarize).
 */
import { groupBy, PRIVACY_K, reachesPercent, summarize } from '../aggregate';
import { comparePeriods, parsePeriod, PeriodKind, periodOf, periodsOf, periodWithin, previousPeriod } from '../periods';
import { nameKey as normalizedName } from '../text/normalize';
import { indicatorFields, indicatorsOf, IndicatorSet, isSurveyIndicator, operandMeasures } from './catalog';
import { measureById } from './measures';
import { Change, Coverage, DistrictReport, IndicatorDef, IndicatorValue, MeasureDef, Operand, SchoolReport, Scope, SurveyScoreRow } from './types';

/**
 * nameKey, remembered: it runs for every response in every grouping, over a few hundred
 * distinct school and subject spellings. Bounded, so odd input cannot grow it for ever.
 */
const nameKeys = new Map<string, string>();
function nameKey(name: string | null | undefined): string {
  const text = String(name ?? '');
  let key = nameKeys.get(text);
  if (key === undefined) {
    if (nameKeys.size > 10_000) nameKeys.clear();
    key = normalizedName(text);
    nameKeys.set(text, key);
  }
  return key;
}

export interface ComputeInput {
  /** A Preset, or anything with its id, reporting period and indicator ids. */
  preset: IndicatorSet;
  /** Accepted school reports (see acceptSchoolReports), subject rows included. */
  reports: readonly SchoolReport[];
  districtReports?: readonly DistrictReport[];
  scores?: readonly SurveyScoreRow[];
  /** The district's schools, for the list of schools that have not reported. */
  schools?: readonly string[];
  /** The kind of period to compute; the preset's reporting period by default. */
  periodKind?: PeriodKind;
  /** The period whose missing reports are listed; the latest period with data by default. */
  currentPeriod?: string;
  privacyThreshold?: number;
  /**
   * The settings' "school with high burnout" threshold in percent (the threshold itself
   * counts as high); the catalog's default otherwise.
   */
  highBurnoutPercent?: number;
}

export interface ResponseRate {
  instrument: string;
  period: string;
  scope: Scope;
  /** Respondents (of schools that reported, for the overall scope). */
  respondents: number;
  /** Teachers in total as the school(s) reported; null without a report. */
  teachers: number | null;
  /** respondents ÷ teachers in percent, one decimal; null without a report. */
  rate: number | null;
  /** Overall scope only: respondents whose school has no report for the period. */
  unmatchedRespondents?: number;
}

export interface IndicatorsResult {
  preset: string;
  periodKind: PeriodKind;
  /** Every period with data, oldest first. */
  periods: string[];
  currentPeriod: string | null;
  privacyThreshold: number;
  values: IndicatorValue[];
  /** Schools with no accepted report for the current period. */
  missingReports: string[];
  responseRates: ResponseRate[];
}

// ---------------------------------------------------------------------------------------

const round1 = (x: number) => Math.round(x * 10) / 10;
/** Sums of decimals (staff rates) carry float noise; six decimals are plenty for counts. */
const clean = (x: number) => Math.round(x * 1e6) / 1e6;

/** The period of `kind` a report's period falls in; null when the report covers more than that. */
function enclosing(period: string, kind: PeriodKind): string | null {
  const parsed = parsePeriod(period);
  if (!parsed) return null;
  const target = periodOf(parsed.start, kind);
  return periodWithin(parsed.id, target) ? target : null;
}

/** Each key's latest report within the period: by the report period's end, then by filing order. */
function snapshot<T extends { period: string }>(rows: readonly T[], period: string, key: (row: T) => string): Map<string, T> {
  const out = new Map<string, T>();
  for (const row of rows) {
    if (!periodWithin(row.period, period)) continue;
    const k = key(row);
    const current = out.get(k);
    if (!current || comparePeriods(current.period, row.period) <= 0) out.set(k, row);
  }
  return out;
}

interface PeriodData {
  period: string;
  schools: Map<string, SchoolReport>;
  subjects: Map<string, SchoolReport[]>;
  district: DistrictReport | null;
  scores: SurveyScoreRow[];
}

/** `scores`: the survey rows of the period (a row without a readable date belongs to none). */
function periodData(input: ComputeInput, period: string, scores: SurveyScoreRow[]): PeriodData {
  const schoolRows = input.reports.filter((r) => r.subject === null);
  const subjectRows = input.reports.filter((r) => r.subject !== null);
  const schools = snapshot(schoolRows, period, (r) => nameKey(r.school));
  const subjectSnapshot = snapshot(subjectRows, period, (r) => `${nameKey(r.school)}\u0000${nameKey(r.subject)}`);
  const subjects = new Map<string, SchoolReport[]>();
  for (const report of subjectSnapshot.values()) {
    const k = nameKey(report.subject);
    const list = subjects.get(k);
    if (list) list.push(report);
    else subjects.set(k, [report]);
  }
  const district = snapshot(input.districtReports ?? [], period, () => '*').get('*') ?? null;
  return { period, schools, subjects, district, scores };
}

// --- report operands -----------------------------------------------------------------

/** Σ an operand over reports; `schoolsCounted` is what { schools: 'district' } stands for. */
function evalReports(operand: Operand, reports: readonly SchoolReport[], schoolsCounted: number): number {
  if ('schools' in operand) return schoolsCounted;
  let sum = 0;
  for (const report of reports) {
    const v = report.values;
    if ('field' in operand) sum += v[operand.field];
    else if ('difference' in operand) sum += v[operand.difference[0]] - v[operand.difference[1]];
    else if ('weighted' in operand) sum += v[operand.weighted] * v[operand.by];
    else if ('schoolsWhere' in operand) {
      const x = v[operand.schoolsWhere.field];
      const is = operand.schoolsWhere.is;
      if ((is === 'yes' && x === 1) || (is === 'positive' && x > 0) || (is === 'zero' && x === 0)) sum += 1;
    } else throw new Error(`operand ${JSON.stringify(operand)} does not read reports`);
  }
  return clean(sum);
}

function finish(
  indicator: IndicatorDef,
  numerator: number | null,
  denominator: number | null,
): Pick<IndicatorValue, 'numerator' | 'denominator' | 'value'> {
  if (numerator === null) return { numerator: null, denominator: null, value: null };
  if (!indicator.denominator) return { numerator, denominator: null, value: clean(numerator) };
  if (denominator === null || denominator === 0) return { numerator, denominator, value: null };
  const ratio = numerator / denominator;
  return { numerator, denominator, value: round1(indicator.kind === 'share' ? ratio * 100 : ratio) };
}

/** A report filed under another preset may lack a field: it then takes no part in the indicator. */
function usableReports(indicator: IndicatorDef, reports: readonly SchoolReport[]): SchoolReport[] {
  const fields = indicatorFields(indicator);
  return reports.filter((report) => fields.every((field) => field in report.values));
}

function fromReports(indicator: IndicatorDef, usable: readonly SchoolReport[], schoolsCounted = usable.length) {
  if (usable.length === 0) return finish(indicator, null, null);
  return finish(
    indicator,
    evalReports(indicator.numerator, usable, schoolsCounted),
    indicator.denominator ? evalReports(indicator.denominator, usable, schoolsCounted) : null,
  );
}

function fromDistrict(indicator: IndicatorDef, district: DistrictReport | null) {
  const fields = indicatorFields(indicator);
  if (!district || !fields.every((field) => field in district.values)) return finish(indicator, null, null);
  const read = (operand: Operand) => {
    if (!('field' in operand)) throw new Error(`district indicator ${indicator.id} reads fields only`);
    return district.values[operand.field];
  };
  return finish(indicator, read(indicator.numerator), indicator.denominator ? read(indicator.denominator) : null);
}

// --- survey operands -----------------------------------------------------------------

function measureOf(indicator: IndicatorDef): MeasureDef {
  const id = operandMeasures(indicator.numerator)[0];
  const measure = measureById(id);
  if (!measure) throw new Error(`indicator ${indicator.id}: unknown measure "${id}"`);
  return measure;
}

function hasMeasure(row: SurveyScoreRow, measure: MeasureDef): boolean {
  const x = row.scores[measure.key];
  return measure.type === 'flag' ? typeof x === 'boolean' : typeof x === 'number' && Number.isFinite(x);
}

function respondents(rows: readonly SurveyScoreRow[], measure: MeasureDef): SurveyScoreRow[] {
  return rows.filter((row) => row.instrument === measure.instrument && hasMeasure(row, measure));
}

type Computed = Pick<IndicatorValue, 'numerator' | 'denominator' | 'value'> & { suppressed?: true };

const SUPPRESSED: Computed = { numerator: null, denominator: null, value: null, suppressed: true };

/** Share of a flag or mean of a score over respondents (all of them having the measure). */
function ofRespondents(indicator: IndicatorDef, measure: MeasureDef, group: readonly SurveyScoreRow[]): Computed {
  const numerator =
    measure.type === 'flag'
      ? group.filter((row) => row.scores[measure.key] === true).length
      : clean(group.reduce((sum, row) => sum + (row.scores[measure.key] as number), 0));
  return finish(indicator, numerator, group.length);
}

/**
 * The indicator per group of respondents (by school or subject key) under the privacy
 * rule. Respondents without a key take part in the suppression but get no scope.
 */
function surveyGroups(
  indicator: IndicatorDef,
  measure: MeasureDef,
  rows: readonly SurveyScoreRow[],
  key: (row: SurveyScoreRow) => string | null,
  k: number,
): { key: string; computed: Computed; rows: SurveyScoreRow[] }[] {
  const groups = groupBy(rows, key);
  const summaries = summarize(groups, (group) => ofRespondents(indicator, measure, group), k);
  return summaries
    .filter((summary) => summary.key !== null)
    .map((summary) => ({
      key: summary.key!,
      computed: summary.suppressed ? SUPPRESSED : summary.value,
      rows: groups.find((group) => group.key === summary.key)?.items ?? [],
    }));
}

function bySchool(rows: readonly SurveyScoreRow[]): Map<string, SurveyScoreRow[]> {
  const out = new Map<string, SurveyScoreRow[]>();
  for (const row of rows) {
    const k = nameKey(row.school);
    if (!k) continue;
    const list = out.get(k);
    if (list) list.push(row);
    else out.set(k, [row]);
  }
  return out;
}

/** Schools' flag shares: a school is assessed with ≥ k respondents and flagged at the threshold. */
function schoolFlags(operand: Operand, rows: readonly SurveyScoreRow[], measure: MeasureDef, k: number, atLeastPercent?: number) {
  const threshold = atLeastPercent ?? ('schoolsWithFlagShare' in operand ? operand.atLeastPercent : 0);
  const out = new Map<string, { assessed: boolean; flagged: boolean; n: number }>();
  for (const [school, group] of bySchool(respondents(rows, measure))) {
    const n = group.length;
    const flagged = group.filter((row) => row.scores[measure.key] === true).length;
    out.set(school, { assessed: n >= k, flagged: n >= k && reachesPercent(flagged, n, threshold), n });
  }
  return out;
}

// --- like for like ---------------------------------------------------------------------

/**
 * What a value was computed from, for the like-for-like change: the schools with data and
 * the value recomputed over any subset of them (null when it cannot be shown).
 */
interface Basis {
  schools: ReadonlySet<string>;
  over: (schools: ReadonlySet<string>) => Computed | null;
}

interface Entry {
  value: IndicatorValue;
  basis: Basis | null;
}

const keysOf = <T>(map: ReadonlyMap<string, T>) => new Set(map.keys());

function reportsBasis(indicator: IndicatorDef, reports: readonly SchoolReport[]): Basis {
  const byKey = new Map(reports.map((report) => [nameKey(report.school), report]));
  return {
    schools: keysOf(byKey),
    over: (schools) => fromReports(indicator, [...schools].flatMap((s) => byKey.get(s) ?? [])),
  };
}

/**
 * Respondents of the schools compared, under the privacy rule: the subset and the
 * respondents left out must each be none or at least k, or the two values side by side
 * would give a small group's answers back.
 */
function respondentsBasis(indicator: IndicatorDef, measure: MeasureDef, rows: readonly SurveyScoreRow[], k: number): Basis {
  const schools = bySchool(rows);
  return {
    schools: keysOf(schools),
    over: (compared) => {
      const kept = [...compared].flatMap((s) => schools.get(s) ?? []);
      const left = rows.length - kept.length;
      if (kept.length < k || (left > 0 && left < k)) return null;
      return ofRespondents(indicator, measure, kept);
    },
  };
}

function teachersIn(reports: ReadonlyMap<string, SchoolReport>, schools: Iterable<string>): number | null {
  let sum = 0;
  let known = false;
  for (const school of schools) {
    const total = reports.get(school)?.values.teachers_total;
    if (total === undefined) continue;
    sum += total;
    known = true;
  }
  return known ? clean(sum) : null;
}

// ---------------------------------------------------------------------------------------

function values(
  indicator: IndicatorDef, data: PeriodData, k: number, names: Map<string, string>, districtSchools: number, highBurnoutPercent?: number,
): Entry[] {
  const out: Entry[] = [];
  const push = (scope: Scope, computed: Computed, schools: Iterable<string> | null, basis: Basis | null, respondentsCounted?: number) => {
    const list = schools === null ? null : [...schools];
    const coverage: Coverage = {
      schools: list === null ? null : list.length,
      of: districtSchools,
      teachers: list === null ? null : teachersIn(data.schools, list),
      ...(respondentsCounted !== undefined && !computed.suppressed ? { respondents: respondentsCounted } : {}),
    };
    out.push({ value: { id: indicator.id, scope, period: data.period, ...computed, coverage }, basis });
  };

  if (indicator.source === 'district_report') {
    push({ kind: 'overall' }, fromDistrict(indicator, data.district), null, null);
    return out;
  }

  if (indicator.source === 'school_report') {
    const usable = usableReports(indicator, [...data.schools.values()]);
    const overall = reportsBasis(indicator, usable);
    push({ kind: 'overall' }, fromReports(indicator, usable, districtSchools), overall.schools, overall);
    for (const report of usable) {
      const key = nameKey(report.school);
      push({ kind: 'school', key: names.get(key) ?? report.school }, fromReports(indicator, [report]), [key], reportsBasis(indicator, [report]));
    }
    if (indicator.subjectBreakdown) {
      for (const reports of data.subjects.values()) {
        const subject = usableReports(indicator, reports);
        if (subject.length === 0) continue;
        const basis = reportsBasis(indicator, subject);
        push({ kind: 'subject', key: subject[0].subject! }, fromReports(indicator, subject), basis.schools, basis);
      }
    }
    return out;
  }

  const measure = measureOf(indicator);
  if ('schoolsWithFlagShare' in indicator.numerator) {
    const flags = schoolFlags(indicator.numerator, data.scores, measure, k, highBurnoutPercent);
    const assessed = new Map([...flags].filter(([, f]) => f.assessed));
    const flaggedOver = (schools: Iterable<string>) => {
      const compared = [...schools].filter((s) => assessed.has(s));
      return compared.length === 0 ? null : finish(indicator, compared.filter((s) => assessed.get(s)!.flagged).length, compared.length);
    };
    push(
      { kind: 'overall' },
      flaggedOver(assessed.keys()) ?? finish(indicator, null, null),
      assessed.keys(),
      { schools: keysOf(assessed), over: (schools) => flaggedOver(schools) },
    );
    for (const [key, flag] of flags) {
      const scope: Scope = { kind: 'school', key: names.get(key) ?? key };
      const computed = flag.assessed ? finish(indicator, flag.flagged ? 1 : 0, 1) : SUPPRESSED;
      push(scope, computed, [key], flag.assessed ? { schools: new Set([key]), over: (s) => (s.has(key) ? computed : null) } : null);
    }
    return out;
  }

  const all = respondents(data.scores, measure);
  if (all.length === 0) {
    push({ kind: 'overall' }, finish(indicator, null, null), [], null);
    return out;
  }
  const overall = respondentsBasis(indicator, measure, all, k);
  push({ kind: 'overall' }, surveyGroups(indicator, measure, all, () => '*', k)[0].computed, overall.schools, overall, all.length);
  for (const group of surveyGroups(indicator, measure, all, (row) => nameKey(row.school) || null, k)) {
    const basis = group.computed.suppressed ? null : respondentsBasis(indicator, measure, group.rows, k);
    push({ kind: 'school', key: names.get(group.key) ?? group.key }, group.computed, [group.key], basis, group.rows.length);
  }
  if (indicator.subjectBreakdown) {
    const subjects = new Map<string, string>();
    for (const row of all) if (nameKey(row.subject)) subjects.set(nameKey(row.subject), String(row.subject).trim());
    for (const group of surveyGroups(indicator, measure, all, (row) => nameKey(row.subject) || null, k)) {
      const basis = group.computed.suppressed ? null : respondentsBasis(indicator, measure, group.rows, k);
      const schools = basis ? basis.schools : keysOf(bySchool(group.rows));
      push({ kind: 'subject', key: subjects.get(group.key) ?? group.key }, group.computed, schools, basis, group.rows.length);
    }
  }
  return out;
}

function scopeKey(id: string, scope: Scope): string {
  return `${id}\u0000${scope.kind}\u0000${scope.kind === 'overall' ? '' : nameKey(scope.key)}`;
}

/** A value unrounded, so a change is not the difference of two roundings. */
function exact(indicator: IndicatorDef, computed: Computed | null): number | null {
  if (!computed || computed.value === null || computed.numerator === null) return null;
  if (computed.denominator === null) return computed.numerator;
  return (computed.numerator / computed.denominator) * (indicator.kind === 'share' ? 100 : 1);
}

/** The change of an entry against the same scope in the period before, like for like. */
function changeOf(indicator: IndicatorDef, now: Entry, before: Entry | undefined, previousPeriod: string): Change {
  const previous = before && !before.value.suppressed ? before.value.value : null;
  // Both values or neither: a comparison that cannot be made shows no half of it.
  const change = (nowValue: Computed | null, beforeValue: Computed | null, schools: number | null): Change => {
    const [x, y] = [exact(indicator, nowValue), exact(indicator, beforeValue)];
    const both = x !== null && y !== null;
    return {
      previousPeriod,
      previous,
      sameSchoolsNow: both ? nowValue!.value : null,
      sameSchoolsBefore: both ? beforeValue!.value : null,
      delta: both ? round1(x - y) : null,
      schools,
    };
  };
  // A district fact: the district against itself.
  if (now.value.coverage.schools === null) return change(now.value, before && !before.value.suppressed ? before.value : null, null);
  if (!before || !now.basis || !before.basis || now.value.suppressed || before.value.suppressed) return change(null, null, 0);
  const common = new Set([...now.basis.schools].filter((school) => before.basis!.schools.has(school)));
  if (common.size === 0) return change(null, null, 0);
  return change(now.basis.over(common), before.basis.over(common), common.size);
}

function responseRates(data: PeriodData, names: Map<string, string>): ResponseRate[] {
  const out: ResponseRate[] = [];
  const instruments = [...new Set(data.scores.map((row) => row.instrument))].sort();
  for (const instrument of instruments) {
    const rows = data.scores.filter((row) => row.instrument === instrument);
    const groups = bySchool(rows);
    let matched = 0;
    let teachers = 0;
    for (const [key, group] of groups) {
      const total = data.schools.get(key)?.values.teachers_total;
      const has = total !== undefined;
      if (has) {
        matched += group.length;
        teachers += total;
      }
      out.push({
        instrument,
        period: data.period,
        scope: { kind: 'school', key: names.get(key) ?? group[0].school },
        respondents: group.length,
        teachers: has ? total : null,
        rate: has && total > 0 ? round1((group.length / total) * 100) : null,
      });
    }
    out.unshift({
      instrument,
      period: data.period,
      scope: { kind: 'overall' },
      respondents: matched,
      teachers: teachers > 0 ? teachers : null,
      rate: teachers > 0 ? round1((matched / teachers) * 100) : null,
      unmatchedRespondents: rows.length - matched,
    });
  }
  return out;
}

/** Computes every indicator of the preset for every period with data. */
export function computeIndicators(input: ComputeInput): IndicatorsResult {
  const kind = input.periodKind ?? input.preset.reportingPeriod;
  const k = input.privacyThreshold ?? PRIVACY_K;
  const indicators = indicatorsOf(input.preset);

  const found = new Set<string>();
  for (const report of [...input.reports, ...(input.districtReports ?? [])]) {
    const period = enclosing(report.period, kind);
    if (period) found.add(period);
  }
  const measured = new Set(indicators.filter(isSurveyIndicator).map((i) => measureOf(i).instrument));
  // Each row's period found once (not once per period computed), its rows grouped by it.
  const periodOfDate = periodsOf(kind);
  const scoresByPeriod = new Map<string, SurveyScoreRow[]>();
  for (const row of input.scores ?? []) {
    const period = periodOfDate(row.date);
    if (period === null) continue; // an unreadable date joins no period
    const list = scoresByPeriod.get(period);
    if (list) list.push(row);
    else scoresByPeriod.set(period, [row]);
    if (measured.has(row.instrument)) found.add(period);
  }
  const periods = [...found].sort(comparePeriods);
  const currentPeriod = input.currentPeriod ?? periods[periods.length - 1] ?? null;

  // One display name per school: the report's spelling wins over the survey's.
  const names = new Map<string, string>();
  for (const row of input.scores ?? []) if (nameKey(row.school)) names.set(nameKey(row.school), row.school.trim());
  for (const report of input.reports) names.set(nameKey(report.school), report.school);

  // The district's schools: the settings' list; any school that reported is one of them too.
  const districtKeys = new Set([...(input.schools ?? []), ...input.reports.map((r) => r.school)].map(nameKey).filter(Boolean));

  const all: IndicatorValue[] = [];
  const rates: ResponseRate[] = [];
  const byScope = new Map<string, Entry>();
  let currentSchools = new Set<string>();
  const computePeriods = currentPeriod && !periods.includes(currentPeriod) ? [...periods, currentPeriod] : periods;
  for (const period of computePeriods.sort(comparePeriods)) {
    // The current period may be of another kind than the one computed: its rows found apart.
    const ofKind = parsePeriod(period)?.kind ?? kind;
    const periodOfOther = ofKind === kind ? null : periodsOf(ofKind);
    const rows = periodOfOther ? (input.scores ?? []).filter((row) => periodOfOther(row.date) === period) : scoresByPeriod.get(period) ?? [];
    const data = periodData(input, period, rows);
    if (period === currentPeriod) currentSchools = new Set(data.schools.keys());
    for (const indicator of indicators) {
      for (const entry of values(indicator, data, k, names, districtKeys.size, input.highBurnoutPercent)) {
        const scope = scopeKey(entry.value.id, entry.value.scope);
        entry.value.change = changeOf(indicator, entry, byScope.get(`${previousPeriod(period)}\u0000${scope}`), previousPeriod(period));
        byScope.set(`${period}\u0000${scope}`, entry);
        all.push(entry.value);
      }
    }
    rates.push(...responseRates(data, names));
  }

  const known = input.schools ?? [...new Map(input.reports.map((r) => [nameKey(r.school), r.school])).values()];
  const missingReports = currentPeriod ? known.filter((school) => !currentSchools.has(nameKey(school))) : [];

  return {
    preset: input.preset.id,
    periodKind: kind,
    periods,
    currentPeriod,
    privacyThreshold: k,
    values: all,
    missingReports,
    responseRates: rates,
  };
}

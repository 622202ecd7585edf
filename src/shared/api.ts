/**
 * The contract between the sidebar and the server: every google.script.run endpoint,
 * with JSON-safe arguments and results (dates cross as ISO strings).
 */
export interface SidebarInfo {
  lang: 'ru' | 'en';
  title: string;
}

export type SaveSettingsResult = { ok: true } | { ok: false; errors: string[] };

export interface SettingsView {
  districtName: string;
  presetId: string;
  schools: string[];
  subjects: string[];
  coordinators: string[];
  privacyThreshold: number;
  lang: 'ru' | 'en';
}

export interface SurveyFormInfo {
  formId: string;
  instrument: string;
  version: string;
  status: 'active' | 'replaced' | 'relinked';
  responseSheetName: string;
  editUrl: string;
  publishedUrl: string;
  createdAt: string;
}

export interface RecalculationProgress {
  done: boolean;
  /** Responses processed so far in this recalculation. */
  processed: number;
  incomplete: number;
}

export interface IndicatorValueView {
  id: string;
  scope: { kind: 'overall' } | { kind: 'school' | 'subject'; key: string };
  period: string;
  numerator: number | null;
  denominator: number | null;
  value: number | null;
  suppressed?: true;
  change?: { previousPeriod: string; previous: number | null; delta: number | null };
}

export interface IndicatorsSummary {
  preset: string;
  currentPeriod: string | null;
  periods: string[];
  privacyThreshold: number;
  values: IndicatorValueView[];
  missingReports: string[];
  responseRates: Array<{ instrument: string; period: string; scope: IndicatorValueView['scope']; respondents: number; teachers: number | null; rate: number | null }>;
}

export interface RubricSummaryView {
  lang: 'ru' | 'en';
  blocks: Array<{ id: string; title: string; points: number; min: number; computedMax: number; declaredMax: number | null }>;
  total: number;
  totalComputedMax: number;
  totalDeclaredMax: number;
  suggestionsApplied: boolean;
  suggestions: number;
  coordinatorValues: number;
  suggestedValues: number;
  problems: number;
}

export interface ServerApi {
  getSidebarInfo(): SidebarInfo;
  getSettings(): SettingsView | null;
  saveSettings(input: Partial<Record<keyof SettingsView, unknown>>): SaveSettingsResult;
  createSurveyForm(instrument: string): SurveyFormInfo;
  listSurveyForms(): SurveyFormInfo[];
  relinkSurveyForms(): SurveyFormInfo[];
  recalculateAll(options?: { budgetMs?: number; chunkRows?: number }): RecalculationProgress;
  continueRecalculation(options?: { budgetMs?: number; chunkRows?: number }): RecalculationProgress;
  refreshIndicators(): IndicatorsSummary;
  updateRubric(options?: { useSuggestions?: boolean }): RubricSummaryView;
  getRubric(options?: { useSuggestions?: boolean }): RubricSummaryView;
}

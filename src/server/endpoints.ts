/**
 * Every function the sidebar calls through google.script.run. src/shared/api.ts types the
 * client by this module (`typeof`), so the contract cannot drift from what the handlers
 * return, and checks that every argument and result is JSON-safe. index.ts exports all of
 * these as top-level Apps Script functions. A new endpoint is one line here.
 */
export { getSidebarInfo } from './sidebar';
export { saveSettings, getSettings } from './setup';
export { createSurveyForm, listSurveyForms, relinkSurveyForms } from './forms';
export { recalculateAll, continueRecalculation } from './recalc';
export { refreshIndicators } from './reports';
export { updateRubric, getRubric } from './rubric';
export { getHealth } from './health';
export { getMailSettings, saveMailSettings, previewSummary, sendTestSummary } from './mail';
export { getSurveysStatus } from './views';
export { getOverview } from './views';
export { getLogView } from './views';
export { getRecalculationStatus } from './views';
export { getSurveyResults } from './survey-results';
export { getRubricPanel, setRubricValue } from './rubric';
export { getIndicatorsPanel, getBurnout } from './panel-views';

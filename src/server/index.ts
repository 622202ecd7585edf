/**
 * The add-on's public surface. Each named export becomes a top-level Apps Script
 * function in build/Code.js (see scripts/build.mjs); nothing else is global.
 */
export { onOpen, onInstall, showSidebar, menuRecalculate } from './menu';
export { onFormSubmit } from './submit';
export { getSidebarInfo } from './sidebar';
export { saveSettings, getSettings } from './setup';
export { createSurveyForm, listSurveyForms, relinkSurveyForms } from './forms';
export { recalculateAll, continueRecalculation } from './recalc';
export { runScheduledJobs } from './schedule';
export { refreshIndicators } from './reports';
export { updateRubric, getRubric } from './rubric';

/**
 * Every function the sidebar calls through google.script.run. src/shared/api.ts types the
 * client by this module (`typeof`), so the contract cannot drift from what the handlers
 * return, and checks that every argument and result is JSON-safe. index.ts exports all of
 * these as top-level Apps Script functions. A new endpoint is one line here.
 *
 * Each result is handed over as plain data (plainData): its texts are read before the
 * function returns.
 */
import { plainData } from '../core/views/json';
import * as sidebar from './sidebar';
import * as setup from './setup';
import * as forms from './forms';
import * as recalc from './recalc';
import * as reports from './reports';
import * as rubric from './rubric';
import * as health from './health';
import * as mail from './mail';
import * as views from './views';
import * as surveyResults from './survey-results';
import * as panelViews from './panel-views';

function endpoint<A extends unknown[], R>(handler: (...args: A) => R): (...args: A) => R {
  return (...args) => plainData(handler(...args));
}

export const getSidebarInfo = endpoint(sidebar.getSidebarInfo);
export const saveSettings = endpoint(setup.saveSettings);
export const getSettings = endpoint(setup.getSettings);
export const createSurveyForm = endpoint(forms.createSurveyForm);
export const listSurveyForms = endpoint(forms.listSurveyForms);
export const relinkSurveyForms = endpoint(forms.relinkSurveyForms);
export const recalculateAll = endpoint(recalc.recalculateAll);
export const continueRecalculation = endpoint(recalc.continueRecalculation);
export const refreshIndicators = endpoint(reports.refreshIndicators);
export const updateRubric = endpoint(rubric.updateRubric);
export const getRubric = endpoint(rubric.getRubric);
export const getHealth = endpoint(health.getHealth);
export const getMailSettings = endpoint(mail.getMailSettings);
export const saveMailSettings = endpoint(mail.saveMailSettings);
export const previewSummary = endpoint(mail.previewSummary);
export const sendTestSummary = endpoint(mail.sendTestSummary);
export const getSurveysStatus = endpoint(views.getSurveysStatus);
export const getOverview = endpoint(views.getOverview);
export const getLogView = endpoint(views.getLogView);
export const getRecalculationStatus = endpoint(views.getRecalculationStatus);
export const getSurveyResults = endpoint(surveyResults.getSurveyResults);
export const getRubricPanel = endpoint(rubric.getRubricPanel);
export const setRubricValue = endpoint(rubric.setRubricValue);
export const getIndicatorsPanel = endpoint(panelViews.getIndicatorsPanel);
export const getBurnout = endpoint(panelViews.getBurnout);

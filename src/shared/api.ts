/**
 * The contract between the sidebar and the server, derived from the server itself: the
 * client is typed by `typeof` the endpoints module, so no type here is a copy. Every
 * argument and result must be JSON-safe (core/views/json.ts); an endpoint that takes or
 * returns a Date, a function or an array with undefined fails the typecheck here, naming it.
 * Dates cross as ISO strings.
 */
import type * as Endpoints from '../server/endpoints';
import type { IsJsonSafe, JsonSafe } from '../core/views/json';

export type ServerApi = typeof Endpoints;
export type Endpoint = keyof ServerApi;

type ArgsSafe<A extends unknown[]> = [A] extends [{ [I in keyof A]: JsonSafe<A[I]> }] ? true : false;
type EndpointSafe<F> = F extends (...args: infer A) => infer R
  ? ArgsSafe<A> extends true ? ([R] extends [void] ? true : IsJsonSafe<R>) : false
  : false;
type AllTrue<T extends { [K in Endpoint]: true }> = T;
/** Compile-time check: an endpoint whose value is not `true` here is not JSON-safe. */
export type EndpointsAreJsonSafe = AllTrue<{ [K in Endpoint]: EndpointSafe<ServerApi[K]> }>;

// The views the endpoints return, for the client's convenience (type-only re-exports).
export type { SidebarInfo } from '../core/views/sidebar';
export type { SettingsView, SaveSettingsResult } from '../core/views/settings';
export type { SurveyFormInfo, RecalculationProgress } from '../core/views/surveys';
export type { IndicatorsSummary } from '../core/views/indicators';
export type { RubricSummary } from '../core/views/rubric';
export type { HealthView, HealthProblem, HealthLevel } from '../core/views/health';
export type { MailSettingsView, SaveMailSettingsResult, MailMessageView } from '../core/views/mail';
export type { PresetOption } from '../core/views/sidebar';
export type { SurveysView, RecalculationStatus } from '../core/views/surveys';
export type { OverviewView } from '../core/views/overview';
export type { LogView } from '../core/views/log';

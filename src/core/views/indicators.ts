/** The indicators the endpoints return: every value of every period and scope, and the response rates. */
import { IndicatorsResult } from '../indicators/compute';

export type IndicatorsSummary = Pick<
  IndicatorsResult,
  'preset' | 'currentPeriod' | 'periods' | 'privacyThreshold' | 'values' | 'missingReports' | 'responseRates'
>;

export function indicatorsSummary(result: IndicatorsResult): IndicatorsSummary {
  return {
    preset: result.preset, currentPeriod: result.currentPeriod, periods: result.periods,
    privacyThreshold: result.privacyThreshold, values: result.values, missingReports: result.missingReports,
    responseRates: result.responseRates,
  };
}

/** Indicators: the catalog (data), report fields, survey measures and the computation. */
export * from './types';
export * from './fields';
export * from './measures';
export * from './catalog';
export * from './compute';
export * from './survey-rows';

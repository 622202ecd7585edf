/** One line of `npm run bench`'s output. */
export interface Metric {
  metric: string;
  value: number;
  unit: string;
}

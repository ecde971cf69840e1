/**
 * A time range `[from, to)`: what a page, a report or a query covers. The one name for it from
 * the tRPC input (`ZTimeRange` in the web app) to the data layer's rollup reads.
 */
export interface TimeRange {
  readonly from: Date;
  readonly to: Date;
}

// The rollup reader lives in @tierlens/reports, shared by the pages and the weekly email; this
// path stays for the pages' existing imports.
export { loadReportRows, type LoadReportOptions, type ReportDimension, type ReportRange } from '@tierlens/reports/load-report-rows';

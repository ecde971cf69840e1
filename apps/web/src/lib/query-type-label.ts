export { queryTypeLabel } from '@tierlens/analyzer/query-type-label';

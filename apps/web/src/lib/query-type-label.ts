export { SETTABLE_QUERY_TYPES, queryTypeLabel } from '@tierlens/analyzer/query-type-label';

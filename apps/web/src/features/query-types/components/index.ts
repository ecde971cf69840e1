// What other features use of the query-types feature: the control that corrects a query type.
export { CorrectQueryTypeControl } from './correct-query-type-control';

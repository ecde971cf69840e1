// The projects feature's components other features show.
export { FirstCallEmptyState } from './first-call-empty-state';

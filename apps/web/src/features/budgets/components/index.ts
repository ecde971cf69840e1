// The budgets feature's components other features show.
export { SpendWatchPanel } from './spend-watch-panel';

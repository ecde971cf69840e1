// The rules feature's server API for other features (the read API lists rules).
export { listRules } from './rule-services';

// The savings feature's server API for other features (the rules build on its findings).
export { getFindings } from './get-findings';

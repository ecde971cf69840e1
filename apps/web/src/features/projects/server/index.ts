// The projects feature's server API for other features.
export { getMyProject } from './get-my-project';

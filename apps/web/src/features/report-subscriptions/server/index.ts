// The report-subscriptions feature's server API: new owners and members get their subscriptions.
export { createOwnerSubscriptions } from './create-owner-subscriptions';

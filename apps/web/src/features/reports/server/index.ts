// The reports feature's server API for other features: the one mailer (invitations use it too).
export { sharedMailer } from './reports-runtime';

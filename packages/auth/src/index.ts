export { createAuth, trustedOrigins, type Auth, type AuthOptions } from './create-auth.ts';
export { createUserWithPassword } from './create-user-with-password.ts';

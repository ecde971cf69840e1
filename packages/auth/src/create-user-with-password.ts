import { randomUUID } from 'node:crypto';
import { hashPassword } from 'better-auth/crypto';
import type { Db } from '@tierlens/db';

/**
 * Creates a user who signs in with email and password, storing the password the way Better Auth
 * verifies it (its scrypt hash on a `credential` account). Used by the first start, the CLI and
 * tests; people invited later set their own password through the dashboard.
 */
export async function createUserWithPassword(
  db: Db,
  input: { email: string; name: string; password: string },
): Promise<{ id: string; email: string }> {
  const id = randomUUID();
  const hash = await hashPassword(input.password);
  const email = input.email.toLowerCase();
  await db.user.create({
    data: {
      id,
      email,
      name: input.name,
      emailVerified: true,
      accounts: { create: { id: randomUUID(), accountId: id, providerId: 'credential', password: hash } },
    },
  });
  return { id, email };
}

import type { Db } from '@tierlens/db';
import { createCaller } from '@/trpc/app-router';
import { createInnerContext, type SessionUser } from '@/trpc/init';

/** A tRPC caller acting as `user` (or signed out) on the real test database. */
export function callerFor(db: Db, user: SessionUser | null) {
  return createCaller(createInnerContext({ db, user }));
}

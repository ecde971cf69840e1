import 'server-only';
import { z } from 'zod';

const ZWebEnv = z.object({
  DATABASE_URL: z.string().url({ message: 'DATABASE_URL is required (npm start sets it; or point it at your Postgres)' }),
  BETTER_AUTH_SECRET: z.string().min(32, 'BETTER_AUTH_SECRET must be at least 32 characters (npm start generates one)'),
  TIERLENS_PUBLIC_URL: z.string().url().default('http://localhost:3000'),
  TIERLENS_INGEST_PUBLIC_URL: z.string().url().default('http://localhost:4318'),
  TIERLENS_TRUSTED_ORIGINS: z.string().default('').transform((v) => v.split(',').map((o) => o.trim()).filter(Boolean)).pipe(z.array(z.string().url())),
  TIERLENS_ALLOW_SIGNUP: z.enum(['true', 'false']).default('false').transform((v) => v === 'true'),
});

export type WebEnv = z.infer<typeof ZWebEnv>;

let cached: WebEnv | undefined;

/** The web app's settings, checked on first use. */
export function webEnv(): WebEnv {
  if (cached) return cached;
  const parsed = ZWebEnv.safeParse(process.env);
  if (!parsed.success) {
    throw new Error(`Invalid web settings: ${parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`);
  }
  cached = parsed.data;
  return cached;
}

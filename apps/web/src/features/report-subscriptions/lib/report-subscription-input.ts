import { z } from 'zod';

let zones: Set<string> | undefined;

/** The IANA time zones this runtime knows (`Intl.supportedValuesOf`), plus `UTC`, which Node leaves out of that list. */
export function timeZones(): Set<string> {
  zones ??= new Set(['UTC', ...Intl.supportedValuesOf('timeZone')]);
  return zones;
}

/** The runtime's canonical name of a time zone (`Etc/UTC` → `UTC`, `America/Argentina/Buenos_Aires` → `America/Buenos_Aires`), or null when unknown. */
export function canonicalTimeZone(name: string): string | null {
  try {
    const canonical = new Intl.DateTimeFormat('en-US', { timeZone: name }).resolvedOptions().timeZone;
    return timeZones().has(canonical) ? canonical : null;
  } catch {
    return null;
  }
}

/**
 * An IANA time zone name such as `Europe/Berlin`, checked against `Intl.supportedValuesOf` and
 * stored in the runtime's canonical spelling (links such as `Asia/Kolkata` are accepted).
 */
export const ZTimeZone = z
  .string()
  .trim()
  .min(1)
  .max(100)
  .transform((tz, ctx) => {
    const canonical = canonicalTimeZone(tz);
    if (canonical === null) {
      ctx.addIssue({ code: 'custom', message: 'Choose a time zone from the list (IANA name, e.g. Europe/Berlin)' });
      return z.NEVER;
    }
    return canonical;
  });

/** A user's weekly report settings for one project; day and hour are in `timeZone`. */
export const ZReportSubscriptionInput = z.object({
  enabled: z.boolean(),
  /** 0 = Sunday … 6 = Saturday. */
  dayOfWeek: z.number().int().min(0).max(6),
  hour: z.number().int().min(0).max(23),
  timeZone: ZTimeZone,
});

export type ReportSubscriptionInput = z.output<typeof ZReportSubscriptionInput>;

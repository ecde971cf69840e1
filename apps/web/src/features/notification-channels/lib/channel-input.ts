import { z } from 'zod';

const ZHttpUrl = z.url({ protocol: /^https?$/, error: 'An http(s) URL' }).max(2000);

/** A new notification channel as the form sends it. */
export const ZChannelInput = z.discriminatedUnion('kind', [
  z.object({
    kind: z.literal('email'),
    name: z.string().trim().min(1).max(100),
    target: z
      .string()
      .trim()
      .min(3)
      .max(2000)
      .refine((v) => v.split(',').every((a) => z.email().safeParse(a.trim()).success), 'Email addresses, separated by commas'),
    events: z.array(z.enum(['budget', 'anomaly'])).min(1),
  }),
  z.object({ kind: z.literal('slack'), name: z.string().trim().min(1).max(100), target: ZHttpUrl, events: z.array(z.enum(['budget', 'anomaly'])).min(1) }),
  z.object({ kind: z.literal('webhook'), name: z.string().trim().min(1).max(100), target: ZHttpUrl, events: z.array(z.enum(['budget', 'anomaly'])).min(1) }),
]);
export type ChannelInput = z.input<typeof ZChannelInput>;

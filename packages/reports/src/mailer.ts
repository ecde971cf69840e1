import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { readDatabaseConfig } from '@tierlens/db/runtime';
import nodemailer from 'nodemailer';
import { z } from 'zod';

const ZMailerEnv = z.object({
  SMTP_URL: z
    .string()
    .url()
    .refine((u) => /^smtps?:\/\//.test(u), 'SMTP_URL must start with smtp:// or smtps://, e.g. smtp://user:pass@smtp.example.com:587')
    .optional(),
  SMTP_FROM: z.string().trim().min(3).default('Tierlens <reports@tierlens.local>'),
});

/** How emails leave: SMTP when `smtpUrl` is set, else `.eml` files in `outboxDir`. */
export interface MailerConfig {
  smtpUrl: string | null;
  from: string;
  outboxDir: string;
}

/** SMTP_URL, SMTP_FROM and the outbox folder (`<TIERLENS_DATA_DIR>/outbox`), checked with zod. */
export function readMailerConfig(env: NodeJS.ProcessEnv = process.env): MailerConfig {
  const parsed = ZMailerEnv.safeParse({ SMTP_URL: env.SMTP_URL || undefined, SMTP_FROM: env.SMTP_FROM || undefined });
  if (!parsed.success) {
    throw new Error(`Invalid mail settings: ${parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`);
  }
  return { smtpUrl: parsed.data.SMTP_URL ?? null, from: parsed.data.SMTP_FROM, outboxDir: join(readDatabaseConfig(env).dataDir, 'outbox') };
}

/** One email with an HTML and a plain-text part. */
export interface OutgoingEmail {
  to: string;
  subject: string;
  html: string;
  text: string;
  headers?: Record<string, string>;
  /** `<id@host>`; the same on every attempt of one delivery. */
  messageId?: string;
  /**
   * The outbox file's name without `.eml` (letters, digits, `.`, `_`, `-`). A file of that
   * name already written counts as sent, so a retried delivery is never written twice.
   */
  outboxName: string;
}

export interface SentEmail {
  transport: 'smtp' | 'outbox';
  messageId: string;
  /** The `.eml` file written (outbox only). */
  file: string | null;
  /** The outbox file already existed: an earlier attempt wrote it. */
  alreadyWritten: boolean;
}

export interface Mailer {
  readonly transport: 'smtp' | 'outbox';
  /** Where `.eml` files go when there is no SMTP server. */
  readonly outboxDir: string;
  send(email: OutgoingEmail): Promise<SentEmail>;
  close(): void;
}

// Well under the scheduler's claim lease, so a hung server cannot outlast a claim.
const SMTP_TIMEOUTS = { connectionTimeout: 20_000, greetingTimeout: 20_000, socketTimeout: 60_000 };
const OUTBOX_NAME = /^[A-Za-z0-9._-]{1,200}$/;

/**
 * Sends through nodemailer's SMTP transport when SMTP_URL is set; otherwise writes each email
 * as an RFC 5322 `.eml` file into the outbox folder (open it with any mail client), so a
 * local install works without a mail server.
 */
export function createMailer(config: MailerConfig = readMailerConfig()): Mailer {
  if (config.smtpUrl) {
    const transport = nodemailer.createTransport({ url: config.smtpUrl, ...SMTP_TIMEOUTS });
    return {
      transport: 'smtp',
      outboxDir: config.outboxDir,
      async send(email) {
        const info = await transport.sendMail(message(config.from, email));
        return { transport: 'smtp', messageId: info.messageId, file: null, alreadyWritten: false };
      },
      close: () => transport.close(),
    };
  }
  const transport = nodemailer.createTransport({ streamTransport: true, buffer: true, newline: 'windows' });
  return {
    transport: 'outbox',
    outboxDir: config.outboxDir,
    async send(email) {
      if (!OUTBOX_NAME.test(email.outboxName)) throw new Error(`Invalid outbox file name: ${email.outboxName}`);
      const info = await transport.sendMail(message(config.from, email));
      await mkdir(config.outboxDir, { recursive: true });
      const file = join(config.outboxDir, `${email.outboxName}.eml`);
      try {
        await writeFile(file, info.message as Buffer, { flag: 'wx', mode: 0o600 });
        return { transport: 'outbox', messageId: info.messageId, file, alreadyWritten: false };
      } catch (err) {
        if ((err as NodeJS.ErrnoException).code === 'EEXIST') return { transport: 'outbox', messageId: info.messageId, file, alreadyWritten: true };
        throw err;
      }
    },
    close: () => transport.close(),
  };
}

function message(from: string, email: OutgoingEmail) {
  return {
    from,
    to: email.to,
    subject: email.subject,
    html: email.html,
    text: email.text,
    headers: email.headers,
    ...(email.messageId ? { messageId: email.messageId } : {}),
  };
}

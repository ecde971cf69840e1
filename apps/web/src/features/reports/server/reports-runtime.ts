import { createMailer, readMailerConfig, readReportSecret, type Mailer } from '@tierlens/reports';
import { publicUrl } from '@/server/public-url';

/** What the dashboard's report features need from the process: the mailer, the signing key and the public URL. */
export interface ReportsRuntime {
  mailer: Mailer;
  secret: string;
  dashboardUrl: string;
}

const globalForMailer = globalThis as unknown as { tierlensMailer?: { key: string; mailer: Mailer } };

/**
 * Reads SMTP_URL, SMTP_FROM, TIERLENS_DATA_DIR, TIERLENS_REPORT_SECRET (or BETTER_AUTH_SECRET)
 * and TIERLENS_PUBLIC_URL; the mailer is kept while its settings stay the same.
 */
export function reportsRuntime(env: NodeJS.ProcessEnv = process.env): ReportsRuntime {
  return { mailer: sharedMailer(env), secret: readReportSecret(env), dashboardUrl: publicUrl() };
}

/** The process's mailer (SMTP_URL, SMTP_FROM, TIERLENS_DATA_DIR), kept while its settings stay the same. */
export function sharedMailer(env: NodeJS.ProcessEnv = process.env): Mailer {
  const config = readMailerConfig(env);
  const key = JSON.stringify(config);
  if (globalForMailer.tierlensMailer?.key !== key) {
    globalForMailer.tierlensMailer?.mailer.close();
    globalForMailer.tierlensMailer = { key, mailer: createMailer(config) };
  }
  return globalForMailer.tierlensMailer.mailer;
}

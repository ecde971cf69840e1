import { listOutbox } from '@tierlens/reports';
import type { ReportsRuntime } from './reports-runtime';

/** The project's emails in the outbox (only when there is no SMTP server: otherwise nothing is written there). */
export async function listReportOutbox(runtime: ReportsRuntime, projectId: string) {
  if (runtime.mailer.transport === 'smtp') return { transport: 'smtp' as const, files: [] };
  const files = await listOutbox(runtime.mailer.outboxDir, projectId);
  return { transport: 'outbox' as const, files: files.map((f) => ({ file: f.file, writtenAt: f.writtenAt, size: f.size, to: f.to, subject: f.subject })) };
}

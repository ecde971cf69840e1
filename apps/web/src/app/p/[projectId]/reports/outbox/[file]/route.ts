import { outboxEmailResponse } from '@/features/reports/server/outbox-email-response';
import { reportsRuntime } from '@/features/reports/server/reports-runtime';
import { getSessionUser } from '@/server/auth';
import { getDb } from '@/server/db';

export const dynamic = 'force-dynamic';

/** An email written to the outbox, for members of its project: `?raw=1` downloads the `.eml`. */
export async function GET(req: Request, { params }: { params: Promise<{ projectId: string; file: string }> }) {
  const { projectId, file } = await params;
  const user = await getSessionUser(req.headers);
  const raw = new URL(req.url).searchParams.get('raw') === '1';
  return outboxEmailResponse(getDb(), { userId: user?.id ?? null, projectId, file: decodeURIComponent(file), raw, outboxDir: reportsRuntime().mailer.outboxDir });
}

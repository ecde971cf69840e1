import type { Db } from '@tierlens/db';
import { readOutboxEmail } from '@tierlens/reports';
import { getMyProject } from '@/features/projects/server';

/**
 * One of the project's outbox emails for a member: its HTML part (sandboxed by a CSP: no
 * scripts, no requests), or with `raw` the `.eml` file itself to open in a mail client.
 */
export async function outboxEmailResponse(db: Db, input: { userId: string | null; projectId: string; file: string; raw: boolean; outboxDir: string }): Promise<Response> {
  if (!input.userId) return new Response('Sign in first.', { status: 401 });
  const project = await getMyProject(db, input.userId, input.projectId);
  if (!project) return new Response('Not found.', { status: 404 });
  const email = await readOutboxEmail(input.outboxDir, project.id, input.file);
  if (!email) return new Response('Not found.', { status: 404 });
  if (input.raw) {
    return new Response(email.source, {
      headers: { 'Content-Type': 'message/rfc822', 'Content-Disposition': `attachment; filename="${input.file}"`, 'Cache-Control': 'no-store' },
    });
  }
  const html = email.html ?? `<pre style="white-space:pre-wrap;font-family:monospace">${(email.text ?? '').replace(/[&<>]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;' })[c]!)}</pre>`;
  return new Response(html, {
    headers: {
      'Content-Type': 'text/html; charset=utf-8',
      'Content-Security-Policy': "default-src 'none'; style-src 'unsafe-inline'; img-src data:; base-uri 'none'; form-action 'none'; frame-ancestors 'self'",
      'X-Content-Type-Options': 'nosniff',
      'Cache-Control': 'no-store',
    },
  });
}

import type { Db } from '@tierlens/db';
import { verifyUnsubscribeLink } from '@tierlens/reports';
import { unsubscribeFromReport } from './unsubscribe-from-report';

/**
 * The `/unsubscribe` route. GET shows a confirmation page whose button POSTs back (a GET
 * changes nothing, so link scanners that open every link in an email cannot unsubscribe
 * anyone); POST, from that button or from a mail client's one-click `List-Unsubscribe-Post`
 * (RFC 8058), verifies the signature and switches the subscription off.
 */
export function createUnsubscribeHandlers(deps: { db: () => Db; secret: () => string; dashboardUrl: () => string }) {
  return {
    async GET(req: Request): Promise<Response> {
      const url = new URL(req.url);
      const target = verifyUnsubscribeLink(deps.secret(), url.searchParams);
      if (!target) return page(400, 'Link not valid', '<p>This unsubscribe link is incomplete or has been changed. Use the link in the latest email, or change your reports in Settings.</p>');
      const project = await deps.db().project.findUnique({ where: { id: target.projectId }, select: { name: true } });
      return page(
        200,
        'Unsubscribe from the weekly report?',
        `<p>You will no longer get the weekly email report for <strong>${escapeHtml(project?.name ?? 'this project')}</strong>.</p>
         <form method="post" action="${escapeHtml(url.pathname + url.search)}"><button type="submit">Unsubscribe</button></form>`,
      );
    },
    async POST(req: Request): Promise<Response> {
      const url = new URL(req.url);
      const target = verifyUnsubscribeLink(deps.secret(), url.searchParams);
      if (!target) return page(400, 'Link not valid', '<p>This unsubscribe link is incomplete or has been changed.</p>');
      const result = await unsubscribeFromReport(deps.db(), target);
      const settings = `${deps.dashboardUrl()}/p/${encodeURIComponent(target.projectId)}/settings#reports`;
      return page(
        200,
        'You are unsubscribed',
        `<p>You will no longer get the weekly email report${result ? ` for <strong>${escapeHtml(result.projectName)}</strong>` : ''}.</p>
         <p>Changed your mind? Turn it back on in <a href="${escapeHtml(settings)}">Settings</a>.</p>`,
      );
    },
  };
}

function page(status: number, title: string, body: string): Response {
  const html = `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)} · Tierlens</title>
<style>body{font-family:system-ui,-apple-system,'Segoe UI',Roboto,sans-serif;background:#f7f8fa;color:#14171f;margin:0}
main{max-width:440px;margin:12vh auto;background:#fff;border:1px solid #e3e6ec;border-radius:12px;padding:28px}
h1{font-size:20px;margin:0 0 12px}p{font-size:15px;line-height:1.5;color:#14171f}a{color:#2f5bea}
button{background:#2f5bea;color:#fff;border:0;border-radius:8px;padding:10px 16px;font-size:15px;cursor:pointer}</style></head>
<body><main><h1>${escapeHtml(title)}</h1>${body}</main></body></html>`;
  return new Response(html, {
    status,
    headers: { 'Content-Type': 'text/html; charset=utf-8', 'Cache-Control': 'no-store', 'Referrer-Policy': 'no-referrer', 'X-Robots-Tag': 'noindex' },
  });
}

function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}

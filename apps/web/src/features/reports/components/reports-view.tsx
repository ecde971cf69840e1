'use client';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import Link from 'next/link';
import { useMemo, useState } from 'react';
import { errorMessage } from '@/lib/error-message';
import { formatDateTime } from '@tierlens/format';
import { useTRPC } from '@/trpc/client';

/**
 * The weekly email report as the user would get it for their latest scheduled week, a button
 * that sends it to them now, and (without SMTP) the emails written to the outbox.
 */
export function ReportsView({ projectId }: { projectId: string }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const preview = useQuery(trpc.reports.preview.queryOptions({ projectId }));
  const outbox = useQuery(trpc.reports.outbox.queryOptions({ projectId }));
  const send = useMutation(
    trpc.reports.sendNow.mutationOptions({
      onSuccess: () => void queryClient.invalidateQueries({ queryKey: trpc.reports.outbox.queryKey({ projectId }) }),
    }),
  );
  const [frameHeight, setFrameHeight] = useState(1200);
  // Links in the preview open in a new tab instead of inside the frame.
  const srcDoc = useMemo(() => preview.data?.html.replace(/<head>/i, '<head><base target="_blank">'), [preview.data?.html]);

  return (
    <>
      <h1 className="page-title">Weekly report</h1>
      <p className="page-sub">
        {preview.data ? `The email for ${preview.data.week.label} (${preview.data.week.timeZone}), your latest scheduled week.` : 'Loading…'}{' '}
        <Link href={`/p/${projectId}/settings#reports`}>Day, time and time zone</Link>
      </p>
      {preview.error && <p className="error">{preview.error.message}</p>}

      <section className="panel">
        <div className="row-actions" style={{ alignItems: 'center' }}>
          <button type="button" onClick={() => send.mutate({ projectId })} disabled={send.isPending || !preview.data} data-testid="send-report-now">
            {send.isPending ? 'Sending…' : 'Send me this now'}
          </button>
          {send.data && (
            <span className="muted" role="status">
              {send.data.transport === 'smtp' ? `Sent to ${send.data.to}.` : `No SMTP server: written to the outbox as ${send.data.file}.`}
            </span>
          )}
          {send.error && <span className="error" role="alert">{errorMessage(send.error)}</span>}
        </div>
        {preview.data && (
          <p className="muted" style={{ fontSize: 14, margin: '12px 0 0' }}>
            Subject: <strong style={{ color: 'var(--text)' }}>{preview.data.subject}</strong>
          </p>
        )}
      </section>

      {srcDoc && (
        <section className="panel" style={{ padding: 0, overflow: 'hidden' }}>
          <iframe
            title="Weekly report email"
            srcDoc={srcDoc}
            // No scripts run in the frame; same origin only so the page can size it to the email.
            sandbox="allow-same-origin allow-popups allow-popups-to-escape-sandbox"
            onLoad={(e) => setFrameHeight((e.currentTarget.contentDocument?.body.scrollHeight ?? 1198) + 2)}
            style={{ width: '100%', height: frameHeight, border: 0, display: 'block' }}
            data-testid="report-preview"
          />
        </section>
      )}

      {preview.data && (
        <section className="panel">
          <details>
            <summary>Plain-text part</summary>
            <pre className="snippet" style={{ whiteSpace: 'pre-wrap' }}>{preview.data.text}</pre>
          </details>
        </section>
      )}

      {outbox.data?.transport === 'outbox' && (
        <section className="panel table-wrap" data-testid="report-outbox">
          <h2>Outbox</h2>
          <p className="muted" style={{ fontSize: 14, marginTop: 0 }}>
            No SMTP_URL is set, so reports are written as .eml files instead of sent. Set SMTP_URL to send them.
          </p>
          {outbox.data.files.length === 0 ? (
            <p className="muted">No emails written for this project yet.</p>
          ) : (
            <table className="data">
              <thead>
                <tr><th>Written</th><th>To</th><th>Subject</th><th /></tr>
              </thead>
              <tbody>
                {outbox.data.files.map((f) => {
                  const href = `/p/${projectId}/reports/outbox/${encodeURIComponent(f.file)}`;
                  return (
                    <tr key={f.file}>
                      <td style={{ whiteSpace: 'nowrap' }}>{formatDateTime(f.writtenAt)}</td>
                      <td>{f.to ?? '—'}</td>
                      <td><a href={href} target="_blank" rel="noreferrer">{f.subject ?? f.file}</a></td>
                      <td><a href={`${href}?raw=1`}>.eml</a></td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          )}
        </section>
      )}
    </>
  );
}

import type { Mailer } from '@tierlens/reports';
import type { AlertEvent } from './alert-event.ts';
import { alertMessage } from './alert-message.ts';
import { WEBHOOK_DELIVERY_HEADER, WEBHOOK_SIGNATURE_HEADER, signWebhook } from './sign-webhook.ts';

/** A channel as the sender needs it. */
export interface AlertChannel {
  kind: 'email' | 'slack' | 'webhook';
  target: string;
  secret: string | null;
}

/** A send that failed, with the receiver's HTTP status when there was one. */
export class ChannelSendError extends Error {
  constructor(message: string, readonly responseStatus: number | null) {
    super(message);
  }
}

/** Receivers get this long to answer, well inside the delivery's claim lease. */
const HTTP_TIMEOUT_MS = 10_000;

/**
 * Sends one alert to one channel: an email through the mailer (SMTP or the outbox), a Slack
 * incoming-webhook message, or a signed JSON webhook. Resolves with the HTTP status for webhooks;
 * throws {@link ChannelSendError} when the receiver refused or did not answer.
 */
export async function sendToChannel(
  channel: AlertChannel,
  event: AlertEvent,
  ctx: { deliveryId: string; mailer: Mailer; now: Date },
): Promise<number | null> {
  const message = alertMessage(event);
  if (channel.kind === 'email') {
    const recipients = channel.target.split(',').map((s) => s.trim()).filter(Boolean);
    for (const [i, to] of recipients.entries()) {
      await ctx.mailer.send({
        to,
        subject: message.subject,
        text: message.text,
        html: `<pre style="font-family:inherit;white-space:pre-wrap">${escapeHtml(message.text)}</pre>`,
        messageId: `<alert-${ctx.deliveryId}-${i}@tierlens.local>`,
        outboxName: `alert-${ctx.deliveryId}-${i}`,
      });
    }
    return null;
  }
  const body = channel.kind === 'slack' ? JSON.stringify({ text: `*${message.subject}*\n${message.text}` }) : JSON.stringify(event);
  const headers: Record<string, string> = { 'content-type': 'application/json', 'user-agent': 'Tierlens-Alerts/1' };
  if (channel.kind === 'webhook') {
    headers[WEBHOOK_DELIVERY_HEADER] = ctx.deliveryId;
    if (channel.secret) headers[WEBHOOK_SIGNATURE_HEADER] = signWebhook(channel.secret, body, ctx.now);
  }
  let response: Response;
  try {
    response = await fetch(channel.target, { method: 'POST', headers, body, signal: AbortSignal.timeout(HTTP_TIMEOUT_MS), redirect: 'error' });
  } catch (error) {
    throw new ChannelSendError(`no answer from the receiver: ${(error as Error).message}`, null);
  }
  await response.body?.cancel().catch(() => {});
  if (!response.ok) throw new ChannelSendError(`the receiver answered HTTP ${response.status}`, response.status);
  return response.status;
}

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

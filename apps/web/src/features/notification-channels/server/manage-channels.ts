import { randomBytes } from 'node:crypto';
import type { Db } from '@tierlens/db';
import { DomainError } from '@/server/domain-error';
import { ZChannelInput, type ChannelInput } from '../lib/channel-input';

/** What the browser may see of a channel: never the webhook secret, and Slack URLs (which are credentials) shortened. */
const channelSelect = { id: true, kind: true, name: true, target: true, events: true, enabled: true, createdAt: true, secret: true } as const;

function redactTarget(kind: string, target: string): string {
  if (kind !== 'slack') return target;
  const url = new URL(target);
  return `${url.origin}/…${url.pathname.slice(-4)}`;
}

/** The organization's channels, secrets withheld. */
export async function listChannels(db: Db, organizationId: string) {
  const rows = await db.notificationChannel.findMany({ where: { organizationId }, select: channelSelect, orderBy: { createdAt: 'asc' } });
  return rows.map(({ secret, target, ...c }) => ({ ...c, target: redactTarget(c.kind, target), signed: secret !== null }));
}

/** Creates a channel; a webhook gets a signing secret, returned this once. */
export async function createChannel(db: Db, organizationId: string, input: ChannelInput) {
  const c = ZChannelInput.parse(input);
  const secret = c.kind === 'webhook' ? `whsec_${randomBytes(24).toString('base64url')}` : null;
  const created = await db.notificationChannel.create({
    data: { organizationId, kind: c.kind, name: c.name, target: c.target, events: [...new Set(c.events)], secret },
    select: { id: true },
  });
  return { id: created.id, secret };
}

export async function deleteChannel(db: Db, organizationId: string, channelId: string) {
  const { count } = await db.notificationChannel.deleteMany({ where: { id: channelId, organizationId } });
  if (count === 0) throw new DomainError('not_found', 'No such channel.');
  return { deleted: true };
}

/** The delivery log: the organization's latest notifications, with their outcome. */
export async function listDeliveries(db: Db, organizationId: string) {
  const rows = await db.notificationDelivery.findMany({
    where: { channel: { organizationId } },
    orderBy: { createdAt: 'desc' },
    take: 50,
    select: { id: true, eventKey: true, event: true, status: true, attempts: true, lastError: true, responseStatus: true, createdAt: true, sentAt: true, nextAttemptAt: true, channel: { select: { name: true, kind: true } } },
  });
  return rows.map(({ event, ...d }) => ({ ...d, eventType: (event as { type?: string }).type ?? 'unknown' }));
}

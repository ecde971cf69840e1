import { notFound } from 'next/navigation';
import { CallDetailView } from '@/features/calls/components/call-detail-view';

export default async function CallPage({ params, searchParams }: { params: Promise<{ projectId: string; traceId: string; spanId: string }>; searchParams: Promise<{ t?: string }> }) {
  const { projectId, traceId, spanId } = await params;
  const { t } = await searchParams;
  if (!t || Number.isNaN(Date.parse(t))) notFound();
  return <CallDetailView projectId={projectId} traceId={traceId} spanId={spanId} startTime={t} />;
}

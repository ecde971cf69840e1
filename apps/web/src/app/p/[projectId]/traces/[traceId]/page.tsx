import { notFound } from 'next/navigation';
import { TraceView } from '@/features/calls/components/trace-view';

export default async function TracePage({ params }: { params: Promise<{ projectId: string; traceId: string }> }) {
  const { projectId, traceId } = await params;
  if (!/^[0-9a-f]{32}$/.test(traceId)) notFound();
  return <TraceView projectId={projectId} traceId={traceId} />;
}

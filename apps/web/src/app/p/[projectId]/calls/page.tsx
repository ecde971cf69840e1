import { CallsView } from '@/features/calls/components/calls-view';

export default async function CallsPage({ params }: { params: Promise<{ projectId: string }> }) {
  return <CallsView projectId={(await params).projectId} />;
}

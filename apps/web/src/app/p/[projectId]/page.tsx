import { OverviewView } from '@/features/overview/components/overview-view';

export default async function OverviewPage({ params }: { params: Promise<{ projectId: string }> }) {
  const { projectId } = await params;
  return <OverviewView projectId={projectId} />;
}

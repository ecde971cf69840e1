import { ModelsView } from '@/features/models/components/models-view';

export default async function ModelsPage({ params }: { params: Promise<{ projectId: string }> }) {
  return <ModelsView projectId={(await params).projectId} />;
}

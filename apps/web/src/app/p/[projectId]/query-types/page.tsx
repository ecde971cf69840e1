import { QueryTypesView } from '@/features/query-types/components/query-types-view';

export default async function QueryTypesPage({ params }: { params: Promise<{ projectId: string }> }) {
  return <QueryTypesView projectId={(await params).projectId} />;
}

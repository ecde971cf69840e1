import { RulesView } from '@/features/rules/components/rules-view';

export default async function RulesPage({ params }: { params: Promise<{ projectId: string }> }) {
  return <RulesView projectId={(await params).projectId} />;
}

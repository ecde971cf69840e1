import { ReportsView } from '@/features/reports/components/reports-view';

export default async function ReportsPage({ params }: { params: Promise<{ projectId: string }> }) {
  return <ReportsView projectId={(await params).projectId} />;
}

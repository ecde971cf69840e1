import { SavingsView } from '@/features/savings/components/savings-view';

export default async function SavingsPage({ params }: { params: Promise<{ projectId: string }> }) {
  return <SavingsView projectId={(await params).projectId} />;
}

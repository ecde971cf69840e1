'use client';
import { useRouter } from 'next/navigation';
import { authClient } from '@/lib/auth-client';

export function SignOutButton({ email }: { email: string }) {
  const router = useRouter();
  return (
    <span style={{ display: 'flex', gap: 12, alignItems: 'center' }}>
      <span className="muted">{email}</span>
      <button className="secondary" onClick={async () => { await authClient.signOut(); router.replace('/sign-in'); }}>
        Sign out
      </button>
    </span>
  );
}

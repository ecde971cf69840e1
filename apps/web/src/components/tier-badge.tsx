import { TIER_COLORS } from '@/lib/colors';

/** A model's tier as a coloured label; "unknown tier" when the catalog does not know the model. */
export function TierBadge({ tier }: { tier: string | null }) {
  if (!tier) return <span className="badge" style={{ background: '#b3b6bd' }}>unknown tier</span>;
  return <span className="badge" style={{ background: TIER_COLORS[tier] ?? '#7f8c8d' }}>{tier}</span>;
}

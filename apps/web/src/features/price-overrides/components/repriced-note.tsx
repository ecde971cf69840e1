import { formatCount, formatUsd } from '@tierlens/format';

/** After a price change: how many stored calls were priced again, and how much the past spend moved. */
export function RepricedNote({ repriced }: { repriced: { calls: number; changed: number; deltaUsd: string; error: string | null } }) {
  if (repriced.error) return <p className="error" role="alert">The price is saved, but pricing the stored calls again failed ({repriced.error}); it is retried in a few seconds, or run `npx tierlens reprice`.</p>;
  if (repriced.changed === 0) return <p className="muted" role="status">No stored calls change price.</p>;
  const delta = Number(repriced.deltaUsd);
  return (
    <p className="muted" role="status" data-testid="repriced-note">
      Priced {formatCount(repriced.changed)} stored {repriced.changed === 1 ? 'call' : 'calls'} again: past spend {delta >= 0 ? 'up' : 'down'} by {formatUsd(repriced.deltaUsd.replace(/^-/, ''))}.
    </p>
  );
}

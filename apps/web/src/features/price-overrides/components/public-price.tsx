import { formatPerMTok } from '@tierlens/format';

type PublicPriceView =
  | { found: true; provider: string; model: string; match: string; inputPerMTok: string | null; outputPerMTok: string | null; cacheReadPerMTok: string | null; cacheWritePerMTok: string | null }
  | { found: false; detail: string };

/** A model's public list price, next to an override, or why there is none. */
export function PublicPrice({ price }: { price: PublicPriceView | undefined }) {
  if (!price) return <span className="muted">…</span>;
  if (!price.found) return <span className="muted" title={price.detail}>no public price</span>;
  return (
    <span title={`${price.provider} / ${price.model} (${price.match.replace('_', ' ')} match)`}>
      in {formatPerMTok(price.inputPerMTok)} · out {formatPerMTok(price.outputPerMTok)}
      {price.cacheReadPerMTok !== null && <> · cache read {formatPerMTok(price.cacheReadPerMTok)}</>}
      {price.cacheWritePerMTok !== null && <> · cache write {formatPerMTok(price.cacheWritePerMTok)}</>}
      <span className="muted"> ({price.provider} / {price.model})</span>
    </span>
  );
}

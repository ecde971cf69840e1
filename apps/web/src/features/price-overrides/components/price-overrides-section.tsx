'use client';
import type { Role } from '@tierlens/db';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { errorMessage } from '@/lib/error-message';
import { formatDate, formatPerMTok } from '@tierlens/format';
import { roleAtLeast } from '@/lib/roles';
import { useTRPC } from '@/trpc/client';
import { PriceOverrideForm } from './price-override-form';
import { PublicPrice } from './public-price';
import { RepricedNote } from './repriced-note';

/** Prices the organization or this project pays, next to the public list price; admins add and delete them. */
export function PriceOverridesSection({ projectId, role }: { projectId: string; role: Role }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const overrides = useQuery(trpc.priceOverrides.list.queryOptions({ projectId }));
  const invalidate = () => queryClient.invalidateQueries({ queryKey: trpc.priceOverrides.list.queryKey({ projectId }) });
  const remove = useMutation(trpc.priceOverrides.delete.mutationOptions({ onSettled: invalidate }));
  const canEdit = roleAtLeast(role, 'admin');

  return (
    <>
      {overrides.error && <p className="error">{overrides.error.message}</p>}
      <div className="table-wrap">
        <table className="data" data-testid="price-overrides-table">
          <thead>
            <tr>
              <th>Model</th><th>Applies to</th><th className="num">Input</th><th className="num">Output</th><th className="num">Cache read</th>
              <th className="num">Cache write</th><th>From</th><th>Public price</th>{canEdit && <th />}
            </tr>
          </thead>
          <tbody>
            {overrides.data?.map((o) => (
              <tr key={o.id}>
                <td>{o.model}<div className="muted small-text">{o.provider ?? 'any provider'}</div></td>
                <td>{o.scope === 'organization' ? 'organization' : 'this project'}</td>
                <td className="num">{formatPerMTok(o.inputPerMTok)}</td>
                <td className="num">{formatPerMTok(o.outputPerMTok)}</td>
                <td className="num">{o.cacheReadPerMTok === null ? <span className="muted">= input</span> : formatPerMTok(o.cacheReadPerMTok)}</td>
                <td className="num">{o.cacheWritePerMTok === null ? <span className="muted">= input</span> : formatPerMTok(o.cacheWritePerMTok)}</td>
                <td>{formatDate(o.effectiveFrom)}{!o.inForce && <span className="tag">upcoming</span>}</td>
                <td className="small-text"><PublicPrice price={o.publicPrice} /></td>
                {canEdit && (
                  <td>
                    <button
                      type="button"
                      className="secondary small danger"
                      disabled={remove.isPending}
                      onClick={() => { if (window.confirm(`Delete the ${o.model} price? Calls it priced will be priced again at the public price.`)) remove.mutate({ projectId, priceOverrideId: o.id }); }}
                    >
                      Delete
                    </button>
                  </td>
                )}
              </tr>
            ))}
          </tbody>
        </table>
        {overrides.data && overrides.data.length === 0 && <p className="muted">No price overrides: calls are priced from the public price list.</p>}
      </div>
      {remove.error && <p className="error" role="alert">{errorMessage(remove.error)}</p>}
      {remove.data && <RepricedNote repriced={remove.data.repriced} />}
      {canEdit ? (
        <details className="add-form">
          <summary>Add a price</summary>
          <PriceOverrideForm projectId={projectId} onCreated={invalidate} />
        </details>
      ) : (
        <p className="muted role-note">Changing prices needs the admin role; you are {role}.</p>
      )}
    </>
  );
}

'use client';
import type { Role } from '@tierlens/db';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { errorMessage } from '@/lib/error-message';
import { formatUsd } from '@tierlens/format';
import { roleAtLeast } from '@/lib/roles';
import { useTRPC } from '@/trpc/client';
import type { BudgetInput } from '../lib/budget-input';

const browserTimeZone = () => Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';

/** The project's and the organization's budgets; admins add and delete them. */
export function BudgetsSection({ projectId, role }: { projectId: string; role: Role }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const budgets = useQuery(trpc.budgets.list.queryOptions({ projectId }));
  const invalidate = () => Promise.all([
    queryClient.invalidateQueries({ queryKey: trpc.budgets.list.queryKey({ projectId }) }),
    queryClient.invalidateQueries({ queryKey: trpc.budgets.watch.queryKey({ projectId }) }),
  ]);
  const remove = useMutation(trpc.budgets.delete.mutationOptions({ onSettled: invalidate }));
  const create = useMutation(trpc.budgets.create.mutationOptions({ onSuccess: () => { setForm(blank()); void invalidate(); } }));
  const blank = (): BudgetInput => ({ name: '', scope: 'project', scopeValue: '', period: 'month', timeZone: browserTimeZone(), limitUsd: '', thresholds: [50, 80, 100] });
  const [form, setForm] = useState<BudgetInput>(blank);
  const [thresholds, setThresholds] = useState('50, 80, 100');
  const canEdit = roleAtLeast(role, 'admin');

  return (
    <>
      {budgets.error && <p className="error">{budgets.error.message}</p>}
      <div className="table-wrap">
        <table className="data" data-testid="budgets-table">
          <thead><tr><th>Name</th><th>Covers</th><th>Period</th><th className="num">Limit</th><th>Notify at</th>{canEdit && <th />}</tr></thead>
          <tbody>
            {budgets.data?.map((b) => (
              <tr key={b.id}>
                <td>{b.name}</td>
                <td>{b.scope.replace('_', ' ')}{b.scopeValue && `: ${b.scopeValue}`}</td>
                <td>{b.period} ({b.timeZone})</td>
                <td className="num">{formatUsd(b.limitUsd)}</td>
                <td>{b.thresholds.map((t) => `${t}%`).join(', ')}</td>
                {canEdit && (
                  <td>
                    <button type="button" className="secondary small danger" disabled={remove.isPending} onClick={() => remove.mutate({ projectId, budgetId: b.id })}>Delete</button>
                  </td>
                )}
              </tr>
            ))}
          </tbody>
        </table>
        {budgets.data?.length === 0 && <p className="muted">No budgets yet.</p>}
      </div>
      {remove.error && <p className="error" role="alert">{errorMessage(remove.error)}</p>}
      {canEdit ? (
        <details className="add-form">
          <summary>Add a budget</summary>
          <form
            onSubmit={(e) => {
              e.preventDefault();
              const parsed = thresholds.split(',').map((t) => Number(t.trim())).filter((t) => Number.isInteger(t) && t > 0);
              create.mutate({ projectId, budget: { ...form, thresholds: parsed } });
            }}
          >
            <div className="filters">
              <div><label htmlFor="budget-name">Name</label><input id="budget-name" value={form.name} onChange={(e) => setForm({ ...form, name: e.target.value })} required /></div>
              <div>
                <label htmlFor="budget-scope">Covers</label>
                <select id="budget-scope" value={form.scope} onChange={(e) => setForm({ ...form, scope: e.target.value as BudgetInput['scope'] })}>
                  <option value="project">this project</option>
                  <option value="organization">the whole organization</option>
                  <option value="feature">a feature of this project</option>
                  <option value="query_type">a query type of this project</option>
                  <option value="model">a model in this project</option>
                </select>
              </div>
              {!['project', 'organization'].includes(form.scope) && (
                <div><label htmlFor="budget-scope-value">Which</label><input id="budget-scope-value" value={form.scopeValue} onChange={(e) => setForm({ ...form, scopeValue: e.target.value })} placeholder={form.scope === 'query_type' ? 'coding' : form.scope === 'model' ? 'gpt-4o' : 'support-bot'} /></div>
              )}
              <div>
                <label htmlFor="budget-period">Per</label>
                <select id="budget-period" value={form.period} onChange={(e) => setForm({ ...form, period: e.target.value as 'month' | 'week' })}>
                  <option value="month">month</option>
                  <option value="week">week (Monday to Sunday)</option>
                </select>
              </div>
              <div><label htmlFor="budget-tz">Time zone</label><input id="budget-tz" value={form.timeZone} onChange={(e) => setForm({ ...form, timeZone: e.target.value })} /></div>
              <div><label htmlFor="budget-limit">Limit (USD)</label><input id="budget-limit" inputMode="decimal" value={form.limitUsd} onChange={(e) => setForm({ ...form, limitUsd: e.target.value })} required /></div>
              <div><label htmlFor="budget-thresholds">Notify at (% of the limit)</label><input id="budget-thresholds" value={thresholds} onChange={(e) => setThresholds(e.target.value)} /></div>
            </div>
            <button type="submit" disabled={create.isPending}>Add budget</button>
            {create.error && <p className="error" role="alert">{errorMessage(create.error)}</p>}
            <p className="muted small-text">Each threshold notifies the organization’s channels once per period, when actual spend reaches it and, earlier, when the forecast does. Budgets never block calls.</p>
          </form>
        </details>
      ) : (
        <p className="muted role-note">Adding budgets needs the admin role; you are {role}.</p>
      )}
    </>
  );
}

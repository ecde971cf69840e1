'use client';
import { useQuery } from '@tanstack/react-query';
import { formatDateTime, formatUsd } from '@tierlens/format';
import { queryTypeLabel } from '@/lib/query-type-label';
import { useTRPC } from '@/trpc/client';

const DRIVER_LABEL: Record<string, string> = { feature: 'feature', model: 'model', queryType: 'query type', endUser: 'end user' };
const SCOPE_LABEL: Record<string, string> = { organization: 'organization', project: 'project', feature: 'feature', query_type: 'query type', model: 'model' };

/** Where spend is heading: the month-end forecast, budgets with actual and forecast use, and recent anomalies with their drivers. */
export function SpendWatchPanel({ projectId }: { projectId: string }) {
  const trpc = useTRPC();
  const { data, error } = useQuery(trpc.budgets.watch.queryOptions({ projectId }));
  if (error) return <p className="error">Could not load budgets and forecast: {error.message}</p>;
  if (!data) return null;
  const f = data.forecast;
  return (
    <section className="panel" data-testid="spend-watch">
      <h2>Where spend is heading</h2>
      <p data-testid="month-forecast">
        This month ({f.firstDay} to {f.endDay}, UTC): <strong>{formatUsd(f.actualUsd)}</strong> so far, forecast{' '}
        <strong>{formatUsd(f.forecastUsd)}</strong>
        <span className="muted"> (90% range {formatUsd(f.lowUsd)}–{formatUsd(f.highUsd)}; {f.method === 'run-rate' ? 'run rate, under two weeks of history' : `weekday pattern and trend over ${f.historyDays} days`})</span>
      </p>
      {data.budgets.length > 0 && (
        <div className="table-wrap">
          <table className="data" data-testid="budgets-status">
            <thead><tr><th>Budget</th><th>Covers</th><th className="num">Spent</th><th className="num">Forecast</th><th className="num">Limit</th><th>Use</th></tr></thead>
            <tbody>
              {data.budgets.map((b) => (
                <tr key={b.id}>
                  <td>{b.name}<div className="muted small-text">per {b.period} from {b.firstDay} ({b.timeZone})</div></td>
                  <td>{SCOPE_LABEL[b.scope]}{b.scopeValue && ` ${b.scope === 'query_type' ? queryTypeLabel(b.scopeValue) : b.scopeValue}`}</td>
                  <td className="num">{formatUsd(b.actualUsd)}</td>
                  <td className="num">{formatUsd(b.forecastUsd)}</td>
                  <td className="num">{formatUsd(b.limitUsd)}</td>
                  <td>
                    <meter min={0} max={100} low={80} high={100} optimum={0} value={Math.min(100, b.actualPercent)} aria-label={`${b.name}: ${b.actualPercent.toFixed(0)}% used`} />{' '}
                    {b.actualPercent.toFixed(0)}%{b.forecastPercent !== null && <span className="muted"> → {b.forecastPercent.toFixed(0)}% forecast</span>}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
          <p className="muted small-text">Budgets are informational: they notify, they never block calls.</p>
        </div>
      )}
      <h3>Spend anomalies, last 7 days</h3>
      {data.anomalies.length === 0 ? (
        <p className="muted">None: every hour stayed near the same hour of the previous four weeks.</p>
      ) : (
        <ul className="anomalies" data-testid="anomalies">
          {data.anomalies.map((a) => {
            const d = a.drivers[0];
            return (
              <li key={a.id}>
                <strong>{queryTypeLabel(a.queryType)} on {a.model}</strong>: {formatUsd(a.spendUsd)} against {formatUsd(a.expectedUsd)} expected, {formatDateTime(a.from)}
                {d && <span> · what moved: {DRIVER_LABEL[d.dimension] ?? d.dimension} “{d.value}” {formatUsd(d.beforeUsd)} → {formatUsd(d.afterUsd)}</span>}
              </li>
            );
          })}
        </ul>
      )}
    </section>
  );
}

import { detectSpendAnomalies, explainAnomaly, type AnomalyOptions } from '@tierlens/analyzer';
import { enqueueNotification, loadActiveSpendSeries, loadDriverSpend, recordSpendAnomaly, type Db } from '@tierlens/db';
import type { SpendAnomalyEvent } from './alert-event.ts';

const HOUR_MS = 3_600_000;
const WEEK_MS = 168 * HOUR_MS;

/**
 * Looks for spend anomalies in the last complete hours (`lookbackHours`, so calls that arrive a
 * little late are still judged) of every project × query type × model that spent in them,
 * records each with the drivers whose spend moved, and queues a notification for each new one.
 * An anomaly that goes on into a later run extends the recorded one and notifies nobody again.
 */
export async function detectAnomalies(
  db: Db,
  input: { now: Date; publicUrl: string; lookbackHours?: number; options?: AnomalyOptions },
): Promise<{ found: number; recorded: number }> {
  const baselineWeeks = input.options?.baselineWeeks ?? 4;
  const to = new Date(Math.floor(input.now.getTime() / HOUR_MS) * HOUR_MS);
  const from = new Date(to.getTime() - (input.lookbackHours ?? 3) * HOUR_MS);
  const series = await loadActiveSpendSeries(db, { historyFrom: new Date(from.getTime() - baselineWeeks * WEEK_MS), activeFrom: from, to });
  const byKey = new Map(series.map((s) => [`${s.projectId}\u0000${s.queryType}\u0000${s.model}`, s]));
  const anomalies = detectSpendAnomalies(
    series.map((s) => ({ key: { id: `${s.projectId}\u0000${s.queryType}\u0000${s.model}` }, points: s.points })),
    { from, to },
    input.options,
  );
  let recorded = 0;
  for (const anomaly of anomalies) {
    const s = byKey.get(anomaly.key.id!)!;
    const span = { from: anomaly.from, to: anomaly.to };
    const baseline = Array.from({ length: baselineWeeks }, (_, k) => ({ from: new Date(span.from.getTime() - (k + 1) * WEEK_MS), to: new Date(span.to.getTime() - (k + 1) * WEEK_MS) }));
    const [after, before] = await Promise.all([loadDriverSpend(db, s, [span]), loadDriverSpend(db, s, baseline)]);
    const drivers = explainAnomaly(after, before, baselineWeeks).slice(0, 5);
    const saved = await recordSpendAnomaly(db, {
      projectId: s.projectId,
      queryType: s.queryType,
      model: s.model,
      from: anomaly.from,
      to: anomaly.to,
      spendUsd: anomaly.spendUsd,
      expectedUsd: anomaly.expectedUsd,
      score: anomaly.score,
      drivers,
    });
    if (!saved.created) continue;
    recorded++;
    const event: SpendAnomalyEvent = {
      type: 'spend.anomaly',
      anomaly: { id: saved.id, projectId: s.projectId, queryType: s.queryType, model: s.model, from: anomaly.from.toISOString(), to: anomaly.to.toISOString(), spendUsd: anomaly.spendUsd, expectedUsd: anomaly.expectedUsd },
      driver: drivers[0] ?? null,
      url: `${input.publicUrl.replace(/\/$/, '')}/projects/${s.projectId}`,
    };
    await enqueueNotification(db, { organizationId: s.organizationId, kind: 'anomaly', eventKey: `anomaly:${saved.id}`, event });
  }
  return { found: anomalies.length, recorded };
}

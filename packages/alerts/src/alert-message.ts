import { queryTypeLabel } from '@tierlens/analyzer/query-type-label';
import { formatUsd } from '@tierlens/format';
import type { AlertEvent } from './alert-event.ts';

const usd = (n: number) => formatUsd(n);
const DRIVER_LABEL: Record<string, string> = { feature: 'feature', model: 'model', queryType: 'query type', endUser: 'end user' };

/** The one-line title and the plain-text body of an alert, for email and Slack alike. */
export function alertMessage(event: AlertEvent): { subject: string; text: string } {
  if (event.type === 'budget.threshold') {
    const b = event.budget;
    const on = event.basis === 'actual' ? 'reached' : 'is forecast to reach';
    const subject = `Budget "${b.name}" ${on} ${event.threshold}% (${usd(b.limitUsd)} per ${b.period})`;
    const forecast = event.forecastUsd == null
      ? ''
      : `\nForecast for the ${b.period}: ${usd(event.forecastUsd)}${event.forecastLowUsd != null && event.forecastHighUsd != null ? ` (90% range ${usd(event.forecastLowUsd)}–${usd(event.forecastHighUsd)})` : ''}.`;
    const text = `${subject}.\nSpent ${usd(event.actualUsd)} of ${usd(b.limitUsd)} from ${event.periodFirstDay} (${b.timeZone}).${forecast}\nBudgets are informational: no call was blocked.\n${event.url}`;
    return { subject, text };
  }
  const a = event.anomaly;
  const subject = `Spend jump: ${queryTypeLabel(a.queryType)} on ${a.model}, ${usd(a.spendUsd)} against ${usd(a.expectedUsd)} expected`;
  const driver = event.driver
    ? `\nWhat moved: ${DRIVER_LABEL[event.driver.dimension] ?? event.driver.dimension} "${event.driver.value}", ${usd(event.driver.beforeUsd)} → ${usd(event.driver.afterUsd)}.`
    : '';
  const text = `${subject}.\nFrom ${a.from} to ${a.to} (UTC), compared with the same hours of the previous four weeks.${driver}\n${event.url}`;
  return { subject, text };
}

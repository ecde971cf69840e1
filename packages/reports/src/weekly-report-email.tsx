import { Body, Button, Column, Container, Head, Hr, Html, Link, Preview, Row, Section, Text } from '@react-email/components';
import type { WeeklyFinding, WeeklyReport, WeeklyRest } from '@tierlens/analyzer';
import type { CSSProperties, ReactNode } from 'react';
import { formatChange, formatCount, formatUsd, formatMonthly, formatPoints, formatSavingEffect, formatShare, formatSpend, formatWeek } from '@tierlens/format';
import { queryTypeLabel } from '@tierlens/analyzer/query-type-label';
import { ruleInEffectLine } from './rule-in-effect-line.ts';

/** What the email needs besides the report: the signed unsubscribe link. */
export interface WeeklyReportEmailProps {
  report: WeeklyReport;
  unsubscribeUrl: string;
}

const C = { text: '#14171f', muted: '#5b6475', border: '#e3e6ec', bg: '#f4f5f8', accent: '#2f5bea', up: '#c2372f', down: '#17834f', code: '#f1f3f7', warn: '#fff6e5', warnBorder: '#f3d08a', warnText: '#7a5200' };
const TIER_COLORS: Record<string, string> = { frontier: '#c2372f', production: '#2f5bea', budget: '#17a398', local: '#7f8c8d' };
const FONT = "-apple-system, BlinkMacSystemFont, 'Segoe UI', Roboto, Helvetica, Arial, sans-serif";
const MONO = "SFMono-Regular, Menlo, Consolas, 'Liberation Mono', monospace";

const s = {
  body: { backgroundColor: C.bg, margin: 0, padding: '24px 0', fontFamily: FONT, color: C.text },
  container: { maxWidth: '600px', width: '100%', margin: '0 auto', backgroundColor: '#ffffff', border: `1px solid ${C.border}`, borderRadius: '10px' },
  pad: { padding: '0 28px' },
  eyebrow: { fontSize: '12px', letterSpacing: '0.08em', textTransform: 'uppercase', color: C.muted, margin: '24px 0 4px', fontWeight: 600 },
  title: { fontSize: '22px', lineHeight: '28px', fontWeight: 700, margin: '0 0 2px', color: C.text },
  sub: { fontSize: '14px', color: C.muted, margin: '0 0 8px' },
  h2: { fontSize: '16px', lineHeight: '22px', fontWeight: 700, margin: '24px 0 8px', color: C.text },
  kpiLabel: { fontSize: '12px', color: C.muted, margin: '0', textTransform: 'uppercase', letterSpacing: '0.04em', fontWeight: 600 },
  kpiValue: { fontSize: '26px', lineHeight: '32px', fontWeight: 700, margin: '4px 0 2px', color: C.text },
  kpiSub: { fontSize: '13px', color: C.muted, margin: 0 },
  p: { fontSize: '14px', lineHeight: '21px', margin: '0 0 8px', color: C.text },
  small: { fontSize: '12px', lineHeight: '18px', color: C.muted, margin: 0 },
  th: { fontSize: '12px', color: C.muted, fontWeight: 600, textAlign: 'left', padding: '6px 4px', borderBottom: `1px solid ${C.border}` },
  td: { fontSize: '14px', padding: '8px 4px', borderBottom: `1px solid ${C.border}`, verticalAlign: 'top' },
  rule: { fontFamily: MONO, fontSize: '12px', lineHeight: '18px', backgroundColor: C.code, borderRadius: '6px', padding: '6px 8px', margin: '6px 0 0', color: C.text, wordBreak: 'break-word' },
  card: { border: `1px solid ${C.border}`, borderRadius: '8px', padding: '12px 14px', margin: '0 0 10px' },
  button: { backgroundColor: C.accent, color: '#ffffff', fontSize: '14px', fontWeight: 600, borderRadius: '8px', padding: '10px 16px', textDecoration: 'none' },
  warn: { backgroundColor: C.warn, border: `1px solid ${C.warnBorder}`, borderRadius: '8px', padding: '10px 14px', margin: '0 0 8px' },
  link: { color: C.accent, textDecoration: 'underline' },
} satisfies Record<string, CSSProperties>;

const num: CSSProperties = { textAlign: 'right', whiteSpace: 'nowrap' };

/** The weekly report as an HTML email: tables and inline styles only, no images. */
export function WeeklyReportEmail({ report, unsubscribeUrl }: WeeklyReportEmailProps) {
  const { spend, savings, risks } = report;
  return (
    <Html lang="en">
      <Head>
        <meta name="color-scheme" content="light" />
      </Head>
      <Preview>{previewText(report)}</Preview>
      <Body style={s.body}>
        <Container style={s.container}>
          <Section style={s.pad}>
            <Text style={s.eyebrow}>Tierlens · Weekly report</Text>
            <Text style={s.title}>{report.project.name}</Text>
            <Text style={s.sub}>
              {formatWeek(report.week)} · {report.week.timeZone}
            </Text>
          </Section>

          <Section style={{ ...s.pad, paddingTop: '8px' }}>
            <Row>
              <Kpi label="Spend" value={formatUsd(spend.current.costUsd)} change={spend.costChange} note={`last week ${formatUsd(spend.previous.costUsd)}`} testId="spend" />
              <Kpi label="Calls" value={formatCount(spend.current.calls)} change={spend.callsChange} note={`last week ${formatCount(spend.previous.calls)}`} testId="calls" />
              {savings && (
                <Column style={{ width: '33%', verticalAlign: 'top', padding: '12px 0' }}>
                  <Text style={s.kpiLabel}>Potential savings</Text>
                  <Text style={{ ...s.kpiValue, color: savings.items.length ? C.down : C.text }} data-figure="savings-total">
                    {formatMonthly(savings.totalMonthlySavingUsd.point)}
                  </Text>
                  <Text style={s.kpiSub}>{savings.items.length ? `from ${savings.items.length + savings.more} rule${savings.items.length + savings.more === 1 ? '' : 's'}` : 'none found'}</Text>
                </Column>
              )}
            </Row>
          </Section>

          {savings && (
            <Section style={s.pad}>
              <Text style={s.h2}>Top savings</Text>
              {savings.items.length === 0 ? (
                <Text style={s.p}>No savings this week: every query type runs on a model that fits it, on the evidence.</Text>
              ) : (
                <>
                  {savings.items.map((a) => (
                    <AdviceCard key={a.findingId} advice={a} kind="saving" />
                  ))}
                  {savings.more > 0 && <Text style={s.small}>{`and ${savings.more} more on the Savings page.`}</Text>}
                  <Section style={{ margin: '12px 0 0' }}>
                    <Button href={report.links.savings} style={s.button}>Review savings</Button>
                  </Section>
                </>
              )}
            </Section>
          )}

          {risks && risks.items.length > 0 && (
            <Section style={s.pad}>
              <Text style={s.h2}>Underbidding risks</Text>
              <Text style={s.small}>Calls on a model that scores well below what the query type needs.</Text>
              <Section style={{ marginTop: '8px' }}>
                {risks.items.map((a) => (
                  <AdviceCard key={a.findingId} advice={a} kind="risk" />
                ))}
              </Section>
              {risks.more > 0 && <Text style={s.small}>{`and ${risks.more} more on the Savings page.`}</Text>}
            </Section>
          )}

          {report.rulesInEffect && report.rulesInEffect.length > 0 && (
            <Section style={s.pad}>
              <Text style={s.h2}>Rules in effect: predicted vs realized</Text>
              <Text style={s.small}>Realized: routed calls × the difference of observed cost per call against the control (or shadowed) calls.</Text>
              {report.rulesInEffect.map((r) => (
                <Text key={r.ruleId} style={s.p}>{ruleInEffectLine(r)}</Text>
              ))}
            </Section>
          )}

          <Section style={s.pad}>
            <Text style={s.h2}>Spend by query type</Text>
            {report.byQueryType.length === 0 ? (
              <Text style={s.p}>No calls this week.</Text>
            ) : (
              <SpendTable
                head="Query type"
                rows={report.byQueryType.map((q) => ({ key: q.queryType, name: queryTypeLabel(q.queryType), detail: q.topModel ? `mostly ${q.topModel}` : '', ...q }))}
                rest={report.byQueryTypeRest}
                restLabel={['more query type', 'more query types']}
              />
            )}
          </Section>

          {report.byModel.length > 0 && (
            <Section style={s.pad}>
              <Text style={s.h2}>Spend by model</Text>
              <SpendTable
                head="Model"
                rows={report.byModel.map((m) => ({ key: `${m.provider}/${m.model}`, name: m.model, detail: m.provider || 'unknown provider', ...m }))}
                rest={report.byModelRest}
                restLabel={['more model', 'more models']}
              />
            </Section>
          )}

          {report.unpricedModels.length > 0 && (
            <Section style={{ ...s.pad, paddingTop: '16px' }}>
              <Section style={s.warn}>
                <Text style={{ ...s.p, color: C.warnText, fontWeight: 600 }}>Calls without a price</Text>
                <Text style={{ ...s.p, color: C.warnText }}>
                  {report.unpricedModels.map((m) => `${m.model}${m.provider ? ` (${m.provider})` : ''}: ${formatCount(m.calls)} calls`).join(' · ')}
                </Text>
                <Text style={{ ...s.small, color: C.warnText }}>
                  Their spend is not counted above.{' '}
                  <Link href={report.links.settings.replace('#reports', '#prices')} style={{ ...s.link, color: C.warnText }}>Add a price</Link>
                </Text>
              </Section>
            </Section>
          )}

          {report.noUsageModels.length > 0 && (
            <Section style={{ ...s.pad, paddingTop: '16px' }}>
              <Section style={s.warn}>
                <Text style={{ ...s.p, color: C.warnText, fontWeight: 600 }}>Calls without reported usage</Text>
                <Text style={{ ...s.p, color: C.warnText }}>
                  {report.noUsageModels.map((m) => `${m.model}${m.provider ? ` (${m.provider})` : ''}: ${formatCount(m.calls)} calls`).join(' · ')}
                </Text>
                <Text style={{ ...s.small, color: C.warnText }}>
                  These models have a price, but the calls arrived without token counts (often a stream read without its usage), so their spend is not counted above. Have the instrumentation report usage; a price would not change them.
                </Text>
              </Section>
            </Section>
          )}

          {report.retiringModels.length > 0 && (
            <Section style={{ ...s.pad, paddingTop: '16px' }}>
              <Section style={s.warn}>
                <Text style={{ ...s.p, color: C.warnText, fontWeight: 600 }}>Models their maker is retiring</Text>
                {report.retiringModels.map((m) => (
                  <Text key={`${m.provider}/${m.model}`} style={{ ...s.p, color: C.warnText }}>
                    {m.model}: {formatCount(m.calls)} calls this week; {m.status === 'retired' ? 'retired on' : 'requests fail from'} {m.retires}
                    {m.replacement ? `, replacement ${m.replacement}` : ''} (<Link href={m.sourceUrl} style={{ ...s.link, color: C.warnText }}>notice</Link>)
                  </Text>
                ))}
              </Section>
            </Section>
          )}

          <Section style={{ ...s.pad, padding: '16px 28px 24px' }}>
            <Hr style={{ borderColor: C.border, margin: '16px 0' }} />
            <Text style={s.small}>
              <Link href={report.links.overview} style={s.link}>Overview</Link> · <Link href={report.links.queryTypes} style={s.link}>Query types</Link> ·{' '}
              <Link href={report.links.models} style={s.link}>Models</Link> · <Link href={report.links.rules} style={s.link}>Rules</Link>
            </Text>
            <Text style={{ ...s.small, marginTop: '8px' }}>
              {`You get this email because you subscribed to the weekly report for ${report.project.name}. `}
              <Link href={report.links.settings} style={s.link}>Change day and time</Link> · <Link href={unsubscribeUrl} style={s.link}>Unsubscribe</Link>
            </Text>
          </Section>
        </Container>
      </Body>
    </Html>
  );
}

function Kpi({ label, value, change, note, testId }: { label: string; value: string; change: number | null; note: string; testId: string }) {
  const color = change === null || change === 0 ? C.muted : change > 0 ? C.up : C.down;
  return (
    <Column style={{ width: '33%', verticalAlign: 'top', padding: '12px 0' }}>
      <Text style={s.kpiLabel}>{label}</Text>
      <Text style={s.kpiValue} data-figure={testId}>{value}</Text>
      <Text style={s.kpiSub}>
        <span style={{ color, fontWeight: 600 }}>{formatChange(change)}</span> · {note}
      </Text>
    </Column>
  );
}

function AdviceCard({ advice: a, kind }: { advice: WeeklyFinding; kind: 'saving' | 'risk' }) {
  const scope = `${queryTypeLabel(a.queryType)}${a.feature ? ` (${a.feature})` : ''}`;
  return (
    <Section style={s.card}>
      <Text style={{ ...s.p, fontWeight: 600, margin: 0 }}>
        {scope}: {a.currentModel} → {a.recommendedModel}
      </Text>
      <Text style={{ ...s.p, margin: '2px 0 0' }}>
        <span style={{ color: kind === 'saving' ? C.down : C.up, fontWeight: 600 }}>{formatSavingEffect(a.monthlySavingUsd)}</span>
        {` · quality ${formatPoints(a.qualityDeltaPoints)} on ${a.benchmark} · ${formatCount(a.calls)} calls this week · ${a.confidence} confidence`}
      </Text>
      <Text style={s.rule}>{a.rule.text}</Text>
    </Section>
  );
}

interface SpendRow {
  key: string;
  name: string;
  detail: string;
  tier?: string | null;
  costUsd: string;
  calls: number;
  unpricedCalls: number;
  share: number;
  costChange: number | null;
}

function SpendTable({ head, rows, rest, restLabel }: { head: string; rows: SpendRow[]; rest: WeeklyRest | null; restLabel: [one: string, many: string] }) {
  return (
    <table width="100%" cellPadding={0} cellSpacing={0} role="presentation" style={{ borderCollapse: 'collapse' }}>
      <thead>
        <tr>
          <th style={s.th}>{head}</th>
          <th style={{ ...s.th, ...num }}>Spend</th>
          <th style={{ ...s.th, ...num }}>Share</th>
          <th style={{ ...s.th, ...num }}>Calls</th>
          <th style={{ ...s.th, ...num }}>vs last week</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((r) => (
          <tr key={r.key}>
            <td style={s.td}>
              <div style={{ fontWeight: 600 }}>
                {r.name}
                {r.tier !== undefined && <TierLabel tier={r.tier} />}
              </div>
              {r.detail && <div style={{ fontSize: '12px', color: C.muted }}>{r.detail}</div>}
              <ShareBar share={r.share} />
            </td>
            <td style={{ ...s.td, ...num, fontWeight: 600 }}>{formatSpend(r)}</td>
            <td style={{ ...s.td, ...num }}>{formatShare(r.share)}</td>
            <td style={{ ...s.td, ...num }}>{formatCount(r.calls)}</td>
            <td style={{ ...s.td, ...num, color: changeColor(r.costChange) }}>{formatChange(r.costChange)}</td>
          </tr>
        ))}
        {rest && (
          <tr>
            <td style={{ ...s.td, color: C.muted }}>{`${rest.count} ${restLabel[rest.count === 1 ? 0 : 1]}`}</td>
            <td style={{ ...s.td, ...num, color: C.muted }}>{formatSpend(rest)}</td>
            <td style={s.td} />
            <td style={{ ...s.td, ...num, color: C.muted }}>{formatCount(rest.calls)}</td>
            <td style={s.td} />
          </tr>
        )}
      </tbody>
    </table>
  );
}

function TierLabel({ tier }: { tier: string | null }) {
  const label = tier ?? 'unknown tier';
  const color = tier ? (TIER_COLORS[tier] ?? C.muted) : '#9aa0ab';
  return <span style={{ marginLeft: '6px', fontSize: '11px', fontWeight: 600, color, border: `1px solid ${color}`, borderRadius: '9px', padding: '0 6px' }}>{label}</span>;
}

function ShareBar({ share }: { share: number }): ReactNode {
  const pct = Math.max(1, Math.round(share * 100));
  if (share <= 0) return null;
  return (
    <table width="100%" cellPadding={0} cellSpacing={0} role="presentation" style={{ marginTop: '4px', borderCollapse: 'collapse' }}>
      <tbody>
        <tr>
          <td width={`${pct}%`} style={{ backgroundColor: C.accent, height: '4px', lineHeight: '4px', fontSize: '1px', borderRadius: '2px' }}>&nbsp;</td>
          <td style={{ backgroundColor: C.code, height: '4px', lineHeight: '4px', fontSize: '1px' }}>&nbsp;</td>
        </tr>
      </tbody>
    </table>
  );
}

function changeColor(change: number | null): string {
  return change === null || change === 0 ? C.muted : change > 0 ? C.up : C.down;
}

/** The line mail clients show after the subject. */
export function previewText(report: WeeklyReport): string {
  const parts = [`${formatUsd(report.spend.current.costUsd)} spent (${formatChange(report.spend.costChange)} vs last week)`];
  const top = report.savings?.items[0];
  if (top) parts.push(`top saving ${formatMonthly(top.monthlySavingUsd.point)}: ${top.currentModel} → ${top.recommendedModel} for ${queryTypeLabel(top.queryType)}`);
  return `${parts.join('; ')}.`;
}

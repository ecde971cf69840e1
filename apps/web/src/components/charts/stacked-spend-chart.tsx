'use client';
import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import type { SpendSeries } from '@tierlens/analyzer';
import { formatBucket, formatUsd, formatUsdAxis } from '@tierlens/format';

/** Spend over time, stacked by a key (model or query type). Data comes prepared by the analyzer. */
export function StackedSpendChart({ series, bucket, colorOf, labelOf = (k) => k }: { series: SpendSeries; bucket: 'hour' | 'day'; colorOf: (key: string) => string; labelOf?: (key: string) => string }) {
  return (
    <ResponsiveContainer width="100%" height={260}>
      <BarChart data={series.points} margin={{ top: 8, right: 8, bottom: 0, left: 8 }}>
        <CartesianGrid strokeDasharray="3 3" vertical={false} stroke="#eceef2" />
        <XAxis dataKey="t" tickFormatter={(t: number) => formatBucket(t, bucket)} tick={{ fontSize: 12 }} minTickGap={24} />
        <YAxis tickFormatter={formatUsdAxis} tick={{ fontSize: 12 }} width={64} />
        <Tooltip
          labelFormatter={(t) => formatBucket(Number(t), bucket)}
          formatter={(v, name) => [formatUsd(Number(v)), labelOf(String(name))]}
        />
        <Legend formatter={(name: string) => labelOf(name)} wrapperStyle={{ fontSize: 12 }} />
        {series.keys.map((k) => (
          <Bar key={k} dataKey={k} stackId="spend" fill={colorOf(k)} isAnimationActive={false} />
        ))}
      </BarChart>
    </ResponsiveContainer>
  );
}

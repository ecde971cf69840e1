'use client';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useMemo, useState } from 'react';
import { errorMessage } from '@/lib/error-message';
import { formatHour, formatWeekday } from '@tierlens/format';
import { useTRPC } from '@/trpc/client';

const DAYS = [1, 2, 3, 4, 5, 6, 0];
const HOURS = Array.from({ length: 24 }, (_, h) => h);

/** The signed-in user's own weekly report for this project: on or off, day, hour and time zone. Every role may change their own. */
export function EmailReportsSection({ projectId }: { projectId: string }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const mine = useQuery(trpc.reportSubscriptions.mine.queryOptions({ projectId }));
  const [form, setForm] = useState<{ enabled: boolean; dayOfWeek: number; hour: number; timeZone: string } | null>(null);
  const save = useMutation(
    trpc.reportSubscriptions.update.mutationOptions({
      onSuccess: (saved) => { setForm(saved); void queryClient.invalidateQueries({ queryKey: trpc.reportSubscriptions.mine.queryKey({ projectId }) }); },
    }),
  );
  useEffect(() => {
    if (mine.data && !form) {
      const browserZone = Intl.DateTimeFormat().resolvedOptions().timeZone;
      // Nothing stored yet: suggest the browser's time zone rather than UTC.
      setForm({ ...mine.data, timeZone: mine.data.stored ? mine.data.timeZone : browserZone || mine.data.timeZone });
    }
  }, [mine.data, form]);
  const zones = useMemo(() => {
    const list = ['UTC', ...Intl.supportedValuesOf('timeZone')];
    return form && !list.includes(form.timeZone) ? [form.timeZone, ...list] : list;
  }, [form]);

  if (mine.error) return <p className="error">{mine.error.message}</p>;
  if (!form) return <p className="muted">Loading…</p>;
  const dirty = !mine.data?.stored || ['enabled', 'dayOfWeek', 'hour', 'timeZone'].some((k) => mine.data?.[k as keyof typeof form] !== form[k as keyof typeof form]);

  return (
    <form className="form-grid" onSubmit={(e) => { e.preventDefault(); save.mutate({ projectId, ...form }); }} data-testid="email-reports-form">
      <div className="form-wide">
        <label className="checkbox">
          <input type="checkbox" checked={form.enabled} onChange={(e) => setForm({ ...form, enabled: e.target.checked })} />
          Email me this project’s weekly report
        </label>
      </div>
      <div>
        <label htmlFor="report-day">Day</label>
        <select id="report-day" value={form.dayOfWeek} disabled={!form.enabled} onChange={(e) => setForm({ ...form, dayOfWeek: Number(e.target.value) })}>
          {DAYS.map((d) => <option key={d} value={d}>{formatWeekday(d)}</option>)}
        </select>
      </div>
      <div>
        <label htmlFor="report-hour">Hour</label>
        <select id="report-hour" value={form.hour} disabled={!form.enabled} onChange={(e) => setForm({ ...form, hour: Number(e.target.value) })}>
          {HOURS.map((h) => <option key={h} value={h}>{formatHour(h)}</option>)}
        </select>
      </div>
      <div>
        <label htmlFor="report-tz">Time zone</label>
        <select id="report-tz" value={form.timeZone} disabled={!form.enabled} onChange={(e) => setForm({ ...form, timeZone: e.target.value })}>
          {zones.map((z) => <option key={z} value={z}>{z}</option>)}
        </select>
      </div>
      <div className="form-wide">
        <button type="submit" disabled={save.isPending || !dirty}>{save.isPending ? 'Saving…' : 'Save'}</button>
        {save.isSuccess && !dirty && <span className="muted saved-note">Saved.</span>}
        <p className="muted small-text">
          {form.enabled
            ? `Every ${formatWeekday(form.dayOfWeek)} at ${formatHour(form.hour)} (${form.timeZone}).`
            : 'You will not receive this project’s weekly report.'}
        </p>
        {save.error && <p className="error" role="alert">{errorMessage(save.error)}</p>}
      </div>
    </form>
  );
}

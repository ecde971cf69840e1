/** Dates and times as text, for the dashboard and the weekly email. */

/** A chart bucket's label: "Nov 20" for days, "Nov 20 14:00" for hours (UTC). */
export function formatBucket(t: number, bucket: 'hour' | 'day'): string {
  const d = new Date(t);
  const day = d.toLocaleDateString('en-US', { month: 'short', day: 'numeric', timeZone: 'UTC' });
  return bucket === 'day' ? day : `${day} ${String(d.getUTCHours()).padStart(2, '0')}:00`;
}

const dateTime = new Intl.DateTimeFormat('en-US', { dateStyle: 'medium', timeStyle: 'short' });
const dateOnly = new Intl.DateTimeFormat('en-US', { dateStyle: 'medium' });

/** A moment in the reader's time zone, e.g. "Nov 20, 2026, 2:05 PM"; "—" for none. */
export function formatDateTime(d: Date | null | undefined): string {
  return d ? dateTime.format(d) : '—';
}

/** A day, e.g. "Nov 20, 2026"; "—" for none. */
export function formatDate(d: Date | null | undefined): string {
  return d ? dateOnly.format(d) : '—';
}

const WEEKDAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];

/** 0 = Sunday … 6 = Saturday. */
export function formatWeekday(day: number): string {
  return WEEKDAYS[day] ?? '—';
}

/** An hour of the day as "09:00". */
export function formatHour(hour: number): string {
  return `${String(hour).padStart(2, '0')}:00`;
}

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

function dayParts(day: string): { y: number; m: string; d: number } {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  return { y, m: MONTHS[m - 1]!, d };
}

/** A report week as days: "Nov 16 – 22, 2026", "Nov 30 – Dec 6, 2026", "Dec 28, 2026 – Jan 3, 2027". */
export function formatWeek(week: { firstDay: string; lastDay: string }): string {
  const a = dayParts(week.firstDay);
  const b = dayParts(week.lastDay);
  if (a.y !== b.y) return `${a.m} ${a.d}, ${a.y} – ${b.m} ${b.d}, ${b.y}`;
  if (a.m !== b.m) return `${a.m} ${a.d} – ${b.m} ${b.d}, ${b.y}`;
  return `${a.m} ${a.d} – ${b.d}, ${b.y}`;
}

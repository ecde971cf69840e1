'use client';
import { usePathname, useRouter, useSearchParams } from 'next/navigation';
import { useMemo } from 'react';
import { rangeOf, RANGE_PRESETS, type RangePreset, type TimeRange } from '@/lib/time-range';

/** The page's time range from `?range=` (default 30 days), and a setter that keeps other params. */
export function useRange(): { preset: RangePreset; range: TimeRange; setPreset: (p: RangePreset) => void } {
  const params = useSearchParams();
  const router = useRouter();
  const pathname = usePathname();
  const raw = params.get('range');
  const preset: RangePreset = (RANGE_PRESETS as readonly string[]).includes(raw ?? '') ? (raw as RangePreset) : '30d';
  // Recomputed only when the preset changes, so queries keep a stable key while the page is open.
  const range = useMemo(() => rangeOf(preset), [preset]);
  return {
    preset,
    range,
    setPreset: (p) => {
      const next = new URLSearchParams(params.toString());
      next.set('range', p);
      router.replace(`${pathname}?${next.toString()}`);
    },
  };
}

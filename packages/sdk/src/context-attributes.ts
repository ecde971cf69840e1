import type { Attributes } from '@opentelemetry/api';
import { ATTR, TAG_PREFIX } from './attributes.js';
import type { TierlensContext } from './tierlens-context.js';

/** Writes a Tierlens context into span attributes (`tierlens.feature`, `tierlens.tag.<key>`, ...); later calls override earlier ones. */
export function applyContext(a: Attributes, c: TierlensContext | undefined): void {
  if (!c) return;
  if (c.feature !== undefined) a[ATTR.feature] = c.feature;
  if (c.environment !== undefined) a[ATTR.environment] = c.environment;
  if (c.endUserId !== undefined) a[ATTR.endUserId] = c.endUserId;
  if (c.queryType !== undefined) a[ATTR.queryTypeHint] = c.queryType;
  if (c.tags) {
    for (const key in c.tags) {
      const value = c.tags[key];
      // Tags come from app code that TypeScript may not have checked: keep only valid attribute values.
      if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') a[TAG_PREFIX + key] = value;
    }
  }
}

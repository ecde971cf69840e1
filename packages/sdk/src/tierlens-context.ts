import { AsyncLocalStorage } from 'node:async_hooks';

/**
 * What the app says about a call, so that Tierlens can group and classify it. Set it per wrapped
 * client (`wrapOpenAI(client, { feature: 'search' })`), per async scope ({@link withTierlens}),
 * or both; the innermost value of each field wins and tags are merged.
 */
export interface TierlensContext {
  /** Product feature making the call, e.g. `search` → `tierlens.feature`. */
  feature?: string;
  /** Deployment environment, e.g. `production` → `tierlens.environment`. */
  environment?: string;
  /** Your end user's id (not their email) → `tierlens.end_user.id`. */
  endUserId?: string;
  /** The query type the app knows the call has, e.g. `coding` → `tierlens.query_type.hint`. */
  queryType?: string;
  /** Free-form tags → `tierlens.tag.<key>`. */
  tags?: Record<string, string | number | boolean>;
}

const storage = new AsyncLocalStorage<TierlensContext>();

/**
 * Runs `fn` with Tierlens context that every wrapped call made inside it (including in awaited
 * callbacks and timers started inside it) records. Nested calls merge with the outer context.
 *
 * @example
 * await withTierlens({ feature: 'search', endUserId: user.id }, () => answer(question));
 */
export function withTierlens<T>(context: TierlensContext, fn: () => T): T {
  const outer = storage.getStore();
  return storage.run(mergeContext(outer, context) ?? context, fn);
}

/** The Tierlens context of the current async scope, if any. */
export function getTierlensContext(): TierlensContext | undefined {
  return storage.getStore();
}

/** Merges two contexts; fields of `inner` win and tags are combined. */
export function mergeContext(outer: TierlensContext | undefined, inner: TierlensContext | undefined): TierlensContext | undefined {
  if (!outer) return inner;
  if (!inner) return outer;
  return {
    feature: inner.feature ?? outer.feature,
    environment: inner.environment ?? outer.environment,
    endUserId: inner.endUserId ?? outer.endUserId,
    queryType: inner.queryType ?? outer.queryType,
    tags: outer.tags && inner.tags ? { ...outer.tags, ...inner.tags } : (inner.tags ?? outer.tags),
  };
}

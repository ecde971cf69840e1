import type { CallMapper } from './call-mapper.js';
import { recordCall, type CallSettings, type ServerInfo } from './record-call.js';
import { getRuntime } from './runtime.js';
import type { TierlensContext } from './tierlens-context.js';
import { registerWrapped, unwrapClient } from './unwrap-client.js';

/** Options of `wrapOpenAI` and `wrapAnthropic`: context every call of this client records, and stream usage. */
export interface WrapOptions extends TierlensContext {
  /**
   * OpenAI chat streams only: when the request has no `stream_options`, ask for a final usage
   * chunk (`stream_options: { include_usage: true }`) and hide that chunk from your code, so the
   * stream you read is unchanged. Default: the `init()` setting (true). Turn off for
   * OpenAI-compatible servers that reject `stream_options`; streamed calls then carry no usage.
   */
  includeStreamUsage?: boolean;
}

/** A method of a client resource to wrap, and the mapper that describes its API. */
export interface WrappedMethod {
  path: readonly string[];
  mapper: CallMapper<any, any, any>;
}

/**
 * Returns a proxy of `client` whose listed methods record a span per call; everything else,
 * including the promises and streams those methods return, is the client's own. Proxies are used
 * instead of patching so that the app's client object is left untouched. The client's own methods
 * are bound to the real client (it keeps `#private` fields a proxy cannot reach); resource methods
 * keep the proxy as `this`, so that helpers such as `messages.stream()` or `chat.completions.parse()`
 * go through the wrapped `create`.
 */
export function wrapClient<T extends object>(client: T, methods: readonly WrappedMethod[], options: WrapOptions): T {
  const target = unwrapClient(client);
  const { includeStreamUsage, ...context } = options;
  const server = serverInfo((target as { baseURL?: unknown }).baseURL);
  // One settings object per wrapped method (it carries the method's path, for routing clients).
  const settingsOf = (path: readonly string[]): CallSettings => ({
    context: Object.keys(context).length ? context : undefined,
    includeStreamUsage,
    server,
    path,
  });
  const byPath = new Map(methods.map((m) => [m.path.join('.'), { mapper: m.mapper, settings: settingsOf(m.path) }]));
  const prefixes = new Set(methods.flatMap((m) => m.path.slice(0, -1).map((_, i) => m.path.slice(0, i + 1).join('.'))));
  const bound = new Map<unknown, unknown>();
  // Resource proxies per path prefix, built on first access and kept, so `wrapped.chat === wrapped.chat`.
  const resources = new Map<string, object>();
  let proxy: T;

  const resourceProxy = (resource: object, key: string): object => {
    const cached = resources.get(key);
    if (cached) return cached;
    // What each property of this resource is, worked out once: a wrapped method's mapper, the
    // path of a resource on the way to one, or null for everything else.
    const routes = new Map<string, { mapper: CallMapper<any, any, any>; settings: CallSettings } | string | null>();
    const wrapped = new Proxy(resource, {
      get(res, prop, receiver) {
        if (prop === '_client') return proxy;
        const value = Reflect.get(res, prop, receiver);
        if (typeof prop !== 'string' || value === null || (typeof value !== 'function' && typeof value !== 'object')) return value;
        let route = routes.get(prop);
        if (route === undefined) {
          const here = `${key}.${prop}`;
          route = isFixed(res, prop) ? null : (byPath.get(here) ?? (prefixes.has(here) ? here : null));
          routes.set(prop, route);
        }
        if (route === null) return value;
        if (typeof route === 'string') return typeof value === 'object' ? resourceProxy(value, route) : value;
        return typeof value === 'function' ? wrapMethod(res, value as (...a: unknown[]) => unknown, route.mapper, route.settings) : value;
      },
    });
    resources.set(key, wrapped);
    return wrapped;
  };

  // Properties a proxy must return unchanged (Proxy invariant), worked out once per property.
  const fixed = new Map<string | symbol, boolean>();
  const isFixedOnClient = (prop: string | symbol): boolean => {
    let f = fixed.get(prop);
    if (f === undefined) fixed.set(prop, (f = isFixed(target, prop)));
    return f;
  };

  proxy = new Proxy(target, {
    get(t, prop) {
      const value = Reflect.get(t, prop, t);
      if (typeof prop === 'string' && value && typeof value === 'object' && prefixes.has(prop) && !isFixedOnClient(prop)) {
        return resourceProxy(value, prop);
      }
      // `constructor` stays the class itself, so `wrapped.constructor === OpenAI`.
      if (typeof value !== 'function' || prop === 'constructor' || isFixedOnClient(prop)) return value;
      if (prop === 'withOptions') {
        return (...args: unknown[]) => wrapClient((value as (...a: unknown[]) => object).apply(t, args), methods, options);
      }
      let fn = bound.get(value);
      if (!fn) {
        fn = (value as (...a: unknown[]) => unknown).bind(t);
        bound.set(value, fn);
      }
      return fn;
    },
  });
  registerWrapped(proxy, target);
  return proxy;
}

const wrappedMethods = new WeakMap<object, Map<unknown, unknown>>();

function wrapMethod(resource: object, original: (...args: unknown[]) => unknown, mapper: CallMapper<any, any, any>, settings: CallSettings): unknown {
  let byFn = wrappedMethods.get(resource);
  if (!byFn) {
    byFn = new Map();
    wrappedMethods.set(resource, byFn);
  }
  const cached = byFn.get(settings);
  if (cached) return cached;
  const wrapped = function (this: unknown, params: unknown, ...rest: unknown[]): unknown {
    const runtime = getRuntime();
    if (!runtime?.enabled || !params || typeof params !== 'object') return original.call(resource, params, ...rest);
    return recordCall(runtime, mapper, settings, params, (p) => original.call(resource, p, ...rest), rest);
  };
  byFn.set(settings, wrapped);
  return wrapped;
}

/** An own property that is neither writable nor configurable: a proxy must return it as it is. */
function isFixed(target: object, prop: string | symbol): boolean {
  const d = Object.getOwnPropertyDescriptor(target, prop);
  return d !== undefined && d.configurable === false && d.writable === false;
}

function serverInfo(baseURL: unknown): ServerInfo | undefined {
  if (typeof baseURL !== 'string') return undefined;
  try {
    const url = new URL(baseURL);
    return { address: url.hostname, port: url.port ? Number(url.port) : url.protocol === 'http:' ? 80 : 443 };
  } catch {
    return undefined;
  }
}

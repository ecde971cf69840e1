/** Wrapped client proxy → the client it wraps. */
const targets = new WeakMap<object, object>();

/** Remembers that `proxy` wraps `target`. */
export function registerWrapped(proxy: object, target: object): void {
  targets.set(proxy, target);
}

/** The client behind a `wrapOpenAI`/`wrapAnthropic` proxy, or `client` itself when it is not one. */
export function unwrapClient<T extends object>(client: T): T {
  return (targets.get(client) as T | undefined) ?? client;
}

import type { PolicySource } from './policy-source.js';
import type { RoutingPolicyRule } from './routing-policy.js';
import type { Classification, Classify } from './tierlens-options.js';

/** The app-level routing mode: `shadow` never changes a call; `enforce` applies rules by their own mode. */
export type RoutingMode = 'shadow' | 'enforce';

/** What a call looks like to the rules. */
export interface RouteSubject {
  provider: string;
  model: string;
  feature: string | undefined;
  /** The app's query type (`withTierlens({ queryType })`, wrapper or `init()` context). */
  queryTypeHint: string | undefined;
  hasTools: boolean;
  /** The prompt's text, for the local classifier; only asked for when a rule names the call's model. */
  promptText: () => string | undefined;
}

/** What to do with a call a rule matched. */
export type RouteDecision =
  /** Record what the rule would use; change nothing. */
  | { kind: 'shadow'; rule: RoutingPolicyRule }
  /** A canary's control call: change nothing, tag it. */
  | { kind: 'control'; rule: RoutingPolicyRule }
  /** Send the call to the rule's model (through `client` when the target is another provider). */
  | { kind: 'route'; rule: RoutingPolicyRule; mode: 'canary' | 'enforce'; client: object | undefined }
  /** The rule would apply but cannot: no client for its provider. */
  | { kind: 'skip'; rule: RoutingPolicyRule; mode: 'canary' | 'enforce'; reason: string };

/** A match, and the classification made for it (reused for the span, so the prompt is classified once). */
export interface RouteMatch {
  /** Undefined when the call was classified but no rule matched it. */
  decision: RouteDecision | undefined;
  classification: Classification | undefined;
}

/**
 * Applies the routing policy to calls. Matching is a map lookup by requested model, then query
 * type, feature and provider on the few rules naming that model, so calls no rule names cost one
 * lookup. The query type is the app's hint, else `agentic` for calls with tools, else the local
 * classifier's answer on the prompt (only when a rule names the model); a call with none of these
 * is never routed.
 */
export class Router {
  constructor(
    readonly mode: RoutingMode,
    readonly source: PolicySource,
    private readonly clients: Readonly<Record<string, object>>,
    private readonly classify: Classify | undefined,
  ) {}

  /** The decision for one call, or undefined when no rule matches. `traceId` is read only for canary rules. */
  route(subject: RouteSubject, traceId: () => string): RouteMatch | undefined {
    const candidates = this.source.current?.byModel.get(subject.model.toLowerCase());
    if (!candidates) return undefined;
    let classification: Classification | undefined;
    let queryType = subject.queryTypeHint ?? (subject.hasTools ? 'agentic' : undefined);
    if (queryType === undefined && this.classify) {
      const text = subject.promptText();
      const result = text ? this.classify(text) : undefined;
      if (result && typeof result.queryType === 'string') {
        classification = result;
        queryType = result.queryType;
      }
    }
    if (queryType === undefined) return undefined;
    const rule = candidates.find(
      (r) =>
        r.when.queryType === queryType &&
        (r.when.feature === null || r.when.feature === subject.feature) &&
        (r.when.provider === null || r.when.provider === subject.provider),
    );
    if (!rule) return classification ? { decision: undefined, classification } : undefined;
    return { decision: this.decide(rule, subject.provider, traceId), classification };
  }

  private decide(rule: RoutingPolicyRule, provider: string, traceId: () => string): RouteDecision {
    if (this.mode === 'shadow' || rule.mode === 'shadow') return { kind: 'shadow', rule };
    const mode = rule.mode;
    if (mode === 'canary' && !inCanary(traceId(), rule.id, rule.canaryShare ?? 0)) return { kind: 'control', rule };
    const target = rule.use.provider;
    if (target === null || target === provider) return { kind: 'route', rule, mode, client: undefined };
    const client = this.clients[target];
    if (!client) return { kind: 'skip', rule, mode, reason: `no_client:${target}` };
    return { kind: 'route', rule, mode, client };
  }
}

/**
 * Whether a call is in a canary's routed share: a hash of its trace id and the rule id, as a
 * fraction of 2^32, below `share`. Deterministic, so every call of one trace (and every process
 * handling it) decides alike; the rule id is hashed in so that two canaries do not pick the same
 * traces.
 */
export function inCanary(traceId: string, ruleId: string, share: number): boolean {
  return fnv1a(`${traceId}\u0000${ruleId}`) / 0x1_0000_0000 < share;
}

/** 32-bit FNV-1a with a final avalanche (MurmurHash3's fmix32), so the high bits are well mixed too. */
function fnv1a(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

import type { DecodedSpan } from '../otlp/decoded-span.ts';
import type { CanonicalCall } from './canonical-call.ts';
import { readBoolean, readString } from './read-attributes.ts';

const MODES = new Set(['shadow', 'canary', 'enforce']);
/** Longest rule id kept (rule ids are UUIDs or analyzer ids; anything longer is not ours). */
const RULE_ID_MAX_CHARS = 500;
const MODEL_MAX_CHARS = 300;

/**
 * What the Tierlens SDK did with a call under a routing rule (`tierlens.routing.*`): the rule id,
 * how it applied, the model the app asked for when the rule rewrote it, and whether the call was
 * a canary's control. Null when no rule matched, or when the attributes do not make sense
 * together (a mode without a rule id); those stay in the raw attributes.
 */
export function readRouting(span: DecodedSpan): CanonicalCall['routing'] {
  const a = span.attributes;
  const ruleId = readString(a, 'tierlens.routing.rule_id');
  const mode = readString(a, 'tierlens.routing.mode');
  if (!ruleId || ruleId.length > RULE_ID_MAX_CHARS || !mode || !MODES.has(mode)) return null;
  const original = readString(a, 'tierlens.routing.original_model');
  const control = readBoolean(a, 'tierlens.routing.control') === true;
  return {
    ruleId,
    mode: mode as 'shadow' | 'canary' | 'enforce',
    // A control call or a shadowed one was not rewritten, whatever else it says.
    originalModel: control || mode === 'shadow' || !original ? null : original.slice(0, MODEL_MAX_CHARS),
    control: mode === 'canary' ? control : null,
  };
}

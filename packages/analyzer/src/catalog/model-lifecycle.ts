import { z } from 'zod';
import { normalizeModel } from '../prices/normalize-model.ts';
import { normalizeProvider } from '../prices/normalize-provider.ts';

/**
 * A maker's announced end of a model: the API ids it covers, when it was announced, when
 * requests start failing, and where that is written.
 */
export const ZModelRetirement = z.object({
  /** Canonical provider id (`openai`, `anthropic`, …), as `normalizeProvider` gives it. */
  provider: z.string().min(1),
  /** API model ids covered, snapshots included; matched after normalization. */
  models: z.array(z.string().min(1)).min(1),
  /** When the maker announced it (the model is deprecated from then), `YYYY-MM-DD`. */
  announced: z.iso.date().nullable(),
  /** When requests to it fail (shutdown, retirement), `YYYY-MM-DD`. */
  retires: z.iso.date(),
  /** The maker's recommended replacement, as it names it. */
  replacement: z.string().nullable(),
  source: z.object({
    url: z.url(),
    title: z.string().min(1),
    /** When the entry was last checked against the source, `YYYY-MM-DD`. */
    checked: z.iso.date(),
    note: z.string().optional(),
  }),
});
export type ModelRetirement = z.infer<typeof ZModelRetirement>;

const OPENAI_DEPRECATIONS = 'https://developers.openai.com/api/docs/deprecations';
const ANTHROPIC_DEPRECATIONS = 'https://platform.claude.com/docs/en/about-claude/model-deprecations';

/**
 * Announced retirements of models the catalog knows, from the makers' own deprecation pages.
 * Organizations add or correct entries through catalog overrides; the list is data, not code,
 * so that a new announcement is one entry.
 */
export const BUILTIN_MODEL_RETIREMENTS: readonly ModelRetirement[] = [
  {
    provider: 'openai',
    models: ['gpt-5', 'gpt-5-2025-08-07', 'gpt-5-mini', 'gpt-5-mini-2025-08-07', 'gpt-5-nano', 'gpt-5-nano-2025-08-07'],
    announced: '2026-06-11',
    retires: '2026-12-11',
    replacement: null,
    source: { url: OPENAI_DEPRECATIONS, title: 'OpenAI API deprecations, upcoming deprecations table', checked: '2026-12-04', note: 'The page names a different replacement per model (GPT-6 family); see it for the current one.' },
  },
  {
    provider: 'openai',
    models: ['o3', 'o3-2025-04-16', 'o3-pro', 'o3-pro-2025-06-10'],
    announced: '2026-06-11',
    retires: '2026-12-11',
    replacement: null,
    source: { url: OPENAI_DEPRECATIONS, title: 'OpenAI API deprecations, "2026-06-11: GPT-5 and o3 model deprecations"', checked: '2026-12-04' },
  },
  {
    provider: 'openai',
    models: ['gpt-4o', 'gpt-4o-2024-08-06', 'gpt-4o-2024-11-20', 'gpt-4o-mini', 'gpt-4o-mini-2024-07-18', 'gpt-4.1', 'gpt-4.1-2025-04-14', 'gpt-4.1-mini', 'gpt-4.1-mini-2025-04-14'],
    announced: '2026-10-14',
    retires: '2027-01-14',
    replacement: 'gpt-6-luna',
    source: { url: OPENAI_DEPRECATIONS, title: 'OpenAI API deprecations, GPT-4o and GPT-4.1 snapshots', checked: '2026-12-04' },
  },
  {
    provider: 'anthropic',
    models: ['claude-opus-4', 'claude-opus-4-0', 'claude-opus-4-20250514', 'claude-sonnet-4', 'claude-sonnet-4-0', 'claude-sonnet-4-20250514'],
    announced: null,
    retires: '2026-06-15',
    replacement: 'claude-sonnet-4-6 / a current Opus',
    source: { url: ANTHROPIC_DEPRECATIONS, title: 'Anthropic model deprecations and release notes (Claude Sonnet 4 and Opus 4 retired)', checked: '2026-12-04' },
  },
];

/** Where a model stands on a date: still active, deprecated with a retirement date, or retired. */
export type ModelLifecycle =
  | { readonly status: 'active' }
  | { readonly status: 'deprecated' | 'retired'; readonly retires: string; readonly daysLeft: number; readonly retirement: ModelRetirement };

const DAY_MS = 86_400_000;

/**
 * Looks a call's model up in the retirement list at a date. Ids match after the same
 * normalization as prices (vendor prefixes, Bedrock and Vertex forms), the exact snapshot first,
 * so `gpt-4o-2024-05-13` is not taken for `gpt-4o`'s later snapshots. Entries later in `list`
 * win over earlier ones for the same id, so an organization's overrides, appended, correct the
 * built-in entries.
 */
export function modelLifecycle(
  provider: string | null,
  model: string,
  at: Date,
  list: readonly ModelRetirement[] = BUILTIN_MODEL_RETIREMENTS,
): ModelLifecycle {
  const p = normalizeProvider(provider);
  const wanted = [normalizeModel(model, p).model, model.trim().toLowerCase()];
  let found: ModelRetirement | null = null;
  for (const id of wanted) {
    for (const entry of list) {
      if (p && normalizeProvider(entry.provider) !== p) continue;
      if (entry.models.some((m) => m.toLowerCase() === id)) found = entry;
    }
    if (found) break;
  }
  if (!found) return { status: 'active' };
  const retiresAt = Date.parse(`${found.retires}T00:00:00Z`);
  const announcedAt = found.announced ? Date.parse(`${found.announced}T00:00:00Z`) : -Infinity;
  if (at.getTime() < announcedAt) return { status: 'active' };
  const daysLeft = Math.ceil((retiresAt - at.getTime()) / DAY_MS);
  return { status: at.getTime() >= retiresAt ? 'retired' : 'deprecated', retires: found.retires, daysLeft, retirement: found };
}

import { z } from 'zod';
import { QUERY_TYPES } from '../query-types/query-type.ts';

/** The query types capability evidence is kept for: every query type but `unknown`. */
export const CAPABILITY_QUERY_TYPES = QUERY_TYPES.filter(
  (type): type is Exclude<(typeof QUERY_TYPES)[number], 'unknown'> => type !== 'unknown',
);

/** Zod schema for a query type that capability evidence can be kept for. */
export const ZCapabilityQueryType = z.enum(CAPABILITY_QUERY_TYPES as [CapabilityQueryType, ...CapabilityQueryType[]]);

/** A query type that capability evidence can be kept for, e.g. `'coding'`. */
export type CapabilityQueryType = Exclude<(typeof QUERY_TYPES)[number], 'unknown'>;

/**
 * Where a model sits in its maker's lineup: `frontier` (the largest, flagship models),
 * `production` (the mid models most applications default to), `budget` (small and cheap
 * API models), `local` (open weights small enough to run on one GPU).
 */
export const ZModelTier = z.enum(['frontier', 'production', 'budget', 'local']);

/** See {@link ZModelTier}. */
export type ModelTier = z.infer<typeof ZModelTier>;

const percent = z.number().min(0).max(100);

/**
 * A benchmark score in percent: a range `{ low, high }` with the headline `point` when
 * there is one. A bare number is read as an exact point (`low = high = point`).
 */
export const ZScoreRange = z.union([
  percent.transform((point) => ({ low: point, high: point, point })),
  z
    .object({ low: percent, high: percent, point: percent.nullish() })
    .refine((s) => s.low <= s.high, 'low must not exceed high')
    .refine((s) => s.point === null || s.point === undefined || (s.low <= s.point && s.point <= s.high), 'point must lie in [low, high]')
    .transform((s) => ({ low: s.low, high: s.high, point: s.point ?? null })),
]);

/** A score range in percent; see {@link ZScoreRange}. */
export type ScoreRange = z.infer<typeof ZScoreRange>;

const dateString = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01]))?$/, 'YYYY-MM or YYYY-MM-DD');

/**
 * Where a piece of evidence comes from, in enough detail for a user to check it: the
 * publisher and document (or the repository, commit and file of a leaderboard's data), the
 * harness the benchmark was run with, the licence the figures are used under, and a short
 * label for the page (e.g. `SWE-bench Verified, bash-only, 2025-12`). Every built-in item has
 * one (a test checks it names a public document, never an internal note); user overrides
 * may leave it out.
 */
export const ZEvidenceCitation = z
  .object({
    /** `leaderboard` or `dataset` (data at a commit), `paper`, `model_card`, `system_card`, `announcement`, or `project_eval` (measured on the project's own traffic). */
    kind: z.enum(['leaderboard', 'dataset', 'paper', 'model_card', 'system_card', 'announcement', 'project_eval']),
    /** Who published it, e.g. `LMArena`, `Anthropic`, `DeepSeek-AI`. */
    publisher: z.string().trim().min(1),
    /** The document or leaderboard view, e.g. `Arena text leaderboard, creative writing (style control)`. */
    title: z.string().trim().min(1),
    /** A public URL of the document or leaderboard. */
    url: z.string().url().nullish().transform((v) => v ?? null),
    /** For data files: `owner/name` of the public repository, the full commit and the file. */
    repository: z.string().regex(/^[\w.-]+\/[\w.-]+$/).nullish().transform((v) => v ?? null),
    commit: z.string().regex(/^[0-9a-f]{40}$/).nullish().transform((v) => v ?? null),
    path: z.string().trim().min(1).nullish().transform((v) => v ?? null),
    /** How the benchmark was run: agent, judge, prompts, sampling, reasoning effort. */
    harness: z.string().trim().min(1),
    /** The licence of the data, or how the figures are used when the document has none. */
    licence: z.string().trim().min(1),
    /** Short label for the page: benchmark, setup, `YYYY-MM`. */
    short: z.string().trim().min(1),
  })
  .refine(
    (c) => c.kind === 'project_eval' || c.url !== null || (c.repository !== null && c.commit !== null),
    'a public citation needs a URL or a repository at a commit',
  );

/** See {@link ZEvidenceCitation}. */
export type EvidenceCitation = z.infer<typeof ZEvidenceCitation>;

/**
 * A result measured on the project's own traffic (a replay evaluation): the candidate
 * judged against the current model on the same prompts. It becomes evidence on a benchmark of
 * its own (see `projectEvidence`), never mixed with public scores.
 */
export const ZProjectEvalResult = z.object({
  /** The model the calls are on now, and the one the evaluation replayed them on. */
  currentModel: z.string().trim().min(1),
  candidateModel: z.string().trim().min(1),
  /** Candidate wins, ties and losses against the current model (pairwise judge or exact match). */
  wins: z.number().int().nonnegative(),
  ties: z.number().int().nonnegative(),
  losses: z.number().int().nonnegative(),
  /** Candidate minus current score, in points, with its 95% confidence interval. */
  scoreDiff: z
    .object({ low: z.number(), point: z.number(), high: z.number() })
    .refine((d) => d.low <= d.point && d.point <= d.high, 'low ≤ point ≤ high'),
  /** Cost per task of each model from the replay's real usage, USD as decimal strings. */
  costPerTaskUsd: z.object({ current: z.string().regex(/^\d+(\.\d+)?$/), candidate: z.string().regex(/^\d+(\.\d+)?$/) }),
  /** How the pairs were judged, e.g. `pairwise judge gpt-5, both orders, ties allowed` or `exact match`. */
  method: z.string().trim().min(1),
  date: dateString,
});

/** See {@link ZProjectEvalResult}. */
export type ProjectEvalResult = z.infer<typeof ZProjectEvalResult>;

/**
 * One piece of capability evidence: a benchmark result with its source and date. Scores
 * from noisy sources are ranges (e.g. a 95% interval over the benchmark's items).
 */
export const ZCapabilityEvidence = z.object({
  /** Benchmark and setup, e.g. `SWE-bench Verified (bash-only, mini-swe-agent)`, `GPQA Diamond`. */
  benchmark: z.string().trim().min(1),
  score: ZScoreRange,
  /** Number of benchmark items behind the score, when known. */
  sampleSize: z.number().int().positive().nullish().transform((v) => v ?? null),
  /** How the range was obtained, e.g. `Wilson 95% interval, n=500`. */
  method: z.string().nullish().transform((v) => v ?? null),
  /** URL or citation, in one line (the full citation as text). */
  source: z.string().trim().min(1),
  /** When the result was measured or published: `YYYY-MM` or `YYYY-MM-DD`. */
  date: dateString,
  note: z.string().nullish().transform((v) => v ?? null),
  /** The source in detail; every built-in item has one. */
  citation: ZEvidenceCitation.nullish(),
  /** For evidence measured on the project's own traffic: the evaluation's result. */
  projectResult: ZProjectEvalResult.nullish(),
});

/** See {@link ZCapabilityEvidence}. */
export type CapabilityEvidence = z.infer<typeof ZCapabilityEvidence>;

/** Evidence per query type, most comparable benchmark first. */
export const ZEvidenceByQueryType = z.partialRecord(ZCapabilityQueryType, z.array(ZCapabilityEvidence));

/**
 * A model in the catalog. `id` is the canonical name (the maker's API id without a date),
 * `aliases` other names it arrives under; lookups also normalize provider prefixes, dates,
 * Bedrock and Vertex forms (see `lookupModel`).
 */
export const ZCatalogEntry = z.object({
  id: z.string().trim().min(1),
  name: z.string().trim().min(1),
  aliases: z.array(z.string().trim().min(1)).default([]),
  /** The model's maker, as a canonical provider id (see `normalizeProvider`). */
  provider: z.string().trim().min(1),
  tier: ZModelTier,
  openWeights: z.boolean().default(false),
  evidence: ZEvidenceByQueryType.default({}),
  note: z.string().nullish().transform((v) => v ?? null),
});

/** A catalog entry as stored (defaults applied). */
export type CatalogEntry = z.infer<typeof ZCatalogEntry>;

/** A catalog entry as written by hand or by a user (defaults optional). */
export type CatalogEntryInput = z.input<typeof ZCatalogEntry>;

/**
 * A user's change to the catalog. With the `id` (or an alias) of a built-in entry, the
 * fields given replace the built-in ones, except `aliases`, which are added, and
 * `evidence`, which replaces the built-in evidence of only the query types it lists (an
 * empty list removes it). With a new `id`, it adds a model and needs `provider` and `tier`.
 */
export const ZCatalogOverride = z.object({
  id: z.string().trim().min(1),
  name: z.string().trim().min(1).optional(),
  aliases: z.array(z.string().trim().min(1)).optional(),
  provider: z.string().trim().min(1).optional(),
  tier: ZModelTier.optional(),
  openWeights: z.boolean().optional(),
  evidence: ZEvidenceByQueryType.optional(),
  note: z.string().nullish(),
});

/** See {@link ZCatalogOverride}. */
export type CatalogOverride = z.input<typeof ZCatalogOverride>;

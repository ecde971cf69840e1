import type { Finding } from '@tierlens/analyzer';

/** One source behind a finding, short for the card and in full when expanded. */
export interface FindingSource {
  /** E.g. `SWE-bench Verified, bash-only, 2025-12`. */
  readonly short: string;
  /** The whole citation in one line. */
  readonly full: string;
  /** A link to the document or to the data at its commit, when there is one. */
  readonly href: string | null;
  readonly note: string | null;
}

/**
 * The distinct sources of a finding's two scores, in order. Built-in evidence carries a
 * citation with a short label; user evidence without one is shown by its source and date.
 */
export function findingSources(finding: Finding): FindingSource[] {
  const seen = new Set<string>();
  const out: FindingSource[] = [];
  for (const source of [...finding.quality.current.sources, ...finding.quality.recommended.sources]) {
    const citation = source.citation;
    const short = citation?.short ?? (source.date ? `${source.source}, ${source.date}` : source.source);
    if (seen.has(short)) continue;
    seen.add(short);
    const href =
      citation?.repository && citation.commit
        ? `https://github.com/${citation.repository}/blob/${citation.commit}/${citation.path ?? ''}`
        : (citation?.url ?? null);
    out.push({ short, full: source.source, href, note: source.note });
  }
  return out;
}

import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

// Prices and the catalog are pure: no I/O, no clock, no randomness, no remote price updates.
const FORBIDDEN: [RegExp, string][] = [
  [/from ['"](node:)?(fs|fs\/promises|http|https|net|child_process|path|os)['"]/, 'a Node I/O module'],
  [/\bfetch\(/, 'fetch'],
  [/Date\.now\(|new Date\(\s*\)/, 'a clock read'],
  [/Math\.random\(/, 'randomness'],
  [/\b(updatePrices|waitForUpdate)\b/, 'remote price updates'],
  [/\bprocess\.(env|argv)/, 'process state'],
];

const root = fileURLToPath(new URL('..', import.meta.url));
const sources = ['prices', 'catalog'].flatMap((dir) =>
  readdirSync(join(root, dir))
    .filter((name) => name.endsWith('.ts') && !name.endsWith('.test.ts'))
    .map((name) => join(dir, name)),
);

describe('prices and catalog purity', () => {
  it.each(sources)('%s does no I/O and reads no clock', (file) => {
    const text = readFileSync(join(root, file), 'utf8');
    for (const [pattern, what] of FORBIDDEN) expect(pattern.test(text), `${file} uses ${what}`).toBe(false);
  });
});

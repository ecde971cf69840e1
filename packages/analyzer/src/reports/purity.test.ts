import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

// Reports (the dashboard's figures and the weekly email's) are pure: rows in, figures out.
const FORBIDDEN: [RegExp, string][] = [
  [/from ['"](node:)?(fs|fs\/promises|http|https|net|child_process|path|os|crypto)['"]/, 'a Node I/O module'],
  [/\bfetch\(/, 'fetch'],
  [/Date\.now\(|new Date\(\s*\)/, 'a clock read'],
  [/Math\.random\(/, 'randomness'],
  [/\bprocess\.(env|argv)/, 'process state'],
  [/from ['"]@tierlens\/(db|reports)['"]/, 'database access'],
];

const folder = fileURLToPath(new URL('.', import.meta.url));
const sources = readdirSync(folder).filter((name) => name.endsWith('.ts') && !name.endsWith('.test.ts'));

describe('reports purity', () => {
  it.each(sources)('%s does no I/O and reads no clock', (file) => {
    const text = readFileSync(join(folder, file), 'utf8');
    for (const [pattern, what] of FORBIDDEN) expect(pattern.test(text), `${file} uses ${what}`).toBe(false);
  });
});

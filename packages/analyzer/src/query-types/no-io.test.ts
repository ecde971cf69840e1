import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const folder = fileURLToPath(new URL('.', import.meta.url));
const sourceFiles = (dir: string): string[] =>
  readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(path);
    return entry.name.endsWith('.ts') && !entry.name.endsWith('.test.ts') ? [path] : [];
  });

// The analyzer is pure: the classifier must run in an SDK or at ingest without I/O or a clock.
describe('query-types layering', () => {
  it.each(sourceFiles(folder).map((path) => [path.slice(folder.length), path]))('%s does no I/O', (_, path) => {
    const source = readFileSync(path, 'utf8');
    expect(source).not.toMatch(/from ['"](node:)?(fs|fs\/promises|path|http|https|net|child_process|os|url|crypto)['"]/);
    expect(source).not.toMatch(/\b(fetch|require)\(|Date\.now|new Date\(|performance\.now|Math\.random|process\./);
  });
});

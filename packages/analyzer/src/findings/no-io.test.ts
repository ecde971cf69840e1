import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('..', import.meta.url));
const sourceFiles = (dir: string): string[] =>
  readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(path);
    return entry.name.endsWith('.ts') && !entry.name.endsWith('.test.ts') ? [path] : [];
  });

// Findings and rules are pure: the app hands in rollups, periods and dates; nothing is read here.
describe('findings and rules layering', () => {
  const files = ['findings', 'rules'].flatMap((dir) => sourceFiles(join(root, dir)));
  it.each(files.map((path) => [path.slice(root.length), path]))('%s does no I/O and reads no clock', (_, path) => {
    const source = readFileSync(path, 'utf8');
    expect(source).not.toMatch(/from ['"](node:)?(fs|fs\/promises|path|http|https|net|child_process|os|url|crypto)['"]/);
    expect(source).not.toMatch(/from ['"](@prisma|@tierlens\/db|next|react)/);
    expect(source).not.toMatch(/\b(fetch|require)\(|Date\.now|new Date\(\s*\)|performance\.now|Math\.random|process\./);
  });
});

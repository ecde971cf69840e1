import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

// The analyzer is pure: the app hands in rows, dates and options. Its imports (no Node I/O, no
// database, no framework) are checked by dependency-cruiser (test/layering.test.ts); this checks,
// on the TypeScript syntax tree, what imports cannot show: no clock, no randomness, no process
// state, no network, no remote price updates.

const SRC = fileURLToPath(new URL('.', import.meta.url));
const sourceFiles = (dir: string): string[] =>
  readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(path);
    return /\.tsx?$/.test(entry.name) && !/\.test\.tsx?$/.test(entry.name) ? [path] : [];
  });

/** What a file does that a pure module must not, as `line: what`. */
function impurities(fileName: string, text: string): string[] {
  const file = ts.createSourceFile(fileName, text, ts.ScriptTarget.Latest, true);
  // The query-type classifier takes no dates at all: it runs in an SDK or at ingest.
  const noDates = /(^|\/)query-types\//.test(fileName.replaceAll('\\', '/'));
  const found: string[] = [];
  const at = (node: ts.Node, what: string) => found.push(`${file.getLineAndCharacterOfPosition(node.getStart()).line + 1}: ${what}`);
  const visit = (node: ts.Node): void => {
    if (ts.isPropertyAccessExpression(node) && ts.isIdentifier(node.expression)) {
      const name = `${node.expression.text}.${node.name.text}`;
      if (name === 'Date.now' || name === 'performance.now') at(node, `a clock read (${name})`);
      if (name === 'Math.random') at(node, 'randomness (Math.random)');
    }
    const isMemberName = node.parent !== undefined && ts.isPropertyAccessExpression(node.parent) && node.parent.name === node;
    if (ts.isIdentifier(node) && node.text === 'process' && !isMemberName) at(node, 'process state');
    if (ts.isNewExpression(node) && ts.isIdentifier(node.expression) && node.expression.text === 'Date') {
      if (noDates) at(node, 'a Date');
      else if (!node.arguments || node.arguments.length === 0) at(node, 'a clock read (new Date())');
    }
    if (ts.isCallExpression(node) && ts.isIdentifier(node.expression)) {
      if (['fetch', 'require'].includes(node.expression.text)) at(node, `${node.expression.text}()`);
      if (node.expression.text === 'Date') at(node, 'a clock read (Date())');
    }
    if (ts.isIdentifier(node) && ['updatePrices', 'waitForUpdate'].includes(node.text)) at(node, `remote price updates (${node.text})`);
    ts.forEachChild(node, visit);
  };
  visit(file);
  return [...new Set(found)];
}

describe('analyzer purity', () => {
  it.each(sourceFiles(SRC).map((path) => [relative(SRC, path), path]))('%s reads no clock, randomness, process state or network', (_, path) => {
    expect(impurities(path, readFileSync(path, 'utf8'))).toEqual([]);
  });

  it('finds each kind of impurity in a deliberately impure file', () => {
    const impure = [
      'export const a = Date.now();',
      'export const b = new Date();',
      'export const c = Math.random();',
      'export const d = process.env.X;',
      "export const e = fetch('https://example.com');",
      'export const f = performance.now();',
      'export const g = new Date(0);',
      'export const h = updatePrices;',
    ].join('\n');
    expect(impurities('findings/impure.ts', impure)).toEqual([
      '1: a clock read (Date.now)',
      '2: a clock read (new Date())',
      '3: randomness (Math.random)',
      '4: process state',
      '5: fetch()',
      '6: a clock read (performance.now)',
      '8: remote price updates (updatePrices)',
    ]);
    expect(impurities('query-types/impure.ts', 'export const g = new Date(0);')).toEqual(['1: a Date']);
  });
});

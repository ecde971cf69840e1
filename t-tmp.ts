import { classifyPrompt } from './packages/analyzer/src/query-types/classify-prompt.ts';
import { readEvalPrompts } from './bench/classifier/cross-source.ts';
for (const r of readEvalPrompts()) {
  const p = classifyPrompt(r.prompt, { threshold: 0 });
  if (p.queryType !== r.label && (r.lang === 'en' || process.argv[2] === 'all')) console.log(`${r.lang} ${r.label} → ${p.queryType} ${p.confidence.toFixed(2)} | ${r.prompt.slice(0, 110).replace(/\n/g, ' ')}`);
}

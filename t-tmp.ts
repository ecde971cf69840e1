import { classifyPrompt } from './packages/analyzer/src/query-types/classify-prompt.ts';
import { decodeQueryTypeModel } from './packages/analyzer/src/query-types/query-type-model.ts';
import { scoreQueryTypes } from './packages/analyzer/src/query-types/score-query-types.ts';
import { SHIPPED_QUERY_TYPE_MODEL } from './packages/analyzer/src/query-types/shipped-query-type-model.ts';
const m = decodeQueryTypeModel(SHIPPED_QUERY_TYPE_MODEL);
for (const t of process.argv.slice(2)) {
  const p = scoreQueryTypes(m, t);
  console.log(t.slice(0, 50), [...p].map((x, i) => `${m.classes[i]!.slice(0, 5)} ${x.toFixed(2)}`).join(' '));
}

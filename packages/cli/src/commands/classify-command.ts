import { createInterface } from 'node:readline';
import type { Readable } from 'node:stream';
import { classifyRecord } from '@tierlens/analyzer';

/**
 * `tierlens classify`: reads JSONL `{"id","prompt"}` and writes JSONL
 * `{"id","queryType","confidence"}`, one line per input line, in order. A line that is not such
 * an object gets `{"id", "error"}` and the run goes on.
 */
export async function classifyCommand(input: Readable, out: (line: string) => void): Promise<number> {
  let failures = 0;
  let lineNo = 0;
  for await (const line of createInterface({ input, crlfDelay: Infinity })) {
    lineNo++;
    if (!line.trim()) continue;
    let record: unknown;
    try {
      record = JSON.parse(line);
    } catch {
      failures++;
      out(JSON.stringify({ id: null, error: `line ${lineNo}: not JSON` }));
      continue;
    }
    const r = record as { id?: unknown; prompt?: unknown };
    if (typeof r !== 'object' || r === null || typeof r.prompt !== 'string') {
      failures++;
      out(JSON.stringify({ id: r?.id ?? null, error: `line ${lineNo}: expected {"id", "prompt": string}` }));
      continue;
    }
    out(JSON.stringify(classifyRecord({ id: r.id as string | number, prompt: r.prompt })));
  }
  return failures ? 1 : 0;
}

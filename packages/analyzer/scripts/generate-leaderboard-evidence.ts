/**
 * Generates `src/catalog/leaderboard-evidence.generated.ts` from public leaderboard data
 * committed in public repositories, read at a fixed commit from local git clones:
 *
 *   npx tsx packages/analyzer/scripts/generate-leaderboard-evidence.ts \
 *     --arena-catalog <git dir of lmarena/arena-catalog> \
 *     --livebench <git dir of LiveBench/livebench.github.io> \
 *     --arena-hard <git dir of lmarena/arena-hard-auto> \
 *     --wmt25 <git dir of wmt-conference/wmt25-general-mt>
 *
 * Only figures are taken (scores and their published confidence bounds), never code. Each
 * row names the leaderboard's own entry, and the catalog id it is filed under; the entries
 * chosen and why are in ENTRIES below. Run once when a source moves to a new commit, and
 * commit this script's output.
 */
import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

type QueryType = 'coding' | 'math' | 'expert_qa' | 'summarization' | 'extraction' | 'creative_writing' | 'general_chat' | 'agentic' | 'translation';

interface Source {
  readonly key: string;
  readonly repository: string;
  readonly commit: string;
  readonly path: string;
  readonly date: string;
}

const ARENA: Source = {
  key: 'lmarenaText',
  repository: 'lmarena/arena-catalog',
  commit: 'c9558b60647217fafa878cb7ee14f8f43c355594',
  path: 'data/leaderboard-text-style-control.json',
  date: '2025-12-17',
};
const LIVEBENCH_CURRENT: Source = {
  key: 'liveBench20260108',
  repository: 'LiveBench/livebench.github.io',
  commit: '4bf96c8d9dc9b06c17d82dc76a54429975c2b2c2',
  path: 'public/table_2026_01_08.csv',
  date: '2026-01-08',
};
const LIVEBENCH_APRIL_2025: Source = { ...LIVEBENCH_CURRENT, key: 'liveBench20250425', path: 'public/table_2025_04_25.csv', date: '2025-04-25' };
const ARENA_HARD: Source = {
  key: 'arenaHardV2',
  repository: 'lmarena/arena-hard-auto',
  commit: '196f6b826783b3da7310e361a805fa36f0be83f3',
  path: 'README.md',
  date: '2025-06-18',
};

const WMT25: Source = {
  key: 'wmt25',
  repository: 'wmt-conference/wmt25-general-mt',
  commit: 'ebae87369fc8931d7f1c6faf8192e8f04a480d1f',
  path: 'preliminary_ranking/latex_source/generated_report.tex',
  date: '2025-08-24',
};
/** WMT25 metrics used (0–100 after scaling), each its own benchmark. */
const WMT25_METRICS: readonly { column: string; label: string; scale: number; note: string }[] = [
  { column: 'GEMBA-ESA-CMDA', label: 'GEMBA-ESA (Command A judge)', scale: 1, note: 'reference-less LLM judge, 0–100 per ~100-word segment' },
  { column: 'XCOMET-XL', label: 'XCOMET-XL', scale: 100, note: 'learned metric (0–1, shown ×100)' },
];
/** Catalog id → WMT25 system. "Claude-4" is left out: the task does not say which Claude 4 model it is. */
const WMT25_ENTRIES: Record<string, string> = {
  'gpt-4.1': 'GPT-4.1',
  'gemini-2.5-pro': 'Gemini-2.5-Pro',
  'deepseek-v3': 'DeepSeek-V3',
  'llama-4-maverick': 'Llama-4-Maverick',
};

/** The Arena rating every category's ratings are turned into a win rate against. */
const ARENA_ANCHOR = 'gpt-4o-2024-08-06';

/** Arena categories used, the query type each is evidence for, and a note on the fit. */
const ARENA_CATEGORIES: readonly { category: string; label: string; queryType: QueryType; note?: string }[] = [
  { category: 'full', label: 'overall', queryType: 'general_chat' },
  { category: 'multiturn', label: 'multi-turn', queryType: 'general_chat' },
  { category: 'creative_writing', label: 'creative writing', queryType: 'creative_writing' },
  { category: 'coding', label: 'coding', queryType: 'coding' },
  { category: 'math', label: 'math', queryType: 'math' },
  { category: 'expert', label: 'expert', queryType: 'expert_qa' },
  {
    category: 'long_user',
    label: 'longer query',
    queryType: 'summarization',
    note: 'prompts over 500 tokens, which often paste a document; a proxy, not a summarization benchmark',
  },
  {
    category: 'if',
    label: 'instruction following',
    queryType: 'extraction',
    note: 'prompts with explicit format and content constraints; a proxy for extraction, not an extraction benchmark',
  },
];

/** Catalog id → the leaderboard entry filed under it (one per source), with why. */
const ARENA_ENTRIES: Record<string, string> = {
  'claude-opus-4-5': 'claude-opus-4-5-20251101',
  'claude-sonnet-4-5': 'claude-sonnet-4-5-20250929',
  'claude-haiku-4-5': 'claude-haiku-4-5-20251001',
  'claude-opus-4': 'claude-opus-4-20250514',
  'claude-sonnet-4': 'claude-sonnet-4-20250514',
  'claude-3-7-sonnet': 'claude-3-7-sonnet-20250219',
  'claude-3-5-haiku': 'claude-3-5-haiku-20241022',
  'gpt-5.1': 'gpt-5.1',
  'gpt-5': 'gpt-5-high',
  'gpt-5-mini': 'gpt-5-mini-high',
  'gpt-5-nano': 'gpt-5-nano-high',
  o3: 'o3-2025-04-16',
  'o4-mini': 'o4-mini-2025-04-16',
  o1: 'o1-2024-12-17',
  'o1-mini': 'o1-mini',
  'gpt-4.1': 'gpt-4.1-2025-04-14',
  'gpt-4.1-mini': 'gpt-4.1-mini-2025-04-14',
  'gpt-4.1-nano': 'gpt-4.1-nano-2025-04-14',
  'gpt-4o': 'gpt-4o-2024-08-06',
  'gpt-4o-mini': 'gpt-4o-mini-2024-07-18',
  'gpt-4-1106-preview': 'gpt-4-1106-preview',
  'gpt-oss-120b': 'gpt-oss-120b',
  'gpt-oss-20b': 'gpt-oss-20b',
  'gemini-3-pro-preview': 'gemini-3-pro',
  'gemini-2.5-pro': 'gemini-2.5-pro',
  'gemini-2.5-flash': 'gemini-2.5-flash',
  'gemini-2.0-flash': 'gemini-2.0-flash-001',
  'deepseek-r1': 'deepseek-r1',
  'deepseek-v3': 'deepseek-v3',
  'deepseek-v3.2': 'deepseek-v3.2',
  'mixtral-8x7b-instruct': 'mixtral-8x7b-instruct-v0.1',
  'minimax-m2': 'minimax-m2',
  'glm-4.6': 'glm-4.6',
  'glm-4.5': 'glm-4.5',
  'kimi-k2-instruct': 'kimi-k2-0711-preview',
  'qwen3-coder-480b-a35b-instruct': 'qwen3-coder-480b-a35b-instruct',
  'llama-4-maverick': 'llama-4-maverick-17b-128e-instruct',
};
const ARENA_NOTES: Record<string, string> = {
  'gpt-5': 'Arena entry gpt-5-high (high reasoning effort; the API default is medium)',
  'gpt-5-mini': 'Arena entry gpt-5-mini-high (high reasoning effort; the API default is medium)',
  'gpt-5-nano': 'Arena entry gpt-5-nano-high (high reasoning effort; the API default is medium)',
};

/** LiveBench: the categories and tasks used, the query type, and a note on the fit. */
const LIVEBENCH_GROUPS: readonly { label: string; tasks: readonly string[]; queryType: QueryType; note?: string }[] = [
  { label: 'coding', tasks: ['code_generation', 'code_completion'], queryType: 'coding' },
  { label: 'agentic coding', tasks: ['javascript', 'typescript', 'python'], queryType: 'agentic' },
  { label: 'mathematics', tasks: ['AMPS_Hard', 'math_comp', 'olympiad'], queryType: 'math' },
  {
    label: 'IF summarize task',
    tasks: ['summarize'],
    queryType: 'summarization',
    note: 'summaries of recent news articles scored on the instructions’ constraints (IFEval-style), not on summary quality',
  },
  {
    label: 'data analysis table tasks',
    tasks: ['tablereformat', 'tablejoin'],
    queryType: 'extraction',
    note: 'reformatting a table between formats and mapping the columns of two tables, scored exactly; structured-data work, not document extraction',
  },
  {
    label: 'IF story generation task',
    tasks: ['story_generation'],
    queryType: 'creative_writing',
    note: 'stories from a news article scored on the instructions’ constraints, not on literary quality',
  },
];
const LIVEBENCH_CURRENT_ENTRIES: Record<string, string> = {
  'claude-opus-4-6': 'claude-opus-4-6-thinking-auto-high-effort',
  'claude-sonnet-4-6': 'claude-sonnet-4-6-thinking-auto-high-effort',
  'claude-opus-4-5': 'claude-opus-4-5-20251101-high-effort',
  'claude-sonnet-4-5': 'claude-sonnet-4-5-20250929',
  'claude-haiku-4-5': 'claude-haiku-4-5-20251001',
  'claude-sonnet-4': 'claude-4-sonnet-20250514-base',
  'gpt-5.1': 'gpt-5.1-2025-11-13-nothinking',
  'gpt-5.1-codex': 'gpt-5.1-codex',
  'gpt-5-mini': 'gpt-5-mini',
  'gpt-5-nano': 'gpt-5-nano',
  'gemini-3-pro-preview': 'gemini-3-pro-preview-11-2025-high',
  'gemini-2.5-pro': 'gemini-2.5-pro-06-05-highthinking',
  'gemini-2.5-flash': 'gemini-2.5-flash-06-05-highthinking',
  'gemini-2.5-flash-lite': 'gemini-2.5-flash-lite-highthinking',
  'deepseek-v3.2': 'deepseek-v3.2',
  'glm-4.6': 'glm-4.6',
  'kimi-k2-instruct': 'kimi-k2-instruct',
  'gpt-oss-120b': 'gpt-oss-120b',
  'devstral-2512': 'devstral-2512',
};
const LIVEBENCH_APRIL_ENTRIES: Record<string, string> = {
  'gpt-4o': 'gpt-4o-2024-11-20',
  'gpt-4o-mini': 'gpt-4o-mini-2024-07-18',
  'gpt-4.1': 'gpt-4.1-2025-04-14',
  'gpt-4.1-mini': 'gpt-4.1-mini-2025-04-14',
  'gpt-4.1-nano': 'gpt-4.1-nano-2025-04-14',
  o3: 'o3-2025-04-16-medium',
  'o4-mini': 'o4-mini-2025-04-16-medium',
  'claude-3-7-sonnet': 'claude-3-7-sonnet-20250219-base',
  'claude-3-5-haiku': 'claude-3-5-haiku-20241022',
  'deepseek-r1': 'deepseek-r1',
  'deepseek-v3': 'deepseek-v3-0324',
};
const LIVEBENCH_NOTES: Record<string, string> = {
  'claude-opus-4-6': 'LiveBench entry with adaptive thinking, high effort',
  'claude-sonnet-4-6': 'LiveBench entry with adaptive thinking, high effort',
  'gpt-5.1': 'LiveBench entry without reasoning (the API default for gpt-5.1)',
  'gemini-2.5-flash': 'LiveBench entry gemini-2.5-flash 06-05 with a high thinking budget',
  'gpt-4o': 'snapshot gpt-4o-2024-11-20',
  'deepseek-v3': 'DeepSeek-V3-0324',
};

/** Arena-Hard-Auto v2.0 tables in the README: heading, query type, prompts, baseline. */
const ARENA_HARD_TABLES: readonly { heading: string; label: string; queryType: QueryType; n: number; baseline: string }[] = [
  { heading: 'Hard Prompt, Style Control, and Gemini-2.5 as Judge', label: 'hard prompts, style control, Gemini 2.5 judge', queryType: 'general_chat', n: 500, baseline: 'o3-mini-2025-01-31' },
  { heading: 'Creative Writing, Ensemble GPT-4.1 and Gemini 2.5 as Judges', label: 'creative writing, GPT-4.1 + Gemini 2.5 judges', queryType: 'creative_writing', n: 250, baseline: 'gemini-2.0-flash-001' },
];
const ARENA_HARD_ENTRIES: Record<string, string> = {
  o3: 'o3-2025-04-16',
  'o4-mini': 'o4-mini-2025-04-16',
  'gemini-2.5-pro': 'gemini-2.5',
  'gemini-2.5-flash': 'gemini-2.5-flash',
  'deepseek-r1': 'deepseek-r1',
  o1: 'o1-2024-12-17',
  'gpt-4.1': 'gpt-4.1',
  'gpt-4.1-mini': 'gpt-4.1-mini',
  'gpt-4.1-nano': 'gpt-4.1-nano',
  'gemini-2.0-flash': 'gemini-2.0-flash-001',
  'llama-4-maverick': 'llama4-maverick-instruct-basic',
};

interface Row {
  id: string;
  queryType: QueryType;
  evidence: {
    benchmark: string;
    score: { low: number; high: number; point: number };
    sampleSize: number | null;
    method: string;
    date: string;
    note: string | null;
    citation: string; // the key of a citation in the generated module
  };
}

interface Citation {
  kind: 'leaderboard';
  publisher: string;
  title: string;
  url: string;
  repository: string;
  commit: string;
  path: string;
  harness: string;
  licence: string;
  short: string;
}

function arg(name: string): string {
  const index = process.argv.indexOf(`--${name}`);
  const value = index >= 0 ? process.argv[index + 1] : undefined;
  if (!value) throw new Error(`missing --${name} <git dir>`);
  return value;
}

function gitShow(gitDir: string, source: Source): string {
  return execFileSync('git', ['--git-dir', gitDir, 'show', `${source.commit}:${source.path}`], { encoding: 'utf8', maxBuffer: 64 << 20 });
}

const round1 = (value: number) => Math.round(value * 10) / 10;
const month = (date: string) => date.slice(0, 7);
const citations = new Map<string, Citation>();
const rows: Row[] = [];

function add(key: string, citation: Citation, row: Omit<Row, 'evidence'> & { evidence: Omit<Row['evidence'], 'citation'> }) {
  citations.set(key, citation);
  rows.push({ ...row, evidence: { ...row.evidence, citation: key } });
}

function arena(gitDir: string) {
  const data = JSON.parse(gitShow(gitDir, ARENA)) as Record<string, Record<string, { rating: number; rating_q025: number; rating_q975: number }>>;
  for (const { category, label, queryType, note } of ARENA_CATEGORIES) {
    const ratings = data[category];
    if (!ratings) throw new Error(`Arena category ${category} missing`);
    const anchor = ratings[ARENA_ANCHOR];
    if (!anchor) throw new Error(`Arena anchor ${ARENA_ANCHOR} missing in ${category}`);
    const winRate = (rating: number) => round1(100 / (1 + 10 ** ((anchor.rating - rating) / 400)));
    const key = `arena_${category}`;
    const citation: Citation = {
      kind: 'leaderboard',
      publisher: 'LMArena',
      title: `Text Arena leaderboard, ${label} category (style control)`,
      url: 'https://lmarena.ai/leaderboard/text',
      repository: ARENA.repository,
      commit: ARENA.commit,
      path: ARENA.path,
      harness: 'pairwise human votes on user-written prompts, Bradley–Terry ratings with style control, 95% bootstrap bounds',
      licence: 'no licence file in the repository; ratings cited with attribution',
      short: `LMArena ${label}, ${month(ARENA.date)}`,
    };
    for (const [id, entry] of Object.entries(ARENA_ENTRIES)) {
      const r = ratings[entry];
      if (!r) continue;
      const extra = [ARENA_NOTES[id], note].filter(Boolean).join('; ');
      add(key, citation, {
        id,
        queryType,
        evidence: {
          benchmark: `LMArena text, ${label} (style control): win rate vs GPT-4o (2024-08-06)`,
          score: { low: winRate(r.rating_q025), high: winRate(r.rating_q975), point: winRate(r.rating) },
          sampleSize: null,
          method: `expected win rate against ${ARENA_ANCHOR} from the rating ${round1(r.rating)} [${round1(r.rating_q025)}, ${round1(r.rating_q975)}] (anchor ${round1(anchor.rating)}); the range is the leaderboard's own 95% bounds; vote counts are not in the data file`,
          date: ARENA.date,
          note: `Arena entry ${entry}${extra ? `; ${extra}` : ''}`,
        },
      });
    }
  }
}

function parseCsv(text: string): Map<string, Record<string, number>> {
  const [header, ...lines] = text.trim().split('\n');
  const columns = header!.split(',');
  const table = new Map<string, Record<string, number>>();
  for (const line of lines) {
    const cells = line.split(',');
    const record: Record<string, number> = {};
    columns.slice(1).forEach((column, i) => {
      const value = cells[i + 1];
      if (value !== undefined && value !== '') record[column] = Number(value);
    });
    table.set(cells[0]!, record);
  }
  return table;
}

function livebench(gitDir: string, source: Source, entries: Record<string, string>) {
  const table = parseCsv(gitShow(gitDir, source));
  for (const { label, tasks, queryType, note } of LIVEBENCH_GROUPS) {
    const key = `livebench_${source.date.replaceAll('-', '')}_${label.replaceAll(/\W+/g, '_')}`;
    const citation: Citation = {
      kind: 'leaderboard',
      publisher: 'LiveBench',
      title: `LiveBench ${source.date} release, ${label} (${tasks.join(', ')})`,
      url: 'https://livebench.ai/',
      repository: source.repository,
      commit: source.commit,
      path: source.path,
      harness: 'LiveBench’s own harness: fresh questions with verifiable answers, scored automatically without an LLM judge',
      licence: 'no licence file in the repository; scores cited with attribution',
      short: `LiveBench ${label}, ${month(source.date)}`,
    };
    for (const [id, entry] of Object.entries(entries)) {
      const record = table.get(entry);
      if (!record) throw new Error(`LiveBench ${source.date}: no entry ${entry}`);
      const scores = tasks.map((task) => record[task]);
      if (scores.some((s) => s === undefined || Number.isNaN(s))) continue;
      const point = round1(scores.reduce((a, b) => a! + b!, 0)! / scores.length);
      const extra = [LIVEBENCH_NOTES[id], note].filter(Boolean).join('; ');
      add(key, citation, {
        id,
        queryType,
        evidence: {
          benchmark: `LiveBench ${source.date}, ${label}`,
          score: { low: point, high: point, point },
          sampleSize: null,
          method: `mean of the task scores (${tasks.join(', ')}); LiveBench publishes no interval and the question count per task is not in the table`,
          date: source.date,
          note: `LiveBench entry ${entry}${extra ? `; ${extra}` : ''}`,
        },
      });
    }
  }
}

function arenaHard(gitDir: string) {
  const readme = gitShow(gitDir, ARENA_HARD);
  for (const { heading, label, queryType, n, baseline } of ARENA_HARD_TABLES) {
    const start = readme.indexOf(heading);
    if (start < 0) throw new Error(`Arena-Hard table "${heading}" missing`);
    const block = readme.slice(start, readme.indexOf('```', readme.indexOf('```', start) + 3));
    const scores = new Map<string, { point: number; minus: number; plus: number }>();
    for (const line of block.split('\n')) {
      const match = /^\s*\d+\s+(\S+)\s+([\d.]+)\s+\(-([\d.]+) \/ \+([\d.]+)\)/.exec(line);
      if (match) scores.set(match[1]!, { point: Number(match[2]), minus: Number(match[3]), plus: Number(match[4]) });
    }
    const key = `arenaHard_${queryType}`;
    const citation: Citation = {
      kind: 'leaderboard',
      publisher: 'LMArena (Arena-Hard-Auto)',
      title: `Arena-Hard-Auto v2.0-Preview leaderboard, ${label}`,
      url: 'https://github.com/lmarena/arena-hard-auto/',
      repository: ARENA_HARD.repository,
      commit: ARENA_HARD.commit,
      path: ARENA_HARD.path,
      harness: `${n} prompts from Chatbot Arena, LLM judge(s) pairwise against ${baseline}, style control; 95% bootstrap bounds`,
      licence: 'Apache-2.0',
      short: `Arena-Hard v2 ${queryType === 'creative_writing' ? 'creative writing' : 'hard prompts'}, ${month(ARENA_HARD.date)}`,
    };
    for (const [id, entry] of Object.entries(ARENA_HARD_ENTRIES)) {
      const s = scores.get(entry);
      if (!s) continue;
      add(key, citation, {
        id,
        queryType,
        evidence: {
          benchmark: `Arena-Hard-Auto v2.0, ${label}: win rate vs ${baseline}`,
          score: { low: round1(s.point - s.minus), high: round1(s.point + s.plus), point: s.point },
          sampleSize: n,
          method: `win rate against ${baseline} judged pairwise; the range is the leaderboard's own 95% bounds`,
          date: ARENA_HARD.date,
          note: `Arena-Hard entry ${entry}${entry === baseline ? ' (the baseline itself)' : ''}`,
        },
      });
    }
  }
}

function wmt25(gitDir: string) {
  const tex = gitShow(gitDir, WMT25);
  // Per language pair: header columns, then one row per system (`\official ` marks the organisers' baselines).
  const perMetric = new Map<string, Map<string, number[]>>(WMT25_METRICS.map((m) => [m.column, new Map()]));
  const pairs: string[] = [];
  for (const table of tex.split('\\begin{table*}').slice(1)) {
    const pair = /\\textbf\{([^}]+)\}/.exec(table)?.[1];
    const header = /System Name &([^\n]+)\\\\/.exec(table)?.[1]?.split('&').map((c) => c.replace(/\$[^$]*\$/g, '').trim());
    if (!pair || !header) continue;
    const rows = new Map<string, number[]>();
    for (const line of table.split('\n')) {
      const cells = line.replace(/\\\\\s*$/, '').split('&').map((c) => c.trim());
      const name = cells[0]?.replace(/^\\official\s+/, '');
      if (!name || !Object.values(WMT25_ENTRIES).includes(name) || cells.length !== header.length + 1) continue;
      rows.set(name, cells.slice(1).map((c) => Number(c.replace(/\\cellcolor\{[^}]*\}/, ''))));
    }
    // Only pairs every mapped system translated, so the means are over the same test sets.
    if (Object.values(WMT25_ENTRIES).some((name) => !rows.has(name))) continue;
    let used = false;
    for (const metric of WMT25_METRICS) {
      const column = header.indexOf(metric.column);
      if (column < 0) continue;
      used = true;
      for (const [name, values] of rows) {
        const list = perMetric.get(metric.column)!.get(name) ?? [];
        list.push(values[column]! * metric.scale);
        perMetric.get(metric.column)!.set(name, list);
      }
    }
    if (used) pairs.push(pair);
  }
  for (const metric of WMT25_METRICS) {
    const key = `wmt25_${metric.column.replaceAll(/\W+/g, '_')}`;
    const scores = perMetric.get(metric.column)!;
    const n = scores.get('GPT-4.1')?.length ?? 0;
    if (n === 0) throw new Error(`WMT25: no language pair with ${metric.column} for every system`);
    const citation: Citation = {
      kind: 'leaderboard',
      publisher: 'WMT25 General MT',
      title: `WMT25 General Machine Translation preliminary ranking, ${metric.label}`,
      url: 'https://github.com/wmt-conference/wmt25-general-mt/',
      repository: WMT25.repository,
      commit: WMT25.commit,
      path: WMT25.path,
      harness: 'zero-shot document translation with the task’s own instructions, scored per segment by automatic metrics; preliminary (human evaluation supersedes it)',
      licence: 'no licence file in the repository; system-level scores cited with attribution',
      short: `WMT25 ${metric.label}, ${month(WMT25.date)}`,
    };
    for (const [id, name] of Object.entries(WMT25_ENTRIES)) {
      const values = scores.get(name)!;
      const point = round1(values.reduce((a, b) => a + b, 0) / values.length);
      add(key, citation, {
        id,
        queryType: 'translation',
        evidence: {
          benchmark: `WMT25 general MT (preliminary), ${metric.label}, mean over ${n} language pairs`,
          score: { low: point, high: point, point },
          sampleSize: null,
          method: `mean of the system-level scores over the ${n} language pairs all four systems translated (${metric.note}); no interval is published and segment counts are not in the table`,
          date: WMT25.date,
          note: `WMT25 system ${name}; language pairs: ${pairs.join(', ')}`,
        },
      });
    }
  }
}

arena(arg('arena-catalog'));
wmt25(arg('wmt25'));
livebench(arg('livebench'), LIVEBENCH_CURRENT, LIVEBENCH_CURRENT_ENTRIES);
livebench(arg('livebench'), LIVEBENCH_APRIL_2025, LIVEBENCH_APRIL_ENTRIES);
arenaHard(arg('arena-hard'));

const out = `// Generated by packages/analyzer/scripts/generate-leaderboard-evidence.ts from public leaderboard
// data at the commits named in each citation. Do not edit by hand: change the script and rerun it.
import type { CapabilityQueryType, EvidenceCitation } from './catalog-types.ts';

/** The leaderboards the rows below come from, by key. */
export const LEADERBOARD_CITATIONS = ${JSON.stringify(Object.fromEntries(citations), null, 2)} as const satisfies Record<string, EvidenceCitation>;

/** One leaderboard score, filed under a catalog id and query type. */
export interface LeaderboardRow {
  readonly id: string;
  readonly queryType: CapabilityQueryType;
  readonly evidence: {
    readonly benchmark: string;
    readonly score: { readonly low: number; readonly high: number; readonly point: number };
    readonly sampleSize: number | null;
    readonly method: string;
    readonly date: string;
    readonly note: string | null;
    readonly citation: keyof typeof LEADERBOARD_CITATIONS;
  };
}

/** Every imported score (${rows.length} rows). */
export const LEADERBOARD_ROWS: readonly LeaderboardRow[] = ${`[\n${rows.map((row) => `  ${JSON.stringify(row)},`).join('\n')}\n]`};
`;
const target = fileURLToPath(new URL('../src/catalog/leaderboard-evidence.generated.ts', import.meta.url));
writeFileSync(target, out);
console.log(`wrote ${rows.length} rows from ${citations.size} leaderboard views to ${target}`);

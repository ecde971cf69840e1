import { formatUsd, parseUsd } from '@tierlens/analyzer';
import {
  addEvaluationSpend,
  claimReplayEvaluations,
  failAbandonedEvaluations,
  finishReplayEvaluation,
  loadReplayEvaluation,
  loadPriceOverrides,
  loadReplayEvaluationItems,
  recordItemResult,
  releaseReplayEvaluation,
  renewEvaluationLease,
  type ClaimedEvaluation,
  type Db,
} from '@tierlens/db';
import { callModel, UnpricedModelError, type ModelAnswer, type ProviderAccess, type ReplayPrompt } from './call-model.ts';
import { combineOrders, exactMatchOutcome, judgePrompt, parseVerdict } from './judge-pair.ts';
import { openProviderCredential } from './provider-access.ts';
import { scoreEvaluation, type ItemOutcome, type ScoredItem } from './score-evaluation.ts';
import type { CredentialsKey } from './secret-box.ts';

export interface ReplayRunnerOptions {
  db: Db;
  /** Decrypts the projects' provider credentials. */
  credentialsKey: CredentialsKey;
  /** How long a claim is held before another process may take it over (default 5 minutes); renewed before every item. */
  leaseMs?: number;
  /** Attempts per evaluation before it is marked failed (default 5). */
  maxAttempts?: number;
  /** Wait after a failed attempt, doubled after each (default 30 s). */
  backoffMs?: number;
  /** Evaluations claimed per tick (default 2); they run one after another. */
  batchSize?: number;
  /** Only these projects' evaluations (default all): for tests sharing a database. */
  projectIds?: readonly string[] | null;
  /** Output tokens allowed per answer (default 1024). */
  maxTokens?: number;
  /**
   * Stops the tick after this many items without releasing the claim, as a process that dies
   * mid-run would: how tests show another process taking the run over and resuming it.
   */
  crashAfterItems?: number;
  log?: (line: string) => void;
}

export interface RunnerTickResult {
  claimed: number;
  itemsDone: number;
  completed: number;
  capped: number;
  failed: number;
  retrying: number;
}

export interface ReplayRunner {
  /** One pass at `now`: claim due evaluations and run their pending items. Safe in any number of processes. */
  tick(now?: Date): Promise<RunnerTickResult>;
  /** Ticks every `intervalMs` (default 15 s) on an unref'ed timer. */
  start(intervalMs?: number): void;
  /** Stops ticking and waits for a running tick. */
  stop(): Promise<void>;
}

/** Raised inside a run when the claim is gone (cancelled, or taken over after the lease ran out). */
class ClaimLost extends Error {}

/**
 * The replay evaluation runner. Each evaluation is claimed in Postgres with a lease and a fencing
 * counter (as the weekly report deliveries are); each item's outcome and cost is recorded with the
 * evaluation's spend in one transaction, so a run that stops anywhere resumes from the first
 * pending item with nothing paid twice except the item in flight. Before each item the spend
 * cap is checked against the spend so far plus the dearest item yet, so a run stops before the
 * item that would cross the cap. A cancelled evaluation stops before its next item.
 * Provider keys are decrypted per run and never logged; errors are logged by message only.
 */
export function createReplayRunner(options: ReplayRunnerOptions): ReplayRunner {
  const o = { leaseMs: 5 * 60_000, maxAttempts: 5, backoffMs: 30_000, batchSize: 2, maxTokens: 1024, log: (l: string) => console.error(`[evals] ${l}`), ...options };

  async function run(claim: ClaimedEvaluation, tickNow: Date, result: RunnerTickResult, clock: () => Date): Promise<void> {
    const ev = await loadReplayEvaluation(o.db, claim.id);
    if (!ev) return;
    const items = await loadReplayEvaluationItems(o.db, claim.id);
    const done: ScoredItem[] = [];
    let dearest = 0n;
    for (const item of items) {
      if (item.status !== 'done' || !item.outcome) continue;
      const s = { outcome: item.outcome as ItemOutcome, currentCostUsd: item.currentCostUsd!.toFixed(), candidateCostUsd: item.candidateCostUsd!.toFixed() };
      done.push(s);
      const total = parseUsd(s.currentCostUsd) + parseUsd(s.candidateCostUsd) + parseUsd(item.judgeCostUsd?.toFixed() ?? '0');
      if (total > dearest) dearest = total;
    }
    const method =
      ev.method === 'exact_match'
        ? 'exact match against references'
        : `pairwise judge ${ev.judgeModel}, both orders, ties allowed, ${ev.queryType} rubric`;
    const summary = () =>
      done.length === 0 ? null : scoreEvaluation(done, { currentModel: ev.currentModel, candidateModel: ev.candidateModel, method, date: clock().toISOString().slice(0, 10) });
    const fail = async (error: string) => {
      await finishReplayEvaluation(o.db, claim, { status: 'failed', result: summary(), error, now: clock() });
      o.log(`evaluation ${claim.id}: failed (${error})`);
      result.failed++;
    };

    const open = async (id: string | null, role: string): Promise<ProviderAccess | null> => {
      if (!id) return null;
      const access = await openProviderCredential(o.db, o.credentialsKey, ev.projectId, id);
      if (!access) throw new Error(`the ${role} model's provider credential was removed`);
      return access;
    };
    let current: ProviderAccess | null, candidate: ProviderAccess | null, judge: ProviderAccess | null;
    try {
      current = await open(ev.currentCredentialId, 'current');
      candidate = await open(ev.candidateCredentialId, 'candidate');
      judge = ev.method === 'pairwise' ? await open(ev.judgeCredentialId, 'judge') : null;
      if (!current || !candidate || (ev.method === 'pairwise' && (!judge || !ev.judgeModel))) throw new Error('a provider credential or the judge model is missing');
    } catch (err) {
      return fail(errorText(err));
    }

    // Replays are priced as the project's calls are: its and its organization's overrides first.
    const project = await o.db.project.findUnique({ where: { id: ev.projectId }, select: { id: true, organizationId: true } });
    const overrides = project ? await loadPriceOverrides(o.db, project) : [];
    let spent = parseUsd(ev.spentUsd.toFixed());
    const cap = parseUsd(ev.spendCapUsd.toFixed());
    let ranThisTick = 0;
    const call = (access: ProviderAccess, model: string, prompt: ReplayPrompt) =>
      callModel(access, model, prompt, { maxTokens: o.maxTokens, overrides, projectId: ev.projectId, now: clock() });

    for (const item of items) {
      if (item.status !== 'pending') continue;
      if (o.crashAfterItems !== undefined && ranThisTick >= o.crashAfterItems) return;
      if (spent >= cap || (dearest > 0n && spent + dearest > cap)) {
        await finishReplayEvaluation(o.db, claim, { status: 'capped', result: summary(), error: `stopped at the spend cap: ${formatUsd(spent)} of ${formatUsd(cap)} USD spent`, now: clock() });
        o.log(`evaluation ${claim.id}: stopped at the spend cap after ${done.length} items`);
        result.capped++;
        return;
      }
      if (!(await renewEvaluationLease(o.db, claim, new Date(clock().getTime() + o.leaseMs)))) {
        o.log(`evaluation ${claim.id}: cancelled or taken over; stopping`);
        return;
      }
      const prompt = item.prompt as unknown as ReplayPrompt;
      let paid = 0n;
      const pay = (a: ModelAnswer) => {
        paid += parseUsd(a.costUsd);
        return a;
      };
      try {
        const [cur, cand] = await Promise.all([call(current, ev.currentModel, prompt).then(pay), call(candidate, ev.candidateModel, prompt).then(pay)]);
        let outcome: ItemOutcome;
        let judgeCost = 0n;
        if (ev.method === 'exact_match') {
          outcome = exactMatchOutcome(item.reference ?? '', cur.text, cand.text);
        } else {
          const [first, second] = await Promise.all([
            call(judge!, ev.judgeModel!, judgePrompt(ev.queryType, prompt, cand.text, cur.text)).then(pay),
            call(judge!, ev.judgeModel!, judgePrompt(ev.queryType, prompt, cur.text, cand.text)).then(pay),
          ]);
          judgeCost = parseUsd(first.costUsd) + parseUsd(second.costUsd);
          outcome = combineOrders(parseVerdict(first.text), parseVerdict(second.text));
        }
        const recorded = await recordItemResult(o.db, claim, {
          itemId: item.id,
          outcome,
          currentOutput: cur.text,
          candidateOutput: cand.text,
          currentCostUsd: cur.costUsd,
          candidateCostUsd: cand.costUsd,
          judgeCostUsd: formatUsd(judgeCost),
          totalCostUsd: formatUsd(paid),
          now: clock(),
        });
        if (!recorded) throw new ClaimLost();
        spent += paid;
        if (paid > dearest) dearest = paid;
        done.push({ outcome, currentCostUsd: cur.costUsd, candidateCostUsd: cand.costUsd });
        ranThisTick++;
        result.itemsDone++;
      } catch (err) {
        if (err instanceof ClaimLost) {
          o.log(`evaluation ${claim.id}: cancelled or taken over; stopping`);
          return;
        }
        // Whatever was answered before the error was paid for: count it against the cap.
        if (paid > 0n) await addEvaluationSpend(o.db, claim, formatUsd(paid));
        if (err instanceof UnpricedModelError || isPermanent(err)) return fail(errorText(err));
        const retryAt = new Date(clock().getTime() + o.backoffMs * 2 ** (claim.attempts - 1));
        await releaseReplayEvaluation(o.db, claim, { error: errorText(err), retryAt });
        o.log(`evaluation ${claim.id}: attempt ${claim.attempts} stopped at item ${item.position} (${errorText(err)}); will resume`);
        result.retrying++;
        return;
      }
    }
    const final = summary();
    if (!final) return fail('no items to evaluate');
    if (await finishReplayEvaluation(o.db, claim, { status: 'completed', result: final, error: null, now: clock() })) {
      o.log(`evaluation ${claim.id}: completed (${final.wins} won, ${final.ties} tied, ${final.losses} lost)`);
      result.completed++;
    }
  }

  async function tick(now: Date = new Date()): Promise<RunnerTickResult> {
    const started = Date.now();
    const clock = () => new Date(now.getTime() + (Date.now() - started));
    const result: RunnerTickResult = { claimed: 0, itemsDone: 0, completed: 0, capped: 0, failed: 0, retrying: 0 };
    result.failed += await failAbandonedEvaluations(o.db, { now, maxAttempts: o.maxAttempts });
    const claims = await claimReplayEvaluations(o.db, { now, leaseMs: o.leaseMs, maxAttempts: o.maxAttempts, limit: o.batchSize, projectIds: o.projectIds ?? null });
    result.claimed = claims.length;
    for (const claim of claims) {
      if (claim.tookOver) o.log(`evaluation ${claim.id}: the previous claim's lease ran out; resuming (attempt ${claim.attempts})`);
      await run(claim, now, result, clock);
    }
    return result;
  }

  let timer: NodeJS.Timeout | null = null;
  let running: Promise<unknown> | null = null;
  const runOnce = () => {
    if (running) return;
    running = tick()
      .catch((err) => o.log(`tick failed: ${errorText(err)}`))
      .finally(() => {
        running = null;
      });
  };
  return {
    tick,
    start(intervalMs = 15_000) {
      if (timer) return;
      timer = setInterval(runOnce, intervalMs);
      timer.unref();
      setTimeout(runOnce, Math.min(intervalMs, 2_000)).unref();
    },
    async stop() {
      if (timer) clearInterval(timer);
      timer = null;
      await running;
    },
  };
}

/** Client errors other than rate limits and timeouts will not go away by retrying (bad key, unknown model). */
function isPermanent(err: unknown): boolean {
  const status = (err as { status?: unknown })?.status;
  return typeof status === 'number' && status >= 400 && status < 500 && status !== 408 && status !== 409 && status !== 429;
}

/** An error's message, with anything shaped like a provider key masked (SDK messages may quote request data). */
function errorText(err: unknown): string {
  const text = err instanceof Error ? err.message : String(err);
  return text.replace(/\b(sk|sk-ant|key)[-_][A-Za-z0-9_-]{6,}/g, '[key]').slice(0, 1000);
}

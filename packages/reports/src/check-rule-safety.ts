import type { Db } from '@tierlens/db';
import { loadRuleOutcomes, type RuleOutcomeRow } from './load-rule-outcomes.ts';
import type { Mailer } from './mailer.ts';

export interface CheckRuleSafetyDeps {
  db: Db;
  mailer: Mailer;
  /** Base URL of the dashboard, for the link in the email. */
  dashboardUrl: string;
  log?: (line: string) => void;
}

export interface PausedRule {
  ruleId: string;
  projectId: string;
  reason: string;
  emailedTo: string[];
}

/** How far back the check looks: recent enough to react, long enough for the minimum number of calls. */
export const SAFETY_WINDOW_MS = 24 * 60 * 60 * 1000;

/**
 * The safety check for rules that change calls (canary and enforce): a rule whose routed calls
 * are clearly worse than its control (or shadowed) calls over the last {@link SAFETY_WINDOW_MS}
 * (`ruleOutcome`'s verdict: error rate, truncation rate or latency beyond the finding's own
 * margin, with enough calls on each side) goes back to `off` with the reason, so the policy
 * endpoint stops serving it at once, and the organization's owners get an email saying why.
 * The pause is a conditional update, so two processes running the check pause and mail once.
 */
export async function checkRuleSafety(
  deps: CheckRuleSafetyDeps,
  now: Date = new Date(),
  /** Check only these projects (default: every project). */
  projectIds?: readonly string[],
): Promise<PausedRule[]> {
  const { db } = deps;
  const active = await db.routingRule.findMany({
    where: { mode: { in: ['canary', 'enforce'] }, enabled: true, pausedAt: null, ...(projectIds ? { projectId: { in: [...projectIds] } } : {}) },
    select: { id: true, projectId: true },
  });
  const byProject = new Map<string, string[]>();
  for (const r of active) byProject.set(r.projectId, [...(byProject.get(r.projectId) ?? []), r.id]);
  const paused: PausedRule[] = [];
  for (const [projectId, ruleIds] of byProject) {
    const outcomes = await loadRuleOutcomes(db, projectId, { from: new Date(now.getTime() - SAFETY_WINDOW_MS), to: now }, ruleIds);
    for (const row of outcomes) {
      if (row.outcome.verdict !== 'worse') continue;
      const reason = pauseReason(row);
      const { count } = await db.routingRule.updateMany({
        where: { id: row.ruleId, mode: { in: ['canary', 'enforce'] }, pausedAt: null },
        data: { mode: 'off', canaryShare: null, pausedAt: now, pauseReason: reason },
      });
      if (count === 0) continue;
      deps.log?.(`rule ${row.ruleId} paused: ${reason}`);
      const emailedTo = await emailOwners(deps, projectId, row.ruleId, reason);
      paused.push({ ruleId: row.ruleId, projectId, reason, emailedTo });
    }
  }
  return paused;
}

function pauseReason(row: RuleOutcomeRow): string {
  const o = row.outcome;
  const side = o.baseline === 'control' ? `${o.calls.control} control` : `${o.calls.shadow} shadowed`;
  return `Paused automatically: ${o.reasons.join('; ')} (${o.calls.routed} routed vs ${side} calls in the last 24 hours).`;
}

async function emailOwners(deps: CheckRuleSafetyDeps, projectId: string, ruleId: string, reason: string): Promise<string[]> {
  const project = await deps.db.project.findUnique({
    where: { id: projectId },
    select: { name: true, organization: { select: { members: { where: { role: 'owner' }, select: { user: { select: { email: true } } } } } } },
  });
  const rule = await deps.db.routingRule.findUnique({ where: { id: ruleId }, select: { queryType: true, feature: true, fromModel: true, toModel: true } });
  if (!project || !rule) return [];
  const link = `${deps.dashboardUrl.replace(/\/+$/, '')}/p/${projectId}/rules`;
  const what = `${rule.queryType}${rule.feature ? ` · ${rule.feature}` : ''}: ${rule.fromModel} → ${rule.toModel}`;
  const subject = `Tierlens paused a routing rule in ${project.name}`;
  const text = `The rule "${what}" was sending calls to a model that did clearly worse than the calls it replaced, so Tierlens stopped applying it.\n\n${reason}\n\nYour apps go back to ${rule.fromModel} at their next policy refresh. Review the rule: ${link}\n`;
  const html = `<p>The rule <strong>${escapeHtml(what)}</strong> was sending calls to a model that did clearly worse than the calls it replaced, so Tierlens stopped applying it.</p><p>${escapeHtml(reason)}</p><p>Your apps go back to ${escapeHtml(rule.fromModel)} at their next policy refresh. <a href="${escapeHtml(link)}">Review the rule</a>.</p>`;
  const sent: string[] = [];
  const members = project.organization.members;
  for (const [i, { user }] of members.entries()) {
    try {
      await deps.mailer.send({ to: user.email, subject, text, html, outboxName: `rule-paused-${ruleId}-${i}` });
      sent.push(user.email);
    } catch (err) {
      deps.log?.(`could not email ${user.email} about paused rule ${ruleId}: ${(err as Error).message}`);
    }
  }
  return sent;
}

function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}

/** Runs {@link checkRuleSafety} every `intervalMs` (default 5 minutes) on an unref'ed timer. */
export function createRuleSafetyMonitor(deps: CheckRuleSafetyDeps, intervalMs = 5 * 60 * 1000) {
  let timer: ReturnType<typeof setInterval> | undefined;
  let running: Promise<unknown> | undefined;
  const tick = () => {
    running ??= checkRuleSafety(deps)
      .catch((err: unknown) => deps.log?.(`rule safety check failed: ${(err as Error).message}`))
      .finally(() => (running = undefined));
    return running;
  };
  return {
    tick,
    start() {
      timer ??= setInterval(() => void tick(), intervalMs);
      timer.unref();
    },
    async stop() {
      if (timer) clearInterval(timer);
      timer = undefined;
      await running;
    },
  };
}

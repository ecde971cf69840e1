import { type Db } from '@tierlens/db';
import { repriceStoredCalls } from '@tierlens/db/advice';
import type { ParsedArgs } from '../parse-args.ts';
import { UsageError } from './project-commands.ts';

/**
 * `tierlens reprice --project <id> --from <date> [--model <m> [--provider <p>]] [--json]`: prices
 * a project's stored calls again with today's price data and overrides, and moves the rollups
 * with them. For a large history, or to catch calls the ingest priced in the seconds after an
 * override changed (the dashboard re-prices when an override is saved).
 */
export async function repriceCommand(db: Db, args: ParsedArgs, out: (s: string) => void): Promise<number> {
  const projectId = args.flags.get('project');
  const fromText = args.flags.get('from');
  const model = args.flags.get('model');
  const provider = args.flags.get('provider');
  const usage = 'Usage: tierlens reprice --project <id> --from <YYYY-MM-DD> [--model <model> [--provider <provider>]] [--json]';
  if (typeof projectId !== 'string' || typeof fromText !== 'string') throw new UsageError(usage);
  const from = new Date(fromText);
  if (Number.isNaN(from.getTime())) throw new UsageError(`--from must be a date, e.g. 2026-11-01 (got "${fromText}").\n${usage}`);
  if (model === true || provider === true || (provider && !model)) throw new UsageError(usage);
  const project = await db.project.findUnique({ where: { id: projectId }, select: { id: true, organizationId: true } }).catch(() => null);
  if (!project) throw new UsageError(`No project ${projectId}.`);
  const summary = await repriceStoredCalls(db, {
    projectId,
    organizationId: project.organizationId,
    from,
    changed: typeof model === 'string' ? { model, provider: typeof provider === 'string' ? provider : null } : undefined,
  });
  if (args.flags.has('json')) out(JSON.stringify(summary));
  else out(`Priced ${summary.calls} stored calls again; ${summary.changed} changed, spend moved by ${summary.deltaUsd} USD.`);
  return 0;
}

import { createApiKey, createProject, revokeApiKey, type Db } from '@tierlens/db';
import type { ParsedArgs } from '../parse-args.ts';

/** `tierlens project create <name> [--org <id>] [--json]`: a project with its first API key. */
export async function projectCreate(db: Db, args: ParsedArgs, out: (s: string) => void): Promise<number> {
  const name = args.positional[0];
  if (!name) throw new UsageError('project create needs a name: tierlens project create <name> [--org <id>] [--json]');
  let organizationId = typeof args.flags.get('org') === 'string' ? (args.flags.get('org') as string) : undefined;
  if (!organizationId) {
    const orgs = await db.organization.findMany({ select: { id: true }, orderBy: { createdAt: 'asc' }, take: 2 });
    if (orgs.length === 0) throw new UsageError('No organization exists yet: run `npm start` once, or pass --org <id>.');
    if (orgs.length > 1) throw new UsageError('Several organizations exist: pass --org <id>.');
    organizationId = orgs[0]!.id;
  }
  const project = await createProject(db, { organizationId, name });
  const key = await createApiKey(db, { projectId: project.id, name: 'cli' });
  if (args.flags.has('json')) out(JSON.stringify({ projectId: project.id, name: project.name, organizationId, apiKey: key.secret, apiKeyId: key.id }));
  else out(`Project "${project.name}" created.\n  id:      ${project.id}\n  API key: ${key.secret}   (shown once; store it now)`);
  return 0;
}

/** `tierlens key create --project <id> [--json]` and `tierlens key revoke <key id> --project <id>`. */
export async function keyCommand(db: Db, args: ParsedArgs, out: (s: string) => void): Promise<number> {
  const [verb, id] = args.positional;
  const projectId = args.flags.get('project');
  if (typeof projectId !== 'string') throw new UsageError(`key ${verb ?? ''} needs --project <project id>`);
  if (verb === 'create') {
    const key = await createApiKey(db, { projectId, name: 'cli' });
    if (args.flags.has('json')) out(JSON.stringify({ projectId, apiKeyId: key.id, apiKey: key.secret }));
    else out(`API key for project ${projectId}: ${key.secret}   (shown once; store it now)`);
    return 0;
  }
  if (verb === 'revoke' && id) {
    if (!(await revokeApiKey(db, { projectId, apiKeyId: id }))) throw new UsageError(`No active key ${id} in project ${projectId}.`);
    out(`Revoked key ${id}.`);
    return 0;
  }
  throw new UsageError('Usage: tierlens key create --project <id> [--json] | tierlens key revoke <key id> --project <id>');
}

/** A mistake in how the command was called: printed without a stack trace, exit code 2. */
export class UsageError extends Error {}

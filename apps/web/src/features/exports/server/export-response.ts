import type { Db } from '@tierlens/db';
import type { z } from 'zod';
import { getMyProject } from '@/features/projects/server';
import { csvResponse } from '@/lib/csv';
import { getSessionUser } from '@/server/auth';

/**
 * The shared front of the CSV downloads: a signed-in member of the project (any role), query
 * parameters checked with zod (400 naming the problem), then the stream.
 */
export async function exportResponse<T extends z.ZodType>(
  db: Db,
  req: Request,
  projectId: string,
  schema: T,
  readParams: (search: URLSearchParams) => unknown,
  stream: (input: z.infer<T>) => AsyncIterable<string>,
  filename: string,
): Promise<Response> {
  const user = await getSessionUser(req.headers);
  if (!user) return Response.json({ error: 'Sign in first.' }, { status: 401 });
  const project = await getMyProject(db, user.id, projectId);
  if (!project) return Response.json({ error: 'No such project.' }, { status: 404 });
  const parsed = schema.safeParse(readParams(new URL(req.url).searchParams));
  if (!parsed.success) {
    return Response.json({ error: parsed.error.issues.map((i) => `${i.path.join('.') || 'query'}: ${i.message}`).join('; ') }, { status: 400 });
  }
  return csvResponse(stream(parsed.data), filename);
}

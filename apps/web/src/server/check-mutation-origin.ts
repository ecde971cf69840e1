/** Methods that only read; everything else changes state and must come from the dashboard's own pages. */
const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * Refuses a state-changing request whose `Origin` is not one of the dashboard's trusted origins,
 * with a 403, and returns null for the requests that may go on. A page on another site can make a
 * signed-in browser send a POST with its cookie (SameSite=Lax stops only some of those, and a
 * sibling subdomain is "same site"); the browser always names the page's origin, so that is what
 * is checked. A request without `Origin` is refused too: every browser sends it on a POST from
 * `fetch`, so only a non-browser client omits it, and those use API keys, not the session cookie.
 */
export function checkMutationOrigin(req: Request, trustedOrigins: readonly string[]): Response | null {
  if (SAFE_METHODS.has(req.method.toUpperCase())) return null;
  const origin = req.headers.get('origin');
  if (origin && origin !== 'null' && trustedOrigins.includes(origin)) return null;
  return Response.json(
    { error: { message: origin ? `Requests from ${origin} are not accepted; open the dashboard at its own address.` : 'A state-changing request needs an Origin header.', code: 'FORBIDDEN' } },
    { status: 403, headers: { 'Cache-Control': 'no-store' } },
  );
}

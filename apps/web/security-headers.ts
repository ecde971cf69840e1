/**
 * Response headers on every page and API route of the dashboard (next.config.ts `headers()`).
 *
 * The CSP keeps `'unsafe-inline'` for scripts: Next.js streams each page's data as inline
 * `<script>` tags, and the alternative, a per-request nonce, would force every page to render
 * dynamically. What it does forbid is what matters here: being framed (clickjacking), loading
 * scripts, styles or connections from any other origin, plugins, `<base>` hijacking and form
 * posts elsewhere. `next dev` also needs `eval` (React's dev tools) and its HMR websocket.
 */
export function securityHeaders(dev: boolean): { key: string; value: string }[] {
  const csp = [
    "default-src 'self'",
    `script-src 'self' 'unsafe-inline'${dev ? " 'unsafe-eval'" : ''}`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self' data:",
    `connect-src 'self'${dev ? ' ws: wss:' : ''}`,
    "frame-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join('; ');
  return [
    { key: 'Content-Security-Policy', value: csp },
    // For browsers without CSP frame-ancestors.
    { key: 'X-Frame-Options', value: 'DENY' },
    { key: 'X-Content-Type-Options', value: 'nosniff' },
    { key: 'Referrer-Policy', value: 'strict-origin-when-cross-origin' },
  ];
}

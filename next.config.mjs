/** @type {import('next').NextConfig} */
const nextConfig = {
  // Lets two builds (say, two e2e runs) share one checkout.
  distDir: process.env.NEXT_DIST_DIR || ".next",
  reactStrictMode: true,
  poweredByHeader: false,
  typedRoutes: false,
  serverExternalPackages: ["pg-boss", "@node-rs/argon2", "pino", "pg"],
  experimental: {
    authInterrupts: true,
    serverActions: { bodySizeLimit: "1mb" },
  },
};

export default nextConfig;

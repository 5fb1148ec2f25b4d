import path from "node:path";

// The framework baseline (bench/README.md): a production build of the smallest Next 16 app that renders the
// list page's 50 rows. No auth, no i18n, no filters, no client components.
/** @type {import('next').NextConfig} */
const nextConfig = {
  distDir: process.env.NEXT_DIST_DIR || ".next",
  poweredByHeader: false,
  serverExternalPackages: ["pg"],
  turbopack: { root: path.resolve(import.meta.dirname, "../..") },
};

export default nextConfig;

// Importing env validates every setting when the server starts (a bad value stops it).
import "./lib/env.mjs";

const securityHeaders = [
  { key: "X-Frame-Options", value: "DENY" },
  { key: "Content-Security-Policy", value: "frame-ancestors 'none'" },
  { key: "Referrer-Policy", value: "same-origin" },
  { key: "X-Content-Type-Options", value: "nosniff" },
];

/** @type {import('next').NextConfig} */
const nextConfig = {
  reactStrictMode: true,
  poweredByHeader: false,
  // forbidden() answers a denied page with a real HTTP 403.
  experimental: { authInterrupts: true },
  // Node-only packages (worker threads, native pools) are loaded at run time, not bundled.
  serverExternalPackages: ["pg-boss", "pg", "pino", "@prisma/adapter-pg", "bcryptjs"],
  async headers() {
    return [{ source: "/:path*", headers: securityHeaders }];
  },
};

export default nextConfig;

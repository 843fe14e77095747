// Importing env validates every setting when the server starts (a bad value stops it).
import { env } from "./lib/env.mjs";

// Next's bootstrap and RSC payload are inline <script>s, so script-src needs
// 'unsafe-inline' (a nonce would need middleware rewriting every response);
// nothing user-supplied is rendered as raw HTML. React's fast refresh
// evaluates code, hence 'unsafe-eval' in development only.
const contentSecurityPolicy = [
  "default-src 'self'",
  `script-src 'self' 'unsafe-inline'${env.NODE_ENV === "development" ? " 'unsafe-eval'" : ""}`,
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data:",
  "connect-src 'self'",
  "frame-ancestors 'none'",
  "base-uri 'self'",
  "form-action 'self'",
  "object-src 'none'",
].join("; ");

const securityHeaders = [
  { key: "Content-Security-Policy", value: contentSecurityPolicy },
  // For browsers that predate frame-ancestors.
  { key: "X-Frame-Options", value: "DENY" },
  // Run and flow URLs carry ids; other sites need not learn them.
  { key: "Referrer-Policy", value: "same-origin" },
  { key: "X-Content-Type-Options", value: "nosniff" },
  { key: "Permissions-Policy", value: "camera=(), microphone=(), geolocation=(), payment=(), usb=(), interest-cohort=()" },
  // Only over https: on plain http browsers ignore it, and on localhost it would pin the name to https for a year.
  ...(new URL(env.APP_URL).protocol === "https:" ? [{ key: "Strict-Transport-Security", value: "max-age=31536000; includeSubDomains" }] : []),
];

/** @type {import('next').NextConfig} */
const nextConfig = {
  reactStrictMode: true,
  poweredByHeader: false,
  // forbidden() answers a denied page with a real HTTP 403.
  experimental: { authInterrupts: true },
  // Node-only packages (worker threads, native pools) are loaded at run time, not bundled.
  serverExternalPackages: ["pg-boss", "pg", "pino", "@prisma/adapter-pg", "bcryptjs"],
  // Headers are written into the build's routes manifest: APP_URL at `next build` decides HSTS.
  async headers() {
    return [{ source: "/:path*", headers: securityHeaders }];
  },
};

export default nextConfig;

import { fileURLToPath } from "node:url";
import { defineConfig } from "vitest/config";

const root = fileURLToPath(new URL(".", import.meta.url));
const alias = { "@": root };

export default defineConfig({
  resolve: { alias },
  test: {
    projects: [
      {
        resolve: { alias },
        test: { name: "unit", include: ["lib/**/*.test.ts", "components/**/*.test.ts", "tests/unit/**/*.test.ts"], environment: "node" },
      },
      {
        resolve: { alias },
        test: {
          name: "integration",
          include: ["tests/integration/**/*.test.ts"],
          // The chaos suite restarts its own PostgreSQL and kills workers for minutes: `npm test`
          // runs it on its own after the rest (scripts/test.ts), as does `npm run test:chaos`.
          exclude: process.env.FLOWGATE_CHAOS ? [] : ["tests/integration/chaos.test.ts"],
          environment: "node",
          // Each file gets its own database copied from a migrated template.
          globalSetup: ["tests/support/vitest-global-setup.ts"],
          setupFiles: ["tests/support/vitest-database.ts"],
          pool: "forks",
          // The fake providers listen on loopback, which the outbound policy refuses by default (R23).
          env: { OUTBOUND_ALLOWLIST: "127.0.0.1" },
          testTimeout: 30_000,
          hookTimeout: 60_000,
        },
      },
    ],
  },
});

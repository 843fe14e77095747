import { defineConfig } from "prisma/config";

// The datasource URL lives here in Prisma 7. Generation needs none; the
// offline migrator (scripts/migrate.ts) receives its URL from lib/env.mjs.
export default defineConfig({
  schema: "prisma/schema.prisma",
  migrations: { path: "prisma/migrations" },
  datasource: { url: process.env.DATABASE_URL ?? "postgresql://localhost/flowgate" },
});

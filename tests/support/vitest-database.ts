import { randomBytes } from "node:crypto";
import { inject } from "vitest";
// Imports nothing from lib/: the env must be set before lib/env.mjs first loads.
import { createDatabaseFrom } from "@/tests/support/database-admin";
import { TEMPLATE_DB, TEST_DB_PREFIX } from "@/tests/support/test-db-names";

// Runs before each integration test file is imported, so lib/env.mjs and
// lib/db.ts in that file's module graph see this file's own database.
const name = `${TEST_DB_PREFIX}${randomBytes(6).toString("hex")}`;
process.env.DATABASE_URL = await createDatabaseFrom(inject("pgServerUrl"), name, TEMPLATE_DB);
Object.assign(process.env, { NODE_ENV: "test" });
process.env.AUTH_SECRET ??= "integration-tests-session-secret-0123456789";
process.env.LOG_LEVEL ??= "warn";

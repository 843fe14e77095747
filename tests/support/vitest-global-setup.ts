import type { TestProject } from "vitest/node";
import { prepareTemplate, startTestPostgres, dropDatabasesWithPrefix, TEST_DB_PREFIX } from "@/tests/support/test-postgres";

declare module "vitest" {
  export interface ProvidedContext {
    pgServerUrl: string;
  }
}

/**
 * `npm test` prepares the server and template once and passes its URL in
 * FLOWGATE_TEST_PG_SERVER; a bare `npx vitest` prepares its own.
 */
export default async function setup(project: TestProject) {
  const prepared = process.env.FLOWGATE_TEST_PG_SERVER;
  if (prepared) {
    project.provide("pgServerUrl", prepared);
    return;
  }
  const server = await startTestPostgres();
  await prepareTemplate(server.serverUrl);
  project.provide("pgServerUrl", server.serverUrl);
  return async () => {
    await dropDatabasesWithPrefix(server.serverUrl, TEST_DB_PREFIX);
    await server.stop();
  };
}

/**
 * Shared by playwright.config.ts (which seeds the server with them) and the specs.
 * FLOWGATE_E2E_PORT moves the app and its demo CRM (port - 102) so two
 * checkouts can run their suites side by side.
 */
export const E2E_PORT = Number(process.env.FLOWGATE_E2E_PORT ?? 3100);
export const E2E_BASE_URL = `http://127.0.0.1:${E2E_PORT}`;
export const E2E_ADMIN = { email: "admin@e2e.flowgate.local", password: "e2e-admin-password-123" };
export const E2E_DEMO_CRM_PORT = E2E_PORT - 102;
/**
 * The vault key of the e2e server and worker, shared with specs that seed
 * credentials directly (sealed with the same key). A fixed test key, never
 * used anywhere else.
 */
export const E2E_MASTER_KEYS = `e2e:${Buffer.alloc(32, 42).toString("base64")}`;

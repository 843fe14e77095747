import { expect, type Page } from "@playwright/test";
import { SAME_ORIGIN } from "./api-session";

/**
 * A flow of the calling spec's own, copied from the seeded demo's draft through
 * the JSON API (the browser's session cookie authenticates it), so the other
 * specs still find the demo flow at v1.
 */
export async function createFlowLikeDemo(page: Page, name: string): Promise<{ id: string; hookKey: string }> {
  const { flows } = (await (await page.request.get("/api/v1/flows")).json()) as { flows: Array<{ id: string; name: string }> };
  const demo = flows.find((flow) => flow.name.startsWith("Demo"));
  expect(demo, "the seeded demo flow").toBeDefined();
  const { flow } = (await (await page.request.get(`/api/v1/flows/${demo!.id}`)).json()) as { flow: { draft: unknown } };
  const created = await page.request.post("/api/v1/flows", { data: { name, definition: flow.draft }, headers: SAME_ORIGIN });
  expect(created.status()).toBe(201);
  return ((await created.json()) as { flow: { id: string; hookKey: string } }).flow;
}

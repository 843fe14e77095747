// `npm run bench:editor`: how the flow editor copes with a big flow. Starts
// Flowgate (production build, its own embedded PostgreSQL under
// .data/bench-editor), saves a generated 300-node flow through the API, opens
// the editor in headless Chromium and reports the time to interactive (every
// card rendered and a click selects one) and the time of a node drag (mouse
// down → move → up → the store has the move). Prints figures; asserts nothing.
import { spawn } from "node:child_process";
import { performance } from "node:perf_hooks";
import { chromium, request } from "@playwright/test";
import { findChromium } from "@/scripts/support/find-chromium";
import { buildBenchFlow } from "@/scripts/support/build-bench-flow";

const NODES = Number(process.env.BENCH_EDITOR_NODES ?? 300);
const PORT = Number(process.env.BENCH_EDITOR_PORT ?? 3490);
const PG_PORT = Number(process.env.BENCH_EDITOR_PG_PORT ?? 54379);
const BASE = `http://127.0.0.1:${PORT}`;
/** The node clicked and dragged: one in the middle of the flow. */
const TARGET = `n${Math.floor(NODES / 2)}`;
const ADMIN = { email: "bench@flowgate.local", password: "bench-editor-password-1" };

const app = spawn(process.execPath, ["--import", "tsx", "scripts/start.ts"], {
  stdio: ["ignore", "inherit", "inherit"],
  env: {
    ...process.env,
    PORT: String(PORT),
    APP_URL: BASE,
    DATA_DIR: ".data/bench-editor",
    EMBEDDED_PG_PORT: String(PG_PORT),
    ADMIN_EMAIL: ADMIN.email,
    ADMIN_PASSWORD: ADMIN.password,
    // Any address: the bench never runs the flow, so no demo CRM is needed.
    DEMO_TARGET_URL: "http://127.0.0.1:9/crm/leads",
    LOG_LEVEL: "warn",
  },
});

try {
  await waitForHealth();
  const api = await request.newContext({ baseURL: BASE });
  const { csrfToken } = (await (await api.get("/api/auth/csrf")).json()) as { csrfToken: string };
  await api.post("/api/auth/callback/credentials", { form: { csrfToken, ...ADMIN, json: "true" } });
  const created = await api.post("/api/v1/flows", { data: { name: `Bench ${NODES} nodes ${Date.now()}`, definition: buildBenchFlow(NODES) }, headers: { origin: BASE } });
  if (created.status() !== 201) throw new Error(`creating the flow failed: ${created.status()} ${await created.text()}`);
  const { flow } = (await created.json()) as { flow: { id: string } };

  const browser = await chromium.launch({ executablePath: findChromium() ?? undefined, args: ["--no-sandbox", "--disable-gpu"] });
  const context = await browser.newContext({ viewport: { width: 1600, height: 1000 }, storageState: await api.storageState() });
  const page = await context.newPage();
  // Once without timing, so the figures are not the first compile of the route's chunks.
  await page.goto(`${BASE}/flows/${flow.id}/edit`);
  await page.locator(".react-flow__node").nth(NODES - 1).waitFor();

  const start = performance.now();
  await page.goto(`${BASE}/flows/${flow.id}/edit`);
  await page.locator(".react-flow__node").nth(NODES - 1).waitFor();
  const rendered = performance.now();
  await page.getByTestId(`node-${TARGET}`).click();
  await page.locator(`[data-testid="inspector"][data-node-id="${TARGET}"]`).waitFor();
  const interactive = performance.now();

  const drags: number[] = [];
  for (let i = 1; i <= 5; i += 1) {
    // Measured again each time: the card is where the previous drag left it.
    const card = await page.getByTestId(`node-${TARGET}`).boundingBox();
    if (!card) throw new Error(`node ${TARGET} is not on screen`);
    const x = card.x + card.width / 2;
    const y = card.y + card.height / 2;
    const dx = i % 2 === 0 ? -60 : 60;
    const dragStart = performance.now();
    await page.mouse.move(x, y);
    await page.mouse.down();
    await page.mouse.move(x + dx, y + 20, { steps: 10 });
    await page.mouse.up();
    // The move is one committed edit: the save status leaves "Saved" when the store has it.
    await page.waitForFunction(() => document.querySelector('[data-testid="save-status"]')?.getAttribute("data-save-status") !== "saved");
    drags.push(performance.now() - dragStart);
    await page.waitForFunction(() => document.querySelector('[data-testid="save-status"]')?.getAttribute("data-save-status") === "saved", undefined, { timeout: 30_000 });
  }
  drags.sort((a, b) => a - b);

  console.log(`\nFlow editor benchmark — ${NODES} nodes, ${NODES - 1} edges, headless Chromium`);
  console.log(`all cards rendered after navigation:   ${(rendered - start).toFixed(0)} ms`);
  console.log(`time to interactive (click selects):    ${(interactive - start).toFixed(0)} ms`);
  console.log(`node drag (down → 10 moves → up → store): median ${drags[2]!.toFixed(0)} ms, min ${drags[0]!.toFixed(0)} ms, max ${drags[4]!.toFixed(0)} ms`);
  await browser.close();
  await api.dispose();
} finally {
  app.kill("SIGTERM");
  await new Promise((resolve) => app.once("exit", resolve));
}

async function waitForHealth() {
  const deadline = Date.now() + 600_000;
  while (Date.now() < deadline) {
    const ok = await fetch(`${BASE}/api/health`).then((response) => response.ok, () => false);
    if (ok) return;
    await new Promise((resolve) => setTimeout(resolve, 1000));
  }
  throw new Error(`Flowgate did not answer at ${BASE}/api/health`);
}

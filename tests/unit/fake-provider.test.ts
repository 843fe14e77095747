import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { createSeededFaultPlan, startFakeProvider, type FakeProvider, type Fault, type FaultRequest, type SeededFaultPlan } from "@/tests/support/fake-provider";
import { now } from "@/tests/support/fake-provider/ledger";

// Real HTTP against the real server: these are the behaviours executor and
// chaos tests rely on, so they are checked the way a client meets them.

let crm: FakeProvider;

beforeAll(async () => {
  crm = await startFakeProvider();
});
afterAll(async () => {
  await crm.close();
});
beforeEach(() => {
  crm.reset();
});

type PostOptions = { key?: string; signal?: AbortSignal; provider?: FakeProvider };

function post(body: unknown, { key, signal, provider = crm }: PostOptions = {}): Promise<Response> {
  const headers: Record<string, string> = { "content-type": "application/json" };
  if (key !== undefined) headers["idempotency-key"] = key;
  return fetch(`${provider.url}/crm/leads`, { method: "POST", headers, body: JSON.stringify(body), signal });
}

/** Polls `condition` every 5 ms, failing after `timeoutMs` instead of hanging the suite. */
async function waitFor(condition: () => boolean, timeoutMs = 2_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error("condition not met in time");
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}

/** Waits until the provider's clock passes `epochMs` (a Retry-After window's end). */
async function waitUntil(epochMs: number): Promise<void> {
  await waitFor(() => now() > epochMs, epochMs - now() + 2_000);
}

describe("Stripe-style idempotency", () => {
  it("replays the stored answer for the same key and the same body, in any key order", async () => {
    const first = await post({ externalId: "ORD-1", name: "Ada", tags: { a: 1, b: 2 } }, { key: "k1" });
    const replay = await post({ tags: { b: 2, a: 1 }, name: "Ada", externalId: "ORD-1" }, { key: "k1" });
    expect(first.status).toBe(201);
    expect(replay.status).toBe(201);
    expect(replay.headers.get("idempotent-replayed")).toBe("true");
    expect(await replay.json()).toEqual(await first.json());
    expect(crm.records.size).toBe(1);
  });

  it("refuses the same key with a different body with 422 and creates nothing", async () => {
    await post({ externalId: "ORD-1", name: "Ada" }, { key: "k1" });
    const reused = await post({ externalId: "ORD-1", name: "Bob" }, { key: "k1" });
    expect(reused.status).toBe(422);
    expect(await reused.json()).toMatchObject({ error: "idempotency_key_reused" });
    expect(crm.records.size).toBe(1);
  });

  it("refuses a concurrent request with the same key with 409 while the first is running, then replays", async () => {
    crm.injectFaults({ type: "delay-before-effect", ms: 400 });
    const first = post({ externalId: "ORD-1" }, { key: "k1" });
    await waitFor(() => crm.requests.length === 1);
    const concurrent = await post({ externalId: "ORD-1" }, { key: "k1" });
    expect(concurrent.status).toBe(409);
    expect(await concurrent.json()).toMatchObject({ error: "idempotency_key_in_use" });
    expect((await first).status).toBe(201);
    const after = await post({ externalId: "ORD-1" }, { key: "k1" });
    expect(after.headers.get("idempotent-replayed")).toBe("true");
    expect(crm.records.size).toBe(1);
  });

  it("frees a key whose request failed before the effect, so the retry creates the record", async () => {
    crm.injectFaults({ type: "status", status: 503 });
    expect((await post({ externalId: "ORD-1" }, { key: "k1" })).status).toBe(503);
    const retry = await post({ externalId: "ORD-1" }, { key: "k1" });
    expect(retry.status).toBe(201);
    expect(retry.headers.get("idempotent-replayed")).toBeNull();
    expect(crm.records.size).toBe(1);
  });
});

describe("faults", () => {
  it("answers an injected 5xx without an effect", async () => {
    crm.injectFaults({ type: "status", status: 500 });
    const res = await post({ externalId: "ORD-1" });
    expect(res.status).toBe(500);
    expect(await res.json()).toEqual({ error: "injected 500" });
    expect(crm.records.size).toBe(0);
  });

  it("announces a 429 with Retry-After in seconds and records the window", async () => {
    crm.injectFaults({ type: "status", status: 429, retryAfter: 2 });
    const res = await post({ externalId: "ORD-1" });
    expect(res.status).toBe(429);
    expect(res.headers.get("retry-after")).toBe("2");
    expect(crm.retryAfterWindows).toHaveLength(1);
    const [window] = crm.retryAfterWindows;
    expect(window!.until - window!.from).toBe(2_000);
  });

  it("announces a 503 with Retry-After as an HTTP date and records the window up to that second", async () => {
    const at = new Date(Math.ceil((Date.now() + 3_000) / 1000) * 1000);
    crm.injectFaults({ type: "status", status: 503, retryAfter: at });
    const res = await post({ externalId: "ORD-1" });
    expect(res.status).toBe(503);
    expect(res.headers.get("retry-after")).toBe(at.toUTCString());
    const [window] = crm.retryAfterWindows;
    // The window is on the ledger's clock; it ends when the date arrives, within clock resolution.
    expect(window!.until - window!.from).toBeGreaterThan(2_000);
    expect(window!.until - window!.from).toBeLessThanOrEqual(4_000);
  });

  it("answers 4xx and 5xx with each provider's own error body", async () => {
    crm.injectFaults(
      { type: "provider-error", status: 400, style: "bitrix24" },
      { type: "provider-error", status: 503, style: "bitrix24" },
      { type: "provider-error", status: 404, style: "moysklad" },
      { type: "provider-error", status: 500, style: "1c" },
      { type: "provider-error", status: 422, style: "trustme", message: "bad IIN" },
    );
    const answers = [];
    for (let i = 0; i < 5; i += 1) {
      const res = await post({ externalId: `ORD-${i}` });
      answers.push({ status: res.status, body: (await res.json()) as unknown });
    }
    expect(answers).toEqual([
      { status: 400, body: { error: "", error_description: "ID is not defined or invalid" } },
      { status: 503, body: { error: "QUERY_LIMIT_EXCEEDED", error_description: "Too many requests" } },
      { status: 404, body: { errors: [expect.objectContaining({ code: 1021 })] } },
      { status: 500, body: { "odata.error": { code: "-1", message: { lang: "ru", value: "Injected 500" } } } },
      { status: 422, body: { status: "Error", errorText: "bad IIN", data: null } },
    ]);
    expect(crm.records.size).toBe(0);
  });

  it("reports an error inside a 200 in Bitrix24, 1C, MoySklad and TrustMe style, or as given, without an effect", async () => {
    crm.injectFaults(
      { type: "error-in-200", style: "bitrix24" },
      { type: "error-in-200", style: "1c" },
      { type: "error-in-200", style: "moysklad" },
      { type: "error-in-200", style: "trustme" },
      { type: "error-in-200", body: { ok: false, description: "chat not found" } },
    );
    const bodies = [];
    for (let i = 0; i < 5; i += 1) {
      const res = await post({ externalId: `ORD-${i}` });
      expect(res.status).toBe(200);
      bodies.push((await res.json()) as unknown);
    }
    expect(bodies).toEqual([
      { error: "ERROR_CORE", error_description: expect.any(String) },
      { "odata.error": { code: "-1", message: { lang: "ru", value: expect.any(String) } } },
      [{ errors: [{ error: expect.any(String), code: 3000 }] }],
      { status: "Error", errorText: expect.any(String), data: null },
      { ok: false, description: "chat not found" },
    ]);
    expect(crm.records.size).toBe(0);
  });

  it("answers malformed JSON in a 200 without an effect", async () => {
    crm.injectFaults({ type: "malformed" });
    const res = await post({ externalId: "ORD-1" });
    expect(res.status).toBe(200);
    expect(await res.text()).toBe('{"id": ');
    expect(crm.records.size).toBe(0);
  });

  it("resets after reading the request, without an effect", async () => {
    crm.injectFaults({ type: "reset" });
    await expect(post({ externalId: "ORD-1" }, { key: "k1" })).rejects.toThrow();
    expect(crm.records.size).toBe(0);
    expect(crm.requests[0]?.body).toEqual({ externalId: "ORD-1" });
  });

  it("resets before reading the body: no effect, and the request's business id stays unknown", async () => {
    crm.injectFaults({ type: "reset-before-read" });
    await expect(post({ externalId: "ORD-1" }, { key: "k1" })).rejects.toThrow();
    expect(crm.records.size).toBe(0);
    expect(crm.requests[0]?.body).toBeUndefined();
    expect(crm.requestLog[0]).toMatchObject({ fault: "reset-before-read", businessId: null, outcome: "socket destroyed" });
    expect((await post({ externalId: "ORD-1" }, { key: "k1" })).status).toBe(201);
  });

  it("commits then resets: the record exists and a retry with the same key replays it", async () => {
    crm.injectFaults({ type: "commit-then-reset" });
    await expect(post({ externalId: "ORD-1" }, { key: "k1" })).rejects.toThrow();
    expect(crm.records.get("k1")?.id).toBe("lead_1");
    const retry = await post({ externalId: "ORD-1" }, { key: "k1" });
    expect(retry.headers.get("idempotent-replayed")).toBe("true");
    expect(await retry.json()).toMatchObject({ id: "lead_1" });
  });

  it("commits then hangs until the client gives up, and a look-up by external id finds the record", async () => {
    crm.injectFaults({ type: "commit-then-hang" });
    await expect(post({ externalId: "ORD-1" }, { key: "k1", signal: AbortSignal.timeout(300) })).rejects.toThrow();
    await waitFor(() => crm.requestLog[0]?.end !== null);
    expect(crm.requestLog[0]).toMatchObject({ fault: "commit-then-hang", outcome: "no answer (hung until the client left)" });
    expect(crm.requestLog[0]!.end! - crm.requestLog[0]!.start).toBeGreaterThanOrEqual(250);
    const found = await fetch(`${crm.url}/crm/leads?externalId=ORD-1`);
    expect(await found.json()).toMatchObject({ items: [{ id: "lead_1", externalId: "ORD-1" }] });
  });

  it("ends a hanging answer when the provider closes", async () => {
    const provider = await startFakeProvider();
    provider.injectFaults({ type: "commit-then-hang" });
    const pending = post({ externalId: "ORD-1" }, { provider });
    await waitFor(() => provider.records.size === 1);
    const started = Date.now();
    await provider.close();
    expect(Date.now() - started).toBeLessThan(1_000);
    await expect(pending).rejects.toThrow();
    await waitFor(() => provider.requestLog[0]?.end !== null);
  });

  it("commits then dribbles the body a few bytes at a time", async () => {
    crm.injectFaults({ type: "slow-body", intervalMs: 25, chunkBytes: 8 });
    const res = await post({ externalId: "ORD-1", note: "x".repeat(40) });
    const headersAt = Date.now();
    expect(crm.records.size).toBe(1);
    const text = await res.text();
    // About 70 bytes in 8-byte chunks: at least 8 pauses of 25 ms after the headers.
    expect(Date.now() - headersAt).toBeGreaterThanOrEqual(150);
    expect(JSON.parse(text)).toMatchObject({ id: "lead_1", externalId: "ORD-1" });
    await waitFor(() => crm.requestLog[0]?.outcome === "201 (slow body)");
  });

  it("answers late after the effect with a delay, and echoes what it got with echo", async () => {
    crm.injectFaults({ type: "delay", ms: 200 }, { type: "echo", status: 400 });
    const started = Date.now();
    expect((await post({ externalId: "ORD-1" })).status).toBe(201);
    expect(Date.now() - started).toBeGreaterThanOrEqual(190);
    const echoed = await post({ externalId: "ORD-2", secret: "s3cr3t" });
    expect(echoed.status).toBe(400);
    expect(await echoed.text()).toContain("s3cr3t");
  });
});

describe("look-up by external id", () => {
  it("returns the matching records as items, or an empty list", async () => {
    await post({ externalId: "ORD-1", name: "Ada" });
    await post({ externalId: "ORD-2", name: "Bob" });
    const found = await (await fetch(`${crm.url}/crm/leads?externalId=ORD-2`)).json();
    const missing = await (await fetch(`${crm.url}/crm/leads?externalId=ORD-9`)).json();
    expect(found).toMatchObject({ items: [{ id: "lead_2", name: "Bob" }] });
    expect(missing).toMatchObject({ items: [] });
  });

  it("reads the business id at a configured path, for the look-up and the ledger", async () => {
    const bitrix = await startFakeProvider({ businessIdPath: "fields.ORIGIN_ID" });
    try {
      await post({ fields: { ORIGIN_ID: "ORD-7", TITLE: "Lead" } }, { key: "k7", provider: bitrix });
      const found = await (await fetch(`${bitrix.url}/crm/leads?externalId=ORD-7`)).json();
      expect(found).toMatchObject({ items: [{ id: "lead_1" }] });
      expect(bitrix.ledger.get("ORD-7")?.recordsCreated).toEqual(["lead_1"]);
    } finally {
      await bitrix.close();
    }
  });
});

describe("seeded fault plan", () => {
  const plan: SeededFaultPlan = {
    seed: 42,
    mix: { "status-500": 0.1, "429": 0.1, "503-date": 0.05, "4xx": 0.05, "commit-then-hang": 0.05, "commit-then-reset": 0.05, "reset-before-read": 0.05, "slow-body": 0.05, "error-in-200": 0.05, malformed: 0.05 },
    slowBody: { intervalMs: 1, chunkBytes: 64 },
  };

  async function faultsOf(seed: number): Promise<(Fault["type"] | null)[]> {
    crm.reset();
    crm.setFaultPlan({ ...plan, seed });
    for (let i = 0; i < 40; i += 1) {
      // A hang is ended by the client's timeout, as a real client's would be.
      await post({ externalId: `ORD-${i}` }, { key: `k${i}`, signal: AbortSignal.timeout(200) }).then(
        (res) => res.arrayBuffer(),
        () => undefined,
      );
    }
    return crm.requestLog.map((entry) => entry.fault);
  }

  it("decides the same faults for the same seed and request order, and other faults for another seed", async () => {
    const first = await faultsOf(42);
    const again = await faultsOf(42);
    const other = await faultsOf(7);
    expect(again).toEqual(first);
    expect(other).not.toEqual(first);
    expect(first.filter((fault) => fault !== null).length).toBeGreaterThan(5);
    expect(first).toContain(null);
  });

  it("is deterministic as a pure function too, and the date presets announce a future HTTP date", () => {
    const request: FaultRequest = { index: 0, method: "POST", path: "/crm/leads", idempotencyKey: null, isCreate: true };
    const draw = (fn: ReturnType<typeof createSeededFaultPlan>) => Array.from({ length: 200 }, () => fn(request)?.type ?? null);
    expect(draw(createSeededFaultPlan(plan))).toEqual(draw(createSeededFaultPlan(plan)));
    const dated = createSeededFaultPlan({ seed: 1, mix: { "503-date": 1 }, retryAfterSeconds: 2 })(request);
    expect(dated).toMatchObject({ type: "status", status: 503, retryAfter: expect.any(Date) });
    if (dated?.type === "status" && dated.retryAfter instanceof Date) expect(dated.retryAfter.getTime()).toBeGreaterThan(Date.now() + 1_000);
  });

  it("refuses a mix over 1 and an unknown fault name", () => {
    expect(() => createSeededFaultPlan({ seed: 1, mix: { "status-500": 0.6, "429": 0.5 } })).toThrow(/more than 1/);
    expect(() => createSeededFaultPlan({ seed: 1, mix: { nonsense: 0.1 } as SeededFaultPlan["mix"] })).toThrow(/unknown fault/);
  });

  it("leaves look-ups alone with appliesTo creates, and the queue goes before the plan", async () => {
    crm.setFaultPlan({ seed: 3, mix: { "status-502": 1 }, appliesTo: "creates" });
    expect((await fetch(`${crm.url}/crm/leads?externalId=ORD-1`)).status).toBe(200);
    crm.injectFaults({ type: "status", status: 418 });
    expect((await post({ externalId: "ORD-1" })).status).toBe(418);
    expect((await post({ externalId: "ORD-1" })).status).toBe(502);
  });

  it("accepts a function that sees each request's index, path and key", async () => {
    const seen: FaultRequest[] = [];
    crm.setFaultPlan((request) => {
      seen.push(request);
      return request.index === 1 ? { type: "status", status: 504 } : undefined;
    });
    expect((await post({ externalId: "ORD-1" }, { key: "k1" })).status).toBe(201);
    expect((await post({ externalId: "ORD-2" }, { key: "k2" })).status).toBe(504);
    expect(seen).toEqual([
      { index: 0, method: "POST", path: "/crm/leads", idempotencyKey: "k1", isCreate: true },
      { index: 1, method: "POST", path: "/crm/leads", idempotencyKey: "k2", isCreate: true },
    ]);
    crm.setFaultPlan(undefined);
    expect((await post({ externalId: "ORD-3" })).status).toBe(201);
  });
});

describe("ledger", () => {
  it("keeps per business id the keys seen, the records created and each request, and reports violations", async () => {
    await post({ externalId: "ORD-1" }, { key: "a" });
    await post({ externalId: "ORD-1" }, { key: "b" });
    await post({ externalId: "ORD-2" }, { key: "c" });
    await post({ externalId: "ORD-2" }, { key: "c" });
    const ord1 = crm.ledger.get("ORD-1")!;
    expect([...ord1.idempotencyKeys]).toEqual(["a", "b"]);
    expect(ord1.recordsCreated).toEqual(["lead_1", "lead_2"]);
    expect(ord1.requests.map(({ key, outcome }) => ({ key, outcome }))).toEqual([
      { key: "a", outcome: "201" },
      { key: "b", outcome: "201" },
    ]);
    expect(crm.ledger.get("ORD-2")?.recordsCreated).toEqual(["lead_3"]);
    expect(crm.violations()).toEqual({
      duplicateRecords: [{ businessId: "ORD-1", recordIds: ["lead_1", "lead_2"] }],
      multipleKeys: [{ businessId: "ORD-1", keys: ["a", "b"] }],
    });
  });

  it("falls back to the idempotency key when the body has no business id, and counts a look-up under its external id", async () => {
    await post({ name: "no external id" }, { key: "k9" });
    await fetch(`${crm.url}/crm/leads?externalId=ORD-5`);
    expect(crm.ledger.get("k9")?.recordsCreated).toEqual(["lead_1"]);
    expect(crm.ledger.get("ORD-5")?.requests).toHaveLength(1);
    expect(crm.violations()).toEqual({ duplicateRecords: [], multipleKeys: [] });
  });

  it("measures concurrency from start and end times and tells overlapping requests for one business id", async () => {
    crm.injectFaults(...Array.from({ length: 4 }, (): Fault => ({ type: "delay", ms: 200 })));
    await Promise.all([post({ externalId: "ORD-1" }), post({ externalId: "ORD-1" }), post({ externalId: "ORD-2" }), post({ externalId: "ORD-3" })]);
    await post({ externalId: "ORD-4" });
    await post({ externalId: "ORD-4" });
    await waitFor(() => crm.inFlight === 0);
    expect(crm.maxConcurrency()).toBe(4);
    expect(crm.inFlightPeak).toBe(4);
    expect(crm.overlapsFor("ORD-1")).toBe(true);
    expect(crm.overlapsFor("ORD-4")).toBe(false);
    expect(crm.overlapsFor("ORD-unknown")).toBe(false);
    expect(crm.requestLog.every((entry) => entry.end !== null && entry.end >= entry.start)).toBe(true);
  });

  it("lists requests that arrived inside an announced Retry-After window, and none after it", async () => {
    crm.injectFaults({ type: "status", status: 429, retryAfter: 1 });
    expect((await post({ externalId: "ORD-1" })).status).toBe(429);
    const [window] = crm.retryAfterWindows;
    await post({ externalId: "ORD-1" });
    expect(crm.requestsDuring(window!).map((entry) => entry.index)).toEqual([1]);
    await waitUntil(window!.until);
    await post({ externalId: "ORD-2" });
    expect(crm.requestsDuring(window!).map((entry) => entry.index)).toEqual([1]);
  });

  it("starts over on reset()", async () => {
    crm.injectFaults({ type: "status", status: 429, retryAfter: 1 });
    await post({ externalId: "ORD-1" });
    await post({ externalId: "ORD-1" });
    crm.reset();
    expect([crm.ledger.size, crm.requestLog.length, crm.retryAfterWindows.length, crm.inFlightPeak, crm.records.size]).toEqual([0, 0, 0, 0, 0]);
  });
});

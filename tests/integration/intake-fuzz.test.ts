import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";

vi.hoisted(() => {
  // lib/env.mjs reads the keyring when it first loads, which is before any test code runs.
  process.env.FLOWGATE_MASTER_KEYS ??= `test:${Buffer.alloc(32, 7).toString("base64")}`;
});

import { z } from "zod";
import { POST } from "@/app/api/hooks/[hookKey]/route";
import { db } from "@/lib/db";
import { env } from "@/lib/env.mjs";
import { ERROR_STATUS, type ErrorCode } from "@/lib/errors";
import { buildDemoFlowDefinition } from "@/lib/flows/demo-flow";
import type { FlowDefinitionInput, WebhookTriggerConfig } from "@/lib/flows/schema";
import { setFlowStatus } from "@/lib/flows/set-flow-status";
import { getBoss } from "@/lib/queue/boss";
import { createPublishedFlow } from "@/tests/support/fixtures";
import { HOSTILE_FORMS, MALFORMED_BODIES, orderJson, withHostileHeaders, type HostileBody } from "@/tests/support/hostile-bodies";
import { createRandom, type Random } from "@/tests/support/seeded-random";
import { seedCredential } from "@/tests/support/seed-credential";
import { hmacHex, wrongSignature } from "@/tests/support/wrong-signatures";

// Fixed so every run sends the same requests; FLOWGATE_FUZZ_SEED explores others.
const SEED = Number(process.env.FLOWGATE_FUZZ_SEED ?? 0x5eed_f10);
const CASES = Number(process.env.FLOWGATE_FUZZ_CASES ?? 400);
const SECRET = "fuzz-hook-secret-0123456789";
const SIGNATURE_HEADER = "X-Signature";

const demo = buildDemoFlowDefinition("http://127.0.0.1:9/crm/leads");
const withTrigger = (config: Partial<WebhookTriggerConfig>): FlowDefinitionInput => ({
  ...demo,
  nodes: demo.nodes.map((node) => (node.kind === "webhook-trigger" ? { ...node, config: { ...node.config, ...config } } : node)),
});

const errorBodySchema = z.object({
  error: z.object({ code: z.enum(Object.keys(ERROR_STATUS) as [ErrorCode, ...ErrorCode[]]), message: z.string().min(5), details: z.unknown().optional() }),
});

type Target = "signed" | "unknown key" | "invalid key" | "paused" | "json" | "form";
type FuzzCase = { index: number; target: Target; label: string; hookKey: string; hostile: HostileBody; extraHeaders: Headers; expected: number };
type Outcome = { status?: number; text?: string; thrown?: unknown };

const TARGETS: Target[] = ["signed", "unknown key", "invalid key", "paused", "json", "form"];
const INVALID_KEYS = ["", "../../etc/passwd", "a/b", "a.b", "key with spaces", "%00", "k\u0000ey", "ключ", "x".repeat(65), "y".repeat(100_000), "<script>", "a?b=c", "..", "\u202ekey"];
const KEY_ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_-";

const hooks = { signed: "", paused: "", json: "", form: "" };

beforeAll(async () => {
  await seedCredential({ name: "fuzz-hook-secret", secret: { type: "webhook-signing", fields: { secret: SECRET } } });
  const signed = await createPublishedFlow(withTrigger({ signature: { scheme: "hmac-sha256", credentialRef: "fuzz-hook-secret", header: SIGNATURE_HEADER } }), "Fuzz signed");
  const paused = await createPublishedFlow(demo, "Fuzz paused");
  await setFlowStatus({ flowId: paused.flow.id, status: "paused", actor: paused.actor });
  const json = await createPublishedFlow(demo, "Fuzz JSON only");
  const form = await createPublishedFlow(withTrigger({ acceptForm: true }), "Fuzz form");
  Object.assign(hooks, { signed: signed.flow.hookKey, paused: paused.flow.hookKey, json: json.flow.hookKey, form: form.flow.hookKey });
  console.log(`intake fuzz: seed ${SEED}, ${CASES} cases (replay with FLOWGATE_FUZZ_SEED=${SEED})`);
});

afterAll(async () => {
  await (await getBoss()).stop({ graceful: false });
  await db.$disconnect();
});

function generateCase(random: Random, index: number): FuzzCase {
  const target = TARGETS[index % TARGETS.length]!;
  const cap = env.WEBHOOK_MAX_BODY_BYTES;
  const generators = target === "form" ? [...HOSTILE_FORMS, ...MALFORMED_BODIES.filter((g) => !g.jsonOnly)] : MALFORMED_BODIES;
  // The signed flow also gets well-formed events: only the signature may stop those.
  const hostile = withHostileHeaders(random, target === "signed" && random.chance(0.3) ? wellFormed(random) : random.pick(generators).make(random, cap));
  const signature = target === "signed" ? wrongSignature(random, SIGNATURE_HEADER, SECRET, hostile.bytes) : { label: "", headers: new Headers() };
  const base = { index, target, hostile, extraHeaders: signature.headers, label: [hostile.label, signature.label].filter(Boolean).join(", ") };
  switch (target) {
    case "invalid key":
      return { ...base, hookKey: random.pick(INVALID_KEYS), expected: 404 };
    // The body is read only once the flow is known (so its refusal can be counted
    // against that flow): an unknown hook or a paused flow is refused before that.
    case "unknown key":
      return { ...base, hookKey: random.text(random.int(1, 64), KEY_ALPHABET), expected: 404 };
    case "signed":
      return { ...base, hookKey: hooks.signed, expected: hostile.readStatus ?? 401 };
    case "paused":
      return { ...base, hookKey: hooks.paused, expected: 409 };
    default:
      return { ...base, hookKey: hooks[target], expected: hostile.readStatus ?? hostile.status };
  }
}

function wellFormed(random: Random): HostileBody {
  return { label: "well-formed event", bytes: Buffer.from(orderJson(`s-${random.int(0, 1e9)}`)), delivery: "buffer", contentType: "application/json", headers: {}, status: 202 };
}

function toRequest(fuzz: FuzzCase): Request {
  const { hostile } = fuzz;
  const headers = new Headers(hostile.headers);
  if (hostile.contentType !== null) headers.set("content-type", hostile.contentType);
  for (const [name, value] of fuzz.extraHeaders) headers.set(name, value);
  const url = `http://localhost/api/hooks/${encodeURIComponent(fuzz.hookKey)}`;
  if (hostile.delivery === "none") return new Request(url, { method: "POST", headers });
  if (hostile.delivery === "buffer") return new Request(url, { method: "POST", headers, body: new Uint8Array(hostile.bytes) });
  return new Request(url, { method: "POST", headers, body: streamOf(hostile.bytes, hostile.delivery === "abort"), duplex: "half" } as RequestInit);
}

// Chunked like a socket delivers it; "abort" sends half, then fails as a dropped connection does.
function streamOf(bytes: Buffer, abort: boolean): ReadableStream<Uint8Array> {
  const chunks: Uint8Array[] = [];
  const end = abort ? Math.floor(bytes.length / 2) : bytes.length;
  for (let offset = 0; offset < end; offset += 64 * 1024) chunks.push(new Uint8Array(bytes.subarray(offset, Math.min(end, offset + 64 * 1024))));
  return new ReadableStream<Uint8Array>({
    pull(controller) {
      const chunk = chunks.shift();
      if (chunk) controller.enqueue(chunk);
      else if (abort) controller.error(Object.assign(new Error("aborted"), { code: "ECONNRESET" }));
      else controller.close();
    },
  });
}

async function send(fuzz: FuzzCase): Promise<Outcome> {
  try {
    const response = await POST(toRequest(fuzz), { params: Promise.resolve({ hookKey: fuzz.hookKey }) });
    return { status: response.status, text: await response.text() };
  } catch (thrown) {
    return { thrown };
  }
}

/** Every way the answer can be wrong, as readable lines; empty when it is right. */
function judge(fuzz: FuzzCase, outcome: Outcome): string[] {
  if (outcome.thrown !== undefined) return [`handler threw ${String(outcome.thrown)}`];
  const problems: string[] = [];
  const status = outcome.status ?? 0;
  if (status >= 500) problems.push(`answered ${status}`);
  if (status < 400 || status >= 500) problems.push(`status ${status} is not a 4xx`);
  if (status !== fuzz.expected) problems.push(`expected ${fuzz.expected}, got ${status}`);
  let parsed: unknown;
  try {
    parsed = JSON.parse(outcome.text ?? "");
  } catch {
    parsed = undefined;
  }
  const shape = errorBodySchema.safeParse(parsed);
  if (!shape.success) problems.push(`body is not the JSON error shape: ${(outcome.text ?? "").slice(0, 120)}`);
  else if (ERROR_STATUS[shape.data.error.code] !== status) problems.push(`code ${shape.data.error.code} does not match status ${status}`);
  // 401 must come from the signature check itself, not from a missing secret.
  if (fuzz.target === "signed" && status === 401 && !/missing_header|bad_signature/.test(outcome.text ?? "")) problems.push(`401 for the wrong reason: ${outcome.text}`);
  return problems;
}

async function countStored() {
  const [events, runs, jobs] = await Promise.all([
    db.event.count(),
    db.run.count(),
    db.$queryRawUnsafe<Array<{ count: bigint }>>(`SELECT count(*)::bigint AS count FROM pgboss.job WHERE name = 'run.execute'`),
  ]);
  return { events, runs, jobs: Number(jobs[0]?.count ?? 0) };
}

describe(`intake fuzz (seed ${SEED})`, () => {
  it(`answers ${CASES} malformed, unsigned or misaddressed requests with a 4xx JSON error and stores nothing`, { timeout: 180_000 }, async () => {
    const random = createRandom(SEED);
    const failures: string[] = [];
    const seen = new Map<string, number>();
    for (let index = 0; index < CASES; index += 1) {
      const fuzz = generateCase(random, index);
      const outcome = await send(fuzz);
      const key = `${fuzz.target} ← ${fuzz.hostile.label.replace(/\d+/g, "N")}`;
      seen.set(key, (seen.get(key) ?? 0) + 1);
      for (const problem of judge(fuzz, outcome)) failures.push(`#${fuzz.index} [${fuzz.target}] ${fuzz.label}: ${problem}`);
    }
    expect(failures, `seed ${SEED}; replay with FLOWGATE_FUZZ_SEED=${SEED}`).toEqual([]);
    expect(await countStored()).toEqual({ events: 0, runs: 0, jobs: 0 });
    // Guards the generator: a fuzz run that only ever tried one kind of request would prove little.
    expect(new Set([...seen.keys()].map((key) => key.split(" ← ")[0])).size).toBe(TARGETS.length);
    expect(seen.size).toBeGreaterThan(40);
  });

  // Run after the count above: proves the refusals came from the checks, not from flows that refuse everything.
  it("still accepts a well-formed event on the same flows, so the refusals above were the checks at work", async () => {
    const raw = Buffer.from(orderJson("fuzz-control"));
    const signedHeaders = { "content-type": "application/json", [SIGNATURE_HEADER]: hmacHex(SECRET, raw) };
    const signed = await POST(new Request(`http://localhost/api/hooks/${hooks.signed}`, { method: "POST", headers: signedHeaders, body: raw }), { params: Promise.resolve({ hookKey: hooks.signed }) });
    expect(signed.status).toBe(202);
    const plain = await POST(new Request(`http://localhost/api/hooks/${hooks.json}`, { method: "POST", headers: { "content-type": "application/json" }, body: raw }), { params: Promise.resolve({ hookKey: hooks.json }) });
    expect(plain.status).toBe(202);
    const form = await POST(new Request(`http://localhost/api/hooks/${hooks.form}`, { method: "POST", headers: { "content-type": "application/x-www-form-urlencoded" }, body: "id=fuzz-form&event=X" }), { params: Promise.resolve({ hookKey: hooks.form }) });
    expect(form.status).toBe(202);
    expect(await countStored()).toEqual({ events: 3, runs: 3, jobs: 3 });
  });
});

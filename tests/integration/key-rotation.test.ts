import { spawn } from "node:child_process";
import { randomUUID } from "node:crypto";
import type { PgBoss } from "pg-boss";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";

// Every process of a deployment runs with the new key first and the old one
// still listed before rotation starts (README); this test process too, set
// before lib/env.mjs first loads.
const keys = vi.hoisted(() => {
  const key = () => Buffer.from(crypto.getRandomValues(new Uint8Array(32))).toString("base64");
  const entries = { old: `old:${key()}`, new: `new:${key()}`, gone: `gone:${key()}` };
  process.env.FLOWGATE_MASTER_KEYS = `${entries.new},${entries.old}`;
  return entries;
});

import { env } from "@/lib/env.mjs";
import { db } from "@/lib/db";
import { parseKeyring } from "@/lib/credentials/keyring";
import { readCredentialSecret } from "@/lib/credentials/read-credential-secret";
import type { CredentialSecret, Environment } from "@/lib/credentials/schema";
import { sealSecret } from "@/lib/credentials/seal-secret";
import { secretHint } from "@/lib/credentials/secret-hint";
import { updateCredential } from "@/lib/credentials/update-credential";
import { buildDemoFlowDefinition } from "@/lib/flows/demo-flow";
import { receiveWebhook } from "@/lib/webhooks/receive-webhook";
import { startWorker } from "@/worker/start-worker";
import { startFakeProvider, type FakeProvider } from "@/tests/support/fake-provider";
import { createPublishedFlow, createUserWithToken, waitFor } from "@/tests/support/fixtures";

const CRM_TOKEN = `crm-token-${randomUUID()}`;
let crm: FakeProvider;
let boss: PgBoss;
let actor: { userId: string; email: string };

beforeAll(async () => {
  crm = await startFakeProvider({ token: CRM_TOKEN });
  boss = await startWorker({ databaseUrl: env.DATABASE_URL!, concurrency: 4, pollingIntervalSeconds: 0.5 });
  const { user } = await createUserWithToken("admin");
  actor = { userId: user.id, email: user.email };
});

afterAll(async () => {
  await boss.stop({ graceful: false });
  await crm.close();
  await db.$disconnect();
});

/** A row as an older deployment wrote it: sealed with a key that is no longer first. */
async function seedSealedWith(keyEntry: string, name: string, environment: Environment, secret: CredentialSecret) {
  const id = randomUUID();
  const sealed = sealSecret(JSON.stringify(secret.fields), { credentialId: id, type: secret.type }, parseKeyring(keyEntry));
  await db.credential.create({
    // Allowed to reach the fake CRM (127.0.0.1), so runs during the rotation can use it.
    data: { id, name, environment, type: secret.type, keyId: sealed.keyId, ciphertext: new Uint8Array(sealed.ciphertext), last4: secretHint(secret), allowedHosts: ["127.0.0.1"] },
  });
  return id;
}

type Rotation = { code: number | null; stdout: string; stderr: string; started: Promise<void>; exited: Promise<void> };

/** `npm run keys:rotate` as a child process against this test's database, as an operator would run it. */
function rotate(batchSize = 5): Rotation {
  const child = spawn(process.execPath, ["--import", "tsx", "scripts/rotate-keys.ts", `--batch-size=${batchSize}`], {
    env: { ...process.env, DATABASE_URL: env.DATABASE_URL, FLOWGATE_MASTER_KEYS: `${keys.new},${keys.old}` },
    stdio: ["ignore", "pipe", "pipe"],
  });
  const rotation = { code: null, stdout: "", stderr: "" } as Rotation;
  rotation.started = new Promise((resolve) => {
    child.stdout.on("data", (chunk: Buffer) => {
      rotation.stdout += chunk.toString();
      // Its first batch is written: rows are now on both keys.
      if (rotation.stdout.includes("so far:")) resolve();
    });
    child.once("exit", () => resolve());
  });
  child.stderr.on("data", (chunk: Buffer) => (rotation.stderr += chunk.toString()));
  rotation.exited = new Promise((resolve) => child.once("exit", (code) => resolve(void (rotation.code = code))));
  return rotation;
}

const onOldKey = () => db.credential.count({ where: { keyId: { not: "new" } } });

describe("key rotation", () => {
  it("re-encrypts onto the new key while reads and edits go on, losing no edit", async () => {
    const names = Array.from({ length: 300 }, (_, i) => `bulk-${String(i).padStart(3, "0")}`);
    for (const name of names) await seedSealedWith(keys.old, name, "sandbox", { type: "bearer", fields: { token: `tok-${name}-0` } });
    const ids = new Map((await db.credential.findMany({ where: { name: { in: names } }, select: { id: true, name: true } })).map((row) => [row.name, row.id]));
    expect(await onOldKey()).toBe(300);

    const rotation = rotate();
    let rotating = true;
    void rotation.exited.then(() => (rotating = false));
    const failures: unknown[] = [];
    const latest = new Map<string, string>();
    const during = { reads: 0, updates: 0 };
    let started = false;
    void rotation.started.then(() => (started = true));

    // Readers: the worker's call-time path. Every read must succeed, whatever key the row is on at that moment.
    const reader = async (offset: number) => {
      for (let i = offset; rotating; i += 7) {
        const name = names[i % names.length]!;
        try {
          const secret = await readCredentialSecret({ name, environment: "sandbox" });
          if (!(secret.type === "bearer" && secret.fields.token.startsWith(`tok-${name}-`))) failures.push(new Error(`unexpected secret for ${name}`));
        } catch (error) {
          failures.push(error);
        }
        if (started && rotating) during.reads += 1;
      }
    };
    // Editors: each owns half the names, so the last value it wrote is the one that must survive.
    const editor = async (parity: number) => {
      for (let round = 1; rotating; round += 1) {
        const name = names[(round * 2 + parity) % names.length]!;
        const token = `tok-${name}-${round}-${parity}`;
        await updateCredential({ actor, credentialId: ids.get(name)!, fields: { token }, clear: [] });
        latest.set(name, token);
        if (started && rotating) during.updates += 1;
      }
    };
    await Promise.all([reader(0), reader(3), editor(0), editor(1), rotation.exited]);

    expect(rotation.stderr).not.toMatch(/cannot open|older key|Key rotation failed/);
    expect(rotation.code).toBe(0);
    expect(rotation.stdout).toMatch(/Every credential is on key "new"/);
    expect(failures).toEqual([]);
    expect(during.reads).toBeGreaterThan(0);
    expect(during.updates).toBeGreaterThan(0);
    expect(await onOldKey()).toBe(0);
    for (const [name, token] of latest) {
      expect((await readCredentialSecret({ name, environment: "sandbox" })).fields).toEqual({ token });
    }

    const again = rotate();
    await again.exited;
    expect(again.code).toBe(0);
    expect(again.stdout).toMatch(/^0 to do: 0 re-encrypted/m);
    const audits = await db.auditLog.findMany({ where: { action: "keys.rotate" }, orderBy: { id: "asc" }, select: { outcome: true, details: true } });
    expect(audits.map((audit) => audit.outcome)).toEqual(["success", "success"]);
    // Rows the editors reach first are re-sealed by them with the new key, before or after the run counts them.
    const first = audits[0]!.details as { found: number; rotated: number; skipped: number };
    expect(first).toMatchObject({ currentKeyId: "new", failed: 0, remaining: 0 });
    expect(first.rotated).toBeGreaterThan(0);
    expect(first.rotated + first.skipped).toBeLessThanOrEqual(first.found);
    expect(audits[1]!.details).toMatchObject({ found: 0, rotated: 0 });
  }, 180_000);

  it("keeps runs authenticating with a credential while the worker runs through a rotation", async () => {
    // Until the executor applies credentialRef (R21 wiring), the fake CRM answers these calls 401.
    await seedSealedWith(keys.old, "crm", "production", { type: "bearer", fields: { token: CRM_TOKEN } });
    for (let i = 0; i < 100; i++) await seedSealedWith(keys.old, `filler-${i}`, "production", { type: "bearer", fields: { token: `filler-token-${i}` } });
    const definition = buildDemoFlowDefinition(`${crm.url}/crm/leads`);
    const { flow } = await createPublishedFlow(
      { ...definition, nodes: definition.nodes.map((node) => (node.kind === "http-request" ? { ...node, config: { ...node.config, credentialRef: "crm" } } : node)) },
      "Rotating flow",
    );

    let sequence = 0;
    const runIds: string[] = [];
    // A few events at a time, each pair finished before the next, so runs flow through the whole rotation without piling up.
    const deliverPair = async () => {
      const ids = await Promise.all(
        [0, 1].map(async () => {
          sequence += 1;
          const body = { id: `rot-${sequence}`, order: { id: `ORD-${sequence}`, total: "10.00" }, customer: { name: "Ann", email: "ann@example.com", phone: "87011234567" } };
          const { runId } = await receiveWebhook({ hookKey: flow.hookKey, headers: new Headers({ "content-type": "application/json" }), rawBody: Buffer.from(JSON.stringify(body)) });
          return runId;
        }),
      );
      runIds.push(...ids);
      await waitFor(async () => (await db.run.count({ where: { id: { in: ids }, status: { in: ["succeeded", "failed"] } } })) === ids.length, { what: "a pair of runs to finish", timeoutMs: 60_000 });
    };

    const rotation = rotate(2);
    let rotating = true;
    void rotation.exited.then(() => (rotating = false));
    await deliverPair();
    while (rotating) await deliverPair();
    // And after it, with every row on the new key.
    await deliverPair();
    await rotation.exited;
    expect(rotation.code).toBe(0);
    expect(await onOldKey()).toBe(0);

    const runs = await db.run.findMany({ where: { id: { in: runIds } }, select: { status: true, error: true } });
    expect(runs).toHaveLength(runIds.length);
    expect(runs.filter((run) => run.status !== "succeeded")).toEqual([]);
    expect(crm.requests.length).toBeGreaterThanOrEqual(runIds.length);
    expect(crm.requests.every((request) => request.headers.authorization === `Bearer ${CRM_TOKEN}`)).toBe(true);
  }, 180_000);

  it("exits non-zero naming a credential no configured key opens, and still rotates the rest", async () => {
    const lost = await seedSealedWith(keys.gone, "lost-key", "sandbox", { type: "bearer", fields: { token: "token-sealed-with-a-lost-key" } });
    const fine = await seedSealedWith(keys.old, "still-fine", "sandbox", { type: "bearer", fields: { token: "token-still-fine-to-open" } });
    const before = await db.credential.findUniqueOrThrow({ where: { id: fine }, select: { updatedAt: true } });

    const rotation = rotate();
    await rotation.exited;
    expect(rotation.code).toBe(1);
    expect(rotation.stderr).toContain(`cannot open credential ${lost} (key "gone")`);
    expect(rotation.stdout + rotation.stderr).not.toContain("token-sealed-with-a-lost-key");
    // Re-encrypted, but not "changed": a rotation is not an edit, so updatedAt stays.
    expect(await db.credential.findUniqueOrThrow({ where: { id: fine }, select: { keyId: true, updatedAt: true } })).toEqual({ keyId: "new", updatedAt: before.updatedAt });
    expect((await readCredentialSecret({ name: "still-fine", environment: "sandbox" })).fields).toEqual({ token: "token-still-fine-to-open" });
    expect((await db.credential.findUniqueOrThrow({ where: { id: lost }, select: { keyId: true } })).keyId).toBe("gone");
    const audit = await db.auditLog.findFirst({ where: { action: "keys.rotate" }, orderBy: { id: "desc" }, select: { outcome: true, details: true } });
    expect(audit).toMatchObject({ outcome: "failure", details: { rotated: 1, failed: 1, remaining: 1 } });
  }, 60_000);
});

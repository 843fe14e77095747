import { randomUUID } from "node:crypto";
import { describe, expect, it, vi } from "vitest";
import { db } from "@/lib/db";
import type { FlowDefinitionInput } from "@/lib/flows/schema";
import { executeRun } from "@/lib/runs/execute-run";
import { deliverEvent, loadRun } from "@/tests/support/credential-flow";
import type { FakeProvider } from "@/tests/support/fake-provider";
import { createPublishedFlow } from "@/tests/support/fixtures";
import { useFakeProvider } from "@/tests/support/use-fake-provider";

vi.hoisted(() => {
  // Read by lib/env.mjs when it first loads: checkpoints are sealed with the vault's master key.
  process.env.FLOWGATE_MASTER_KEYS ??= `test:${Buffer.alloc(32, 9).toString("base64")}`;
});

let provider: FakeProvider;
useFakeProvider((started) => (provider = started));

const PASSWORD = "canary-pw-5c1f0e";

/** webhook → map-fields that outputs a secret-named field → a call that sends it on. */
function buildFlow(url: string): FlowDefinitionInput {
  return {
    schemaVersion: 1,
    nodes: [
      { id: "webhook", kind: "webhook-trigger", position: { x: 0, y: 0 }, config: { eventIdPath: "id" } },
      { id: "map", kind: "map-fields", position: { x: 300, y: 0 }, config: { mappings: [{ target: "id", source: "id" }, { target: "password", source: "initialPassword" }] } },
      { id: "call", kind: "http-request", position: { x: 600, y: 0 }, config: { url, body: { externalId: "{{id}}", pw: "{{password}}" }, retry: { maxAttempts: 3, baseDelayMs: 1, maxDelayMs: 2 } } },
    ],
    edges: [
      { id: "webhook-map", source: "webhook", target: "map" },
      { id: "map-call", source: "map", target: "call" },
    ],
  };
}

async function startRun() {
  const { flow } = await createPublishedFlow(buildFlow(`${provider.url}/crm/users`));
  const userId = `user-${randomUUID()}`;
  const { runId } = await deliverEvent(flow.hookKey, { id: userId, initialPassword: PASSWORD });
  return { runId, sent: () => provider.requests.filter((request) => (request.body as { externalId?: string }).externalId === userId) };
}

describe("checkpointed step outputs (R7, R20)", () => {
  it("stores a masked output, and hands a resumed run's later steps the real value", async () => {
    provider.injectFaults({ type: "status", status: 503 });
    const { runId, sent } = await startRun();

    expect(await executeRun({ runId })).toMatchObject({ status: "waiting_retry" });
    // The second execution starts from the stored checkpoint of "map", not from a re-run of it.
    expect(await executeRun({ runId })).toEqual({ status: "succeeded" });

    expect(sent().map((request) => (request.body as { pw?: string }).pw)).toEqual([PASSWORD, PASSWORD]);
    const map = (await loadRun(runId)).steps.find((step) => step.nodeId === "map")!;
    expect(map.output).toMatchObject({ password: "[REDACTED]" });
    const sealed = await db.stepRun.findUniqueOrThrow({ where: { id: map.id }, omit: { outputSealed: false } });
    expect(sealed.outputSealed).not.toBeNull();
    expect(Buffer.from(sealed.outputSealed!).toString("latin1")).not.toContain(PASSWORD);
  });

  it("keeps no sealed copy of an output that masking left unchanged", async () => {
    const { runId } = await startRun();
    await executeRun({ runId });
    const call = await db.stepRun.findFirstOrThrow({ where: { runId, nodeId: "call" }, omit: { outputSealed: false } });
    expect(call).toMatchObject({ status: "succeeded", outputSealed: null, outputKeyId: null });
  });

  it("fails the run, naming the step, when a checkpoint was tampered with", async () => {
    provider.injectFaults({ type: "status", status: 503 });
    const { runId, sent } = await startRun();
    await executeRun({ runId });
    const map = await db.stepRun.findFirstOrThrow({ where: { runId, nodeId: "map" }, omit: { outputSealed: false } });
    const tampered = Buffer.from(map.outputSealed!);
    tampered[20] = tampered[20]! ^ 0xff;
    await db.stepRun.update({ where: { id: map.id }, data: { outputSealed: new Uint8Array(tampered) } });

    expect(await executeRun({ runId })).toEqual({ status: "failed" });
    const run = await loadRun(runId);
    expect(run.error).toMatchObject({ nodeId: "map", class: "permanent", code: "checkpoint_unreadable" });
    // Only the first attempt was sent; nothing went out with the mask in place of the value.
    expect(sent()).toHaveLength(1);
  });
});

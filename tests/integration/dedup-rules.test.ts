import { beforeEach, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { claimDedupKey } from "@/lib/dedup/claim-dedup-key";
import { buildDemoFlowDefinition } from "@/lib/flows/demo-flow";
import type { DedupConfig, FlowDefinitionInput } from "@/lib/flows/schema";
import { pruneIntakeRecords } from "@/lib/intake/prune-intake-records";
import { advanceRun } from "@/lib/runs/advance-run";
import { receiveWebhook } from "@/lib/webhooks/receive-webhook";
import type { FakeProvider } from "@/tests/support/fake-provider";
import { useFakeProvider } from "@/tests/support/use-fake-provider";
import { createPublishedFlow } from "@/tests/support/fixtures";

let crm: FakeProvider;

useFakeProvider((started) => (crm = started));

beforeEach(() => crm.reset());

/** The demo flow with a dedup node between the mapping and the call: one lead per customer email. */
function dedupFlow(rule: Partial<DedupConfig> = {}): FlowDefinitionInput {
  const demo = buildDemoFlowDefinition(`${crm.url}/crm/leads`);
  const nodes = demo.nodes.map((node) =>
    node.kind === "http-request" ? { ...node, config: { ...node.config, retry: { ...node.config.retry, baseDelayMs: 50, maxDelayMs: 100 } } } : node,
  );
  return {
    schemaVersion: 1,
    nodes: [...nodes, { id: "once", kind: "dedup", position: { x: 480, y: 0 }, config: { key: "email", ...rule } }],
    edges: [
      { id: "webhook-map", source: "webhook", target: "map" },
      { id: "map-once", source: "map", target: "once" },
      { id: "once-send", source: "once", target: "send" },
    ],
  };
}

let sequence = 0;
/** A new order (so a new event and business key) from the given customer email. */
async function deliver(hookKey: string, email: string) {
  sequence += 1;
  const body = { id: `dedup-${sequence}`, order: { id: `ORD-D${sequence}`, total: "5" }, customer: { name: "Ann", email, phone: "+77011234567" } };
  return receiveWebhook({ hookKey, headers: new Headers({ "content-type": "application/json" }), rawBody: Buffer.from(JSON.stringify(body)) });
}

const runOf = (runId: string) => db.run.findUniqueOrThrow({ where: { id: runId } });
const postsTo = (path: string) => crm.requests.filter((request) => request.method === "POST" && request.path === path);

describe("dedup rules (R13)", () => {
  it("skips a second event with the same key as a duplicate of the first run, with one call", async () => {
    const { flow } = await createPublishedFlow(dedupFlow(), "Dedup skip");
    const first = await deliver(flow.hookKey, "ann@example.com");
    const second = await deliver(flow.hookKey, "ANN@example.com ");
    expect(await advanceRun({ runId: first.runId })).toEqual({ status: "succeeded" });
    expect(await advanceRun({ runId: second.runId })).toEqual({ status: "skipped_duplicate" });

    expect(await runOf(second.runId)).toMatchObject({ statusReason: `duplicate of run ${first.runId}`, duplicateOfRunId: first.runId });
    expect(postsTo("/crm/leads")).toHaveLength(1);
    // The skipping step succeeded; nothing after it ran.
    const steps = await db.stepRun.findMany({ where: { runId: second.runId }, orderBy: { position: "asc" } });
    expect(steps.map((step) => [step.nodeId, step.status])).toEqual([
      ["webhook", "succeeded"],
      ["map", "succeeded"],
      ["once", "succeeded"],
    ]);
  });

  it("lets exactly one of many concurrent runs with one key through", async () => {
    const { flow } = await createPublishedFlow(dedupFlow(), "Dedup race");
    const runs = await Promise.all(Array.from({ length: 6 }, () => deliver(flow.hookKey, "race@example.com")));
    const outcomes = await Promise.all(runs.map(({ runId }) => advanceRun({ runId })));
    expect(outcomes.filter((outcome) => outcome.status === "succeeded")).toHaveLength(1);
    expect(outcomes.filter((outcome) => outcome.status === "skipped_duplicate")).toHaveLength(5);
    expect(postsTo("/crm/leads")).toHaveLength(1);
    const winner = runs[outcomes.findIndex((outcome) => outcome.status === "succeeded")]!.runId;
    const skipped = await db.run.findMany({ where: { id: { in: runs.map((run) => run.runId) }, status: "skipped_duplicate" } });
    expect(new Set(skipped.map((run) => run.duplicateOfRunId))).toEqual(new Set([winner]));
  });

  it("runs an event again once the first claim's window has passed", async () => {
    const { flow } = await createPublishedFlow(dedupFlow({ windowSeconds: 60 }), "Dedup window");
    const first = await deliver(flow.hookKey, "window@example.com");
    expect((await advanceRun({ runId: first.runId })).status).toBe("succeeded");
    const claim = await db.dedupClaim.findFirstOrThrow({ where: { runId: first.runId } });
    // The window is 60 s from the claim; moving the claim back stands in for waiting a minute.
    expect(claim.expiresAt.getTime() - claim.claimedAt.getTime()).toBe(60_000);
    await db.dedupClaim.update({ where: { scope_key: { scope: claim.scope, key: claim.key } }, data: { claimedAt: new Date(Date.now() - 61_000), expiresAt: new Date(Date.now() - 1_000) } });

    const later = await deliver(flow.hookKey, "window@example.com");
    expect(await advanceRun({ runId: later.runId })).toEqual({ status: "succeeded" });
    expect(postsTo("/crm/leads")).toHaveLength(2);
    expect(await db.dedupClaim.findUniqueOrThrow({ where: { scope_key: { scope: claim.scope, key: claim.key } } })).toMatchObject({ runId: later.runId });
  });

  it("releases the claim of a run that fails permanently, so a later event with the key runs", async () => {
    const { flow } = await createPublishedFlow(dedupFlow(), "Dedup release");
    const first = await deliver(flow.hookKey, "release@example.com");
    crm.injectFaults({ type: "status", status: 400 });
    expect(await advanceRun({ runId: first.runId })).toEqual({ status: "failed" });
    expect(await db.dedupClaim.count({ where: { runId: first.runId } })).toBe(0);

    const later = await deliver(flow.hookKey, "release@example.com");
    expect(await advanceRun({ runId: later.runId })).toEqual({ status: "succeeded" });
    expect(postsTo("/crm/leads")).toHaveLength(2);
    expect(crm.records.size).toBe(1);
  });

  it("treats a failed run's leftover claim as free even when it was never released", async () => {
    const { flow } = await createPublishedFlow(dedupFlow(), "Dedup leftover");
    const first = await deliver(flow.hookKey, "leftover@example.com");
    expect((await advanceRun({ runId: first.runId })).status).toBe("succeeded");
    // As if a dead-lettered job had failed the run without the release.
    await db.run.update({ where: { id: first.runId }, data: { status: "failed" } });

    const later = await deliver(flow.hookKey, "leftover@example.com");
    expect(await advanceRun({ runId: later.runId })).toEqual({ status: "succeeded" });
  });

  it("keeps the claim of a run that resumes after a retry, and its re-claim is its own", async () => {
    const { flow } = await createPublishedFlow(dedupFlow(), "Dedup resume");
    const first = await deliver(flow.hookKey, "resume@example.com");
    crm.injectFaults({ type: "status", status: 503 });
    expect((await advanceRun({ runId: first.runId })).status).toBe("waiting_retry");

    // While the holder waits for its retry, the business action is still its own.
    const second = await deliver(flow.hookKey, "resume@example.com");
    expect(await advanceRun({ runId: second.runId })).toEqual({ status: "skipped_duplicate" });
    expect((await runOf(second.runId)).duplicateOfRunId).toBe(first.runId);

    expect(await advanceRun({ runId: first.runId })).toEqual({ status: "succeeded" });
    const claim = await db.dedupClaim.findFirstOrThrow({ where: { runId: first.runId } });
    // A re-executed dedup step (a crash before its checkpoint) finds its own claim.
    expect(await claimDedupKey({ scope: claim.scope, key: claim.key, runId: first.runId, nodeId: "once", windowSeconds: 60 })).toEqual({ claimed: true });
    expect(postsTo("/crm/leads")).toHaveLength(2);
    expect(crm.records.size).toBe(1);
  });

  it("fails a duplicate when the rule says so, without releasing the holder's claim", async () => {
    const { flow } = await createPublishedFlow(dedupFlow({ onDuplicate: "fail" }), "Dedup fail");
    const first = await deliver(flow.hookKey, "fail@example.com");
    const second = await deliver(flow.hookKey, "fail@example.com");
    expect((await advanceRun({ runId: first.runId })).status).toBe("succeeded");
    expect(await advanceRun({ runId: second.runId })).toEqual({ status: "failed" });
    expect((await runOf(second.runId)).error).toMatchObject({ class: "permanent", code: "duplicate", nodeId: "once", message: expect.stringContaining(`duplicate of run ${first.runId}`) });
    expect(await db.dedupClaim.count({ where: { runId: first.runId } })).toBe(1);
    expect(postsTo("/crm/leads")).toHaveLength(1);
  });

  it("scopes keys to the flow unless the rule is global", async () => {
    const perFlow = [await createPublishedFlow(dedupFlow(), "Scope A"), await createPublishedFlow(dedupFlow(), "Scope B")];
    for (const { flow } of perFlow) {
      expect((await advanceRun({ runId: (await deliver(flow.hookKey, "scope@example.com")).runId })).status).toBe("succeeded");
    }
    const global = [await createPublishedFlow(dedupFlow({ scope: "global" }), "Global A"), await createPublishedFlow(dedupFlow({ scope: "global" }), "Global B")];
    const outcomes = [];
    for (const { flow } of global) outcomes.push((await advanceRun({ runId: (await deliver(flow.hookKey, "global@example.com")).runId })).status);
    expect(outcomes).toEqual(["succeeded", "skipped_duplicate"]);
  });

  it("fails a run whose key expression gives nothing, rather than letting it through unchecked", async () => {
    const { flow } = await createPublishedFlow(dedupFlow({ key: "nonexistent" }), "Dedup no key");
    const { runId } = await deliver(flow.hookKey, "nokey@example.com");
    expect(await advanceRun({ runId })).toEqual({ status: "failed" });
    expect((await runOf(runId)).error).toMatchObject({ code: "dedup_key_missing" });
    expect(crm.requests).toHaveLength(0);
  });

  it("builds the key from key fields like the equivalent expression", async () => {
    const { flow } = await createPublishedFlow(dedupFlow({ key: undefined, keyFields: ["email", "orderId"] }), "Dedup key fields");
    const first = await deliver(flow.hookKey, "fields@example.com");
    expect(await advanceRun({ runId: first.runId })).toEqual({ status: "succeeded" });
    const claim = await db.dedupClaim.findFirstOrThrow({ where: { runId: first.runId } });
    expect(claim.key).toBe(JSON.stringify(["fields@example.com", `ORD-D${sequence}`]));

    const missing = await createPublishedFlow(dedupFlow({ key: undefined, keyFields: ["email", "nothing.here"] }), "Dedup missing field");
    const { runId } = await deliver(missing.flow.hookKey, "fields@example.com");
    expect(await advanceRun({ runId })).toEqual({ status: "failed" });
    expect((await runOf(runId)).error).toMatchObject({ code: "dedup_key_missing", message: "The dedup key fields gave no value for this event" });
  });

  it("shares keys between flows that name the same connector, and only those", async () => {
    const crmRule = { scope: "connector" as const, connector: "crm" };
    const flows = [
      await createPublishedFlow(dedupFlow(crmRule), "Connector A"),
      await createPublishedFlow(dedupFlow(crmRule), "Connector B"),
      await createPublishedFlow(dedupFlow({ scope: "connector", connector: "erp" }), "Connector C"),
    ];
    const outcomes = [];
    for (const { flow } of flows) outcomes.push((await advanceRun({ runId: (await deliver(flow.hookKey, "connector@example.com")).runId })).status);
    expect(outcomes).toEqual(["succeeded", "skipped_duplicate", "succeeded"]);
    expect(await db.dedupClaim.count({ where: { scope: "connector:crm", key: "connector@example.com" } })).toBe(1);
  });

  it("sends a duplicate down the duplicate output when the rule says update, and the run succeeds there", async () => {
    const base = dedupFlow({ onDuplicate: "update" });
    const send = base.nodes.find((node) => node.kind === "http-request")!;
    const definition: FlowDefinitionInput = {
      ...base,
      nodes: [...base.nodes, { ...send, id: "update", config: { ...send.config, url: `${crm.url}/crm/lead-updates` } }],
      edges: [...(base.edges ?? []), { id: "once-update", source: "once", target: "update", sourceHandle: "duplicate" }],
    };
    const { flow } = await createPublishedFlow(definition, "Dedup update");
    const first = await deliver(flow.hookKey, "update@example.com");
    const second = await deliver(flow.hookKey, "update@example.com");
    expect(await advanceRun({ runId: first.runId })).toEqual({ status: "succeeded" });
    expect(await advanceRun({ runId: second.runId })).toEqual({ status: "succeeded" });

    expect(postsTo("/crm/leads")).toHaveLength(1);
    expect(postsTo("/crm/lead-updates")).toHaveLength(1);
    const steps = await db.stepRun.findMany({ where: { runId: second.runId }, orderBy: { position: "asc" } });
    expect(steps.map((step) => [step.nodeId, step.status, step.handle])).toEqual([
      ["webhook", "succeeded", "out"],
      ["map", "succeeded", "out"],
      ["once", "succeeded", "duplicate"],
      ["update", "succeeded", "out"],
    ]);
    // The duplicate step passes its input on unchanged.
    expect(steps[2]!.output).toEqual(steps[1]!.output);
    expect((await runOf(second.runId)).duplicateOfRunId).toBeNull();
    expect(await db.dedupClaim.count({ where: { runId: second.runId } })).toBe(0);
  });

  it("prunes claims past their window in the retention job", async () => {
    const { flow } = await createPublishedFlow(dedupFlow(), "Dedup prune");
    const { runId } = await deliver(flow.hookKey, "prune@example.com");
    expect((await advanceRun({ runId })).status).toBe("succeeded");
    const claim = await db.dedupClaim.findFirstOrThrow({ where: { runId } });
    const expiry = claim.expiresAt.getTime();
    await pruneIntakeRecords({ now: new Date(expiry - 1_000) });
    expect(await db.dedupClaim.count({ where: { runId } })).toBe(1);
    expect((await pruneIntakeRecords({ now: new Date(expiry + 1_000) })).dedupClaims).toBeGreaterThanOrEqual(1);
    expect(await db.dedupClaim.count({ where: { runId } })).toBe(0);
  });
});

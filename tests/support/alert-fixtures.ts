import { randomUUID } from "node:crypto";
import { expect } from "vitest";
import { POST as createRuleRoute } from "@/app/api/v1/alerts/rules/route";
import { db } from "@/lib/db";
import type { RunStatus } from "@/lib/generated/prisma/enums";
import { createPublishedFlow } from "@/tests/support/fixtures";
import { fastDemoFlow } from "@/tests/support/operator-flows";
import { seedRun } from "@/tests/support/seed-runs";

/** An API request as a token holder sends it: GET without a body, POST with JSON. */
export function api(path: string, token: string, body?: unknown): Request {
  return new Request(`http://localhost${path}`, {
    method: body === undefined ? "GET" : "POST",
    headers: { authorization: `Bearer ${token}`, ...(body === undefined ? {} : { "content-type": "application/json" }) },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
}
export const noParams = { params: Promise.resolve({}) } as never;

/** A fixed clock far from the real one, so a live worker's passes never meet the tests' incidents. */
export const T0 = new Date("2030-01-01T10:00:00Z");
export const at = (minutes: number) => new Date(T0.getTime() + minutes * 60_000);

/** A published flow with finished runs of the given statuses. */
export async function flowWithRuns(statuses: RunStatus[], finishedAt: Date) {
  const { flow, version } = await createPublishedFlow(fastDemoFlow("http://127.0.0.1:1"), `Alerts ${randomUUID().slice(0, 8)}`);
  await addRuns(flow.id, version.id, statuses, finishedAt);
  return { flowId: flow.id, versionId: version.id };
}

export async function addRuns(flowId: string, flowVersionId: string, statuses: RunStatus[], finishedAt: Date) {
  for (const status of statuses) {
    const { runId } = await seedRun({ flowId, flowVersionId, status, createdAt: finishedAt, failureClass: status === "failed" ? "temporary" : undefined });
    await db.run.update({ where: { id: runId }, data: { finishedAt } });
  }
}

/** A failure-rate rule on one flow (≥ 50 % of ≥ 2 runs in an hour), repeating every 30 minutes, created through the API. */
export async function failureRateRule(token: string, flowId: string, channelIds: string[]) {
  const response = await createRuleRoute(
    api("/api/v1/alerts/rules", token, { name: `Failing ${flowId}`, kind: "failure_rate", params: { percent: 50, windowMinutes: 60, minRuns: 2 }, flowId, channelIds, repeatMinutes: 30 }),
    noParams,
  );
  expect(response.status).toBe(201);
  return ((await response.json()) as { rule: { id: string } }).rule.id;
}

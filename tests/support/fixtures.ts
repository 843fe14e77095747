import { db } from "@/lib/db";
import type { Role } from "@/lib/generated/prisma/enums";
import type { ActingUser } from "@/lib/audit/acting-user";
import { createApiToken } from "@/lib/auth/create-api-token";
import { hashPassword } from "@/lib/auth/password";
import { createFlow } from "@/lib/flows/create-flow";
import { publishVersion } from "@/lib/flows/publish-version";
import type { FlowDefinitionInput } from "@/lib/flows/schema";

let counter = 0;

/** A user with the role and an API token for it. */
export async function createUserWithToken(role: Role) {
  counter += 1;
  const user = await db.user.create({
    data: { email: `${role}-${counter}-${Date.now()}@test.local`, name: role, role, passwordHash: await hashPassword("test-password-123") },
  });
  const { id: tokenId, token } = await createApiToken({ userId: user.id, name: "test" });
  return { user, token, tokenId };
}

/** The user as lib functions that audit their changes expect it (no request, so no IP). */
export function actingAs(user: { id: string; email: string }): ActingUser {
  return { userId: user.id, email: user.email, ip: null };
}

/**
 * A flow whose draft is `definition`, created and published as v1 (production)
 * by a fresh analyst. Unsigned webhooks are allowed on it, as an admin would,
 * unless `unsignedWebhooksAllowed: false` says otherwise.
 */
export async function createPublishedFlow(definition: FlowDefinitionInput, name = "Test flow", { unsignedWebhooksAllowed = true } = {}) {
  const { user } = await createUserWithToken("analyst");
  const actor = actingAs(user);
  const created = await createFlow({ actor, input: { name, definition } });
  if (unsignedWebhooksAllowed) await allowUnsignedWebhooks(created.id);
  const flow = await db.flow.findUniqueOrThrow({ where: { id: created.id } });
  const version = await publishVersion({ flowId: flow.id, actor, message: "v1", environment: "production" });
  return { flow, version, author: user, actor };
}

/** What an admin's "Allow unsigned webhooks" does, without its audit row: for tests about other things. */
export async function allowUnsignedWebhooks(flowId: string): Promise<void> {
  await db.flow.update({ where: { id: flowId }, data: { unsignedWebhooksAllowed: true } });
}

export function jsonRequest(url: string, body: unknown, init: { method?: string; headers?: Record<string, string> } = {}): Request {
  return new Request(url, {
    method: init.method ?? "POST",
    headers: { "content-type": "application/json", ...init.headers },
    body: typeof body === "string" ? body : JSON.stringify(body),
  });
}

/** Polls until `check` returns a value, failing after `timeoutMs` with the last error. */
export async function waitFor<T>(check: () => Promise<T | undefined | null | false>, { timeoutMs = 20_000, intervalMs = 100, what = "condition" } = {}): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`Timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, intervalMs));
  }
}

/** Counts pg-boss jobs for a run, in one state or in any. */
export async function countRunJobs(runId: string, state?: string): Promise<number> {
  const rows = await db.$queryRawUnsafe<Array<{ count: bigint }>>(
    `SELECT count(*)::bigint AS count FROM pgboss.job WHERE name = 'run.execute' AND data->>'runId' = $1 AND ($2::text IS NULL OR state::text = $2)`,
    runId,
    state ?? null,
  );
  return Number(rows[0]?.count ?? 0);
}

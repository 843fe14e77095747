import pg from "pg";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { POST } from "@/app/api/hooks/[hookKey]/route";
import { db } from "@/lib/db";
import { buildDemoFlowDefinition } from "@/lib/flows/demo-flow";
import { getBoss } from "@/lib/queue/boss";
import { countRunJobs, createPublishedFlow, jsonRequest, waitFor } from "@/tests/support/fixtures";

/**
 * "Killed between insert and commit", for real: a trigger in this file's own
 * database holds the intake transaction after its rows are written, and the
 * test terminates that backend (or the trigger raises). The sender must get
 * 503 + Retry-After, nothing may be half-stored, and its retry must be
 * accepted exactly once on a pool that recovered from the lost connection.
 */
const VICTIM = "flowgate-abort-victim";
const definition = buildDemoFlowDefinition("http://127.0.0.1:9/crm/leads");
const order = (id: string) => ({ id, order: { id: `ORD-${id}`, total: "10" }, customer: { name: "Ann", email: "a@b.c", phone: "+77011234567" } });

let admin: pg.Client;

beforeAll(async () => {
  admin = new pg.Client({ connectionString: process.env.DATABASE_URL, application_name: "flowgate-abort-test" });
  await admin.connect();
});

afterEach(async () => {
  await admin.query('DROP TRIGGER IF EXISTS abort_intake ON "Run"');
});

afterAll(async () => {
  await admin.end();
  await (await getBoss()).stop({ graceful: false });
  await db.$disconnect();
});

function postHook(hookKey: string, body: unknown) {
  return POST(jsonRequest(`http://localhost/api/hooks/${hookKey}`, body), { params: Promise.resolve({ hookKey }) });
}

/**
 * When a run of `flowId` is inserted: `sleep` names the backend and holds it
 * (so the test can kill it), `raise` aborts the transaction. `at: "commit"`
 * defers the trigger to COMMIT, after the event, run and job rows are all written.
 */
async function installTrigger(flowId: string, action: "sleep" | "raise", at: "insert" | "commit") {
  const body =
    action === "sleep" ? `PERFORM set_config('application_name', '${VICTIM}', true); PERFORM pg_sleep(20);` : `RAISE EXCEPTION 'injected failure before commit';`;
  await admin.query(`CREATE OR REPLACE FUNCTION abort_intake() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
      IF NEW."flowId" = '${flowId}'::uuid THEN ${body} END IF;
      RETURN NEW;
    END $$`);
  await admin.query(
    at === "commit"
      ? 'CREATE CONSTRAINT TRIGGER abort_intake AFTER INSERT ON "Run" DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION abort_intake()'
      : 'CREATE TRIGGER abort_intake BEFORE INSERT ON "Run" FOR EACH ROW EXECUTE FUNCTION abort_intake()',
  );
}

/** The sleeping intake backend, with the statement it is in and the tables it has written to (uncommitted). */
async function findVictim() {
  const victim = await waitFor(
    async () => {
      const { rows } = await admin.query<{ pid: number; query: string }>(
        "SELECT pid, query FROM pg_stat_activity WHERE datname = current_database() AND application_name = $1 AND wait_event = 'PgSleep'",
        [VICTIM],
      );
      return rows[0];
    },
    { timeoutMs: 10_000, intervalMs: 20, what: "the intake transaction to reach the trigger" },
  );
  const { rows } = await admin.query<{ name: string }>(
    "SELECT DISTINCT n.nspname || '.' || c.relname AS name FROM pg_locks l JOIN pg_class c ON c.oid = l.relation JOIN pg_namespace n ON n.oid = c.relnamespace WHERE l.pid = $1 AND l.mode = 'RowExclusiveLock'",
    [victim.pid],
  );
  return { ...victim, writtenTables: rows.map((row) => row.name) };
}

async function countJobs(): Promise<number> {
  const rows = await db.$queryRawUnsafe<Array<{ count: bigint }>>("SELECT count(*)::bigint AS count FROM pgboss.job WHERE name = 'run.execute'");
  return Number(rows[0]?.count ?? 0);
}

async function storedFor(flowId: string) {
  const [events, runs] = await Promise.all([db.event.count({ where: { flowId } }), db.run.count({ where: { flowId } })]);
  return { events, runs };
}

async function expectRefusedAndNothingStored(response: Response, flowId: string, jobsBefore: number) {
  expect(response.status).toBe(503);
  expect(response.headers.get("retry-after")).toBe("30");
  expect(((await response.json()) as { error: { code: string } }).error.code).toBe("unavailable");
  expect(await storedFor(flowId)).toEqual({ events: 0, runs: 0 });
  expect(await countJobs()).toBe(jobsBefore);
}

/** The sender's retry, once the database behaves: accepted once, and a further copy finds the same run. */
async function expectRetryAcceptedOnce(hookKey: string, flowId: string, body: unknown) {
  const retry = await postHook(hookKey, body);
  expect(retry.status).toBe(202);
  const { runId } = (await retry.json()) as { runId: string };
  const again = await postHook(hookKey, body);
  expect(again.status).toBe(200);
  expect(((await again.json()) as { runId: string }).runId).toBe(runId);
  expect(await storedFor(flowId)).toEqual({ events: 1, runs: 1 });
  expect(await countRunJobs(runId)).toBe(1);
}

describe("intake killed between insert and commit", () => {
  it.each([
    ["while inserting the run (event row written)", "insert", ["public.Event"]],
    ["at COMMIT (event, run and job rows written)", "commit", ["public.Event", "public.Run"]],
  ] as const)("answers 503 + Retry-After and stores nothing when its backend is terminated %s", async (_when, at, written) => {
    const { flow } = await createPublishedFlow(definition, `Abort at ${at}`);
    const body = order(`kill-${at}`);
    const jobsBefore = await countJobs();
    await installTrigger(flow.id, "sleep", at);

    const pending = postHook(flow.hookKey, body);
    const victim = await findVictim();
    if (at === "commit") expect(victim.query).toBe("COMMIT");
    expect(victim.writtenTables).toEqual(expect.arrayContaining([...written]));
    // At COMMIT the pg-boss job row is written too (R2: same transaction); mid-insert it is not yet.
    expect(victim.writtenTables.some((table) => table.startsWith("pgboss.job"))).toBe(at === "commit");
    // Written but not committed: invisible to everyone else, so nothing is half-stored even now.
    expect(await storedFor(flow.id)).toEqual({ events: 0, runs: 0 });
    const { rows } = await admin.query<{ ok: boolean }>("SELECT pg_terminate_backend($1) AS ok", [victim.pid]);
    expect(rows[0]?.ok).toBe(true);

    await expectRefusedAndNothingStored(await pending, flow.id, jobsBefore);
    await admin.query('DROP TRIGGER abort_intake ON "Run"');
    await expectRetryAcceptedOnce(flow.hookKey, flow.id, body);
  });

  it("answers 503 + Retry-After and stores nothing when the transaction fails at COMMIT", async () => {
    const { flow } = await createPublishedFlow(definition, "Abort by raise");
    const body = order("raise-1");
    const jobsBefore = await countJobs();
    await installTrigger(flow.id, "raise", "commit");

    await expectRefusedAndNothingStored(await postHook(flow.hookKey, body), flow.id, jobsBefore);
    await admin.query('DROP TRIGGER abort_intake ON "Run"');
    await expectRetryAcceptedOnce(flow.hookKey, flow.id, body);
  });

  it("serves the very next request, then every pooled connection, after a connection was killed at COMMIT", async () => {
    const { flow } = await createPublishedFlow(definition, "Pool recovery");
    const bystander = await createPublishedFlow(definition, "Bystander");
    await installTrigger(flow.id, "sleep", "commit");
    const pending = postHook(flow.hookKey, order("pool-victim"));
    await admin.query("SELECT pg_terminate_backend($1)", [(await findVictim()).pid]);
    expect((await pending).status).toBe(503);
    // At once, before the killed session's socket has closed: the pool must not hand that connection out again.
    expect((await postHook(bystander.flow.hookKey, order("bystander-1"))).status).toBe(202);
    await admin.query('DROP TRIGGER abort_intake ON "Run"');

    // More requests at once than the pool has connections (10), so any dead one left in the pool would surface.
    const responses = await Promise.all(Array.from({ length: 25 }, (_, i) => postHook(flow.hookKey, order(`pool-${i}`))));
    expect(responses.map((response) => response.status)).toEqual(Array(25).fill(202));
    expect(await storedFor(flow.id)).toEqual({ events: 25, runs: 25 });
  });
});

import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { AUDIT_EXPORT_MAX_ROWS } from "@/lib/audit/export-audit-csv";
import type { AuditPage } from "@/lib/audit/list-audit-entries";
import { recordAudit } from "@/lib/audit/record-audit";
import { GET as auditRoute } from "@/app/api/v1/audit/route";
import { createUserWithToken } from "@/tests/support/fixtures";
import { parseCsv } from "@/tests/support/parse-csv";

const bearer = (token: string) => ({ authorization: `Bearer ${token}` });
let adminToken: string;

beforeAll(async () => {
  adminToken = (await createUserWithToken("admin")).token;
});

afterAll(() => db.$disconnect());

function getAudit(query: Record<string, string>, token: string | null = adminToken) {
  const url = `http://localhost/api/v1/audit?${new URLSearchParams(query).toString()}`;
  return auditRoute(new Request(url, { headers: token ? bearer(token) : {} }), undefined);
}

/** The rows of a CSV answer; the UTF-8 byte-order mark is checked on the raw bytes, since text() strips it. */
async function readCsv(response: Response): Promise<string[][]> {
  const bytes = Buffer.from(await response.arrayBuffer());
  expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  return parseCsv(bytes.subarray(3).toString("utf8"));
}

async function listJson(query: Record<string, string>): Promise<AuditPage & { entries: Array<{ at: string }> }> {
  const response = await getAudit(query);
  expect(response.status).toBe(200);
  return (await response.json()) as AuditPage & { entries: Array<{ at: string }> };
}

/** Rows are append-only, so each test scopes its reads by an actor domain nobody else uses. */
function uniqueDomain() {
  return `${randomUUID().slice(0, 8)}.audit.test`;
}

describe("the audit log table", () => {
  it("refuses UPDATE and DELETE, through raw SQL and through Prisma, and keeps the row as written", async () => {
    const email = `keeper@${uniqueDomain()}`;
    await recordAudit({ actor: { userId: randomUUID(), email }, action: "settings.update", details: { key: "allowlist" } });
    const row = await db.auditLog.findFirstOrThrow({ where: { actorEmail: email } });

    await expect(db.$executeRaw`UPDATE "AuditLog" SET "action" = 'flow.publish' WHERE "id" = ${row.id}`).rejects.toThrow(/append-only: UPDATE/);
    await expect(db.$executeRaw`DELETE FROM "AuditLog" WHERE "id" = ${row.id}`).rejects.toThrow(/append-only: DELETE/);
    await expect(db.auditLog.update({ where: { id: row.id }, data: { outcome: "failure" } })).rejects.toThrow(/append-only/);
    await expect(db.auditLog.deleteMany({ where: { actorEmail: email } })).rejects.toThrow(/append-only/);

    expect(await db.auditLog.findUniqueOrThrow({ where: { id: row.id } })).toEqual(row);
  });
});

describe("GET /api/v1/audit", () => {
  it("answers 401 without a token and 403 to every role but admin", async () => {
    expect((await getAudit({}, null)).status).toBe(401);
    for (const role of ["analyst", "operator", "viewer"] as const) {
      const { token } = await createUserWithToken(role);
      expect((await getAudit({}, token)).status).toBe(403);
      expect((await getAudit({ format: "csv" }, token)).status).toBe(403);
    }
  });

  it("filters by action, actor email (case-insensitive part), outcome and UTC dates, newest first", async () => {
    const domain = uniqueDomain();
    const alice = { userId: randomUUID(), email: `alice@${domain}` };
    const bob = { userId: randomUUID(), email: `bob@${domain}` };
    await recordAudit({ actor: alice, action: "flow.publish", target: { type: "flow", id: randomUUID() }, details: { version: 1 } });
    await recordAudit({ actor: bob, action: "flow.publish", outcome: "failure" });
    await recordAudit({ actor: alice, action: "flow.pause" });
    await db.auditLog.createMany({
      data: [
        { actorEmail: `old@${domain}`, action: "user.create", at: new Date("2001-03-04T23:59:59.999Z") },
        { actorEmail: `old@${domain}`, action: "user.update", at: new Date("2001-03-05T00:00:00.000Z") },
      ],
    });

    const all = await listJson({ actor: domain.toUpperCase() });
    expect(all.entries.map((e) => e.action)).toEqual(["user.update", "user.create", "flow.pause", "flow.publish", "flow.publish"]);

    const publishes = await listJson({ actor: domain, action: "flow.publish" });
    expect(publishes.entries.map((e) => e.actorEmail)).toEqual([bob.email, alice.email]);
    expect(publishes.entries[1]).toMatchObject({ actorId: alice.userId, outcome: "success", targetType: "flow", details: { version: 1 } });

    const failures = await listJson({ actor: domain, outcome: "failure" });
    expect(failures.entries.map((e) => e.actorEmail)).toEqual([bob.email]);

    const aliceOnly = await listJson({ actor: `ALICE@${domain}` });
    expect(aliceOnly.entries.map((e) => e.action)).toEqual(["flow.pause", "flow.publish"]);

    // A bare date is a whole UTC day, `to` included; a date-time without a zone is UTC too.
    const day = await listJson({ actor: domain, from: "2001-03-04", to: "2001-03-04" });
    expect(day.entries.map((e) => e.action)).toEqual(["user.create"]);
    const fromInstant = await listJson({ actor: domain, from: "2001-03-05T00:00:00", to: "2001-03-06" });
    expect(fromInstant.entries.map((e) => e.action)).toEqual(["user.update"]);
    const recent = await listJson({ actor: domain, from: "2002-01-01" });
    expect(recent.entries).toHaveLength(3);

    // An empty box from the filter form means "no filter".
    expect((await listJson({ actor: domain, action: "", outcome: "", from: "", to: "" })).entries).toHaveLength(5);
  });

  it("matches the actor filter literally, so % and _ are not wildcards", async () => {
    const domain = uniqueDomain();
    await recordAudit({ actor: { userId: randomUUID(), email: `a_b@${domain}` }, action: "user.create" });
    await recordAudit({ actor: { userId: randomUUID(), email: `axb@${domain}` }, action: "user.create" });
    expect((await listJson({ actor: `a_b@${domain}` })).entries.map((e) => e.actorEmail)).toEqual([`a_b@${domain}`]);
    expect((await listJson({ actor: `%@${domain}` })).entries).toEqual([]);
  });

  it("pages newest first with the before cursor, never skipping or repeating an entry", async () => {
    const domain = uniqueDomain();
    const actor = { userId: randomUUID(), email: `pager@${domain}` };
    for (let i = 0; i < 7; i += 1) await recordAudit({ actor, action: "run.retry", details: { i } });

    const seen: number[] = [];
    let before: string | null = null;
    for (let page = 0; page < 5; page += 1) {
      const result: AuditPage = await listJson({ actor: domain, limit: "3", ...(before ? { before } : {}) });
      seen.push(...result.entries.map((e) => (e.details as { i: number }).i));
      before = result.nextBefore;
      if (!before) break;
    }
    expect(seen).toEqual([6, 5, 4, 3, 2, 1, 0]);
    expect(before).toBeNull();
  });

  it.each([
    [{ action: "flow.delete_everything" }, "action"],
    [{ outcome: "maybe" }, "outcome"],
    [{ from: "yesterday" }, "from"],
    [{ before: "12abc" }, "before"],
    [{ limit: "5000" }, "limit"],
    [{ format: "xlsx" }, "format"],
  ])("answers 422 naming the bad parameter for %j", async (query, name) => {
    const response = await getAudit(query);
    expect(response.status).toBe(422);
    expect(((await response.json()) as { error: { message: string } }).error.message).toContain(name);
  });
});

describe("GET /api/v1/audit?format=csv", () => {
  it("downloads the filtered entries as RFC 4180 CSV with formula-like cells defused", async () => {
    const domain = uniqueDomain();
    const flowId = randomUUID();
    await recordAudit({ actor: { userId: randomUUID(), email: `=HYPERLINK("http://evil.test")@${domain}` }, action: "user.create" });
    await recordAudit({
      actor: { userId: randomUUID(), email: `ops@${domain}` },
      action: "flow.publish",
      target: { type: "flow", id: flowId },
      ip: "203.0.113.7",
      details: { name: 'Orders, "EU"\nsecond line', version: 2 },
    });
    await recordAudit({ actor: { userId: randomUUID(), email: `+cmd@${domain}` }, action: "flow.pause" });

    const response = await getAudit({ format: "csv", actor: domain, action: "flow.publish" });
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toMatch(/^text\/csv; charset=utf-8/);
    expect(response.headers.get("content-disposition")).toMatch(/^attachment; filename="flowgate-audit-[\dT-]+Z\.csv"$/);
    expect(response.headers.get("x-next-before")).toBeNull();

    const [header, ...rows] = await readCsv(response);
    expect(header).toEqual(["id", "time_utc", "actor_email", "actor_id", "action", "outcome", "target_type", "target_id", "ip", "details"]);
    expect(rows).toHaveLength(1);
    const row = Object.fromEntries(header!.map((name, index) => [name, rows[0]![index]]));
    expect(row).toMatchObject({ actor_email: `ops@${domain}`, action: "flow.publish", target_type: "flow", target_id: flowId, ip: "203.0.113.7" });
    expect(row.time_utc).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/);
    expect(JSON.parse(row.details!)).toEqual({ name: 'Orders, "EU"\nsecond line', version: 2 });

    const everything = await readCsv(await getAudit({ format: "csv", actor: domain }));
    const emails = everything.slice(1).map((cells) => cells[2]);
    expect(emails).toEqual([`'+cmd@${domain}`, `ops@${domain}`, `'=HYPERLINK("http://evil.test")@${domain}`]);
  });

  it(`stops at ${AUDIT_EXPORT_MAX_ROWS} rows and says where the next export starts`, async () => {
    const domain = uniqueDomain();
    const total = AUDIT_EXPORT_MAX_ROWS + 2;
    await db.$executeRaw`INSERT INTO "AuditLog" ("actorEmail", "action", "details")
      SELECT ${`bulk@${domain}`}, 'run.replay', jsonb_build_object('n', n) FROM generate_series(1, ${total}::int) AS n`;

    const first = await getAudit({ format: "csv", actor: domain, limit: "5" });
    const firstRows = (await readCsv(first)).slice(1);
    expect(firstRows).toHaveLength(AUDIT_EXPORT_MAX_ROWS);
    expect(JSON.parse(firstRows[0]![9]!)).toEqual({ n: total });
    const next = first.headers.get("x-next-before");
    expect(next).toMatch(/^\d+$/);

    const rest = await getAudit({ format: "csv", actor: domain, before: next! });
    const restRows = (await readCsv(rest)).slice(1);
    expect(restRows.map((cells) => JSON.parse(cells[9]!) as { n: number })).toEqual([{ n: 2 }, { n: 1 }]);
    expect(rest.headers.get("x-next-before")).toBeNull();
  });
});

import { describe, expect, it } from "vitest";
import { listRunsQuerySchema, runFilterSchema } from "@/lib/runs/schema";
import { runsQueryFromParams } from "@/lib/runs/runs-query-from-params";

const parse = (query: string) => listRunsQuerySchema.safeParse(runsQueryFromParams(new URLSearchParams(query)));

describe("runs filter parsing", () => {
  it("reads statuses as a list from commas, repeats or an array", () => {
    expect(parse("status=failed,waiting_retry").data?.status).toEqual(["failed", "waiting_retry"]);
    expect(parse("status=failed&status=needs_review").data?.status).toEqual(["failed", "needs_review"]);
    expect(runFilterSchema.parse({ status: ["failed"] }).status).toEqual(["failed"]);
  });

  it("drops empty form fields and trims the search", () => {
    const result = parse("flowId=&q=%20evt-1%20&version=&status=");
    expect(result.data).toEqual({ q: "evt-1", pageSize: 50 });
  });

  it("coerces version and dates, and refuses unknown statuses and bad values", () => {
    expect(parse("version=3&from=2026-01-01T00:00:00Z").data).toMatchObject({ version: 3, from: new Date("2026-01-01T00:00:00Z") });
    expect(parse("status=exploded").success).toBe(false);
    expect(parse("version=0").success).toBe(false);
    expect(parse("flowId=not-a-uuid").success).toBe(false);
    expect(parse("from=someday").success).toBe(false);
  });
});

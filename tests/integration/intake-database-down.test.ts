import { describe, expect, it } from "vitest";

// Point this file's app at a port where no database listens, as if
// PostgreSQL were down. Set before lib/env.mjs loads (dynamic imports below).
process.env.DATABASE_URL = "postgresql://flowgate:flowgate@127.0.0.1:9/down";

describe("intake while the database is down", () => {
  it("answers 503 with Retry-After, never a 2xx or a 500", async () => {
    const { POST } = await import("@/app/api/hooks/[hookKey]/route");
    const request = new Request("http://localhost/api/hooks/some-hook", {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ id: "evt-1" }),
    });
    const response = await POST(request, { params: Promise.resolve({ hookKey: "some-hook" }) });
    expect(response.status).toBe(503);
    expect(response.headers.get("retry-after")).toBe("30");
    expect(((await response.json()) as { error: { code: string } }).error.code).toBe("unavailable");
  });

  it("reports the database as down on the health endpoint", async () => {
    const { GET } = await import("@/app/api/health/route");
    const response = await GET();
    expect(response.status).toBe(503);
    expect(await response.json()).toEqual({ ok: false, status: "failing", database: "down", checks: { database: "down", queue: "down", worker: "unknown" } });
  });
});

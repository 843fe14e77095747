import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { startFakeProvider, type FakeProvider } from "@/tests/support/fake-provider";
import { performHttpCall, type HttpCallRequest } from "./http-call";
import { createOutboundPolicy } from "./outbound-policy";

const NONE = createOutboundPolicy([]);
const LOCAL = createOutboundPolicy(["127.0.0.1"]);

type Recorded = { method: string; path: string; headers: IncomingMessage["headers"]; body: string };
type TestServer = { url: string; port: number; requests: Recorded[]; close: () => Promise<void> };

/** A bare HTTP server whose answers the test scripts; it records what reached it. */
async function startServer(answer: (request: Recorded, response: ServerResponse) => void, host = "127.0.0.1"): Promise<TestServer> {
  const requests: Recorded[] = [];
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (chunk: Buffer) => chunks.push(chunk));
    req.on("end", () => {
      const recorded = { method: req.method ?? "", path: req.url ?? "", headers: req.headers, body: Buffer.concat(chunks).toString() };
      requests.push(recorded);
      answer(recorded, res);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, host, resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://${host}:${port}`,
    port,
    requests,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

const redirect = (res: ServerResponse, status: number, location: string) => res.writeHead(status, { location }).end();
const json = (res: ServerResponse, body: unknown) => res.writeHead(200, { "content-type": "application/json" }).end(JSON.stringify(body));

const servers: TestServer[] = [];
async function server(answer: (request: Recorded, response: ServerResponse) => void, host?: string) {
  const started = await startServer(answer, host);
  servers.push(started);
  return started;
}
afterEach(async () => {
  await Promise.all(servers.splice(0).map((started) => started.close()));
});

const call = (overrides: Partial<HttpCallRequest> & { url: string }) =>
  performHttpCall({ method: "GET", headers: {}, timeoutMs: 5_000, idempotentRequest: true, outbound: LOCAL, ...overrides });

describe("performHttpCall enforces the outbound policy (R23)", () => {
  let crm: FakeProvider;
  beforeAll(async () => {
    crm = await startFakeProvider();
  });
  afterAll(() => crm.close());
  afterEach(() => crm.reset());

  const createLead = (url: string, outbound = NONE) =>
    performHttpCall({ method: "POST", url, headers: { "idempotency-key": "fg_1" }, body: { name: "Ada" }, timeoutMs: 2_000, idempotentRequest: false, outbound });

  it("refuses 127.0.0.1 without an allow-list entry, and nothing reaches the target", async () => {
    const result = await createLead(`${crm.url}/crm/leads?api_key=s3cret`);
    expect(result).toMatchObject({ ok: false, failure: { class: "permanent", code: "outbound_refused" } });
    if (!result.ok) {
      expect(result.failure.message).toMatch(/127\.0\.0\.1.*loopback/);
      expect(result.failure.message).not.toMatch(/crm\/leads|api_key|s3cret/);
    }
    expect(crm.requests).toHaveLength(0);
  });

  it("calls the same target once 127.0.0.1 is allow-listed", async () => {
    expect(await createLead(`${crm.url}/crm/leads`, LOCAL)).toMatchObject({ ok: true, status: 201 });
    expect(crm.requests).toHaveLength(1);
  });

  it("refuses the other spellings of loopback the URL parser accepts", async () => {
    const port = new URL(crm.url).port;
    for (const host of ["2130706433", "0x7f.1", "0177.0.0.1", "127.1", "[::ffff:127.0.0.1]", "[::ffff:7f00:2]"]) {
      expect(await createLead(`http://${host}:${port}/crm/leads`, createOutboundPolicy(["127.0.0.3"]))).toMatchObject({ ok: false, failure: { code: "outbound_refused" } });
    }
    expect(crm.requests).toHaveLength(0);
  });

  it("refuses a host name that resolves to loopback when the socket connects", async () => {
    const result = await createLead(`http://localhost:${new URL(crm.url).port}/crm/leads`);
    expect(result).toMatchObject({ ok: false, failure: { class: "permanent", code: "outbound_refused" } });
    if (!result.ok) expect(result.failure.message).toMatch(/localhost.*resolves to .*loopback/);
    expect(crm.requests).toHaveLength(0);
  });

  it("lets a host name connect to the addresses the allow-list covers", async () => {
    expect(await createLead(`http://localhost:${new URL(crm.url).port}/crm/leads`, LOCAL)).toMatchObject({ ok: true, status: 201 });
    expect(crm.requests).toHaveLength(1);
  });

  it("refuses the cloud metadata address and schemes other than http(s) before connecting", async () => {
    expect(await createLead("http://169.254.169.254/latest/meta-data/iam/security-credentials/")).toMatchObject({ ok: false, failure: { code: "outbound_refused", message: expect.stringContaining("cloud metadata") } });
    expect(await createLead("file:///etc/passwd", LOCAL)).toMatchObject({ ok: false, failure: { code: "outbound_refused", message: expect.stringContaining("only http and https") } });
  });
});

describe("performHttpCall and redirects", () => {
  it("does not follow a redirect unless the request asks to", async () => {
    const target = await server((req, res) => (req.path === "/start" ? redirect(res, 302, "/final") : json(res, { final: true })));
    const result = await call({ url: `${target.url}/start` });
    expect(result).toMatchObject({ ok: false, status: 302, failure: { class: "permanent", code: "redirect_not_followed" } });
    expect(target.requests.map((r) => r.path)).toEqual(["/start"]);
  });

  it("follows a redirect when asked and returns the final answer", async () => {
    const target = await server((req, res) => (req.path === "/start" ? redirect(res, 301, "/final") : json(res, { final: true })));
    expect(await call({ url: `${target.url}/start`, followRedirects: true })).toMatchObject({ ok: true, status: 200, body: { final: true } });
    expect(target.requests.map((r) => r.path)).toEqual(["/start", "/final"]);
  });

  it("turns a POST into a GET without body on 303, and keeps method and body on 307", async () => {
    const target = await server((req, res) => {
      if (req.path === "/see-other") return redirect(res, 303, "/result");
      if (req.path === "/temporary") return redirect(res, 307, "/result");
      return json(res, { method: req.method });
    });
    const post = { method: "POST", body: { name: "Ada" }, idempotentRequest: false, followRedirects: true };
    expect(await call({ ...post, url: `${target.url}/see-other` })).toMatchObject({ ok: true, body: { method: "GET" } });
    expect(target.requests[1]).toMatchObject({ method: "GET", path: "/result", body: "" });
    expect(target.requests[1]?.headers["content-type"]).toBeUndefined();

    expect(await call({ ...post, url: `${target.url}/temporary` })).toMatchObject({ ok: true, body: { method: "POST" } });
    expect(target.requests[3]).toMatchObject({ method: "POST", path: "/result", body: JSON.stringify({ name: "Ada" }) });
  });

  it("drops Authorization, Cookie and API keys when a redirect changes origin, and keeps them on the same origin", async () => {
    const other = await server((_req, res) => json(res, { other: true }));
    const origin = await server((req, res) => {
      if (req.path === "/away") return redirect(res, 307, `${other.url}/collect`);
      if (req.path === "/here") return redirect(res, 307, "/landing");
      return json(res, { landed: true });
    });
    const headers = { authorization: "Bearer sk_live_canary", cookie: "sid=canary", "x-api-key": "canary", "idempotency-key": "fg_1" };

    expect(await call({ url: `${origin.url}/away`, headers, followRedirects: true })).toMatchObject({ ok: true, body: { other: true } });
    const received = other.requests[0]?.headers ?? {};
    expect(received.authorization).toBeUndefined();
    expect(received.cookie).toBeUndefined();
    expect(received["x-api-key"]).toBeUndefined();
    expect(received["idempotency-key"]).toBe("fg_1");

    expect(await call({ url: `${origin.url}/here`, headers, followRedirects: true })).toMatchObject({ ok: true, body: { landed: true } });
    expect(origin.requests.at(-1)?.headers.authorization).toBe("Bearer sk_live_canary");
  });

  it("never follows a credentialed call to another origin: its secret could sit in any header, the query or the path", async () => {
    const other = await server((_req, res) => json(res, { other: true }));
    const origin = await server((req, res) => (req.path.startsWith("/away") ? redirect(res, 302, `${other.url}/collect`) : json(res, { landed: true })));
    // A custom API-key header no name rule would recognise.
    const headers = { "ocp-apim-subscription-key": "sk_custom_canary" };

    const away = await call({ url: `${origin.url}/away?key=sk_query_canary`, headers, followRedirects: true, credentialed: true });
    expect(away).toMatchObject({ ok: false, status: 302, failure: { class: "permanent", code: "redirect_cross_origin_refused" } });
    expect(other.requests).toHaveLength(0);

    expect(await call({ url: `${origin.url}/stay`, headers, followRedirects: true, credentialed: true })).toMatchObject({ ok: true, body: { landed: true } });
  });

  it("refuses a redirect to a refused address and never connects there", async () => {
    // 127.0.0.2 is loopback too, but only 127.0.0.1 is allow-listed.
    const internal = await server((_req, res) => json(res, { secret: true }), "127.0.0.2");
    const origin = await server((req, res) => redirect(res, 302, req.path === "/metadata" ? "http://169.254.169.254/latest/meta-data/" : `${internal.url}/admin`));
    for (const path of ["/internal", "/metadata"]) {
      const result = await call({ url: `${origin.url}${path}`, followRedirects: true });
      expect(result).toMatchObject({ ok: false, failure: { class: "permanent", code: "outbound_refused" } });
    }
    expect(internal.requests).toHaveLength(0);
    expect(origin.requests).toHaveLength(2);
  });

  it("follows at most 5 redirects", async () => {
    // /hop/<n>/<last> redirects to the next hop until n reaches last.
    const chain = await server((req, res) => {
      const [, , n = "0", last = "0"] = req.path.split("/");
      return Number(n) < Number(last) ? redirect(res, 302, `/hop/${Number(n) + 1}/${last}`) : json(res, { hop: Number(n) });
    });
    expect(await call({ url: `${chain.url}/hop/0/5`, followRedirects: true })).toMatchObject({ ok: true, body: { hop: 5 } });
    chain.requests.length = 0;
    expect(await call({ url: `${chain.url}/hop/0/6`, followRedirects: true })).toMatchObject({ ok: false, status: 302, failure: { class: "permanent", code: "too_many_redirects" } });
    expect(chain.requests.map((r) => r.path)).toEqual(["/hop/0/6", "/hop/1/6", "/hop/2/6", "/hop/3/6", "/hop/4/6", "/hop/5/6"]);
  });
});

describe("performHttpCall time limits", () => {
  it("ends a call whose response body stalls within the total timeout", async () => {
    const stalled = await server((_req, res) => {
      res.writeHead(200, { "content-type": "application/json" });
      res.write('{"partial": ');
    });
    // undici's own body timeout defaults to 300 s; the total budget must win.
    expect(await call({ url: `${stalled.url}/slow`, timeoutMs: 300 })).toMatchObject({ ok: false, failure: { class: "ambiguous", code: "timeout_after_send" } });
  });
});

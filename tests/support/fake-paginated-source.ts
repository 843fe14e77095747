import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";

/**
 * A local fake of a listing API over real HTTP, the counterpart of the
 * schedule trigger's poll tests. Two ways to page, as real sources do:
 *
 * - page token (`GET /records?cursor=<token>&limit=n`, answer
 *   `{ data: { items }, next }`, `next` null on the last page), like
 *   Huntflow's search_by_cursor;
 * - updated since (`GET /changes?since=<iso>&limit=n`, answer `{ rows }`
 *   with `updatedAt >= since` in ascending order), like MoySklad's
 *   `filter=updated>=…&order=updated,asc`.
 *
 * Faults are queued per upcoming request (the first queued fault applies to
 * the next request, and so on), so a test can fail "page 3" of a poll.
 */
export type SourceItem = { id: string; name: string; version: number; updatedAt: string };

export type SourceFault =
  | { type: "ok" }
  | { type: "status"; status: number }
  /** The socket is destroyed before any answer: a connection reset. */
  | { type: "reset" }
  | { type: "not-json" };

export type SourceRequest = { path: string; query: Record<string, string>; authorization?: string };

export type FakePaginatedSource = {
  url: string;
  requests: SourceRequest[];
  items: SourceItem[];
  /** Appends `count` records; returns them. */
  addItems: (count: number) => SourceItem[];
  /** A new version of a record, updated now. */
  updateItem: (id: string) => SourceItem;
  /** Queues faults for the next requests, in order; `{ type: "ok" }` lets one through. */
  queueFaults: (...faults: SourceFault[]) => void;
  /** Called with each request before it is answered; used to act "between pages". */
  onRequest: (hook: ((request: SourceRequest) => Promise<void> | void) | undefined) => void;
  /** Requires `Authorization: Bearer <token>` (401 otherwise); undefined lets anyone in. */
  requireBearer: (token: string | undefined) => void;
  reset: () => void;
  close: () => Promise<void>;
};

const BASE_TIME = Date.parse("2026-01-01T00:00:00.000Z");

export async function startFakePaginatedSource(): Promise<FakePaginatedSource> {
  const requests: SourceRequest[] = [];
  const items: SourceItem[] = [];
  const faults: SourceFault[] = [];
  let hook: ((request: SourceRequest) => Promise<void> | void) | undefined;
  let bearer: string | undefined;
  // Every change gets a later, distinct timestamp, so updated-since paging always progresses.
  let clock = 0;
  const tick = () => new Date(BASE_TIME + (clock += 1) * 1000).toISOString();

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? "/", "http://source.local");
    const request: SourceRequest = { path: url.pathname, query: Object.fromEntries(url.searchParams), authorization: req.headers.authorization };
    requests.push(request);
    await hook?.(request);
    const fault = faults.shift();
    if (fault?.type === "reset") return void res.socket?.destroy();
    if (fault?.type === "status") return send(res, fault.status, { error: `injected ${fault.status}` });
    if (fault?.type === "not-json") return void res.writeHead(200, { "content-type": "application/json" }).end("{ not json");
    if (bearer !== undefined && req.headers.authorization !== `Bearer ${bearer}`) return send(res, 401, { error: "unauthorized" });
    const limit = Number(url.searchParams.get("limit") ?? "3");
    if (url.pathname === "/records") return send(res, 200, listPage(url.searchParams.get("cursor") ?? "", limit));
    if (url.pathname === "/changes") return send(res, 200, listChanges(url.searchParams.get("since") ?? "", limit));
    return send(res, 404, { error: "not_found" });
  }

  /** Tokens are opaque to the client; here "o<offset>". A missing or empty token is the first page. */
  function listPage(cursor: string, limit: number) {
    const offset = cursor === "" ? 0 : Number(cursor.slice(1));
    const page = items.slice(offset, offset + limit);
    const nextOffset = offset + limit;
    return { data: { items: page }, next: nextOffset < items.length ? `o${nextOffset}` : null };
  }

  function listChanges(since: string, limit: number) {
    const rows = items.filter((item) => since === "" || item.updatedAt >= since).sort((a, b) => (a.updatedAt < b.updatedAt ? -1 : a.updatedAt > b.updatedAt ? 1 : 0));
    return { rows: rows.slice(0, limit) };
  }

  const server = createServer((req, res) => {
    handle(req, res).catch(() => {
      if (!res.headersSent) send(res, 500, { error: "fake source failure" });
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;

  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    items,
    addItems: (count) => {
      const added = Array.from({ length: count }, () => {
        const id = `rec-${items.length + 1}`;
        const item = { id, name: `Record ${items.length + 1}`, version: 1, updatedAt: tick() };
        items.push(item);
        return item;
      });
      return added;
    },
    updateItem: (id) => {
      const item = items.find((candidate) => candidate.id === id);
      if (!item) throw new Error(`no item ${id}`);
      item.version += 1;
      item.updatedAt = tick();
      return item;
    },
    queueFaults: (...next) => void faults.push(...next),
    onRequest: (next) => {
      hook = next;
    },
    requireBearer: (token) => {
      bearer = token;
    },
    reset: () => {
      requests.length = 0;
      items.length = 0;
      faults.length = 0;
      hook = undefined;
      bearer = undefined;
      clock = 0;
    },
    close: async () => {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

function send(res: ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { "content-type": "application/json" }).end(JSON.stringify(body));
}

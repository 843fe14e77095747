import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { Readable } from "node:stream";

type HookRoute = (request: Request, context: { params: Promise<{ hookKey: string }> }) => Promise<Response>;

export type HookServer = { url: string; close(): Promise<void> };

const HOOK_PATH = /^\/api\/hooks\/([^/]+)$/;

/**
 * Serves the intake route handler over real HTTP on 127.0.0.1 (an ephemeral
 * port), as Next would call it: the body stays a stream, so the handler's own
 * size cap and reading are what get measured, not a pre-buffered copy.
 */
export async function serveHookRoute(post: HookRoute): Promise<HookServer> {
  const server = createServer((req, res) => {
    answer(post, req, res).catch((error: unknown) => {
      // The handler maps its own errors; reaching here means the adapter itself broke.
      if (!res.headersSent) res.writeHead(500, { "content-type": "text/plain" });
      res.end(String(error));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    close: () => new Promise<void>((resolve, reject) => server.close((error) => (error ? reject(error) : resolve()))),
  };
}

async function answer(post: HookRoute, req: IncomingMessage, res: ServerResponse): Promise<void> {
  const url = new URL(req.url ?? "/", `http://${req.headers.host ?? "127.0.0.1"}`);
  const match = HOOK_PATH.exec(url.pathname);
  if (req.method !== "POST" || !match?.[1]) {
    res.writeHead(404, { "content-type": "application/json" }).end(JSON.stringify({ error: { code: "not_found", message: "Not found" } }));
    return;
  }
  const response = await post(toWebRequest(req, url), { params: Promise.resolve({ hookKey: decodeURIComponent(match[1]) }) });
  res.writeHead(response.status, Object.fromEntries(response.headers));
  res.end(Buffer.from(await response.arrayBuffer()));
}

function toWebRequest(req: IncomingMessage, url: URL): Request {
  const headers = new Headers();
  for (let i = 0; i < req.rawHeaders.length; i += 2) headers.append(req.rawHeaders[i] ?? "", req.rawHeaders[i + 1] ?? "");
  const body = Readable.toWeb(req) as ReadableStream<Uint8Array>;
  // duplex is required for a streamed body; the DOM RequestInit type predates it.
  return new Request(url, { method: req.method, headers, body, duplex: "half" } as RequestInit);
}

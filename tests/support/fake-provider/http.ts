import type { IncomingMessage, ServerResponse } from "node:http";

/** What reached the provider, as tests assert on it. */
export type ReceivedRequest = { method: string; path: string; headers: Record<string, string>; body: unknown; receivedAt: Date };

const MAX_BODY_BYTES = 1024 * 1024;

export function send(res: ServerResponse, status: number, body: unknown): string {
  return sendRaw(res, status, JSON.stringify(body ?? null));
}

export function sendRaw(res: ServerResponse, status: number, text: string): string {
  if (res.destroyed) return `${status} (client gone)`;
  res.writeHead(status, { "content-type": "application/json" }).end(text);
  return String(status);
}

export function destroy(res: ServerResponse): string {
  res.socket?.destroy();
  return "socket destroyed";
}

/** Sends the answer a few bytes at a time, as a congested link does, so body timeouts can be exercised. */
export async function dribble(res: ServerResponse, status: number, body: unknown, pace: { intervalMs: number; chunkBytes?: number }, signal: AbortSignal): Promise<string> {
  const bytes = Buffer.from(JSON.stringify(body ?? null), "utf8");
  const size = Math.max(1, pace.chunkBytes ?? 8);
  if (res.destroyed) return `${status} (client gone)`;
  // A known length lets a client tell a slow body from one cut short.
  res.writeHead(status, { "content-type": "application/json", "content-length": String(bytes.length) });
  for (let offset = 0; offset < bytes.length; offset += size) {
    if (offset > 0) await sleep(pace.intervalMs, signal);
    if (res.destroyed || signal.aborted) return `${status} (slow body cut off at ${offset} of ${bytes.length} bytes)`;
    res.write(bytes.subarray(offset, offset + size));
  }
  res.end();
  return `${status} (slow body)`;
}

/** Resolves when the client gives up on the response (or the provider closes), never by itself. */
export function waitUntilClosed(res: ServerResponse, signal: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    if (res.destroyed || signal.aborted) return resolve();
    const done = () => {
      signal.removeEventListener("abort", onAbort);
      resolve();
    };
    // close() must not wait on a request that was told never to answer.
    const onAbort = () => {
      res.socket?.destroy();
      done();
    };
    res.once("close", done);
    signal.addEventListener("abort", onAbort, { once: true });
  });
}

/** A timer that close() cuts short, so no fault outlives the provider. */
export function sleep(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    if (signal.aborted) return resolve();
    const done = () => {
      clearTimeout(timer);
      signal.removeEventListener("abort", done);
      resolve();
    };
    const timer = setTimeout(done, ms);
    signal.addEventListener("abort", done, { once: true });
  });
}

export function flattenHeaders(req: IncomingMessage): Record<string, string> {
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(req.headers)) {
    if (value !== undefined) headers[name] = Array.isArray(value) ? value.join(", ") : value;
  }
  return headers;
}

export async function readBody(req: IncomingMessage): Promise<unknown> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    const bytes = chunk as Buffer;
    size += bytes.length;
    if (size > MAX_BODY_BYTES) throw new Error("request body too large");
    chunks.push(bytes);
  }
  const text = Buffer.concat(chunks).toString("utf8");
  if (text === "") return undefined;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return text;
  }
}

export function asObject(value: unknown): Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : { value };
}

/** The string or number at a dotted path ("externalId", "fields.ORIGIN_ID"), as a string; null when absent. */
export function scalarAt(value: unknown, path: string): string | null {
  let current: unknown = value;
  for (const segment of path.split(".")) {
    if (typeof current !== "object" || current === null || Array.isArray(current)) return null;
    current = (current as Record<string, unknown>)[segment];
  }
  return typeof current === "string" || typeof current === "number" ? String(current) : null;
}

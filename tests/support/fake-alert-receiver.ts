import { createServer } from "node:http";
import type { AddressInfo } from "node:net";

export type ReceivedAlert = { path: string; body: Record<string, unknown> };

export type FakeAlertReceiver = {
  url: string;
  /** Every POST, in arrival order, with its parsed JSON body. */
  received: ReceivedAlert[];
  /** Requests whose path starts with this prefix get 500 (a broken channel); undefined answers all 200. */
  failPathPrefix: string | undefined;
  close: () => Promise<void>;
};

/**
 * One local server standing in for both alert targets: a Slack-style
 * incoming webhook (any path) and Telegram's Bot API (`/bot<token>/sendMessage`,
 * answered `{ok: true}` like Telegram does).
 */
export async function startFakeAlertReceiver(): Promise<FakeAlertReceiver> {
  const receiver: FakeAlertReceiver = { url: "", received: [], failPathPrefix: undefined, close: async () => undefined };
  const server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on("data", (chunk: Buffer) => chunks.push(chunk));
    request.on("end", () => {
      const path = request.url ?? "/";
      receiver.received.push({ path, body: JSON.parse(Buffer.concat(chunks).toString("utf8") || "{}") as Record<string, unknown> });
      const failing = receiver.failPathPrefix !== undefined && path.startsWith(receiver.failPathPrefix);
      response.writeHead(failing ? 500 : 200, { "content-type": "application/json" });
      response.end(JSON.stringify(failing ? { ok: false, description: "Internal" } : { ok: true }));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  receiver.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  receiver.close = () => new Promise((resolve) => server.close(() => resolve()));
  return receiver;
}

import { describe, expect, it } from "vitest";
import { AppError } from "@/lib/errors";
import { readLimitedBody } from "./read-limited-body";

function streamed(chunks: string[], fail?: Error): Request {
  const queue = chunks.map((chunk) => new TextEncoder().encode(chunk));
  const body = new ReadableStream<Uint8Array>({
    pull(controller) {
      const chunk = queue.shift();
      if (chunk) controller.enqueue(chunk);
      else if (fail) controller.error(fail);
      else controller.close();
    },
  });
  return new Request("http://localhost/hook", { method: "POST", body, duplex: "half" } as RequestInit);
}

describe("readLimitedBody", () => {
  it("reads a chunked body whole", async () => {
    expect((await readLimitedBody(streamed(['{"a":', "1}"]), 1024)).toString()).toBe('{"a":1}');
  });

  it("answers 413 when the bytes or the declared length pass the cap", async () => {
    await expect(readLimitedBody(streamed(["x".repeat(600), "x".repeat(600)]), 1024)).rejects.toMatchObject({ status: 413 });
    const lying = new Request("http://localhost/hook", { method: "POST", headers: { "content-length": "1e400" }, body: "{}" });
    await expect(readLimitedBody(lying, 1024)).rejects.toMatchObject({ status: 413 });
  });

  it("answers 400, not 500, when the sender's stream breaks halfway", async () => {
    const reading = readLimitedBody(streamed(['{"id":'], Object.assign(new Error("aborted"), { code: "ECONNRESET" })), 1024);
    await expect(reading).rejects.toBeInstanceOf(AppError);
    await expect(reading).rejects.toMatchObject({ status: 400, message: "The request body could not be read completely" });
  });
});

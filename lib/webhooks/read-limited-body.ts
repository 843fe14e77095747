import { AppError } from "@/lib/errors";

/**
 * Reads the raw request bytes, refusing (413) as soon as they pass the cap
 * so an oversized upload is never buffered whole. Content-Length is checked
 * first but not trusted: chunked bodies carry none.
 */
export async function readLimitedBody(request: Request, maxBytes: number): Promise<Buffer> {
  const declared = Number(request.headers.get("content-length") ?? "0");
  if (declared > maxBytes) throw tooLarge(maxBytes);
  if (!request.body) return Buffer.alloc(0);
  const chunks: Uint8Array[] = [];
  let total = 0;
  const reader = request.body.getReader();
  for (;;) {
    const { done, value } = await reader.read().catch((error: unknown) => {
      // The sender hung up or its stream broke mid-body: its request is
      // incomplete, not our failure, so a 400 rather than a logged 500.
      throw new AppError("bad_request", "The request body could not be read completely", { cause: error });
    });
    if (done) break;
    total += value.byteLength;
    if (total > maxBytes) {
      // The 413 is the answer whatever cancelling a sender's stream reports.
      await reader.cancel().catch(() => undefined);
      throw tooLarge(maxBytes);
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks);
}

function tooLarge(maxBytes: number): AppError {
  return new AppError("payload_too_large", `Body exceeds the ${maxBytes}-byte limit`);
}

export type ReadResponseBodyResult = { text: string; truncated: boolean };

/**
 * Reads at most `maxBytes` of a response body. Past the cap the stream is
 * destroyed rather than drained, so a huge or endless response costs neither
 * memory nor time (R23: stored response bodies are size-capped).
 */
export async function readResponseBody(body: AsyncIterable<Uint8Array | string>, maxBytes: number): Promise<ReadResponseBodyResult> {
  const chunks: Buffer[] = [];
  let size = 0;
  let truncated = false;
  for await (const chunk of body) {
    const bytes = typeof chunk === "string" ? Buffer.from(chunk) : Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength);
    if (size + bytes.length > maxBytes) {
      chunks.push(bytes.subarray(0, maxBytes - size));
      truncated = true;
      // Leaving the loop closes the stream (and its connection).
      break;
    }
    chunks.push(bytes);
    size += bytes.length;
  }
  // A cut may split a multi-byte character; the decoder turns it into U+FFFD instead of throwing.
  return { text: new TextDecoder().decode(Buffer.concat(chunks)), truncated };
}

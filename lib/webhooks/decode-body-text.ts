import { AppError } from "@/lib/errors";

// fatal: a lossy decode would store U+FFFD instead of the bytes the sender
// signed and meant. ignoreBOM keeps a byte-order mark in the text, so the
// stored body stays byte-for-byte what arrived (JSON.parse then refuses it).
const UTF8 = new TextDecoder("utf-8", { fatal: true, ignoreBOM: true });

/**
 * The body as text, refused with 400 when it is not valid UTF-8 or holds a
 * NUL character: PostgreSQL text and jsonb cannot store NUL, so such a body
 * would otherwise fail at insert (a 503 the sender retries forever) or stall
 * its run in the worker.
 */
export function decodeBodyText(raw: Buffer): string {
  let text: string;
  try {
    text = UTF8.decode(raw);
  } catch {
    throw new AppError("bad_request", "Webhook body is not valid UTF-8");
  }
  if (text.includes("\u0000")) throw new AppError("bad_request", "Webhook body contains a NUL character");
  return text;
}

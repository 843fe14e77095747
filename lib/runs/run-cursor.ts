import { AppError } from "@/lib/errors";

/** Where a page of the runs list ends: the last row's sort key (createdAt desc, id desc). */
export type RunCursor = { createdAt: Date; id: string };

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Opaque to clients, so the sort key can change without breaking their links. */
export function encodeRunCursor({ createdAt, id }: RunCursor): string {
  return Buffer.from(`${createdAt.toISOString()}|${id}`, "utf8").toString("base64url");
}

/** A tampered or truncated cursor is a 422, never a 500 or a silent first page. */
export function decodeRunCursor(cursor: string): RunCursor {
  const [iso, id, extra] = Buffer.from(cursor, "base64url").toString("utf8").split("|");
  const createdAt = new Date(iso ?? "");
  if (extra !== undefined || id === undefined || !UUID.test(id) || Number.isNaN(createdAt.getTime())) {
    throw new AppError("validation_failed", "The page cursor is not valid; start again from the first page.", { details: { cursor: ["invalid"] } });
  }
  return { createdAt, id };
}

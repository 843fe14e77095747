import { getPath } from "@/lib/mapping/get-path";

/** Longer values are not ids (a whole object serialised, a document): not worth an index entry. */
const MAX_EXTERNAL_ID_LENGTH = 200;

/** The record id at `path` in a target's answer, when it is a plain string or number; otherwise nothing is indexed. */
export function pickExternalId(body: unknown, path: string): string | undefined {
  const value = getPath(body, path);
  if (typeof value === "number" && Number.isFinite(value)) return String(value);
  if (typeof value === "string" && value.trim() !== "" && value.length <= MAX_EXTERNAL_ID_LENGTH) return value.trim();
  return undefined;
}

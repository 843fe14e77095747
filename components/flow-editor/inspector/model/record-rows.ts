/** A key/value editor's rows; a list, not an object, so a half-typed or repeated key is not lost while editing. */
export type RecordRow = { key: string; value: string };

export function recordToRows(value: unknown): RecordRow[] {
  if (typeof value !== "object" || value === null || Array.isArray(value)) return [];
  return Object.entries(value).map(([key, item]) => ({ key, value: typeof item === "string" ? item : JSON.stringify(item) }));
}

/** Rows without a key are still being typed and are not stored; for a repeated key the last row wins, as in an object literal. */
export function rowsToRecord(rows: readonly RecordRow[]): Record<string, string> {
  return Object.fromEntries(rows.filter((row) => row.key.trim() !== "").map((row) => [row.key.trim(), row.value]));
}

/** Keys typed more than once, marked in the editor because only one of them can be stored. */
export function repeatedKeys(rows: readonly RecordRow[]): Set<string> {
  const seen = new Set<string>();
  const repeated = new Set<string>();
  for (const { key } of rows) {
    const trimmed = key.trim();
    if (trimmed !== "" && seen.has(trimmed)) repeated.add(trimmed);
    seen.add(trimmed);
  }
  return repeated;
}

/** The value-map transform's editable parts, as the draft holds them. */
export type ValueMapRow = { from: string; to: unknown };
export type ValueMapFallback = { mode: "keep" } | { mode: "value"; value: unknown } | { mode: "error" };
export type ValueMapFallbackMode = ValueMapFallback["mode"];

export const FALLBACK_LABELS: Readonly<Record<ValueMapFallbackMode, string>> = {
  keep: "Keep the value as it is",
  value: "Use a fixed value",
  error: "Fail the run (mapping error)",
};

export function readRows(value: unknown): ValueMapRow[] {
  if (!Array.isArray(value)) return [];
  return value.map((row: unknown) => {
    const record = typeof row === "object" && row !== null ? (row as Record<string, unknown>) : {};
    return { from: typeof record.from === "string" ? record.from : String(record.from ?? ""), to: record.to ?? "" };
  });
}

export function readFallback(value: unknown): ValueMapFallback {
  const record = typeof value === "object" && value !== null ? (value as Record<string, unknown>) : {};
  if (record.mode === "value") return { mode: "value", value: record.value ?? "" };
  if (record.mode === "error") return { mode: "error" };
  return { mode: "keep" };
}

export function addRow(rows: readonly ValueMapRow[]): ValueMapRow[] {
  return [...rows, { from: "", to: "" }];
}

export function updateRow(rows: readonly ValueMapRow[], index: number, patch: Partial<ValueMapRow>): ValueMapRow[] {
  return rows.map((row, at) => (at === index ? { ...row, ...patch } : row));
}

export function removeRow(rows: readonly ValueMapRow[], index: number): ValueMapRow[] {
  return rows.filter((_, at) => at !== index);
}

/** Switching modes keeps the fixed value typed so far, so toggling back and forth loses nothing. */
export function changeFallbackMode(current: ValueMapFallback, mode: ValueMapFallbackMode): ValueMapFallback {
  if (mode !== "value") return { mode };
  return { mode, value: current.mode === "value" ? current.value : "" };
}

/**
 * The `from` values used more than once; the engine refuses the map, and the
 * table marks these rows so the analyst sees which one to fix.
 */
export function duplicateFroms(rows: readonly ValueMapRow[]): Set<string> {
  const seen = new Set<string>();
  const duplicates = new Set<string>();
  for (const row of rows) {
    if (seen.has(row.from)) duplicates.add(row.from);
    seen.add(row.from);
  }
  return duplicates;
}

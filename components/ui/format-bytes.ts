const UNITS = ["KB", "MB", "GB", "TB"] as const;

/** "512 B", "12.3 MB": decimal units, one decimal, as storage is usually quoted. */
export function formatBytes(bytes: number): string {
  if (bytes < 1000) return `${bytes} B`;
  let value = bytes;
  let unit: string = "B";
  for (const next of UNITS) {
    if (value < 1000) break;
    value /= 1000;
    unit = next;
  }
  return `${value.toFixed(1)} ${unit}`;
}

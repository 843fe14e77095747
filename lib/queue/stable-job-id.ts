import { createHash } from "node:crypto";

/**
 * A job id derived from what the job is for (e.g. a run and its retry
 * number). pg-boss inserts jobs with ON CONFLICT DO NOTHING, so two senders
 * racing with the same parts create one job, not two.
 */
export function stableJobId(...parts: string[]): string {
  const hex = createHash("sha256").update(JSON.stringify(parts)).digest("hex");
  // Shaped as a version-5-style UUID: the job id column is a uuid.
  const variant = ((parseInt(hex[16] ?? "0", 16) & 0x3) | 0x8).toString(16);
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-5${hex.slice(13, 16)}-${variant}${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

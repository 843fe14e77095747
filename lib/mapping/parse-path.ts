import { MappingError } from "@/lib/mapping/mapping-error";

/**
 * Segments that would reach an object's prototype. Paths come from flow
 * configs and placeholders; refusing these keeps a crafted config or payload
 * from polluting Object.prototype in the worker.
 */
export const FORBIDDEN_PATH_SEGMENTS: ReadonlySet<string> = new Set(["__proto__", "constructor", "prototype"]);

/** Splits "items.0.sku" into ["items", "0", "sku"]; "" is the root (no segments). */
export function parsePath(path: string): string[] {
  if (path === "") return [];
  const segments = path.split(".");
  for (const segment of segments) {
    if (segment === "") throw new MappingError(`Path "${path}" has an empty segment`, { target: path });
    if (FORBIDDEN_PATH_SEGMENTS.has(segment)) {
      throw new MappingError(`Path "${path}" uses the forbidden segment "${segment}"`, { target: path });
    }
  }
  return segments;
}

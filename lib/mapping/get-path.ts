import { parsePath } from "@/lib/mapping/parse-path";

/**
 * Reads "order.items.0.sku" from a JSON value; undefined when any step is
 * missing. Only own properties are read, so a path can never surface
 * something inherited from a prototype. Throws MappingError for a malformed
 * or forbidden path.
 */
export function getPath(value: unknown, path: string): unknown {
  let current: unknown = value;
  for (const segment of parsePath(path)) {
    if (Array.isArray(current)) {
      if (!/^\d+$/.test(segment)) return undefined;
      current = current[Number(segment)];
    } else if (typeof current === "object" && current !== null && Object.hasOwn(current, segment)) {
      current = (current as Record<string, unknown>)[segment];
    } else {
      return undefined;
    }
  }
  return current;
}

/** A place inside a node's config: object keys and list indexes, e.g. ["mappings", 0, "source"]. */
export type ConfigPath = readonly (string | number)[];

/** "config.mappings.0.source": the form GraphProblem.path and the issue index use. */
export function toProblemPath(path: ConfigPath): string {
  return ["config", ...path].join(".");
}

export function readAt(root: unknown, path: ConfigPath): unknown {
  let current = root;
  for (const segment of path) {
    if (typeof current !== "object" || current === null) return undefined;
    current = Object.hasOwn(current, segment) ? (current as Record<string | number, unknown>)[segment] : undefined;
  }
  return current;
}

/**
 * Returns a copy of `root` with `value` written at `path`; undefined removes
 * the key (or list item). Only the containers along the path are copied, so
 * the draft config (possibly invalid) is never mutated and undo keeps working.
 */
export function writeAt(root: unknown, path: ConfigPath, value: unknown): unknown {
  const [head, ...rest] = path;
  if (head === undefined) return value;
  const child = rest.length === 0 ? value : writeAt(readAt(root, [head]), rest, value);
  if (typeof head === "number") {
    const list = Array.isArray(root) ? [...(root as unknown[])] : [];
    if (child === undefined) list.splice(head, 1);
    else list[head] = child;
    return list;
  }
  const record = typeof root === "object" && root !== null && !Array.isArray(root) ? { ...(root as Record<string, unknown>) } : {};
  if (child === undefined) delete record[head];
  else record[head] = child;
  return record;
}

/** The config as an object to read fields from; a draft may hold anything, which reads as empty. */
export function asRecord(value: unknown): Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : {};
}

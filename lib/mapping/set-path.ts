import { MappingError } from "@/lib/mapping/mapping-error";
import { parsePath } from "@/lib/mapping/parse-path";

// A path like "items.99999999" would otherwise allocate a huge sparse array.
const MAX_ARRAY_INDEX = 10_000;

/**
 * Returns a copy of `root` with `value` written at `path`, creating objects
 * (or arrays, when the next segment is an index) on the way. The input is
 * never mutated: only the containers along the path are copied.
 */
export function setPath(root: unknown, path: string, value: unknown): unknown {
  const segments = parsePath(path);
  if (segments.length === 0) throw new MappingError("Cannot set an empty path", { target: path });
  return setAt(root, segments, 0, value, path);
}

function setAt(container: unknown, segments: string[], depth: number, value: unknown, path: string): unknown {
  const segment = segments[depth] as string;
  const next = segments[depth + 1];
  const isLast = next === undefined;
  const child = (current: unknown) => (isLast ? value : setAt(current, segments, depth + 1, value, path));

  if (container === undefined || container === null) {
    return /^\d+$/.test(segment) ? setInArray([], segment, child, path) : { [segment]: child(undefined) };
  }
  if (Array.isArray(container)) return setInArray(container, segment, child, path);
  if (typeof container === "object") {
    const record = container as Record<string, unknown>;
    const current = Object.hasOwn(record, segment) ? record[segment] : undefined;
    return { ...record, [segment]: child(current) };
  }
  const at = segments.slice(0, depth).join(".") || "the root";
  throw new MappingError(`Cannot set "${path}": ${at} is a ${typeof container}, not an object`, { target: path });
}

function setInArray(array: unknown[], segment: string, child: (current: unknown) => unknown, path: string): unknown[] {
  if (!/^\d+$/.test(segment)) {
    throw new MappingError(`Cannot set "${path}": "${segment}" is not an index into a list`, { target: path });
  }
  const index = Number(segment);
  if (index > MAX_ARRAY_INDEX) throw new MappingError(`Cannot set "${path}": index ${index} is too large`, { target: path });
  // Array.from turns holes into explicit undefined (null once serialized).
  const copy = Array.from({ length: Math.max(array.length, index + 1) }, (_, i) => array[i]);
  copy[index] = child(array[index]);
  return copy;
}

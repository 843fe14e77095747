import { redactString } from "./redact-string";
import { isSecretName, MASK, SECRET_HEADER_NAMES } from "./secret-names";

export type RedactValueOptions = {
  /** Known secret values to mask wherever they appear inside strings. */
  secrets?: readonly string[];
  /** Nesting beyond this is replaced by "[MaxDepth]" so a huge payload cannot stall a log call. */
  maxDepth?: number;
};

const DEFAULT_MAX_DEPTH = 12;

/**
 * Returns a redacted deep copy (R20), safe to hand to any sink: logs, step
 * records, error bodies. Fields named like secrets are masked whole; strings
 * everywhere are scrubbed of known secret values and secret-shaped text.
 * Never throws and never mutates its input.
 */
export function redactValue(value: unknown, options: RedactValueOptions = {}): unknown {
  return walk(value, options, new WeakSet<object>(), 0);
}

function walk(value: unknown, options: RedactValueOptions, ancestors: WeakSet<object>, depth: number): unknown {
  if (typeof value === "string") return redactString(value, options);
  if (typeof value === "function") return "[Function]";
  if (typeof value === "symbol") return value.toString();
  if (typeof value !== "object" || value === null) return value;
  if (ancestors.has(value)) return "[Circular]";
  if (depth >= (options.maxDepth ?? DEFAULT_MAX_DEPTH)) return "[MaxDepth]";
  if (value instanceof Date) return value;
  // Raw bytes may hold a whole request; we cannot scrub them, so we never copy them.
  if (ArrayBuffer.isView(value) || value instanceof ArrayBuffer) return `[Binary ${value.byteLength} bytes]`;
  if (value instanceof URL) return redactString(value.toString(), options);

  ancestors.add(value);
  try {
    const next = (child: unknown) => walk(child, options, ancestors, depth + 1);
    if (Array.isArray(value)) return redactArray(value, next);
    if (value instanceof Map) return redactEntries([...value.entries()], next);
    if (value instanceof Set) return [...value].map(next);
    if (typeof Headers !== "undefined" && value instanceof Headers) return redactEntries([...value.entries()], next);
    if (value instanceof Error) return redactError(value, next);
    return redactEntries(Object.entries(value), next);
  } finally {
    // Only ancestors count as cycles: the same object twice in siblings is not one.
    ancestors.delete(value);
  }
}

/**
 * Node's rawHeaders and header tuples are flat [name, value, …] string
 * arrays; a value following a credential header name is masked. Limited to
 * the fixed header list so ordinary lists like ["password", "email"] survive.
 */
function redactArray(items: unknown[], next: (child: unknown) => unknown): unknown[] {
  return items.map((item, index) => {
    const previous = index % 2 === 1 ? items[index - 1] : undefined;
    if (typeof previous === "string" && SECRET_HEADER_NAMES.has(previous.toLowerCase()) && item != null) return MASK;
    return next(item);
  });
}

function redactEntries(entries: Array<[unknown, unknown]>, next: (child: unknown) => unknown): Record<string, unknown> {
  const copy: Record<string, unknown> = {};
  for (const [key, child] of entries) {
    const name = String(key);
    copy[name] = isSecretName(name) && child != null ? MASK : next(child);
  }
  return copy;
}

/**
 * Same shape as pino's err serializer, so log lines keep one format. Only
 * scalar own properties (code, status, severity…) are kept: libraries hang
 * whole objects on errors (pg attaches its Client), which would bloat every
 * line and drag connection settings into the log.
 */
function redactError(error: Error, next: (child: unknown) => unknown): Record<string, unknown> {
  const scalars = Object.entries(error).filter(([, value]) => value === null || ["string", "number", "boolean"].includes(typeof value));
  const copy = redactEntries(scalars, next);
  copy.type = error.name;
  copy.message = next(error.message);
  if (error.stack !== undefined) copy.stack = next(error.stack);
  if (error.cause !== undefined) copy.cause = next(error.cause);
  return copy;
}

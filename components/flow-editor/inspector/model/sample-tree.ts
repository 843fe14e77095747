import { FORBIDDEN_PATH_SEGMENTS } from "@/lib/mapping/parse-path";

export type SampleValueType = "object" | "list" | "text" | "number" | "boolean" | "null";

/** One field of the sample event, addressed by the dot path the mapping engine reads ("items.0.sku"). */
export type SampleNode = {
  path: string;
  key: string;
  type: SampleValueType;
  /** Short text of a scalar value, or "3 fields" / "2 items" for a container. */
  preview: string;
  children: SampleNode[];
};

// A pasted export can be huge; the tree is for picking paths, so lists show their first items only.
const MAX_LIST_ITEMS = 20;
const MAX_PREVIEW = 40;

/**
 * The sample as a tree of addressable fields. Keys a dot path cannot name
 * (containing ".", empty, or prototype names the engine refuses) are left
 * out, since picking them would produce a mapping that can never resolve.
 */
export function buildSampleTree(sample: unknown, parent = ""): SampleNode[] {
  const entries: [string, unknown][] = Array.isArray(sample)
    ? sample.slice(0, MAX_LIST_ITEMS).map((item, index) => [String(index), item])
    : typeof sample === "object" && sample !== null
      ? Object.entries(sample)
      : [];
  return entries
    .filter(([key]) => key !== "" && !key.includes(".") && !FORBIDDEN_PATH_SEGMENTS.has(key))
    .map(([key, value]) => {
      const path = parent === "" ? key : `${parent}.${key}`;
      return { path, key, type: typeOf(value), preview: previewOf(value), children: buildSampleTree(value, path) };
    });
}

/** Every path in the tree, depth first: the choices of the keyboard "pick" select. */
export function listSamplePaths(nodes: readonly SampleNode[]): string[] {
  return nodes.flatMap((node) => [node.path, ...listSamplePaths(node.children)]);
}

export function typeOf(value: unknown): SampleValueType {
  if (value === null || value === undefined) return "null";
  if (Array.isArray(value)) return "list";
  if (typeof value === "object") return "object";
  if (typeof value === "number") return "number";
  if (typeof value === "boolean") return "boolean";
  return "text";
}

function previewOf(value: unknown): string {
  if (Array.isArray(value)) return `${value.length} ${value.length === 1 ? "item" : "items"}`;
  if (typeof value === "object" && value !== null) {
    const count = Object.keys(value).length;
    return `${count} ${count === 1 ? "field" : "fields"}`;
  }
  const text = JSON.stringify(value) ?? "undefined";
  return text.length > MAX_PREVIEW ? `${text.slice(0, MAX_PREVIEW)}…` : text;
}

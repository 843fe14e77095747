import type { z } from "zod";
import { NODE_CONFIG_SCHEMAS, type NodeConfig, type NodeKind } from "@/lib/flows/schema";

export type NodeCategory = "trigger" | "transform" | "logic" | "action";

/** What the palette, the inspector and validateGraph know about a kind; the executor lives in executors.ts. */
export type NodeDefinition<K extends NodeKind = NodeKind> = {
  kind: K;
  label: string;
  category: NodeCategory;
  configSchema: (typeof NODE_CONFIG_SCHEMAS)[K];
  /** A fresh, valid config for a node just dropped on the canvas. */
  defaultConfig: () => NodeConfig<K>;
  /** Handles an edge may leave from; a null sourceHandle means "out", so it must be chosen on kinds without one. */
  outputHandles: readonly string[];
  /** False until the kind's executor exists; such nodes block publishing. */
  executable: boolean;
};

// Placeholder values must still parse, because drafts are parsed on save.
// ".invalid" never resolves (RFC 2606), so an unedited node cannot reach anyone.
const PLACEHOLDER_URL = "https://example.invalid/";

type Meta<K extends NodeKind> = Omit<NodeDefinition<K>, "kind" | "configSchema" | "defaultConfig">;

function define<K extends NodeKind>(kind: K, meta: Meta<K>, starter: z.input<(typeof NODE_CONFIG_SCHEMAS)[K]>): NodeDefinition<K> {
  const configSchema = NODE_CONFIG_SCHEMAS[kind];
  // Parsing on every call hands out a fresh object with all defaults filled.
  // The cast is only because TS widens a generic indexed schema's output to the union.
  return { kind, configSchema, defaultConfig: () => configSchema.parse(starter) as NodeConfig<K>, ...meta };
}

/** One entry per kind: a kind without an entry is a type error. */
export const NODE_DEFINITIONS: { readonly [K in NodeKind]: NodeDefinition<K> } = {
  "webhook-trigger": define("webhook-trigger", { label: "Webhook", category: "trigger", outputHandles: ["out"], executable: true }, {}),
  "schedule-trigger": define(
    "schedule-trigger",
    { label: "Schedule", category: "trigger", outputHandles: ["out"], executable: true },
    { cron: "0 * * * *" },
  ),
  "manual-trigger": define("manual-trigger", { label: "Manual trigger", category: "trigger", outputHandles: ["out"], executable: true }, {}),
  "map-fields": define("map-fields", { label: "Map fields", category: "transform", outputHandles: ["out"], executable: true }, {}),
  filter: define("filter", { label: "Filter", category: "logic", outputHandles: ["true", "false"], executable: true }, { condition: "true" }),
  // "duplicate" is taken only with onDuplicate "update"; a null handle is "out".
  dedup: define("dedup", { label: "Deduplicate", category: "logic", outputHandles: ["out", "duplicate"], executable: true }, { key: "id" }),
  lookup: define(
    "lookup",
    { label: "Lookup", category: "action", outputHandles: ["found", "not-found"], executable: true },
    { url: PLACEHOLDER_URL },
  ),
  "http-request": define(
    "http-request",
    { label: "HTTP request", category: "action", outputHandles: ["out"], executable: true },
    { url: PLACEHOLDER_URL },
  ),
};

import { z } from "zod";
import { FORBIDDEN_PATH_SEGMENTS } from "@/lib/mapping/parse-path";
import { DATE_FORMAT_TOKENS } from "@/lib/mapping/split-date-format";
import { IDEMPOTENCY_KEY_FORMATS } from "@/lib/runs/idempotency-key-formats";

/*
 * The flow definition contract, schemaVersion 1. Published versions are
 * re-parsed with these schemas whenever they are read, so changes must stay
 * backward compatible: add optional fields or fields with defaults, never
 * tighten what an already stored definition contains.
 */

export const NODE_KINDS = [
  "webhook-trigger",
  "schedule-trigger",
  "manual-trigger",
  "map-fields",
  "filter",
  "dedup",
  "lookup",
  "http-request",
] as const;
export type NodeKind = (typeof NODE_KINDS)[number];

export const TRIGGER_KINDS = ["webhook-trigger", "schedule-trigger", "manual-trigger"] as const;
export type TriggerKind = (typeof TRIGGER_KINDS)[number];

export const HTTP_METHODS = ["GET", "POST", "PUT", "PATCH", "DELETE"] as const;
export type HttpMethod = (typeof HTTP_METHODS)[number];

// ---------------------------------------------------------------- building blocks

/** Any JSON value; what payloads, defaults and body templates are made of. */
export const jsonValueSchema = z.json();

/** "order.customer.name" or "items.0.sku": the path syntax getPath/setPath accept. */
export const dotPathSchema = z
  .string()
  .min(1, "Path is required")
  .refine((path) => path.split(".").every((segment) => segment !== ""), "Path must not have empty segments (\"a..b\")")
  .refine(
    (path) => path.split(".").every((segment) => !FORBIDDEN_PATH_SEGMENTS.has(segment)),
    "Path must not use __proto__, constructor or prototype",
  );

/** A JSONata expression; syntax is checked by validateGraph, which can name the node. */
export const expressionSchema = z.string().trim().min(1, "Expression is required");

/** A string that may contain {{path}} placeholders, rendered against the step's input. */
export const templateStringSchema = z.string();

const isUrlTemplate = (url: string) => url.includes("{{") || /^https?:\/\/[^\s/]+/i.test(url);
/** "crm.lead.add.json", "/sendMessage?x=1": no scheme, no authority, no spaces. */
const isRelativePath = (url: string) => !/^[a-z][a-z\d+.-]*:|^\/\/|\s/i.test(url);

/** An http(s) URL, or a template that becomes one at run time. */
export const urlTemplateSchema = z
  .string()
  .trim()
  .min(1, "URL is required")
  .refine(isUrlTemplate, "URL must start with http:// or https://");

/**
 * An http-request's URL: absolute as above, or a path relative to the
 * secret-URL credential that supplies the base (Bitrix24's inbound webhook,
 * Telegram's /bot<token>/); the config-level check ties the two together.
 */
const httpRequestUrlSchema = z
  .string()
  .trim()
  .min(1, "URL is required")
  .refine((url) => isUrlTemplate(url) || isRelativePath(url), "URL must start with http:// or https://");

const headersSchema = z.record(z.string().min(1), templateStringSchema).default(() => ({}));
const credentialRefSchema = z.string().min(1);
const httpStatusSchema = z.number().int().min(100).max(599);

const timeZoneSchema = z
  .string()
  .default("UTC")
  .refine(isTimeZone, "Timezone must be an IANA name such as UTC or Asia/Almaty");

/** "DD.MM.YYYY HH:mm": tokens YYYY MM DD HH mm ss, anything else is literal text; an input format needs the date. */
function dateFormatSchema(side: "input" | "output") {
  return z
    .string()
    .min(1, "Format is required")
    .refine((format) => DATE_FORMAT_TOKENS.some((token) => format.includes(token)), "Format must contain at least one of YYYY MM DD HH mm ss")
    .refine((format) => side === "output" || ["YYYY", "MM", "DD"].every((token) => format.includes(token)), "An input format needs YYYY, MM and DD");
}

// ---------------------------------------------------------------- triggers

export const SIGNATURE_SCHEMES = ["hmac-sha256", "standard-webhooks", "stripe", "github", "shared-secret"] as const;

export const webhookSignatureSchema = z
  .object({
    scheme: z.enum(SIGNATURE_SCHEMES),
    credentialRef: credentialRefSchema,
    /** Overrides the scheme's usual header; required for plain hmac-sha256, which has none. */
    header: z.string().min(1).optional(),
    encoding: z.enum(["hex", "base64"]).optional(),
    /** shared-secret only: the query parameter carrying the token, for senders that cannot set headers. */
    queryParam: z.string().min(1).optional(),
  })
  .refine((sig) => sig.scheme !== "hmac-sha256" || sig.header !== undefined, {
    message: "hmac-sha256 needs the header that carries the signature",
    path: ["header"],
  })
  .refine((sig) => sig.scheme !== "shared-secret" || (sig.header === undefined) !== (sig.queryParam === undefined), {
    message: "shared-secret needs either the header or the query parameter that carries the token",
    path: ["header"],
  });

export const webhookTriggerConfigSchema = z.object({
  signature: webhookSignatureSchema.optional(),
  /** Also accept application/x-www-form-urlencoded bodies (Bitrix24, amoCRM send them); JSON is always accepted. */
  acceptForm: z.boolean().default(false),
  /** Where the provider's event id is in the body; the intake dedup key (R4). */
  eventIdPath: dotPathSchema.optional(),
  /** Header carrying the event id, e.g. "X-Huntflow-Delivery"; wins over eventIdPath. */
  eventIdHeader: z.string().min(1).optional(),
  /** For providers without event ids: a JSONata expression over the body whose result is the dedup key. */
  eventIdExpression: expressionSchema.optional(),
  /** Last resort when no id is configured or found: a SHA-256 of the raw body dedups byte-identical redeliveries. */
  dedupByBodyHash: z.boolean().default(false),
  /** The business entity the event is about; part of every idempotency key (R6). */
  businessKeyPath: dotPathSchema.optional(),
  /** A version or timestamp in the body, so stale events are skipped (R12). */
  entityVersionPath: dotPathSchema.optional(),
});

const CRON_FIELD = /^[\d*/,\-A-Za-z?LW#]+$/;

export const schedulePollSchema = z.object({
  connectorRef: z.string().min(1).optional(),
  credentialRef: credentialRefSchema.optional(),
  method: z.enum(["GET", "POST"]).default("GET"),
  url: urlTemplateSchema,
  headers: headersSchema,
  /** Where the list of items is in the response; each item becomes one event. */
  itemsPath: dotPathSchema,
  /** Where the next cursor is in the response; rendered into url as {{cursor}}. */
  cursorPath: dotPathSchema.optional(),
  /** The item's own id, used as the event id for dedup (R4). */
  idPath: dotPathSchema,
  /**
   * The item's version or updated-at; part of its event id, so an update of
   * an already seen record is a new event while a re-polled one is a duplicate.
   */
  versionPath: dotPathSchema.optional(),
  /**
   * updated-since polling: the greatest value of this item field becomes the
   * next poll's {{cursor}}. Without it, cursorPath (a page token) is used.
   */
  cursorItemPath: dotPathSchema.optional(),
  /**
   * The business entity of an item (R6). When unset the item's event id
   * (its id, or id@version) is the business key, so an updated record's run
   * gets an idempotency key of its own instead of replaying the first one.
   */
  businessKeyPath: dotPathSchema.optional(),
  /** Pages fetched per poll at most, so one poll cannot run for ever. */
  maxPages: z.number().int().min(1).max(1000).default(50),
  timeoutMs: z.number().int().min(100).max(300_000).default(15_000),
});

export const scheduleTriggerConfigSchema = z.object({
  cron: z
    .string()
    .trim()
    .refine((cron) => {
      const fields = cron.split(/\s+/);
      return fields.length === 5 && fields.every((field) => CRON_FIELD.test(field));
    }, "Cron must have 5 fields: minute hour day-of-month month day-of-week"),
  timezone: timeZoneSchema,
  poll: schedulePollSchema.optional(),
  /** Initial cursor for the first poll; afterwards the stored cursor is used. */
  cursor: jsonValueSchema.optional(),
});

export const manualTriggerConfigSchema = z.object({
  samplePayload: jsonValueSchema.optional(),
});

// ---------------------------------------------------------------- map-fields

export const transformSchema = z.discriminatedUnion(
  "type",
  [
    z.object({ type: z.literal("trim") }),
    z.object({ type: z.literal("lowercase") }),
    z.object({ type: z.literal("uppercase") }),
    z.object({ type: z.literal("to-number") }),
    z.object({ type: z.literal("to-string") }),
    z.object({ type: z.literal("to-boolean") }),
    z.object({
      type: z.literal("phone-e164"),
      /** Calling code used when the number has none, e.g. "7" for KZ/RU. */
      defaultCountryCode: z
        .string()
        .regex(/^[1-9]\d{0,2}$/, "Country code must be 1-3 digits without +")
        .optional(),
    }),
    z.object({ type: z.literal("date-iso") }),
    z.object({ type: z.literal("default"), value: jsonValueSchema }),
    z.object({ type: z.literal("template"), template: z.string().min(1, "Template is required") }),
    z.object({
      type: z.literal("value-map"),
      /** Looked up by the value as text ("1", "true", "WON"): CRM status → service status. */
      entries: z
        .array(z.object({ from: z.string(), to: jsonValueSchema }))
        .min(1, "Add at least one value to map")
        .refine((entries) => new Set(entries.map((entry) => entry.from)).size === entries.length, "Each value can be mapped only once"),
      /** What a value without an entry becomes: itself, a fixed value, or a mapping error. */
      fallback: z
        .discriminatedUnion("mode", [
          z.object({ mode: z.literal("keep") }),
          z.object({ mode: z.literal("value"), value: jsonValueSchema }),
          z.object({ mode: z.literal("error") }),
        ])
        .default(() => ({ mode: "keep" as const })),
    }),
    z.object({
      type: z.literal("concatenate"),
      /** Joined after the current value: fields of the mapping's input, or fixed text. */
      with: z.array(z.union([z.object({ source: dotPathSchema }), z.object({ text: z.string() })])).min(1, "Add at least one part to join"),
      separator: z.string().default(" "),
      /** Leave out parts that are missing, null or "" (no double separators for a missing middle name). */
      skipEmpty: z.boolean().default(true),
    }),
    z.object({
      type: z.literal("date-format"),
      /** E.g. "DD.MM.YYYY HH:mm" (1C, Bitrix24); without it the value is read like date-iso. */
      inputFormat: dateFormatSchema("input").optional(),
      /** E.g. "YYYY-MM-DD", or "iso" for ISO 8601 in UTC. */
      outputFormat: z.union([z.literal("iso"), dateFormatSchema("output")]),
      /** The zone of wall times read by inputFormat and written by outputFormat. */
      timezone: timeZoneSchema,
    }),
  ],
  { error: "Unknown transform type" },
);
export type Transform = z.output<typeof transformSchema>;
export type TransformType = Transform["type"];

export const fieldMappingSchema = z
  .object({
    target: dotPathSchema,
    source: dotPathSchema.optional(),
    expression: expressionSchema.optional(),
    transform: z.array(transformSchema).default(() => []),
    /** Used when the source or expression yields undefined or null. */
    default: jsonValueSchema.optional(),
  })
  .refine((mapping) => (mapping.source === undefined) !== (mapping.expression === undefined), {
    message: "Set either a source path or an expression, not both",
    path: ["source"],
  });
export type FieldMapping = z.output<typeof fieldMappingSchema>;

export const mapFieldsConfigSchema = z.object({
  mappings: z.array(fieldMappingSchema).default(() => []),
  /** merge: the output starts as a copy of the input and mappings overwrite it. */
  mode: z.enum(["replace", "merge"]).default("replace"),
});

// ---------------------------------------------------------------- logic

export const filterConfigSchema = z.object({
  condition: expressionSchema,
});

export const DEDUP_SCOPES = ["flow", "connector", "global"] as const;
export const DEDUP_ON_DUPLICATE = ["skip", "fail", "update"] as const;

export const dedupConfigSchema = z
  .object({
    /** A JSONata expression over the node's input whose result is the key. */
    key: expressionSchema.optional(),
    /** Or fields of the input whose values together are the key. */
    keyFields: z.array(dotPathSchema).min(1, "Pick at least one key field").optional(),
    windowSeconds: z.number().int().positive().max(366 * 24 * 3600).default(86_400),
    /** flow: this flow only; connector: every flow writing to that connector; global: all flows. */
    scope: z.enum(DEDUP_SCOPES).default("flow"),
    connector: z.string().trim().min(1).optional(),
    /** skip ends the run as a duplicate; fail fails it; update goes on along the "duplicate" output (to update the record). */
    onDuplicate: z.enum(DEDUP_ON_DUPLICATE).default("skip"),
  })
  .refine((config) => (config.key === undefined) !== (config.keyFields === undefined), {
    message: "Set either a key expression or key fields, not both",
    path: ["key"],
  })
  .refine((config) => config.scope !== "connector" || config.connector !== undefined, {
    message: "Name the connector whose records this rule deduplicates",
    path: ["connector"],
  });

// ---------------------------------------------------------------- actions

export const RETRYABLE_CLASSES = ["temporary", "ambiguous", "auth"] as const;
export type RetryableClass = (typeof RETRYABLE_CLASSES)[number];

export const retryPolicySchema = z
  .object({
    maxAttempts: z.number().int().min(1).max(50).default(5),
    baseDelayMs: z.number().int().min(1).max(3_600_000).default(1_000),
    maxDelayMs: z.number().int().min(1).max(86_400_000).default(60_000),
    maxElapsedMs: z.number().int().min(1).max(7 * 86_400_000).default(3_600_000),
    // "permanent" is deliberately not retryable: retry storms on 4xx get
    // accounts banned (MoySklad, Bitrix24), see CONNECTORS.md.
    retryOn: z.array(z.enum(RETRYABLE_CLASSES)).default((): RetryableClass[] => ["temporary", "ambiguous"]),
    obeyRetryAfter: z.boolean().default(true),
  })
  .refine((retry) => retry.baseDelayMs <= retry.maxDelayMs, {
    message: "Base delay must not exceed the maximum delay",
    path: ["baseDelayMs"],
  });
export type RetryPolicy = z.output<typeof retryPolicySchema>;

/** How to find a record: the lookup node's request, and an http-request's existingRecordLookup. */
const lookupRequestShape = {
  /** For an existingRecordLookup, unset means the request's own credential. */
  credentialRef: credentialRefSchema.optional(),
  method: z.enum(HTTP_METHODS).default("GET"),
  /** Absolute, or relative to a secret-URL credential, like an http-request's URL. */
  url: httpRequestUrlSchema,
  headers: headersSchema,
  body: jsonValueSchema.optional(),
  /** Where the record is in the response; missing or an empty list means not found, a list's first item is the record. */
  foundPath: dotPathSchema.optional(),
  notFoundStatuses: z.array(httpStatusSchema).default(() => [404]),
  timeoutMs: z.number().int().min(100).max(300_000).default(15_000),
};

const RELATIVE_URL_NEEDS_CREDENTIAL = "URL must start with http:// or https:// (a relative path needs a secret-URL credential to supply the base)";

export const lookupRequestSchema = z.object(lookupRequestShape);
export type LookupRequest = z.output<typeof lookupRequestSchema>;

export const lookupConfigSchema = z
  .object({
    connector: z.string().min(1).optional(),
    ...lookupRequestShape,
    // A lookup is a read: repeating it is always safe, so it retries like any temporary failure.
    retry: retryPolicySchema.prefault({}),
  })
  .refine((config) => config.credentialRef !== undefined || isUrlTemplate(config.url), { message: RELATIVE_URL_NEEDS_CREDENTIAL, path: ["url"] });

export const httpRequestConfigSchema = z.object({
  connector: z.string().min(1).optional(),
  credentialRef: credentialRefSchema.optional(),
  method: z.enum(HTTP_METHODS).default("POST"),
  url: httpRequestUrlSchema,
  headers: headersSchema,
  /** Any JSON; string leaves may hold {{path}} placeholders. */
  body: jsonValueSchema.optional(),
  /** Overrides the engine's key (flow, step, business key; R6) when set. */
  idempotencyKey: templateStringSchema.min(1).optional(),
  idempotencyHeader: z.string().min(1).default("Idempotency-Key"),
  /**
   * Also written into the body at this path, for targets whose idempotency
   * or external-id lives in the record (MoySklad `syncId`, a CRM's external id).
   */
  idempotencyKeyPath: dotPathSchema.optional(),
  /** "uuid" for fields that only accept a UUID (MoySklad `syncId`); derived from the same key. */
  idempotencyKeyFormat: z.enum(IDEMPOTENCY_KEY_FORMATS).default("token"),
  timeoutMs: z.number().int().min(100).max(300_000).default(15_000),
  retry: retryPolicySchema.prefault({}),
  followRedirects: z.boolean().default(false),
  /** Statuses that count as success; default is any 2xx. */
  successStatuses: z.array(httpStatusSchema).min(1).optional(),
  /**
   * Whether the target honours the idempotency key (R8). When it does, an
   * ambiguous call (sent, answer lost) is retried with the same key; when it
   * does not, repeating it could create a second record.
   */
  idempotencyHonoured: z.boolean().default(true),
  /**
   * For a target that does not honour keys: how to find the record an
   * ambiguous call may have created (by external id). The next attempt looks
   * it up and creates only if it is absent; without a lookup the run stops for review.
   */
  existingRecordLookup: lookupRequestSchema.optional(),
  /**
   * Where the target's answer (or the record a lookup found) holds the
   * record's id: `id` by default, Bitrix24's `result`, a path like `data.id`.
   * Stored on the step, so operators can find the run by the id they see in the target.
   */
  externalIdPath: dotPathSchema.default("id"),
})
  .refine((config) => config.credentialRef !== undefined || isUrlTemplate(config.url), { message: RELATIVE_URL_NEEDS_CREDENTIAL, path: ["url"] })
  .refine(
    ({ existingRecordLookup: lookup, credentialRef }) => lookup === undefined || (lookup.credentialRef ?? credentialRef) !== undefined || isUrlTemplate(lookup.url),
    { message: RELATIVE_URL_NEEDS_CREDENTIAL, path: ["existingRecordLookup", "url"] },
  );

// ---------------------------------------------------------------- graph

/** Every kind's config schema; the registry and the node union are built from it. */
export const NODE_CONFIG_SCHEMAS = {
  "webhook-trigger": webhookTriggerConfigSchema,
  "schedule-trigger": scheduleTriggerConfigSchema,
  "manual-trigger": manualTriggerConfigSchema,
  "map-fields": mapFieldsConfigSchema,
  filter: filterConfigSchema,
  dedup: dedupConfigSchema,
  lookup: lookupConfigSchema,
  "http-request": httpRequestConfigSchema,
} as const satisfies Record<NodeKind, z.ZodType>;

export type NodeConfig<K extends NodeKind> = z.output<(typeof NODE_CONFIG_SCHEMAS)[K]>;
export type WebhookTriggerConfig = NodeConfig<"webhook-trigger">;
export type ScheduleTriggerConfig = NodeConfig<"schedule-trigger">;
export type SchedulePollConfig = z.output<typeof schedulePollSchema>;
export type ManualTriggerConfig = NodeConfig<"manual-trigger">;
export type MapFieldsConfig = NodeConfig<"map-fields">;
export type FilterConfig = NodeConfig<"filter">;
export type DedupConfig = NodeConfig<"dedup">;
export type LookupConfig = NodeConfig<"lookup">;
export type HttpRequestConfig = NodeConfig<"http-request">;

export const nodeIdSchema = z
  .string()
  .min(1, "Node id is required")
  .max(64, "Node id must be at most 64 characters")
  .regex(/^[A-Za-z0-9_-]+$/, "Node id may only contain letters, digits, _ and -");

const positionSchema = z.object({ x: z.number(), y: z.number() });

function nodeSchema<K extends NodeKind, C extends (typeof NODE_CONFIG_SCHEMAS)[K]>(kind: K, config: C) {
  return z.object({
    id: nodeIdSchema,
    kind: z.literal(kind),
    position: positionSchema,
    label: z.string().max(120).optional(),
    config,
  });
}

const UNKNOWN_KIND = `Unknown node kind; expected one of ${NODE_KINDS.join(", ")}`;

export const flowNodeSchema = z.discriminatedUnion(
  "kind",
  [
    nodeSchema("webhook-trigger", NODE_CONFIG_SCHEMAS["webhook-trigger"]),
    nodeSchema("schedule-trigger", NODE_CONFIG_SCHEMAS["schedule-trigger"]),
    nodeSchema("manual-trigger", NODE_CONFIG_SCHEMAS["manual-trigger"]),
    nodeSchema("map-fields", NODE_CONFIG_SCHEMAS["map-fields"]),
    nodeSchema("filter", NODE_CONFIG_SCHEMAS["filter"]),
    nodeSchema("dedup", NODE_CONFIG_SCHEMAS["dedup"]),
    nodeSchema("lookup", NODE_CONFIG_SCHEMAS["lookup"]),
    nodeSchema("http-request", NODE_CONFIG_SCHEMAS["http-request"]),
  ],
  { error: UNKNOWN_KIND },
);
export type FlowNode = z.output<typeof flowNodeSchema>;
export type FlowNodeOf<K extends NodeKind> = Extract<FlowNode, { kind: K }>;

export const flowEdgeSchema = z.object({
  id: z.string().min(1, "Edge id is required").max(200),
  source: z.string().min(1, "Edge source is required"),
  target: z.string().min(1, "Edge target is required"),
  sourceHandle: z.string().nullish(),
  targetHandle: z.string().nullish(),
});
export type FlowEdge = z.output<typeof flowEdgeSchema>;

export const flowDefinitionSchema = z.object({
  schemaVersion: z.literal(1, "Unsupported schemaVersion; expected 1"),
  nodes: z.array(flowNodeSchema),
  edges: z.array(flowEdgeSchema).default(() => []),
});
export type FlowDefinition = z.output<typeof flowDefinitionSchema>;
/** What callers may send: defaults not yet filled. */
export type FlowDefinitionInput = z.input<typeof flowDefinitionSchema>;

// ---------------------------------------------------------------- drafts

/** Bigger drafts are refused: the editor could not draw them, and every save rewrites the whole JSON. */
export const MAX_DRAFT_NODES = 1000;
export const MAX_DRAFT_BYTES = 2 * 1024 * 1024;

/**
 * A node as the editor saves it: sound in structure, but its config may be
 * unfinished (an empty URL, a half-typed expression), so an autosave never
 * loses work. The config is stored as sent; publishing parses it fully.
 */
export const draftNodeSchema = z.object({
  id: nodeIdSchema,
  kind: z.enum(NODE_KINDS, { error: UNKNOWN_KIND }),
  position: positionSchema,
  label: z.string().max(120).optional(),
  config: z.record(z.string(), jsonValueSchema, { error: "Config must be a JSON object" }),
});
export type DraftNode = z.output<typeof draftNodeSchema>;

/** The editable draft; validateGraph (on publish) adds the config and graph rules. */
export const draftDefinitionSchema = z.object({
  schemaVersion: z.literal(1, "Unsupported schemaVersion; expected 1"),
  nodes: z
    .array(draftNodeSchema)
    .max(MAX_DRAFT_NODES, `A flow can have at most ${MAX_DRAFT_NODES} nodes`)
    .superRefine((nodes, ctx) => {
      const seen = new Set<string>();
      nodes.forEach((node, index) => {
        if (seen.has(node.id)) ctx.addIssue({ code: "custom", path: [index, "id"], message: `Node id "${node.id}" is used by more than one node` });
        seen.add(node.id);
      });
    }),
  edges: z.array(flowEdgeSchema).default(() => []),
});
export type DraftDefinition = z.output<typeof draftDefinitionSchema>;

/**
 * Just ids, kinds and edges: lets validateGraph report graph problems even
 * while some node's config is still invalid.
 */
export const flowSkeletonSchema = z.object({
  nodes: z.array(z.object({ id: z.string(), kind: z.enum(NODE_KINDS) })),
  edges: z.array(flowEdgeSchema).default(() => []),
});
export type FlowSkeleton = z.output<typeof flowSkeletonSchema>;

/**
 * `/flows/:id/edit?version=3&node=create-lead`: a link (from a run page) to
 * a published version on the canvas, with one node selected.
 */
export const editorLinkSchema = z.object({
  version: z.coerce.number().int().min(1).max(999_999_999).optional(),
  node: z.string().trim().min(1).max(200).optional(),
});
export type EditorLink = z.output<typeof editorLinkSchema>;

export function isTriggerKind(kind: NodeKind): kind is TriggerKind {
  return (TRIGGER_KINDS as readonly NodeKind[]).includes(kind);
}

function isTimeZone(timeZone: string): boolean {
  try {
    new Intl.DateTimeFormat("en-US", { timeZone });
    return true;
  } catch {
    return false;
  }
}

import type { NodeKind } from "@/lib/flows/schema";

/*
 * One line under a node card's title. Draft configs may be half filled in,
 * so fields are read loosely (a missing or mistyped field is just left out)
 * instead of through the kind's schema, which would reject the whole config.
 */
type Summarizer = (config: Record<string, unknown>) => string;

const SUMMARIZERS: Record<NodeKind, Summarizer> = {
  "webhook-trigger": (config) => join(signatureOf(config), text(config.eventIdPath) && `id: ${text(config.eventIdPath)}`),
  "schedule-trigger": (config) => join(text(config.cron) && `cron ${text(config.cron)}`, text(config.timezone), isObject(config.poll) ? `polls ${shortUrl(text(config.poll.url))}` : ""),
  "manual-trigger": (config) => (config.samplePayload === undefined ? "Started by hand" : "Started by hand · sample payload set"),
  "map-fields": (config) => join(countLabel(Array.isArray(config.mappings) ? config.mappings.length : 0, "field", "mapped"), config.mode === "merge" ? "merge" : ""),
  filter: (config) => (text(config.condition) ? `if: ${text(config.condition)}` : "No condition yet"),
  dedup: (config) => join(dedupKeyOf(config), windowOf(config.windowSeconds), config.onDuplicate === "update" ? "update on duplicate" : ""),
  lookup: (config) => join(requestLine(config), "found / not found"),
  "http-request": (config) => join(requestLine(config), attemptsOf(config.retry), idempotencyOf(config)),
};

export function summarizeNode(node: { kind: NodeKind; config: unknown }): string {
  const config = isObject(node.config) ? node.config : {};
  return SUMMARIZERS[node.kind](config) || "Not configured yet";
}

function join(...parts: (string | undefined)[]): string {
  return parts.filter((part) => part !== undefined && part !== "").join(" · ");
}

function text(value: unknown): string {
  return typeof value === "string" ? value.trim() : "";
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function countLabel(count: number, noun: string, verb: string): string {
  if (count === 0) return `No ${noun}s ${verb} yet`;
  return `${count} ${noun}${count === 1 ? "" : "s"} ${verb}`;
}

function signatureOf(config: Record<string, unknown>): string {
  return isObject(config.signature) && text(config.signature.scheme) ? `signed: ${text(config.signature.scheme)}` : "unsigned";
}

/** "https://crm.example.com/rest/crm.lead.add.json" → "crm.lead.add": the part that tells calls apart. */
export function shortUrl(url: string): string {
  const withoutQuery = url.split("?")[0] ?? "";
  const withoutScheme = withoutQuery.replace(/^[a-z][a-z\d+.-]*:\/\//i, "");
  const segments = withoutScheme.split("/").filter(Boolean);
  const last = segments.length > 1 ? segments.at(-1) : segments[0];
  return (last ?? "").replace(/\.json$/i, "");
}

function requestLine(config: Record<string, unknown>): string {
  return join(text(config.method) || undefined, shortUrl(text(config.url)) || "no URL");
}

function attemptsOf(retry: unknown): string {
  const attempts = isObject(retry) && typeof retry.maxAttempts === "number" ? retry.maxAttempts : 5;
  return attempts === 1 ? "no retries" : `${attempts} attempts`;
}

function idempotencyOf(config: Record<string, unknown>): string {
  if (config.idempotencyHonoured !== false) return "idempotent";
  return isObject(config.existingRecordLookup) ? "looks up before retrying" : "not idempotent";
}

function dedupKeyOf(config: Record<string, unknown>): string {
  const fields = Array.isArray(config.keyFields) ? config.keyFields.filter((field): field is string => typeof field === "string") : [];
  if (fields.length > 0) return `key: ${fields.join(" + ")}`;
  return text(config.key) ? `key: ${text(config.key)}` : "No key yet";
}

const UNITS = [
  [86_400, "day"],
  [3_600, "hour"],
  [60, "minute"],
  [1, "second"],
] as const;

/** 3024000 → "35 days"; the largest unit that divides the window evenly. */
export function windowOf(seconds: unknown): string {
  const value = typeof seconds === "number" && seconds > 0 ? seconds : 86_400;
  const [size, unit] = UNITS.find(([unitSize]) => value % unitSize === 0) ?? UNITS[3];
  const count = value / size;
  return `${count} ${unit}${count === 1 ? "" : "s"}`;
}

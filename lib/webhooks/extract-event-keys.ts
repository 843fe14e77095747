import { createHash } from "node:crypto";
import jsonata from "jsonata";
import { AppError } from "@/lib/errors";
import type { WebhookTriggerConfig } from "@/lib/flows/schema";
import { getPath } from "@/lib/mapping/get-path";

const MAX_KEY_LENGTH = 200;

export type EventKeys = { providerEventId: string | null; businessKey: string | null; entityVersion: string | null };

/**
 * The dedup key and business key of a webhook event (R4). The dedup key is
 * the first that exists of: the configured header, the JSON path, the dedup
 * expression, and (if the flow asks for it) a hash of the raw body, for
 * providers that send no event id at all.
 */
export async function extractEventKeys(config: WebhookTriggerConfig | undefined, body: unknown, headers: Headers, rawBody: Buffer): Promise<EventKeys> {
  if (!config) return { providerEventId: null, businessKey: null, entityVersion: null };
  const { eventIdHeader, eventIdPath, eventIdExpression, dedupByBodyHash, businessKeyPath, entityVersionPath } = config;
  const providerEventId =
    normalizeKey(eventIdHeader ? headers.get(eventIdHeader) : null) ??
    normalizeKey(eventIdPath ? getPath(body, eventIdPath) : undefined) ??
    normalizeKey(eventIdExpression ? await evaluateKeyExpression(eventIdExpression, body) : undefined) ??
    (dedupByBodyHash ? `body:${sha256(rawBody)}` : null);
  return {
    providerEventId,
    businessKey: businessKeyPath ? normalizeKey(getPath(body, businessKeyPath)) : null,
    entityVersion: entityVersionPath ? normalizeKey(getPath(body, entityVersionPath)) : null,
  };
}

// Storing the event without its key would let redeliveries through, so it is
// refused instead, and counted where the analyst who wrote the expression looks.
async function evaluateKeyExpression(expression: string, body: unknown): Promise<unknown> {
  try {
    return await jsonata(expression).evaluate(body);
  } catch (cause) {
    throw new AppError("validation_failed", "The flow's event id expression failed on this event", { details: { reason: "event_id_expression_failed" }, cause });
  }
}

/** Keys are compared and indexed; an absurdly long one is replaced by its hash so it still dedups without bloating the index. */
export function normalizeKey(value: unknown): string | null {
  if (value === undefined || value === null || value === "") return null;
  if (typeof value !== "string" && typeof value !== "number" && typeof value !== "bigint") return null;
  const text = String(value);
  return text.length <= MAX_KEY_LENGTH ? text : `sha256:${sha256(text)}`;
}

function sha256(data: string | Buffer): string {
  return createHash("sha256").update(data).digest("hex");
}

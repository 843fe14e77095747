import { createHash } from "node:crypto";
import type { FlowDefinition } from "@/lib/flows/schema";
import { getPath } from "@/lib/mapping/get-path";

const MAX_KEY_LENGTH = 200;

export type EventKeys = { providerEventId: string | null; businessKey: string | null };

/** Picks the provider event id and business key a flow's webhook trigger points at. */
export function extractEventKeys(definition: FlowDefinition, body: unknown, headers: Headers): EventKeys {
  const trigger = definition.nodes.find((node) => node.kind === "webhook-trigger");
  if (!trigger || trigger.kind !== "webhook-trigger") return { providerEventId: null, businessKey: null };
  const { eventIdHeader, eventIdPath, businessKeyPath } = trigger.config;
  const fromHeader = eventIdHeader ? headers.get(eventIdHeader) : null;
  const fromBody = eventIdPath ? getPath(body, eventIdPath) : undefined;
  return {
    providerEventId: normalizeKey(fromHeader ?? fromBody),
    businessKey: businessKeyPath ? normalizeKey(getPath(body, businessKeyPath)) : null,
  };
}

// Keys are compared and indexed; an absurdly long one is replaced by its
// hash so it still dedups without bloating the unique index.
function normalizeKey(value: unknown): string | null {
  if (value === undefined || value === null || value === "") return null;
  if (typeof value !== "string" && typeof value !== "number" && typeof value !== "bigint") return null;
  const text = String(value);
  return text.length <= MAX_KEY_LENGTH ? text : `sha256:${createHash("sha256").update(text).digest("hex")}`;
}

import type { z } from "zod";
import type { FlowDefinitionInput, schedulePollSchema, scheduleTriggerConfigSchema } from "@/lib/flows/schema";

export type PollInput = z.input<typeof schedulePollSchema>;
export type ScheduleTriggerInput = Partial<z.input<typeof scheduleTriggerConfigSchema>>;

/** schedule trigger → map-fields: publishable, and every polled item becomes a run whose output names the item. */
export function buildScheduleFlow({ cron = "*/5 * * * *", ...trigger }: ScheduleTriggerInput = {}): FlowDefinitionInput {
  return {
    schemaVersion: 1,
    nodes: [
      { id: "schedule", kind: "schedule-trigger", position: { x: 0, y: 0 }, config: { cron, ...trigger } },
      { id: "map", kind: "map-fields", position: { x: 320, y: 0 }, config: { mappings: [{ target: "name", source: "name" }] } },
    ],
    edges: [{ id: "schedule-map", source: "schedule", target: "map" }],
  };
}

/** Page-token mode against the fake paginated source: `next` in the answer is the following page's {{cursor}}. */
export function buildTokenPoll(sourceUrl: string, extra: Partial<PollInput> = {}): PollInput {
  return { url: `${sourceUrl}/records?cursor={{cursor}}&limit=3`, itemsPath: "data.items", cursorPath: "next", idPath: "id", versionPath: "version", ...extra };
}

/** Updated-since mode: the greatest updatedAt seen is the next {{cursor}}. */
export function buildSincePoll(sourceUrl: string, extra: Partial<PollInput> = {}): PollInput {
  return { url: `${sourceUrl}/changes?since={{cursor}}&limit=3`, itemsPath: "rows", cursorItemPath: "updatedAt", idPath: "id", versionPath: "version", ...extra };
}

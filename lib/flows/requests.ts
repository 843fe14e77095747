import { z } from "zod";
import { environmentSchema } from "@/lib/credentials/schema";
import { draftDefinitionSchema } from "@/lib/flows/schema";

/** Bodies the flows API and server actions accept. The definition itself is validated by validateGraph on publish. */
export const createFlowSchema = z.object({
  name: z.string().trim().min(1, "Name is required").max(120),
  definition: z.unknown().optional(),
});
export type CreateFlowInput = z.infer<typeof createFlowSchema>;

/** The revision the editor loaded; a save naming an older one is refused (409 stale_draft) instead of overwriting. */
export const expectedRevisionSchema = z.number({ error: "expectedRevision must be the draftRevision the editor loaded" }).int().min(1);

export const updateDraftSchema = z
  .object({
    name: z.string().trim().min(1).max(120).optional(),
    definition: z.unknown().optional(),
    /** The analyst's sample event for the editor; null clears it. */
    sample: z.json().optional(),
    expectedRevision: expectedRevisionSchema.optional(),
  })
  .refine((v) => v.name !== undefined || v.definition !== undefined || v.sample !== undefined, "Send a name, a definition or a sample");
export type UpdateDraftInput = z.infer<typeof updateDraftSchema>;

/** `environment` picks the credential set the version's runs use; production unless asked. */
export const publishSchema = z.object({
  message: z.string().trim().max(500).default(""),
  environment: environmentSchema.default("production"),
});
export type PublishInput = z.infer<typeof publishSchema>;

/**
 * Pause or resume. `whilePaused` (with a pause) chooses what intake does until
 * the resume: `reject` answers 409 so the sender retries, `hold` stores the
 * events and runs them on resume. Without it the flow keeps its setting.
 */
export const flowStatusSchema = z.object({
  status: z.enum(["active", "paused"], { error: 'status must be "active" or "paused"' }),
  whilePaused: z.enum(["reject", "hold"], { error: 'whilePaused must be "reject" or "hold"' }).optional(),
});
export type FlowStatusInput = z.infer<typeof flowStatusSchema>;

/** Without `environment`, the rollback keeps the environment of the version it goes back to. */
export const rollbackSchema = z.object({
  versionNumber: z.number().int().min(1, "versionNumber must be a version number such as 1"),
  environment: environmentSchema.optional(),
});

export const unsignedWebhooksSchema = z.object({ allowed: z.boolean({ error: "allowed must be true or false" }) });

/** A version number, or "draft" for the editable draft. */
const versionRefSchema = (name: string) =>
  z.union([z.literal("draft"), z.string().regex(/^[1-9]\d{0,8}$/).transform(Number)], { error: `${name} must be a version number such as 1, or "draft"` });

export const diffQuerySchema = z.object({ from: versionRefSchema("from"), to: versionRefSchema("to") });
export type DiffQuery = z.output<typeof diffQuerySchema>;

/**
 * A flow as a file (export, import, `npm run flow`): its name and draft.
 * The definition is checked like a draft, so an unfinished flow travels
 * too; publishing validates it fully.
 */
export const flowFileSchema = z.object({
  format: z.literal("flowgate-flow", 'format must be "flowgate-flow" (is this a Flowgate flow export?)'),
  formatVersion: z.literal(1, "formatVersion must be 1"),
  name: z.string().trim().min(1, "name is required").max(120),
  exportedAt: z.string().optional(),
  definition: draftDefinitionSchema,
});
export type FlowFile = z.output<typeof flowFileSchema>;

/** POST /api/v1/flows/:id/import: a file replaces the draft, under the same stale-save rule as PATCH. */
export const importIntoFlowSchema = z.object({
  file: z.unknown(),
  expectedRevision: expectedRevisionSchema.optional(),
});

import { z } from "zod";
import { environmentSchema } from "@/lib/credentials/schema";

/** Bodies the flows API and server actions accept. The definition itself is validated by validateGraph on publish. */
export const createFlowSchema = z.object({
  name: z.string().trim().min(1, "Name is required").max(120),
  definition: z.unknown().optional(),
});
export type CreateFlowInput = z.infer<typeof createFlowSchema>;

export const updateDraftSchema = z
  .object({
    name: z.string().trim().min(1).max(120).optional(),
    definition: z.unknown().optional(),
  })
  .refine((v) => v.name !== undefined || v.definition !== undefined, "Send a name or a definition");
export type UpdateDraftInput = z.infer<typeof updateDraftSchema>;

/** `environment` picks the credential set the version's runs use; production unless asked. */
export const publishSchema = z.object({
  message: z.string().trim().max(500).default(""),
  environment: environmentSchema.default("production"),
});
export type PublishInput = z.infer<typeof publishSchema>;

export const flowStatusSchema = z.object({ status: z.enum(["active", "paused"]) });

/** Without `environment`, the rollback keeps the environment of the version it goes back to. */
export const rollbackSchema = z.object({
  versionNumber: z.number().int().min(1, "versionNumber must be a version number such as 1"),
  environment: environmentSchema.optional(),
});

export const unsignedWebhooksSchema = z.object({ allowed: z.boolean({ error: "allowed must be true or false" }) });

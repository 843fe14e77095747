import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { diffDefinitions, type DefinitionDiff } from "@/lib/flows/diff-definitions";
import { getFlowOrThrow } from "@/lib/flows/get-flow-or-throw";
import type { DiffQuery } from "@/lib/flows/requests";
import { draftDefinitionSchema, type DraftDefinition } from "@/lib/flows/schema";

export type DiffFlowVersionsOptions = { flowId: string } & DiffQuery;

/** The diff between two versions of a flow, or a version and the draft (404 for an unknown flow or version). */
export async function diffFlowVersions({ flowId, from, to }: DiffFlowVersionsOptions): Promise<DefinitionDiff> {
  const flow = await getFlowOrThrow(flowId);
  const definitionAt = async (ref: DiffQuery["from"]): Promise<DraftDefinition> => {
    if (ref === "draft") return draftDefinitionSchema.parse(flow.draft);
    const version = await db.flowVersion.findUnique({ where: { flowId_number: { flowId, number: ref } }, select: { definition: true } });
    if (!version) throw new AppError("not_found", `Version ${ref} not found`);
    // Every version is also a valid draft: the draft schema only relaxes configs.
    return draftDefinitionSchema.parse(version.definition);
  };
  const [before, after] = await Promise.all([definitionAt(from), definitionAt(to)]);
  return diffDefinitions(before, after);
}

import { db } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";
import { getFlowOrThrow } from "@/lib/flows/get-flow-or-throw";
import { parseDraft } from "@/lib/flows/parse-draft";
import type { UpdateDraftInput } from "@/lib/flows/requests";

/** Saves the editable draft; published versions are never touched. */
export async function updateDraft(flowId: string, input: UpdateDraftInput) {
  await getFlowOrThrow(flowId);
  const draft = input.definition === undefined ? undefined : (parseDraft(input.definition) as Prisma.InputJsonValue);
  return db.flow.update({ where: { id: flowId }, data: { name: input.name, draft } });
}

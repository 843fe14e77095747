import { db } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { ActingUser } from "@/lib/audit/acting-user";
import { getFlowOrThrow } from "@/lib/flows/get-flow-or-throw";
import { parseDraft } from "@/lib/flows/parse-draft";
import { recordFlowAudit } from "@/lib/flows/record-flow-audit";
import type { UpdateDraftInput } from "@/lib/flows/requests";

export type UpdateDraftOptions = { flowId: string; actor: ActingUser; input: UpdateDraftInput };

/**
 * Saves the editable draft; published versions are never touched. The audit
 * row says what changed (a rename, a new definition and its node count),
 * never the definition itself, whose header values may be secrets.
 */
export async function updateDraft({ flowId, actor, input }: UpdateDraftOptions) {
  const before = await getFlowOrThrow(flowId);
  const draft = input.definition === undefined ? undefined : parseDraft(input.definition);
  return db.$transaction(async (tx) => {
    const flow = await tx.flow.update({ where: { id: flowId }, data: { name: input.name, draft: draft as Prisma.InputJsonValue | undefined } });
    const renamed = input.name !== undefined && input.name !== before.name;
    await recordFlowAudit({
      tx,
      actor,
      action: "flow.update_draft",
      flow,
      details: {
        ...(renamed ? { previousName: before.name } : {}),
        ...(draft ? { definition: "changed", nodes: draft.nodes.length } : {}),
      },
    });
    return flow;
  });
}

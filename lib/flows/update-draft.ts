import { db } from "@/lib/db";
import { Prisma } from "@/lib/generated/prisma/client";
import type { FlowActor } from "@/lib/audit/acting-user";
import { buildStaleDraftError } from "@/lib/flows/build-stale-draft-error";
import { getFlowOrThrow } from "@/lib/flows/get-flow-or-throw";
import { parseDraft } from "@/lib/flows/parse-draft";
import { recordFlowAudit } from "@/lib/flows/record-flow-audit";
import { restoreMaskedValues } from "@/lib/flows/restore-masked-values";
import type { UpdateDraftInput } from "@/lib/flows/requests";

export type UpdateDraftOptions = {
  flowId: string;
  actor: FlowActor;
  input: UpdateDraftInput;
  /** Said in the audit row when the definition came from a file. */
  origin?: "import";
};

/**
 * Saves the editable draft (and its name and editor sample); published
 * versions are never touched. Every definition save takes the next
 * draftRevision. With `expectedRevision` the write is conditional on the
 * stored revision, in the UPDATE itself, so of two saves based on the same
 * revision exactly one wins and the other gets 409 with nothing written.
 * Masked values the editor sends back unchanged keep their stored values.
 * The audit row says what changed, never the definition, whose header
 * values may be secrets.
 */
export async function updateDraft({ flowId, actor, input, origin }: UpdateDraftOptions) {
  const before = await getFlowOrThrow(flowId);
  const draft = input.definition === undefined ? undefined : parseDraft(restoreMaskedValues(input.definition, before.draft));
  const sample = input.sample === undefined ? undefined : restoreMaskedValues(input.sample, before.editorSample ?? undefined);
  return db.$transaction(async (tx) => {
    const { count } = await tx.flow.updateMany({
      where: { id: flowId, ...(input.expectedRevision === undefined ? {} : { draftRevision: input.expectedRevision }) },
      data: {
        name: input.name,
        draft: draft as Prisma.InputJsonValue | undefined,
        ...(draft ? { draftRevision: { increment: 1 } } : {}),
        ...(sample === undefined ? {} : { editorSample: sample === null ? Prisma.DbNull : (sample as Prisma.InputJsonValue) }),
      },
    });
    const flow = await getFlowOrThrow(flowId, tx);
    if (count === 0) throw await buildStaleDraftError(tx, flowId, flow.draftRevision);
    const renamed = input.name !== undefined && input.name !== before.name;
    await recordFlowAudit({
      tx,
      actor,
      action: "flow.update_draft",
      flow,
      details: {
        ...(renamed ? { previousName: before.name } : {}),
        ...(draft ? { definition: "changed", nodes: draft.nodes.length, revision: flow.draftRevision } : {}),
        ...(sample === undefined ? {} : { sample: "changed" }),
        ...(origin ? { origin } : {}),
      },
    });
    return flow;
  });
}

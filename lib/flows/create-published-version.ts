import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { Environment } from "@/lib/generated/prisma/enums";
import type { ActingUser } from "@/lib/audit/acting-user";
import { findUnsignedWebhookProblem } from "@/lib/flows/find-unsigned-webhook-problem";
import { recordFlowAudit } from "@/lib/flows/record-flow-audit";
import { flowDefinitionSchema } from "@/lib/flows/schema";
import { sendJob } from "@/lib/queue/send-job";

export type CreatePublishedVersionOptions = {
  flow: { id: string; name: string };
  /** Already validated by the caller. */
  definition: Prisma.InputJsonValue;
  message: string;
  environment: Environment;
  actor: ActingUser;
  audit: { action: "flow.publish" | "flow.rollback"; details?: Record<string, unknown> };
};

/**
 * Appends the next immutable version, makes it the one that runs, audits it
 * and queues the sync of its schedule, all in one transaction. Every way to
 * publish (publish, rollback) goes through here, so the signature rule cannot
 * be side-stepped and the schedule always follows. Two concurrent publishes
 * cannot take the same number: the (flowId, number) unique constraint
 * rejects the loser.
 */
export async function createPublishedVersion({ flow, definition, message, environment, actor, audit }: CreatePublishedVersionOptions) {
  try {
    return await db.$transaction(async (tx) => {
      // Read inside the transaction: an admin withdrawing the permission at the same moment wins.
      const { unsignedWebhooksAllowed } = await tx.flow.findUniqueOrThrow({ where: { id: flow.id }, select: { unsignedWebhooksAllowed: true } });
      const problem = findUnsignedWebhookProblem(flowDefinitionSchema.parse(definition), unsignedWebhooksAllowed);
      if (problem) throw new AppError("validation_failed", "The draft has problems; fix them before publishing", { details: { problems: [problem] } });
      const last = await tx.flowVersion.findFirst({ where: { flowId: flow.id }, orderBy: { number: "desc" }, select: { number: true } });
      const version = await tx.flowVersion.create({
        data: { flowId: flow.id, number: (last?.number ?? 0) + 1, definition, message, environment, authorId: actor.userId },
      });
      await tx.flow.update({ where: { id: flow.id }, data: { publishedVersionId: version.id } });
      await recordFlowAudit({ tx, actor, action: audit.action, flow, details: { version: version.number, environment, ...audit.details } });
      // The schedule follows the version that runs: created, changed or removed by
      // a job committed with it, so no crash can leave the two disagreeing.
      await sendJob("flow.sync-schedule", { flowId: flow.id }, { tx, singletonKey: flow.id });
      return version;
    });
  } catch (error) {
    if ((error as { code?: string }).code === "P2002") throw new AppError("conflict", "Another publish happened at the same time; try again");
    throw error;
  }
}

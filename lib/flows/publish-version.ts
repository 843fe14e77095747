import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import type { Prisma } from "@/lib/generated/prisma/client";
import { getFlowOrThrow } from "@/lib/flows/get-flow-or-throw";
import { validateGraph } from "@/lib/flows/validate-graph";

export type PublishVersionOptions = { flowId: string; userId: string; message: string };

/**
 * Validates the draft and freezes it as the next immutable version, which
 * becomes the one that runs. Two concurrent publishes cannot take the same
 * number: the (flowId, number) unique constraint rejects the loser.
 */
export async function publishVersion({ flowId, userId, message }: PublishVersionOptions) {
  const flow = await getFlowOrThrow(flowId);
  const result = validateGraph(flow.draft);
  if (!result.ok) {
    throw new AppError("validation_failed", "The draft has problems; fix them before publishing", { details: { problems: result.problems } });
  }
  try {
    return await db.$transaction(async (tx) => {
      const last = await tx.flowVersion.findFirst({ where: { flowId }, orderBy: { number: "desc" }, select: { number: true } });
      const version = await tx.flowVersion.create({
        data: {
          flowId,
          number: (last?.number ?? 0) + 1,
          definition: result.definition as Prisma.InputJsonValue,
          message,
          authorId: userId,
        },
      });
      await tx.flow.update({ where: { id: flowId }, data: { publishedVersionId: version.id } });
      return version;
    });
  } catch (error) {
    if ((error as { code?: string }).code === "P2002") throw new AppError("conflict", "Another publish happened at the same time; try again");
    throw error;
  }
}

import { AppError } from "@/lib/errors";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { Environment } from "@/lib/generated/prisma/enums";
import type { ActingUser } from "@/lib/audit/acting-user";
import { createPublishedVersion } from "@/lib/flows/create-published-version";
import { getFlowOrThrow } from "@/lib/flows/get-flow-or-throw";
import { validateGraph } from "@/lib/flows/validate-graph";

export type PublishVersionOptions = { flowId: string; actor: ActingUser; message: string; environment: Environment };

/** Validates the draft and freezes it as the next immutable version, which becomes the one that runs. */
export async function publishVersion({ flowId, actor, message, environment }: PublishVersionOptions) {
  const flow = await getFlowOrThrow(flowId);
  const result = validateGraph(flow.draft);
  if (!result.ok) {
    throw new AppError("validation_failed", "The draft has problems; fix them before publishing", { details: { problems: result.problems } });
  }
  return createPublishedVersion({
    flow,
    definition: result.definition as Prisma.InputJsonValue,
    message,
    environment,
    actor,
    audit: { action: "flow.publish" },
  });
}

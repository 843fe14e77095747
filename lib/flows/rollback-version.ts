import { isDeepStrictEqual } from "node:util";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { Environment } from "@/lib/generated/prisma/enums";
import type { ActingUser } from "@/lib/audit/acting-user";
import { createPublishedVersion } from "@/lib/flows/create-published-version";
import { getFlowOrThrow } from "@/lib/flows/get-flow-or-throw";
import { validateGraph } from "@/lib/flows/validate-graph";

export type RollbackVersionOptions = {
  flowId: string;
  versionNumber: number;
  /** Defaults to the environment of the version rolled back to. */
  environment?: Environment;
  actor: ActingUser;
};

/**
 * Makes an older version's definition the one that runs again by publishing
 * a verbatim copy of it as the next number, "Rollback to vN". We copy rather
 * than re-point the flow at vN so that version numbers only ever grow in run
 * history: "v5 ran until 10:02, then v6" answers "what ran when" from the runs
 * table alone, where re-pointing would have v3 running after v5 and leave only
 * the audit log to tell the two v3 periods apart. The old version stays
 * untouched, so a different environment can be chosen for the copy.
 *
 * 404 for an unknown version; 409 when it would change nothing (that
 * definition already runs in that environment); 422 when the old definition
 * no longer passes today's validation.
 */
export async function rollbackVersion({ flowId, versionNumber, environment, actor }: RollbackVersionOptions) {
  const flow = await getFlowOrThrow(flowId);
  const [target, current] = await Promise.all([
    db.flowVersion.findUnique({ where: { flowId_number: { flowId, number: versionNumber } } }),
    flow.publishedVersionId ? db.flowVersion.findUnique({ where: { id: flow.publishedVersionId } }) : null,
  ]);
  if (!target) throw new AppError("not_found", `Version ${versionNumber} not found`);

  const nextEnvironment = environment ?? target.environment;
  if (current && current.environment === nextEnvironment && isDeepStrictEqual(current.definition, target.definition)) {
    const message = current.id === target.id ? `v${target.number} is already the published version` : `v${current.number} already runs v${target.number}'s definition`;
    throw new AppError("conflict", `${message} in ${nextEnvironment}`);
  }
  const result = validateGraph(target.definition);
  if (!result.ok) {
    throw new AppError("validation_failed", `v${target.number} no longer passes validation; fix the draft and publish instead`, {
      details: { problems: result.problems },
    });
  }
  return createPublishedVersion({
    flow,
    definition: target.definition as Prisma.InputJsonValue,
    message: `Rollback to v${target.number}`,
    environment: nextEnvironment,
    actor,
    audit: { action: "flow.rollback", details: { rolledBackTo: target.number, previousVersion: current?.number ?? null } },
  });
}

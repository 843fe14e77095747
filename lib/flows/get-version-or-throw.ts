import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { maskDefinitions } from "@/lib/flows/mask-definitions";

export type GetVersionOrThrowOptions = { flowId: string; versionNumber: number };

/** One version of a flow as readers see it: its definition masked, and whether it is the one that runs. */
export async function getVersionOrThrow({ flowId, versionNumber }: GetVersionOrThrowOptions) {
  const flow = await db.flow.findUnique({ where: { id: flowId }, select: { publishedVersionId: true } });
  if (!flow) throw new AppError("not_found", "Flow not found");
  const version = await db.flowVersion.findUnique({
    where: { flowId_number: { flowId, number: versionNumber } },
    select: { id: true, number: true, message: true, environment: true, createdAt: true, definition: true, author: { select: { email: true, name: true } } },
  });
  if (!version) throw new AppError("not_found", `Version ${versionNumber} not found`);
  const { id, ...shown } = maskDefinitions(version);
  return { ...shown, live: id === flow.publishedVersionId };
}

import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";

/** A run with its steps and attempts in execution order; everything stored here is already masked. */
export async function getRunOrThrow(runId: string) {
  const run = await db.run.findUnique({
    where: { id: runId },
    include: {
      flow: { select: { id: true, name: true } },
      flowVersion: { select: { id: true, number: true } },
      event: { select: { id: true, providerEventId: true, businessKey: true, receivedAt: true, headers: true, rawBody: true } },
      steps: { orderBy: { position: "asc" }, include: { attempts: { orderBy: { number: "asc" } } } },
    },
  });
  if (!run) throw new AppError("not_found", "Run not found");
  return run;
}

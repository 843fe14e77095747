import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { redactString } from "@/lib/redact/redact-string";

/**
 * A run with its steps and attempts in execution order, as the UI and API
 * show it. Steps and headers were masked when stored; the event's raw body is
 * kept verbatim in the database (replays need it) and masked here instead.
 */
export async function getRunOrThrow(runId: string) {
  const run = await db.run.findUnique({
    where: { id: runId },
    include: {
      flow: { select: { id: true, name: true, bodyRetentionDays: true } },
      flowVersion: { select: { id: true, number: true } },
      held: { select: { heldAt: true } },
      event: { select: { id: true, providerEventId: true, businessKey: true, entityVersion: true, receivedAt: true, headers: true, rawBody: true, bodyPurgedAt: true } },
      steps: { orderBy: { position: "asc" }, include: { attempts: { orderBy: { number: "asc" } } } },
    },
  });
  if (!run) throw new AppError("not_found", "Run not found");
  return { ...run, event: { ...run.event, rawBody: redactString(run.event.rawBody) } };
}

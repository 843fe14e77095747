import { db } from "@/lib/db";
import { flowDefinitionSchema } from "@/lib/flows/schema";
import { describeReplayEffects, type ReplayEffect } from "@/lib/runs/describe-replay-effects";

export type ReplayTarget = { versionNumber: number; effects: ReplayEffect[] };
export type ReplayPlan = { same: ReplayTarget; latest: ReplayTarget | null };

/** What a replay of the run would repeat on its pinned version and on the latest published one, for the confirmation dialog. */
export async function planReplay(runId: string): Promise<ReplayPlan> {
  const run = await db.run.findUniqueOrThrow({
    where: { id: runId },
    select: { flowVersion: { select: { number: true, definition: true } }, flow: { select: { publishedVersion: { select: { number: true, definition: true } } } } },
  });
  const target = (version: { number: number; definition: unknown }): ReplayTarget => ({
    versionNumber: version.number,
    effects: describeReplayEffects(flowDefinitionSchema.parse(version.definition)),
  });
  const latest = run.flow.publishedVersion;
  return { same: target(run.flowVersion), latest: latest ? target(latest) : null };
}

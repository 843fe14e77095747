import { fromPrisma, type SendOptions } from "pg-boss";
import type { DbTransaction } from "@/lib/db";
import { getBoss } from "@/lib/queue/boss";
import { JOBS, type JobName, type JobPayload } from "@/lib/queue/jobs";

export type SendJobOptions = Omit<SendOptions, "db"> & {
  /** Enqueue inside this Prisma transaction: no row without its job, no job without its row (R2). */
  tx?: DbTransaction;
};

export async function sendJob<N extends JobName>(name: N, payload: JobPayload<N>, options: SendJobOptions = {}): Promise<string | null> {
  const data = JOBS[name].schema.parse(payload);
  const { tx, ...sendOptions } = options;
  const boss = await getBoss();
  return boss.send(name, data, { ...sendOptions, ...(tx ? { db: fromPrisma(tx) } : {}) });
}

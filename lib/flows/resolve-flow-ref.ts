import { z } from "zod";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";

/** A flow named on the command line, by id or by its exact name; a name two flows share is refused with their ids. */
export async function resolveFlowRef(ref: string): Promise<string> {
  const byId = z.uuid().safeParse(ref).success ? await db.flow.findUnique({ where: { id: ref }, select: { id: true } }) : null;
  if (byId) return byId.id;
  const named = await db.flow.findMany({ where: { name: ref }, select: { id: true }, orderBy: { createdAt: "asc" } });
  if (named.length === 1) return named[0]!.id;
  if (named.length === 0) throw new AppError("not_found", `No flow has the id or name "${ref}"`);
  throw new AppError("conflict", `${named.length} flows are named "${ref}"; use an id: ${named.map((flow) => flow.id).join(", ")}`);
}

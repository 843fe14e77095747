import { db } from "@/lib/db";

/** Flow ids and names only, for pickers: listFlows counts every flow's runs, too slow at a million rows. */
export async function listFlowNames() {
  return db.flow.findMany({ orderBy: { name: "asc" }, select: { id: true, name: true } });
}

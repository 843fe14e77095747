import { db } from "@/lib/db";

export async function listFlows() {
  return db.flow.findMany({
    orderBy: { createdAt: "asc" },
    include: {
      publishedVersion: { select: { id: true, number: true, createdAt: true } },
      _count: { select: { runs: true } },
    },
  });
}

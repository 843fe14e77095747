import { db } from "@/lib/db";

export async function listUsers() {
  return db.user.findMany({
    orderBy: { createdAt: "asc" },
    select: { id: true, email: true, name: true, role: true, disabled: true, createdAt: true },
  });
}

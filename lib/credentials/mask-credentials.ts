import { db } from "@/lib/db";
import type { CredentialMask, CredentialType } from "@/lib/credentials/schema";
import type { Environment } from "@/lib/generated/prisma/enums";

/** The columns a mask is made from; never the ciphertext. */
export const MASK_SELECT = {
  id: true,
  name: true,
  type: true,
  environment: true,
  last4: true,
  allowedHosts: true,
  createdAt: true,
  updatedAt: true,
  createdById: true,
  updatedById: true,
} as const;

type MaskRow = {
  id: string;
  name: string;
  type: string;
  environment: Environment;
  last4: string;
  allowedHosts: string[];
  createdAt: Date;
  updatedAt: Date;
  createdById: string | null;
  updatedById: string | null;
};

/**
 * Rows → masks, with who created and last changed each. Users are looked up
 * by id (not a relation) so a credential outlives the account that made it.
 */
export async function maskCredentials(rows: MaskRow[]): Promise<CredentialMask[]> {
  const ids = [...new Set(rows.flatMap((row) => [row.createdById, row.updatedById]).filter((id): id is string => id !== null))];
  const users = ids.length ? await db.user.findMany({ where: { id: { in: ids } }, select: { id: true, email: true } }) : [];
  const emails = new Map(users.map((user) => [user.id, user.email]));
  const emailOf = (id: string | null) => (id === null ? null : (emails.get(id) ?? null));
  return rows.map((row) => ({
    id: row.id,
    name: row.name,
    type: row.type as CredentialType,
    environment: row.environment,
    hint: `••••${row.last4}`,
    allowedHosts: row.allowedHosts,
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
    createdBy: emailOf(row.createdById),
    updatedBy: emailOf(row.updatedById),
  }));
}

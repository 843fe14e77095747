import { db } from "@/lib/db";
import { MASK_SELECT, maskCredentials } from "@/lib/credentials/mask-credentials";
import type { CredentialMask, ListCredentialsQuery } from "@/lib/credentials/schema";

/** Every credential (or one environment's), as masks, by name. */
export async function listCredentials({ environment }: ListCredentialsQuery = {}): Promise<CredentialMask[]> {
  const rows = await db.credential.findMany({ where: { environment }, orderBy: [{ name: "asc" }, { environment: "asc" }], select: MASK_SELECT });
  return maskCredentials(rows);
}

import { db as defaultDb, type Db } from "@/lib/db";
import { recordAudit } from "@/lib/audit/record-audit";
import { getKeyring, type Keyring } from "@/lib/credentials/keyring";
import { openSecret, sealSecret, SealError } from "@/lib/credentials/seal-secret";

export type RotateKeysOptions = {
  /** The script passes its own client (it may have started an embedded database). */
  db?: Db;
  keyring?: Keyring;
  batchSize?: number;
  onBatch?: (progress: { rotated: number; skipped: number; failed: number }) => void;
};

export type RotateKeysResult = {
  currentKeyId: string;
  /** Rows found on another key when the run started. */
  found: number;
  rotated: number;
  /** Changed by someone else between our read and write; see `remaining`. */
  skipped: number;
  /** Rows that cannot be opened with any configured key (or were tampered with). */
  failed: Array<{ credentialId: string; keyId: string; reason: string }>;
  /** Rows still not on the current key after the run, failed ones included. */
  remaining: number;
};

/**
 * Re-encrypts every credential that is not on the current (first) master key,
 * in small batches so it can run while the web app and workers do. Each row
 * is written only if it is still exactly what was read (id, key id, updatedAt
 * and ciphertext): a concurrent edit has already sealed it with the current
 * key and wins. Rows already on the current key are never touched, so a
 * re-run resumes where an interrupted one stopped. updatedAt is kept: a
 * rotation is not an edit of the credential.
 */
export async function rotateKeys({ db = defaultDb, keyring = getKeyring(), batchSize = 50, onBatch }: RotateKeysOptions = {}): Promise<RotateKeysResult> {
  const currentKeyId = keyring.current.id;
  const onOtherKeys = { keyId: { not: currentKeyId } };
  const result: RotateKeysResult = { currentKeyId, found: await db.credential.count({ where: onOtherKeys }), rotated: 0, skipped: 0, failed: [], remaining: 0 };

  // Keyset pagination by id: rows that fail stay behind the cursor instead of being fetched forever.
  let after: string | undefined;
  for (;;) {
    const rows = await db.credential.findMany({
      where: { ...onOtherKeys, ...(after === undefined ? {} : { id: { gt: after } }) },
      orderBy: { id: "asc" },
      take: batchSize,
      select: { id: true, type: true, keyId: true, ciphertext: true, updatedAt: true },
    });
    if (rows.length === 0) break;
    after = rows.at(-1)!.id;
    for (const row of rows) {
      const binding = { credentialId: row.id, type: row.type };
      let plaintext: string;
      try {
        plaintext = openSecret({ keyId: row.keyId, ciphertext: Buffer.from(row.ciphertext) }, binding, keyring);
      } catch (error) {
        if (!(error instanceof SealError)) throw error;
        result.failed.push({ credentialId: row.id, keyId: row.keyId, reason: error.message });
        continue;
      }
      const sealed = sealSecret(plaintext, binding, keyring);
      const { count } = await db.credential.updateMany({
        where: { id: row.id, keyId: row.keyId, updatedAt: row.updatedAt, ciphertext: { equals: row.ciphertext } },
        data: { keyId: sealed.keyId, ciphertext: new Uint8Array(sealed.ciphertext), updatedAt: row.updatedAt },
      });
      if (count === 1) result.rotated += 1;
      else result.skipped += 1;
    }
    onBatch?.({ rotated: result.rotated, skipped: result.skipped, failed: result.failed.length });
  }

  result.remaining = await db.credential.count({ where: onOtherKeys });
  await recordAudit({
    actor: null,
    action: "keys.rotate",
    outcome: result.failed.length || result.remaining ? "failure" : "success",
    details: { currentKeyId, found: result.found, rotated: result.rotated, skipped: result.skipped, failed: result.failed.length, remaining: result.remaining },
    tx: db,
  });
  return result;
}

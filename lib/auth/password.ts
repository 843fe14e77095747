import bcrypt from "bcryptjs";
import { z } from "zod";

export const PASSWORD_MIN_LENGTH = 12;
export const PASSWORD_MAX_LENGTH = 128;
// bcrypt reads only the first 72 bytes: anything after would be silently
// ignored, so "a 100-character passphrase" would really be its first 72 bytes.
export const PASSWORD_MAX_BYTES = 72;

/** The policy for every password we store (create and reset). */
export const passwordSchema = z
  .string()
  .min(PASSWORD_MIN_LENGTH, `Password must be at least ${PASSWORD_MIN_LENGTH} characters`)
  .max(PASSWORD_MAX_LENGTH, `Password must be at most ${PASSWORD_MAX_LENGTH} characters`)
  .refine(
    (value) => new TextEncoder().encode(value).length <= PASSWORD_MAX_BYTES,
    `Password must be at most ${PASSWORD_MAX_BYTES} bytes (bcrypt ignores the rest); accented letters and symbols count as 2–4 bytes each`,
  );

const COST = 11;

export function hashPassword(password: string): Promise<string> {
  return bcrypt.hash(password, COST);
}

export function verifyPassword(password: string, hash: string): Promise<boolean> {
  return bcrypt.compare(password, hash);
}

// Compared against when the account does not exist, so a wrong email takes
// as long as a wrong password and sign-in does not reveal which accounts exist.
const DUMMY_HASH = bcrypt.hashSync("flowgate-dummy-password", COST);

export async function verifyPasswordOrDummy(password: string, hash: string | undefined): Promise<boolean> {
  const ok = await verifyPassword(password, hash ?? DUMMY_HASH);
  return ok && hash !== undefined;
}

import bcrypt from "bcryptjs";
import { z } from "zod";

export const PASSWORD_MIN_LENGTH = 12;
export const passwordSchema = z
  .string()
  .min(PASSWORD_MIN_LENGTH, `Password must be at least ${PASSWORD_MIN_LENGTH} characters`)
  .max(200, "Password must be at most 200 characters");

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

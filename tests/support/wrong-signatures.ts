import { createHmac } from "node:crypto";
import type { Random } from "@/tests/support/seeded-random";

const HEX = "0123456789abcdef";

export const hmacHex = (secret: string, bytes: Buffer) => createHmac("sha256", secret).update(bytes).digest("hex");

/**
 * Signature headers for an hmac-sha256 trigger (hex, in `header`) that must
 * all be refused: absent, random, made with another secret or over other
 * bytes, one character off, truncated, in the wrong header or encoding.
 * None of them is the correct signature in a form the verifier accepts.
 */
export function wrongSignature(random: Random, header: string, secret: string, bytes: Buffer): { label: string; headers: Headers } {
  const right = hmacHex(secret, bytes);
  const headers = new Headers();
  const variant = random.int(0, 11);
  const label = `signature variant ${variant}`;
  switch (variant) {
    case 0:
      break;
    case 1:
      headers.set(header, random.text(64, HEX));
      break;
    case 2:
      headers.set(header, `sha256=${random.text(64, HEX)}`);
      break;
    case 3:
      headers.set(header, hmacHex(`${secret}-old`, bytes));
      break;
    case 4:
      headers.set(header, hmacHex(secret, Buffer.concat([bytes, Buffer.from(" ")])));
      break;
    case 5: {
      const at = random.int(0, 63);
      const other = HEX[(HEX.indexOf(right[at] ?? "0") + random.int(1, 15)) % 16] ?? "0";
      headers.set(header, `${right.slice(0, at)}${other}${right.slice(at + 1)}`);
      break;
    }
    case 6:
      headers.set(header, right.slice(0, random.int(0, 63)) || "0");
      break;
    case 7:
      headers.set("x-hub-signature-256", `sha256=${right}`);
      break;
    case 8:
      headers.set(header, createHmac("sha256", secret).update(bytes).digest("base64"));
      break;
    case 9:
      headers.set(header, `sha256=${"a".repeat(random.int(1_000, 1024 * 1024))}`);
      break;
    case 10:
      // Two values arrive joined ("wrong, right"), which is not a signature either.
      headers.append(header, random.text(64, HEX));
      headers.append(header, right);
      break;
    default:
      headers.set(header, "");
  }
  return { label, headers };
}

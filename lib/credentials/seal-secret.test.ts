import { randomBytes } from "node:crypto";
import { describe, expect, it } from "vitest";
import { parseKeyring } from "@/lib/credentials/keyring";
import { openSecret, sealSecret, SealError } from "@/lib/credentials/seal-secret";

const keyFor = () => randomBytes(32).toString("base64");
const OLD = `old:${keyFor()}`;
const NEW = `new:${keyFor()}`;
const keyring = parseKeyring(OLD);
const binding = { credentialId: "5f0c7a52-0000-4000-8000-000000000001", type: "bearer" };
const PLAINTEXT = JSON.stringify({ token: "canary-token-1234567890" });

/** A copy of the sealed bytes with one byte flipped at `index`. */
function flipped(ciphertext: Buffer, index: number): Buffer {
  const copy = Buffer.from(ciphertext);
  const at = index < 0 ? copy.length + index : index;
  copy[at] = copy[at]! ^ 0x01;
  return copy;
}

describe("sealSecret / openSecret", () => {
  it("round-trips, and the stored bytes do not contain the plaintext", () => {
    const sealed = sealSecret(PLAINTEXT, binding, keyring);
    expect(sealed.keyId).toBe("old");
    expect(sealed.ciphertext.includes(Buffer.from("canary-token"))).toBe(false);
    expect(openSecret(sealed, binding, keyring)).toBe(PLAINTEXT);
  });

  it.each([
    ["the nonce", 0],
    ["the body", 12],
    ["the tag", -1],
  ])("refuses a ciphertext with a flipped byte in %s", (_part, index) => {
    const sealed = sealSecret(PLAINTEXT, binding, keyring);
    expect(() => openSecret({ ...sealed, ciphertext: flipped(sealed.ciphertext, index) }, binding, keyring)).toThrow(SealError);
  });

  it("refuses a truncated ciphertext", () => {
    const sealed = sealSecret(PLAINTEXT, binding, keyring);
    expect(() => openSecret({ ...sealed, ciphertext: sealed.ciphertext.subarray(0, 20) }, binding, keyring)).toThrow(/truncated/);
  });

  it.each([
    ["another credential id", { ...binding, credentialId: "5f0c7a52-0000-4000-8000-000000000002" }],
    ["another type", { ...binding, type: "basic" }],
  ])("refuses to open under %s (associated data)", (_label, other) => {
    const sealed = sealSecret(PLAINTEXT, binding, keyring);
    expect(() => openSecret(sealed, other, keyring)).toThrow(/failed authentication/);
  });

  it("binds the key id too: relabelling a ciphertext with another configured key fails", () => {
    const both = parseKeyring(`${NEW},${OLD}`);
    const sealed = sealSecret(PLAINTEXT, binding, both);
    expect(sealed.keyId).toBe("new");
    expect(() => openSecret({ ...sealed, keyId: "old" }, binding, both)).toThrow(SealError);
  });

  it("fails loudly on an unknown key id, naming the key and the credential", () => {
    const sealed = sealSecret(PLAINTEXT, binding, keyring);
    const other = parseKeyring(NEW);
    expect(() => openSecret(sealed, binding, other)).toThrow(new SealError(`Credential ${binding.credentialId} is sealed with key "old", which is not in FLOWGATE_MASTER_KEYS`));
  });

  it("opens old ciphertexts while a new key encrypts (rotation)", () => {
    const sealedOld = sealSecret(PLAINTEXT, binding, keyring);
    const rotated = parseKeyring(`${NEW},${OLD}`);
    expect(openSecret(sealedOld, binding, rotated)).toBe(PLAINTEXT);
    expect(sealSecret(PLAINTEXT, binding, rotated).keyId).toBe("new");
  });

  it("never reuses a nonce over 10,000 encryptions of the same plaintext", () => {
    const nonces = new Set<string>();
    const bodies = new Set<string>();
    for (let i = 0; i < 10_000; i++) {
      const { ciphertext } = sealSecret(PLAINTEXT, binding, keyring);
      nonces.add(ciphertext.subarray(0, 12).toString("hex"));
      bodies.add(ciphertext.toString("hex"));
    }
    expect(nonces.size).toBe(10_000);
    expect(bodies.size).toBe(10_000);
  });
});

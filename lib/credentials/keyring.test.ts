import { randomBytes } from "node:crypto";
import { describe, expect, it } from "vitest";
import { parseKeyring } from "@/lib/credentials/keyring";

describe("parseKeyring", () => {
  it("makes the first key the current one and keeps every key for decryption", () => {
    const a = randomBytes(32);
    const b = randomBytes(32);
    const keyring = parseKeyring(`k2:${a.toString("base64")}, k1:${b.toString("base64url")}`);
    expect(keyring.current.id).toBe("k2");
    expect(keyring.current.key.equals(a)).toBe(true);
    expect(keyring.byId.get("k1")?.key.equals(b)).toBe(true);
    expect([...keyring.byId.keys()]).toEqual(["k2", "k1"]);
  });

  it.each([
    ["an entry without a key id", `${randomBytes(32).toString("base64")}`, /entry 1 must be keyId:base64key/],
    ["an empty entry", `k1:${randomBytes(32).toString("base64")},`, /entry 2 must be keyId:base64key/],
    ["an extra colon", `k1:abc:def`, /entry 1 must be keyId:base64key/],
    ["a 16-byte key", `k1:${randomBytes(16).toString("base64")}`, /key "k1" must be 32 bytes, got 16/],
    ["a duplicated key id", `k1:${randomBytes(32).toString("base64")},k1:${randomBytes(32).toString("base64")}`, /lists key id "k1" twice/],
  ])("refuses %s, naming the variable", (_label, spec, message) => {
    expect(() => parseKeyring(spec)).toThrow(message);
    expect(() => parseKeyring(spec)).toThrow(/FLOWGATE_MASTER_KEYS/);
  });

  it("never puts key material in its errors", () => {
    const material = randomBytes(31).toString("base64");
    let message = "";
    try {
      parseKeyring(`k1:${material}`);
    } catch (error) {
      message = (error as Error).message;
    }
    expect(message).toMatch(/must be 32 bytes/);
    expect(message).not.toContain(material);
  });
});

import { randomBytes } from "node:crypto";
import { describe, expect, it } from "vitest";
import { checkMasterKeys } from "@/lib/credentials/check-master-keys";

describe("checkMasterKeys", () => {
  it("stops a production process without FLOWGATE_MASTER_KEYS", () => {
    expect(() => checkMasterKeys({ spec: undefined, production: true })).toThrow(/FLOWGATE_MASTER_KEYS is not set/);
  });

  it("lets a development process start without a vault", () => {
    expect(checkMasterKeys({ spec: undefined, production: false })).toBeNull();
  });

  it("stops any process on a malformed keyring without printing the key", () => {
    const material = randomBytes(24).toString("base64");
    expect(() => checkMasterKeys({ spec: `k1:${material}`, production: false })).toThrow(/FLOWGATE_MASTER_KEYS key "k1" must be 32 bytes/);
    expect(() => checkMasterKeys({ spec: `k1:${material}`, production: false })).not.toThrow(material);
  });

  it("answers the key ids, current first", () => {
    const spec = `new:${randomBytes(32).toString("base64")},old:${randomBytes(32).toString("base64")}`;
    expect(checkMasterKeys({ spec, production: true })).toEqual(["new", "old"]);
  });
});

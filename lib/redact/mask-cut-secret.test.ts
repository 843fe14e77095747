import { describe, expect, it } from "vitest";
import { maskCutSecret } from "./mask-cut-secret";
import { MASK } from "./secret-names";

const SECRET = "sk_live_canary_0123456789";

describe("maskCutSecret", () => {
  it("masks a body that ends in the first part of a secret", () => {
    expect(maskCutSecret(`{"error":"bad key ${SECRET.slice(0, 11)}`, [SECRET])).toBe(`{"error":"bad key ${MASK}`);
  });

  it("masks a cut URL-encoded secret", () => {
    const secret = "p@ss word/secret";
    const cut = encodeURIComponent(secret).slice(0, 9);
    expect(maskCutSecret(`?key=${cut}`, [secret])).toBe(`?key=${MASK}`);
  });

  it("takes the longest matching tail across secrets", () => {
    expect(maskCutSecret("xx abcdefgh", ["efgh-other", "abcdefgh-long"])).toBe(`xx ${MASK}`);
  });

  it("leaves text alone when its end is not a secret's start, or too short to tell", () => {
    expect(maskCutSecret("all done", [SECRET])).toBe("all done");
    expect(maskCutSecret(`ends with ${SECRET.slice(0, 3)}`, [SECRET])).toBe(`ends with ${SECRET.slice(0, 3)}`);
    expect(maskCutSecret("", [SECRET])).toBe("");
  });
});

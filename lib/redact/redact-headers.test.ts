import { describe, expect, it } from "vitest";
import { redactHeaders } from "./redact-headers";
import { MASK } from "./secret-names";

describe("redactHeaders", () => {
  it("lowercases names and masks credential and signature headers", () => {
    const redacted = redactHeaders({
      Authorization: "Bearer abc.def.ghi",
      "Content-Type": "application/json",
      "X-Hub-Signature-256": "sha256=deadbeef",
      "Set-Cookie": ["a=1", "b=2"],
      "X-Shopify-Access-Token": "shpat_123",
      "Idempotency-Key": "fg_abc",
      "X-Missing": undefined,
    });
    expect(redacted).toEqual({
      authorization: MASK,
      "content-type": "application/json",
      "x-hub-signature-256": MASK,
      "set-cookie": MASK,
      "x-shopify-access-token": MASK,
      "idempotency-key": "fg_abc",
    });
  });

  it("accepts a Headers instance", () => {
    const headers = new Headers({ Cookie: "sid=1", Accept: "application/json" });
    expect(redactHeaders(headers)).toEqual({ cookie: MASK, accept: "application/json" });
  });

  it("joins array values of harmless headers and scrubs known secrets inside them", () => {
    const redacted = redactHeaders({ "X-Debug": ["token=abc", "via s3cr3t-value"], Accept: ["a", "b"] }, { secrets: ["s3cr3t-value"] });
    // The comma goes with the masked value: token values never contain one, and over-masking is the safe side.
    expect(redacted).toEqual({ "x-debug": `token=${MASK} via ${MASK}`, accept: "a, b" });
  });
});

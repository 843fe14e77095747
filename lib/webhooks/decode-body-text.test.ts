import { describe, expect, it } from "vitest";
import { decodeBodyText } from "./decode-body-text";

describe("decodeBodyText", () => {
  it("returns UTF-8 text unchanged, a byte-order mark included", () => {
    expect(decodeBodyText(Buffer.from('{"name":"Zoë 😀"}'))).toBe('{"name":"Zoë 😀"}');
    expect(decodeBodyText(Buffer.from([0xef, 0xbb, 0xbf, 0x7b, 0x7d]))).toBe("\ufeff{}");
  });

  it.each([[[0xff]], [[0xc0, 0xaf]], [[0xed, 0xa0, 0x80]], [[0xe2, 0x82]], [[0x80]]])("refuses the invalid UTF-8 sequence %j instead of storing U+FFFD", (bytes) => {
    expect(() => decodeBodyText(Buffer.concat([Buffer.from('{"a":"'), Buffer.from(bytes), Buffer.from('"}')]))).toThrow("Webhook body is not valid UTF-8");
  });

  it("refuses UTF-16 and raw NUL bytes", () => {
    expect(() => decodeBodyText(Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from("{}", "utf16le")]))).toThrow(/not valid UTF-8|NUL/);
    expect(() => decodeBodyText(Buffer.from("id=1\u0000"))).toThrow("Webhook body contains a NUL character");
  });
});

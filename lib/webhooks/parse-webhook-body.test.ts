import { describe, expect, it } from "vitest";
import { parseWebhookBody } from "./parse-webhook-body";

const json = (text: string | Buffer) => () => parseWebhookBody("application/json", Buffer.from(text), { acceptForm: false });

describe("parseWebhookBody", () => {
  it("parses JSON sent as application/json or a +json type", () => {
    expect(json('{"id":"e-1"}')()).toEqual({ id: "e-1" });
    expect(parseWebhookBody("application/vnd.api+json; charset=utf-8", Buffer.from("[1]"), { acceptForm: false })).toEqual([1]);
  });

  it("refuses JSON nested 100k levels deep with a clear 400 instead of storing it", () => {
    expect(json(`${"[".repeat(100_000)}${"]".repeat(100_000)}`)).toThrow(expect.objectContaining({ status: 400, message: "Webhook JSON is nested deeper than 64 levels" }));
  });

  it("refuses what would parse but cannot be stored or run: invalid UTF-8, NUL, lone surrogates, Infinity", () => {
    for (const body of [Buffer.from([0x7b, 0xff, 0x7d]), '{"id":"a\\u0000"}', '{"id":"\\ud800"}', '{"id":1e999}']) {
      expect(json(body)).toThrow(expect.objectContaining({ status: 400 }));
    }
  });

  it("reads integers beyond 2^53 as strings with their exact digits, and leaves safe numbers alone", () => {
    const body = '{"id":9007199254740993,"next":9007199254740992,"neg":-12345678901234567890,"amount":12.5,"n":[9007199254740991,1e3],"s":"9007199254740993"}';
    expect(json(body)()).toEqual({ id: "9007199254740993", next: "9007199254740992", neg: "-12345678901234567890", amount: 12.5, n: [9007199254740991, 1000], s: "9007199254740993" });
  });

  it("answers 415 for other content types and for forms the trigger does not accept", () => {
    expect(() => parseWebhookBody("text/plain", Buffer.from("{}"), { acceptForm: false })).toThrow(expect.objectContaining({ status: 415 }));
    expect(() => parseWebhookBody("application/x-www-form-urlencoded", Buffer.from("a=1"), { acceptForm: false })).toThrow(expect.objectContaining({ status: 415 }));
    expect(parseWebhookBody("application/x-www-form-urlencoded", Buffer.from("a=1"), { acceptForm: true })).toEqual({ a: "1" });
  });
});

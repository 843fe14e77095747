import { describe, expect, it } from "vitest";
import { AppError } from "@/lib/errors";
import { checkJsonText, MAX_JSON_DEPTH } from "./check-json-text";

const nested = (depth: number) => `${"[".repeat(depth)}${"]".repeat(depth)}`;

describe("checkJsonText", () => {
  it("passes ordinary webhook JSON, including escapes, pairs and big but finite numbers", () => {
    expect(() => checkJsonText('{"id":"evt_1","name":"Zo\\u00eb \\ud83d\\ude00 \\\\u0000","n":-1.5e300,"ok":true,"list":[1,2,{"a":null}]}')).not.toThrow();
    expect(() => checkJsonText(nested(MAX_JSON_DEPTH))).not.toThrow();
  });

  it("refuses JSON nested 100k levels deep with a 400 that names the limit, without overflowing the stack", () => {
    const deep = () => checkJsonText(nested(100_000));
    expect(deep).toThrow(AppError);
    expect(deep).toThrow(`Webhook JSON is nested deeper than ${MAX_JSON_DEPTH} levels`);
    expect(() => checkJsonText(`${'{"a":'.repeat(MAX_JSON_DEPTH + 1)}1${"}".repeat(MAX_JSON_DEPTH + 1)}`)).toThrow(/nested deeper/);
  });

  it("counts only brackets outside strings", () => {
    expect(() => checkJsonText(JSON.stringify({ text: "[".repeat(10_000) }))).not.toThrow();
    expect(() => checkJsonText(JSON.stringify({ text: `\\"${"{".repeat(10_000)}` }))).not.toThrow();
  });

  it("refuses \\u0000 and unpaired surrogate escapes, in values and in keys", () => {
    expect(() => checkJsonText('{"id":"a\\u0000"}')).toThrow(/NUL/);
    expect(() => checkJsonText('{"a\\u0000b":1}')).toThrow(/NUL/);
    expect(() => checkJsonText('{"id":"\\ud800"}')).toThrow(/unpaired surrogate/);
    expect(() => checkJsonText('{"id":"\\udc00x"}')).toThrow(/unpaired surrogate/);
    expect(() => checkJsonText('{"id":"\\ud800\\u0041"}')).toThrow(/unpaired surrogate/);
  });

  it("refuses numbers that overflow to Infinity, which would all read as one event id", () => {
    expect(() => checkJsonText('{"id":1e999}')).toThrow(/number too large/);
    expect(() => checkJsonText(`[-${"9".repeat(400)}]`)).toThrow(/number too large/);
    expect(() => checkJsonText('{"tiny":1e-999}')).not.toThrow();
  });

  it("leaves syntax errors to JSON.parse", () => {
    for (const text of ["{", "]]]", '"unterminated', '{"a":"\\u12"}', "-", "1e", "tru"]) expect(() => checkJsonText(text)).not.toThrow();
  });
});

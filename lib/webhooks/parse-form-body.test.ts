import { describe, expect, it } from "vitest";
import { AppError } from "@/lib/errors";
import { parseFormBody } from "./parse-form-body";

const parse = (text: string) => parseFormBody(Buffer.from(text, "utf8"));

describe("parseFormBody", () => {
  it("nests bracketed names the way Bitrix24 sends them", () => {
    expect(parse("event=ONCRMLEADADD&data%5BFIELDS%5D%5BID%5D=42&auth[domain]=acme.bitrix24.ru&ts=1700000000")).toEqual({
      event: "ONCRMLEADADD",
      data: { FIELDS: { ID: "42" } },
      auth: { domain: "acme.bitrix24.ru" },
      ts: "1700000000",
    });
  });

  it("appends name[] values to a list and decodes + as a space", () => {
    expect(parse("tags[]=a&tags[]=b+c&name=Ada+Lovelace")).toEqual({ tags: ["a", "b c"], name: "Ada Lovelace" });
  });

  it.each(["__proto__[polluted]=1", "a[constructor][prototype]=1", "x[__proto__]=1"])("refuses the prototype-polluting name in %s", (text) => {
    expect(() => parse(text)).toThrow(AppError);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it("refuses absurdly deep or large forms with a 400", () => {
    expect(() => parse(`a${"[x]".repeat(10)}=1`)).toThrow(/nested too deeply/);
    expect(() => parse(Array.from({ length: 2_001 }, (_, i) => `f${i}=1`).join("&"))).toThrow(/more than 2000 fields/);
  });

  it("refuses NUL characters, raw or %00-encoded, which PostgreSQL cannot store", () => {
    expect(() => parse("id=a%00b")).toThrow(/NUL character/);
    expect(() => parse("ev%00ent=1")).toThrow(/NUL character/);
    expect(() => parse("id=a\u0000b")).toThrow(/NUL character/);
  });

  it("refuses bytes that are not UTF-8 rather than storing U+FFFD", () => {
    expect(() => parseFormBody(Buffer.concat([Buffer.from("name="), Buffer.from([0xff])]))).toThrow(/not valid UTF-8/);
  });
});

import { describe, expect, it } from "vitest";
import { transformSchema, type Transform } from "@/lib/flows/schema";
import { applyTransforms } from "@/lib/mapping/apply-transforms";
import { MappingError } from "@/lib/mapping/mapping-error";

const phone = (defaultCountryCode?: string): Transform => ({ type: "phone-e164", defaultCountryCode });

describe("applyTransforms", () => {
  it.each<[string, unknown, Transform[], unknown]>([
    ["trim", "  Dana  ", [{ type: "trim" }], "Dana"],
    ["lowercase", "A@B.KZ", [{ type: "lowercase" }], "a@b.kz"],
    ["uppercase", "kzt", [{ type: "uppercase" }], "KZT"],
    ["trim then lowercase", " A@B.kz ", [{ type: "trim" }, { type: "lowercase" }], "a@b.kz"],
    ["trim a number", 42, [{ type: "trim" }], "42"],
    ["to-number of a string", "1250.50", [{ type: "to-number" }], 1250.5],
    ["to-number with thousands spaces", "1 250 000", [{ type: "to-number" }], 1250000],
    ["to-number of a number", 3, [{ type: "to-number" }], 3],
    ["to-number of a boolean", true, [{ type: "to-number" }], 1],
    ["to-number of a blank string", "  ", [{ type: "to-number" }], null],
    ["to-string of a number", 123, [{ type: "to-string" }], "123"],
    ["to-string of an object", { a: 1 }, [{ type: "to-string" }], '{"a":1}'],
    ["to-boolean of yes", "Yes", [{ type: "to-boolean" }], true],
    ["to-boolean of 0", "0", [{ type: "to-boolean" }], false],
    ["to-boolean of a number", 2, [{ type: "to-boolean" }], true],
    ["phone with + and decoration", "+7 (701) 123-45-67", [phone()], "+77011234567"],
    ["phone with trunk 8 and country 7", "8 701 123 45 67", [phone("7")], "+77011234567"],
    ["phone without trunk and country 7", "701 123 45 67", [phone("7")], "+77011234567"],
    ["phone with country code but no +", "77011234567", [phone("7")], "+77011234567"],
    ["phone with 00 prefix", "0044 20 7946 0958", [phone()], "+442079460958"],
    ["phone with trunk 0", "020 7946 0958", [phone("44")], "+442079460958"],
    ["phone given as a number", 87011234567, [phone("7")], "+77011234567"],
    ["date-iso of a date", "2024-12-31", [{ type: "date-iso" }], "2024-12-31T00:00:00.000Z"],
    ["date-iso of a zoned time", "2024-12-31T10:00:00+05:00", [{ type: "date-iso" }], "2024-12-31T05:00:00.000Z"],
    ["date-iso of a zoneless time (read as UTC)", "2024-12-31 10:30", [{ type: "date-iso" }], "2024-12-31T10:30:00.000Z"],
    ["date-iso of a dotted date", "31.12.2024", [{ type: "date-iso" }], "2024-12-31T00:00:00.000Z"],
    ["date-iso of a dotted date and time", "01.02.2024 09:05", [{ type: "date-iso" }], "2024-02-01T09:05:00.000Z"],
    ["date-iso of epoch seconds", 1735689600, [{ type: "date-iso" }], "2025-01-01T00:00:00.000Z"],
    ["date-iso of epoch milliseconds", 1735689600000, [{ type: "date-iso" }], "2025-01-01T00:00:00.000Z"],
    ["date-iso of an HTTP date", "Wed, 01 Jan 2025 00:00:00 GMT", [{ type: "date-iso" }], "2025-01-01T00:00:00.000Z"],
    ["default fills undefined", undefined, [{ type: "default", value: "n/a" }], "n/a"],
    ["default fills null", null, [{ type: "default", value: 0 }], 0],
    ["default keeps a value", "x", [{ type: "default", value: "n/a" }], "x"],
    ["template", 123, [{ type: "template", template: "Order #{{value}}" }], "Order #123"],
    ["template with spaces", "Dana", [{ type: "template", template: "Hi {{ value }}!" }], "Hi Dana!"],
    ["null passes through", null, [{ type: "trim" }, { type: "to-number" }, phone("7")], null],
    ["undefined passes through, then default", undefined, [{ type: "to-number" }, { type: "default", value: 1 }], 1],
  ])("%s", (_name, input, transforms, expected) => {
    expect(applyTransforms(input, transforms)).toEqual(expected);
  });

  it.each<[string, unknown, Transform, RegExp]>([
    ["to-number of text", "abc", { type: "to-number" }, /cannot convert "abc" to a number/],
    ["to-number of a decimal comma", "12,5", { type: "to-number" }, /cannot convert "12,5" to a number/],
    ["to-number of an object", { a: 1 }, { type: "to-number" }, /cannot convert an object to a number/],
    ["to-boolean of maybe", "maybe", { type: "to-boolean" }, /to true\/false/],
    ["trim of a list", [1], { type: "trim" }, /cannot trim a list/],
    ["phone with letters", "call me", phone("7"), /"call me" is not a phone number/],
    ["phone without a country code", "8 701 123 45 67", phone(), /set a default country code/],
    ["phone too short", "+7 12", phone(), /is not a phone number/],
    ["impossible date", "2024-02-30", { type: "date-iso" }, /not a recognised date/],
    ["zoneless free text date", "next tuesday", { type: "date-iso" }, /not a recognised date/],
  ])("fails on %s", (_name, input, transform, message) => {
    expect(() => applyTransforms(input, [transform])).toThrow(message);
  });

  it("throws a MappingError naming the target", () => {
    try {
      applyTransforms("abc", [{ type: "trim" }, { type: "to-number" }], { target: "deal.amount" });
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(MappingError);
      expect((error as MappingError).target).toBe("deal.amount");
      expect((error as MappingError).message).toBe('Transform to-number for "deal.amount" failed: cannot convert "abc" to a number');
    }
  });
});

const t = (raw: unknown): Transform => transformSchema.parse(raw);
const STATUS_MAP = { type: "value-map", entries: [{ from: "WON", to: "closed" }, { from: "1", to: true }, { from: "true", to: "yes" }] };

describe("value-map, concatenate and date-format", () => {
  it.each<[string, unknown, unknown, unknown]>([
    ["value-map of a listed text", "WON", STATUS_MAP, "closed"],
    ["value-map of a number, looked up as text", 1, STATUS_MAP, true],
    ["value-map of a boolean, looked up as text", true, STATUS_MAP, "yes"],
    ["value-map keeps an unlisted value by default", "LOST", STATUS_MAP, "LOST"],
    ["value-map falls back to a fixed value", "LOST", { ...STATUS_MAP, fallback: { mode: "value", value: "other" } }, "other"],
    ["value-map of an object, looked up as JSON", { a: 1 }, { type: "value-map", entries: [{ from: '{"a":1}', to: "A" }] }, "A"],
    ["concatenate with input fields and text", "Ada", { type: "concatenate", with: [{ source: "last" }, { text: "(VIP)" }] }, "Ada Lovelace (VIP)"],
    ["concatenate skips a missing part", "Ada", { type: "concatenate", with: [{ source: "middle" }, { source: "last" }], separator: ", " }, "Ada, Lovelace"],
    ["concatenate keeps a missing part as empty when asked", "Ada", { type: "concatenate", with: [{ source: "middle" }, { source: "last" }], separator: "|", skipEmpty: false }, "Ada||Lovelace"],
    ["concatenate runs on a missing value", undefined, { type: "concatenate", with: [{ source: "last" }] }, "Lovelace"],
    ["concatenate of nothing is no value", "", { type: "concatenate", with: [{ source: "middle" }] }, undefined],
    ["concatenate writes numbers as text", 12, { type: "concatenate", with: [{ source: "count" }], separator: "/" }, "12/3"],
    ["date-format from a 1C date to a day", "24.11.2026 10:30", { type: "date-format", inputFormat: "DD.MM.YYYY HH:mm", outputFormat: "YYYY-MM-DD" }, "2026-11-24"],
    ["date-format in a zone, to ISO", "24.11.2026 10:30", { type: "date-format", inputFormat: "DD.MM.YYYY HH:mm", outputFormat: "iso", timezone: "Asia/Almaty" }, "2026-11-24T05:30:00.000Z"],
    ["date-format without an input format reads like date-iso", "2026-11-24T23:30:00Z", { type: "date-format", outputFormat: "DD.MM.YYYY HH:mm", timezone: "Asia/Almaty" }, "25.11.2026 04:30"],
    ["date-format of epoch seconds", 1735689600, { type: "date-format", outputFormat: "YYYY/MM/DD HH:mm:ss" }, "2025/01/01 00:00:00"],
    ["new transforms pass null through", null, STATUS_MAP, null],
  ])("%s", (_name, input, transform, expected) => {
    expect(applyTransforms(input, [t(transform)], { input: { last: "Lovelace", count: 3 } })).toEqual(expected);
  });

  it.each<[string, unknown, unknown, RegExp]>([
    ["value-map with fallback error", "LOST", { ...STATUS_MAP, fallback: { mode: "error" } }, /^Transform value-map for "deal.status" failed: "LOST" has no entry in the value map$/],
    ["concatenate of an object part", "x", { type: "concatenate", with: [{ source: "nested" }] }, /cannot concatenate an object/],
    ["date-format of text not in the input format", "2026-11-24", { type: "date-format", inputFormat: "DD.MM.YYYY", outputFormat: "iso" }, /"2026-11-24" does not match the input format "DD.MM.YYYY"/],
    ["date-format of an impossible day", "31.02.2026", { type: "date-format", inputFormat: "DD.MM.YYYY", outputFormat: "iso" }, /does not match the input format/],
    ["date-format of free text", "soon", { type: "date-format", outputFormat: "YYYY" }, /"soon" is not a recognised date/],
  ])("fails on %s", (_name, input, transform, message) => {
    expect(() => applyTransforms(input, [t(transform)], { target: "deal.status", input: { nested: { a: 1 } } })).toThrow(message);
  });

  it("refuses invalid configs with readable messages", () => {
    const problems = (raw: unknown) => transformSchema.safeParse(raw).error?.issues.map((issue) => issue.message) ?? [];
    expect(problems({ type: "value-map", entries: [] })).toEqual(["Add at least one value to map"]);
    expect(problems({ type: "value-map", entries: [{ from: "a", to: 1 }, { from: "a", to: 2 }] })).toEqual(["Each value can be mapped only once"]);
    expect(problems({ type: "concatenate", with: [] })).toEqual(["Add at least one part to join"]);
    expect(problems({ type: "date-format", outputFormat: "nonsense" })).toEqual(["Format must contain at least one of YYYY MM DD HH mm ss"]);
    expect(problems({ type: "date-format", inputFormat: "HH:mm", outputFormat: "iso" })).toEqual(["An input format needs YYYY, MM and DD"]);
    expect(problems({ type: "date-format", outputFormat: "iso", timezone: "Mars/Olympus" })).toEqual(["Timezone must be an IANA name such as UTC or Asia/Almaty"]);
  });
});

import { describe, expect, it } from "vitest";
import { readAt, toProblemPath, writeAt } from "@/components/flow-editor/inspector/model/config-path";
import { countIssuesUnder, indexIssues } from "@/components/flow-editor/inspector/model/inspector-issues";
import { expressionError, parseJsonText, parseNumberText } from "@/components/flow-editor/inspector/model/parse-field-text";
import { recordToRows, repeatedKeys, rowsToRecord } from "@/components/flow-editor/inspector/model/record-rows";
import { NODE_CONFIG_SCHEMAS } from "@/lib/flows/schema";

describe("config paths", () => {
  it("writes a copy along the path and leaves the original untouched", () => {
    const config = { retry: { maxAttempts: 5 }, headers: { a: "1" } };
    const next = writeAt(config, ["retry", "maxAttempts"], 7);
    expect(next).toEqual({ retry: { maxAttempts: 7 }, headers: { a: "1" } });
    expect(config.retry.maxAttempts).toBe(5);
    expect((next as typeof config).headers).toBe(config.headers);
  });

  it("removes a key or a list item when the value is undefined, and creates containers on the way", () => {
    expect(writeAt({ a: 1, b: 2 }, ["a"], undefined)).toEqual({ b: 2 });
    expect(writeAt({ list: ["x", "y", "z"] }, ["list", 1], undefined)).toEqual({ list: ["x", "z"] });
    expect(writeAt(undefined, ["mappings", 0, "source"], "order.id")).toEqual({ mappings: [{ source: "order.id" }] });
    expect(readAt({ mappings: [{ source: "a" }] }, ["mappings", 0, "source"])).toBe("a");
    expect(toProblemPath(["mappings", 0, "source"])).toBe("config.mappings.0.source");
  });
});

describe("indexIssues", () => {
  it("files schema issues by config path and adds graph problems the schema cannot see", () => {
    const issues = indexIssues(NODE_CONFIG_SCHEMAS["http-request"], { url: "ftp://x", retry: { maxAttempts: 0 } }, [
      { nodeId: "n", path: "config.url", message: "Node \"n\": url: URL must start with http:// or https://" },
      { nodeId: "n", message: "\"n\" is not connected to the trigger, so it would never run" },
    ]);
    expect(issues.get("config.url")).toContain("URL must start with http:// or https://");
    expect(issues.get("config.url")?.some((message) => message.startsWith("Node"))).toBe(false);
    expect(issues.get("config.retry.maxAttempts")?.[0]).toMatch(/>=1|at least 1|too small/i);
    expect(issues.get("")).toEqual(["\"n\" is not connected to the trigger, so it would never run"]);
    expect(countIssuesUnder(issues, "config.retry")).toBe(1);
  });

  it("says Required for a missing field instead of zod's type message", () => {
    expect(indexIssues(NODE_CONFIG_SCHEMAS.filter, {}, []).get("config.condition")).toEqual(["Required"]);
  });
});

describe("raw field text", () => {
  it("parses numbers, refusing fractions for integers and keeping empty as cleared", () => {
    expect(parseNumberText(" 42 ", true)).toEqual({ ok: true, value: 42 });
    expect(parseNumberText("", true)).toEqual({ ok: true, value: undefined });
    expect(parseNumberText("1.5", true)).toEqual({ ok: false, error: "Enter a whole number" });
    expect(parseNumberText("1.5", false)).toEqual({ ok: true, value: 1.5 });
    expect(parseNumberText("12a", false)).toEqual({ ok: false, error: "Enter a number" });
  });

  it("parses JSON and says why it is not", () => {
    expect(parseJsonText('{"a": [1, 2]}')).toEqual({ ok: true, value: { a: [1, 2] } });
    const bad = parseJsonText('{"a": ');
    expect(bad.ok).toBe(false);
    expect(!bad.ok && bad.error).toMatch(/^Not valid JSON: /);
  });

  it("reports JSONata syntax errors with their position", () => {
    expect(expressionError("order.total > 100")).toBeUndefined();
    expect(expressionError("order.total >")).toMatch(/at character \d+/);
    expect(expressionError("")).toBeUndefined();
  });

  it("keeps key/value rows apart from the stored record until their keys are typed", () => {
    const rows = [{ key: "X-A", value: "1" }, { key: "", value: "half" }, { key: " X-A ", value: "2" }];
    expect(rowsToRecord(rows)).toEqual({ "X-A": "2" });
    expect([...repeatedKeys(rows)]).toEqual(["X-A"]);
    expect(recordToRows({ Authorization: "{{token}}" })).toEqual([{ key: "Authorization", value: "{{token}}" }]);
  });
});

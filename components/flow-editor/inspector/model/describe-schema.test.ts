import { describe, expect, it } from "vitest";
import { z } from "zod";
import { describeSchema, type FieldDescriptor } from "@/components/flow-editor/inspector/model/describe-schema";
import { humanizeKey } from "@/components/flow-editor/inspector/model/field-hints";
import { NODE_CONFIG_SCHEMAS } from "@/lib/flows/schema";

const byKey = (fields: FieldDescriptor[], key: string) => fields.find((field) => field.key === key);

describe("describeSchema", () => {
  it("turns each zod field into the control that edits it", () => {
    const fields = describeSchema(
      z.object({
        name: z.string(),
        count: z.number().int().min(1).max(9).default(3),
        ratio: z.number(),
        on: z.boolean().default(false),
        color: z.enum(["red", "blue"]),
        tags: z.array(z.string()).optional(),
        codes: z.array(z.number().int()),
        kinds: z.array(z.enum(["a", "b"])),
        headers: z.record(z.string(), z.string()).default(() => ({})),
        payload: z.json().optional(),
        nested: z.object({ deep: z.string().default("d") }).prefault({}),
        credentialRef: z.string().min(1).optional(),
        rows: z.array(z.object({ a: z.string() })),
      }),
    );
    expect(fields.map((field) => [field.key, field.control.type])).toEqual([
      ["name", "text"],
      ["count", "number"],
      ["ratio", "number"],
      ["on", "boolean"],
      ["color", "enum"],
      ["tags", "list"],
      ["codes", "list"],
      ["kinds", "list"],
      ["headers", "record"],
      ["payload", "json"],
      ["nested", "object"],
      ["credentialRef", "credential"],
      ["rows", "json"],
    ]);
    expect(byKey(fields, "count")).toMatchObject({ optional: false, defaultValue: 3, control: { integer: true, min: 1, max: 9 } });
    expect(byKey(fields, "ratio")?.control).toEqual({ type: "number", integer: false });
    expect(byKey(fields, "color")?.control).toEqual({ type: "enum", options: ["red", "blue"] });
    expect(byKey(fields, "tags")).toMatchObject({ optional: true, control: { item: { type: "text" } } });
    expect(byKey(fields, "kinds")?.control).toEqual({ type: "list", item: { type: "enum", options: ["a", "b"] } });
    expect(byKey(fields, "nested")).toMatchObject({ defaultValue: {}, control: { fields: [{ key: "deep", control: { type: "text" } }] } });
  });

  it("describes the http-request config with template, expression and credential fields and the nested retry policy", () => {
    const fields = describeSchema(NODE_CONFIG_SCHEMAS["http-request"]);
    expect(byKey(fields, "url")?.control).toEqual({ type: "text", format: "template" });
    expect(byKey(fields, "credentialRef")).toMatchObject({ optional: true, control: { type: "credential" } });
    expect(byKey(fields, "method")).toMatchObject({ defaultValue: "POST", control: { type: "enum" } });
    const retry = byKey(fields, "retry")?.control;
    expect(retry?.type === "object" && retry.fields.map((field) => field.key)).toEqual(["maxAttempts", "baseDelayMs", "maxDelayMs", "maxElapsedMs", "retryOn", "obeyRetryAfter"]);
    expect(describeSchema(NODE_CONFIG_SCHEMAS.filter)).toEqual([expect.objectContaining({ key: "condition", control: { type: "text", format: "expression" } })]);
  });

  it("hands out fresh default objects, so editing one field's default cannot change the schema's", () => {
    const [first] = describeSchema(z.object({ list: z.array(z.string()).default(() => ["x"]) }));
    const [second] = describeSchema(z.object({ list: z.array(z.string()).default(() => ["x"]) }));
    (first?.defaultValue as string[]).push("y");
    expect(second?.defaultValue).toEqual(["x"]);
  });

  it("labels fields from their keys", () => {
    expect(humanizeKey("idempotencyKeyPath")).toBe("Idempotency key path");
    expect(humanizeKey("timeoutMs")).toBe("Timeout (ms)");
    expect(humanizeKey("url")).toBe("URL");
    expect(humanizeKey("eventIdHeader")).toBe("Event ID header");
  });
});

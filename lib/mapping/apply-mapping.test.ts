import { describe, expect, it } from "vitest";
import { mapFieldsConfigSchema, type MapFieldsConfig } from "@/lib/flows/schema";
import { applyMapping } from "@/lib/mapping/apply-mapping";
import { MappingError } from "@/lib/mapping/mapping-error";

const config = (raw: unknown): MapFieldsConfig => mapFieldsConfigSchema.parse(raw);

const input = {
  id: "evt_1",
  order: { id: 123, total: "1 250.50", items: [{ sku: "A-1", qty: 2 }, { sku: "B-2", qty: 1 }] },
  customer: { name: "  Dana Sato ", phone: "8 701 123 45 67", email: " Dana@Example.KZ ", note: null },
};

describe("applyMapping", () => {
  it("maps source paths through transforms into nested targets", async () => {
    const output = await applyMapping(
      input,
      config({
        mappings: [
          { target: "lead.name", source: "customer.name", transform: [{ type: "trim" }] },
          { target: "lead.phone", source: "customer.phone", transform: [{ type: "phone-e164", defaultCountryCode: "7" }] },
          { target: "lead.email", source: "customer.email", transform: [{ type: "trim" }, { type: "lowercase" }] },
          { target: "amount", source: "order.total", transform: [{ type: "to-number" }] },
          { target: "firstSku", source: "order.items.0.sku" },
        ],
      }),
    );
    expect(output).toEqual({
      lead: { name: "Dana Sato", phone: "+77011234567", email: "dana@example.kz" },
      amount: 1250.5,
      firstSku: "A-1",
    });
  });

  it("evaluates JSONata expressions against the input", async () => {
    const output = await applyMapping(
      input,
      config({
        mappings: [
          { target: "title", expression: '"Order #" & order.id' },
          { target: "units", expression: "$sum(order.items.qty)" },
          { target: "skus", expression: "order.items.sku" },
        ],
      }),
    );
    expect(output).toEqual({ title: "Order #123", units: 3, skus: ["A-1", "B-2"] });
  });

  it("uses the default when the source is missing or null, before transforms run", async () => {
    const output = await applyMapping(
      input,
      config({
        mappings: [
          { target: "currency", source: "order.currency", default: "kzt", transform: [{ type: "uppercase" }] },
          { target: "note", source: "customer.note", default: "none" },
          { target: "source", expression: "utm.source", default: "direct" },
          { target: "absent", source: "nothing.here" },
        ],
      }),
    );
    expect(output).toEqual({ currency: "KZT", note: "none", source: "direct" });
    expect(Object.hasOwn(output, "absent")).toBe(false);
  });

  it("starts from a copy of the input in merge mode and never mutates the input", async () => {
    const snapshot = structuredClone(input);
    const output = await applyMapping(
      input,
      config({ mode: "merge", mappings: [{ target: "customer.name", source: "customer.name", transform: [{ type: "trim" }] }, { target: "mapped", expression: "true" }] }),
    );
    expect(output).toEqual({ ...snapshot, customer: { ...snapshot.customer, name: "Dana Sato" }, mapped: true });
    expect(input).toEqual(snapshot);
    expect(output.order).not.toBe(input.order);
  });

  it("starts empty in replace mode", async () => {
    expect(await applyMapping(input, config({ mappings: [] }))).toEqual({});
  });

  it("fails with a MappingError naming the target on an impossible conversion", async () => {
    const failing = config({ mappings: [{ target: "amount", source: "customer.name", transform: [{ type: "to-number" }] }] });
    await expect(applyMapping(input, failing)).rejects.toBeInstanceOf(MappingError);
    await expect(applyMapping(input, failing)).rejects.toMatchObject({ target: "amount", message: expect.stringContaining("cannot convert") });
  });

  it("fails with a MappingError when an expression fails at run time", async () => {
    const failing = config({ mappings: [{ target: "n", expression: '$number("abc")' }] });
    await expect(applyMapping(input, failing)).rejects.toMatchObject({ name: "MappingError", target: "n", message: expect.stringMatching(/^Expression for "n" failed: /) });
  });

  it("refuses merge mode on a non-object input", async () => {
    await expect(applyMapping([1, 2], config({ mode: "merge", mappings: [] }))).rejects.toThrow(/Merge mode needs an object/);
  });
});

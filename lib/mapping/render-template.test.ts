import { describe, expect, it } from "vitest";
import { MappingError } from "@/lib/mapping/mapping-error";
import { renderTemplate, renderTemplateString } from "@/lib/mapping/render-template";

const context = { title: "Order #1", amount: 12.5, paid: false, tags: ["a", "b"], customer: { name: "Dana", email: null }, items: [{ sku: "A-1" }] };

describe("renderTemplate", () => {
  it("keeps the type of a value referenced by a whole-string placeholder", () => {
    expect(renderTemplate("{{amount}}", context)).toBe(12.5);
    expect(renderTemplate("{{ paid }}", context)).toBe(false);
    expect(renderTemplate("{{tags}}", context)).toEqual(["a", "b"]);
    expect(renderTemplate("{{customer}}", context)).toEqual({ name: "Dana", email: null });
  });

  it("gives undefined for a whole-string placeholder with a missing path", () => {
    expect(renderTemplate("{{nope.deeper}}", context)).toBeUndefined();
  });

  it("renders every string leaf of a JSON body and leaves keys and other leaves alone", () => {
    const body = { "{{title}}": "{{title}}", lead: { sum: "{{amount}}", sku: "{{items.0.sku}}", note: "for {{customer.name}}" }, fixed: 1, list: ["{{paid}}", null] };
    expect(renderTemplate(body, context)).toEqual({
      "{{title}}": "Order #1",
      lead: { sum: 12.5, sku: "A-1", note: "for Dana" },
      fixed: 1,
      list: [false, null],
    });
  });

  it("does not change the template it renders", () => {
    const body = { a: "{{title}}" };
    renderTemplate(body, context);
    expect(body).toEqual({ a: "{{title}}" });
  });
});

describe("renderTemplateString", () => {
  it.each([
    ["https://crm.example/leads/{{ items.0.sku }}?paid={{paid}}", "https://crm.example/leads/A-1?paid=false"],
    ["{{title}} – {{amount}}", "Order #1 – 12.5"],
    ["missing: [{{nope}}] null: [{{customer.email}}]", "missing: [] null: []"],
    ["tags {{tags}}", 'tags ["a","b"]'],
    ["{{amount}}", "12.5"],
    ["no placeholders", "no placeholders"],
  ])("renders %j", (template, expected) => {
    expect(renderTemplateString(template, context)).toBe(expected);
  });

  it("encodes embedded values when asked, e.g. for URLs", () => {
    expect(renderTemplateString("https://x.example/search?q={{q}}", { q: "a&b c" }, { encode: encodeURIComponent })).toBe(
      "https://x.example/search?q=a%26b%20c",
    );
  });

  it("refuses placeholders that reach a prototype", () => {
    expect(() => renderTemplateString("{{constructor.name}}", {})).toThrow(MappingError);
  });
});

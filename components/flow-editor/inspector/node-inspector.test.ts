import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { NodeInspector, type NodeInspectorProps } from "@/components/flow-editor/inspector/node-inspector";
import { NODE_KINDS, type NodeKind } from "@/lib/flows/schema";
import { NODE_DEFINITIONS } from "@/lib/nodes/registry";

// No DOM environment in the unit project: server rendering still proves each kind's form is built from its schema and shows its messages.
function render(kind: NodeKind, config: unknown, extra: Partial<NodeInspectorProps> = {}): string {
  const props: NodeInspectorProps = {
    node: { id: "n1", kind, position: { x: 0, y: 0 }, config: config as Record<string, never> },
    sample: { order: { id: "ORD-1", status: "WON", items: [{ sku: "A" }] } },
    problems: [],
    credentials: [{ name: "crm", type: "bearer", environment: "production" }],
    hookUrl: "https://flowgate.example.com/api/hooks/abc",
    readOnly: false,
    onChange: () => {},
    ...extra,
  };
  return renderToStaticMarkup(createElement(NodeInspector, props));
}

describe("NodeInspector", () => {
  it.each(NODE_KINDS)("renders a %s node with its default config and no problems", (kind) => {
    const html = render(kind, NODE_DEFINITIONS[kind].defaultConfig());
    expect(html).toContain('data-testid="node-inspector"');
    expect(html).not.toContain("inspector-problem-count");
    // Kind editors draw every schema field themselves; "Other settings" is only for fields added later.
    expect(html).not.toContain("Other settings");
  });

  it("shows each schema issue next to its field and the node's own problems at the top", () => {
    const html = render("filter", {}, { problems: [{ nodeId: "n1", message: "\"n1\" is not connected to the trigger, so it would never run" }] });
    expect(html).toContain('data-testid="inspector-error-config.condition"');
    expect(html).toContain("Required");
    expect(html).toContain("is not connected to the trigger");
    expect(html).toContain("2 problems");
  });

  it("lists vault credentials by name and keeps a missing one visible instead of dropping it", () => {
    const html = render("lookup", { url: "https://crm.example.com/x", credentialRef: "old-token" });
    expect(html).toContain("crm · bearer · production");
    expect(html).toContain("old-token (not in the vault)");
  });

  it("disables every control when read-only", () => {
    expect(render("filter", { condition: "true" }, { readOnly: true })).toMatch(/<fieldset disabled=""/);
  });

  it("shows the http-request retry schedule and the default idempotency key", () => {
    const html = render("http-request", { url: "https://crm.example.com/leads", retry: { maxAttempts: 3, baseDelayMs: 1000, maxDelayMs: 60000 } });
    expect(html).toContain('data-testid="retry-schedule-table"');
    expect(html).toContain('data-testid="retry-schedule-row-3"');
    expect(html).toContain("0 ms – 2.0 s");
    expect(html).toContain('placeholder="Derived from flow, step and event business key"');
    expect(html).toContain('data-testid="retry-max-attempts"');
  });

  it("explains why the schedule is missing while the retry policy is invalid", () => {
    const html = render("http-request", { url: "https://crm.example.com/leads", retry: { baseDelayMs: 5000, maxDelayMs: 100 } });
    expect(html).toContain('data-testid="inspector-error-config.retry.baseDelayMs"');
    expect(html).toContain("Fix the retry policy above to see its schedule.");
  });

  it("draws the mapping editor: draggable sample fields, target rows, transforms and the value map table", () => {
    const html = render("map-fields", {
      mode: "replace",
      mappings: [{ target: "status", source: "order.status", transform: [{ type: "trim" }, { type: "value-map", entries: [{ from: "WON", to: "closed" }], fallback: { mode: "value", value: "open" } }] }],
    });
    expect(html).toMatch(/data-testid="sample-field-order.status" draggable="true"/);
    expect(html).toContain('data-testid="sample-field-order.items.0.sku"');
    expect(html).toContain('data-testid="mapping-target-0"');
    expect(html).toContain('data-testid="transform-add-0"');
    expect(html).toContain('data-testid="value-map-row-0"');
    expect(html).toContain('data-testid="value-map-fallback-value"');
    expect(html).toContain('data-testid="mapping-source-pick-0"');
  });

  it("draws the dedup editor with key fields, window in days and the key preview", () => {
    const html = render("dedup", { keyFields: ["order.id"], windowSeconds: 35 * 86_400, scope: "connector" });
    expect(html).toContain('data-testid="dedup-key-fields"');
    expect(html).toContain('data-testid="dedup-key-field-remove-order.id"');
    expect(html).toMatch(/data-testid="dedup-window-amount"[^>]*value="35"/);
    expect(html).toMatch(/<option value="days" selected="">/);
    expect(html).toContain('data-testid="dedup-key-preview"');
    expect(html).toContain('data-testid="inspector-error-config.connector"');
    expect(html).not.toContain('value="global"');
  });

  it("draws the webhook trigger with its hook URL, the scheme's own settings and pickable paths", () => {
    const html = render("webhook-trigger", { signature: { scheme: "github", credentialRef: "crm", encoding: "hex" }, eventIdPath: "id" });
    expect(html).toContain("https://flowgate.example.com/api/hooks/abc");
    expect(html).toContain('data-testid="inspector-field-config.signature.header"');
    expect(html).not.toContain('data-testid="inspector-field-config.signature.encoding"');
    expect(html).toContain('data-testid="path-pick-businessKeyPath"');
  });
});

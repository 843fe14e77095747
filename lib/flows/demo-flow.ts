import { flowDefinitionSchema, type FlowDefinition, type FlowDefinitionInput } from "@/lib/flows/schema";

/**
 * The seeded demo: an order webhook becomes a CRM lead. It exercises every
 * runnable kind's main features (event id and business key, source paths,
 * an expression, defaults, transforms, a templated body) with retry defaults.
 */
export function buildDemoFlowDefinition(targetUrl: string): FlowDefinition {
  const definition: FlowDefinitionInput = {
    schemaVersion: 1,
    nodes: [
      {
        id: "webhook",
        kind: "webhook-trigger",
        label: "Order webhook",
        position: { x: 0, y: 0 },
        config: { eventIdPath: "id", businessKeyPath: "order.id" },
      },
      {
        id: "map",
        kind: "map-fields",
        label: "Order → lead",
        position: { x: 320, y: 0 },
        config: {
          mappings: [
            { target: "title", expression: '"Order #" & order.id' },
            { target: "orderId", source: "order.id", transform: [{ type: "to-string" }] },
            { target: "name", source: "customer.name", transform: [{ type: "trim" }] },
            { target: "phone", source: "customer.phone", transform: [{ type: "phone-e164", defaultCountryCode: "7" }] },
            { target: "email", source: "customer.email", transform: [{ type: "trim" }, { type: "lowercase" }] },
            { target: "amount", source: "order.total", transform: [{ type: "to-number" }] },
            { target: "currency", source: "order.currency", default: "KZT", transform: [{ type: "uppercase" }] },
          ],
        },
      },
      {
        id: "send",
        kind: "http-request",
        label: "Create lead",
        position: { x: 640, y: 0 },
        config: {
          method: "POST",
          url: targetUrl,
          // Whole-placeholder strings keep their type, so amount stays a number.
          body: {
            title: "{{title}}",
            externalId: "{{orderId}}",
            contact: { name: "{{name}}", phone: "{{phone}}", email: "{{email}}" },
            amount: "{{amount}}",
            currency: "{{currency}}",
          },
        },
      },
    ],
    edges: [
      { id: "webhook-map", source: "webhook", target: "map" },
      { id: "map-send", source: "map", target: "send" },
    ],
  };
  // Parsing fills every default, so the stored version is complete and a bad targetUrl fails here.
  return flowDefinitionSchema.parse(definition);
}

import { describe, expect, it } from "vitest";
import { httpRequestConfigSchema } from "@/lib/flows/schema";
import { planAmbiguousRetry } from "@/lib/nodes/plan-ambiguous-retry";

const config = (extra: Record<string, unknown>) => httpRequestConfigSchema.parse({ url: "https://crm.example/leads", ...extra });

describe("planAmbiguousRetry", () => {
  it("retries with the same key where the target honours keys, which is the default", () => {
    expect(planAmbiguousRetry(config({}))).toEqual({ kind: "retry-same-key" });
  });

  it("looks the record up first where the target ignores keys and a lookup is configured", () => {
    const plan = planAmbiguousRetry(config({ idempotencyHonoured: false, credentialRef: "crm", existingRecordLookup: { url: "https://crm.example/leads?externalId={{orderId}}", foundPath: "results" } }));
    expect(plan).toMatchObject({ kind: "look-up-first", lookup: { method: "GET", foundPath: "results", notFoundStatuses: [404], credentialRef: "crm" } });
  });

  it("keeps the lookup's own credential when it names one", () => {
    const plan = planAmbiguousRetry(config({ idempotencyHonoured: false, credentialRef: "crm", existingRecordLookup: { url: "https://crm.example/search", credentialRef: "reader" } }));
    expect(plan).toMatchObject({ kind: "look-up-first", lookup: { credentialRef: "reader" } });
  });

  it("stops for review where the target ignores keys and nothing can look the record up", () => {
    expect(planAmbiguousRetry(config({ idempotencyHonoured: false }))).toEqual({ kind: "review" });
  });
});

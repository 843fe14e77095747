import { describe, expect, it } from "vitest";
import { outboundAllowListSchema, outboundAllowListTextSchema, updateOutboundSettingsSchema } from "./schema";

describe("outbound allow-list schema", () => {
  it("reads one entry per line or comma, canonicalises and de-duplicates", () => {
    expect(outboundAllowListTextSchema.parse("127.0.0.1\n\n  CRM.internal , *.Corp.Example\r\ncrm.internal.\n10.0.0.0/8")).toEqual([
      "127.0.0.1",
      "crm.internal",
      "*.corp.example",
      "10.0.0.0/8",
    ]);
    expect(outboundAllowListTextSchema.parse("")).toEqual([]);
  });

  it("names every malformed entry by position and text, and why", () => {
    const result = outboundAllowListTextSchema.safeParse("10.0.0.0/8\nhttp://crm.internal:8080\n10.0.0.0/40");
    expect(result.success).toBe(false);
    expect(result.error?.issues.map((issue) => issue.message)).toEqual([
      'Entry 2 ("http://crm.internal:8080"): not an IP address, CIDR range or host name (write e.g. 10.0.0.0/8, crm.internal or *.corp.example, without scheme, port or path)',
      'Entry 3 ("10.0.0.0/40"): invalid prefix length (use /1 to /32)',
    ]);
  });

  it("validates the API body the same way", () => {
    expect(updateOutboundSettingsSchema.parse({ entries: ["FD00::/8"] })).toEqual({ entries: ["fd00::/8"] });
    expect(updateOutboundSettingsSchema.safeParse({ entries: ["0.0.0.0/0"] }).error?.issues[0]).toMatchObject({ path: ["entries"], message: expect.stringContaining("would allow every address") });
    expect(outboundAllowListSchema.safeParse(Array.from({ length: 201 }, (_, i) => `host-${i}.internal`)).success).toBe(false);
  });
});

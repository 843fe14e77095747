import type { LookupAddress } from "node:dns";
import type { LookupFunction } from "node:net";
import { describe, expect, it } from "vitest";
import { createGuardedLookup, OutboundRefusedError, type ResolveAll } from "./guarded-lookup";
import { createOutboundPolicy } from "./outbound-policy";

const resolver =
  (addresses: LookupAddress[]): ResolveAll =>
  (_hostname, _options, callback) =>
    callback(null, addresses);

function lookup(guarded: LookupFunction, hostname: string, all: boolean) {
  return new Promise<{ error: Error | null; address: string | LookupAddress[]; family?: number }>((resolve) => {
    guarded(hostname, { all }, (error, address, family) => resolve({ error, address, family }));
  });
}

describe("createGuardedLookup", () => {
  it("hands the socket only the allowed addresses, whatever the resolver answers (DNS rebinding)", async () => {
    const guarded = createGuardedLookup(createOutboundPolicy([]), resolver([
      { address: "10.0.0.1", family: 4 },
      { address: "93.184.216.34", family: 4 },
      { address: "::1", family: 6 },
    ]));
    expect(await lookup(guarded, "rebind.example", true)).toEqual({ error: null, address: [{ address: "93.184.216.34", family: 4 }], family: undefined });
    expect(await lookup(guarded, "rebind.example", false)).toEqual({ error: null, address: "93.184.216.34", family: 4 });
  });

  it("fails the connect with the refusal when every address is refused", async () => {
    const guarded = createGuardedLookup(createOutboundPolicy([]), resolver([{ address: "169.254.169.254", family: 4 }]));
    const { error } = await lookup(guarded, "innocent.example", true);
    expect(error).toBeInstanceOf(OutboundRefusedError);
    expect((error as OutboundRefusedError).refusal).toMatchObject({ host: "innocent.example", rule: "metadata", address: "169.254.169.254" });
  });

  it("lets an allow-listed host name reach its private addresses", async () => {
    const guarded = createGuardedLookup(createOutboundPolicy(["crm.internal"]), resolver([{ address: "10.1.2.3", family: 4 }]));
    expect(await lookup(guarded, "crm.internal", false)).toMatchObject({ error: null, address: "10.1.2.3" });
  });

  it("passes resolver errors through untouched", async () => {
    const notFound = Object.assign(new Error("getaddrinfo ENOTFOUND"), { code: "ENOTFOUND" });
    const guarded = createGuardedLookup(createOutboundPolicy([]), (_hostname, _options, callback) => callback(notFound, []));
    expect((await lookup(guarded, "missing.example", true)).error).toBe(notFound);
  });
});

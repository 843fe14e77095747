import { lookup as dnsLookup, type LookupAddress, type LookupAllOptions } from "node:dns";
import type { LookupFunction } from "node:net";
import type { OutboundPolicy, OutboundRefusal } from "./outbound-policy";

/** dns.lookup with `all: true`; injectable so tests can play a rebinding resolver. */
export type ResolveAll = (hostname: string, options: LookupAllOptions, callback: (error: NodeJS.ErrnoException | null, addresses: LookupAddress[]) => void) => void;

/** Raised inside the socket's connect; performHttpCall turns it into an outbound_refused failure. */
export class OutboundRefusedError extends Error {
  readonly code = "OUTBOUND_REFUSED";
  readonly refusal: OutboundRefusal;

  constructor(refusal: OutboundRefusal) {
    super(refusal.message);
    this.name = "OutboundRefusedError";
    this.refusal = refusal;
  }
}

/**
 * A `lookup` for net/tls.connect that resolves the name once and hands the
 * socket only addresses the policy allows. Checking here rather than in a
 * pre-flight lookup is what defeats DNS rebinding: the address that was
 * checked is the address connected to, with no second resolution between.
 * Refused addresses are dropped; if none is left the connect fails.
 */
export function createGuardedLookup(policy: OutboundPolicy, resolveAll: ResolveAll = dnsLookup): LookupFunction {
  return (hostname, options, callback) => {
    resolveAll(hostname, { ...options, all: true }, (error, addresses) => {
      if (error) return callback(error, "");
      const refusals = addresses.map((candidate) => policy.checkAddress(hostname, candidate.address));
      const allowed = addresses.filter((_candidate, index) => refusals[index] === null);
      const first = allowed[0];
      if (first === undefined) {
        const refusal = refusals.find((candidate) => candidate !== null);
        const failure = refusal ? new OutboundRefusedError(refusal) : Object.assign(new Error("no address found"), { code: "ENOTFOUND" });
        return callback(failure, "");
      }
      // Happy eyeballs (autoSelectFamily) asks for every address; a plain connect for one.
      if (options.all) callback(null, allowed);
      else callback(null, first.address, first.family);
    });
  };
}

import { describe, expect, it } from "vitest";
import { pickClientIp } from "@/lib/auth/pick-client-ip";

const headers = (init: Record<string, string>) => new Headers(init);

describe("pickClientIp", () => {
  it("takes the socket address next start puts in X-Forwarded-For", () => {
    expect(pickClientIp(headers({ "x-forwarded-for": "203.0.113.7" }), 0)).toBe("203.0.113.7");
  });

  it("behind one proxy ignores entries the client forged on the left", () => {
    expect(pickClientIp(headers({ "x-forwarded-for": "1.1.1.1, 203.0.113.7" }), 1)).toBe("203.0.113.7");
  });

  it("behind two proxies skips the inner proxy's address", () => {
    expect(pickClientIp(headers({ "x-forwarded-for": "1.1.1.1, 203.0.113.7, 10.0.0.5" }), 2)).toBe("203.0.113.7");
  });

  it("clamps to the leftmost entry when fewer entries than proxies arrived", () => {
    expect(pickClientIp(headers({ "x-forwarded-for": "203.0.113.7" }), 3)).toBe("203.0.113.7");
  });

  it("falls back to X-Real-IP, then to nothing", () => {
    expect(pickClientIp(headers({ "x-real-ip": "198.51.100.2" }), 0)).toBe("198.51.100.2");
    expect(pickClientIp(headers({}), 0)).toBeNull();
  });
});

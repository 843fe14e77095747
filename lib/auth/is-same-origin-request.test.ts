import { describe, expect, it } from "vitest";
import { isSameOriginRequest } from "@/lib/auth/is-same-origin-request";

const APP = "https://flowgate.example.com";
const request = (method: string, headers: Record<string, string> = {}) => new Request(`${APP}/api/v1/flows`, { method, headers });

describe("isSameOriginRequest", () => {
  it("lets reads through from anywhere", () => {
    expect(isSameOriginRequest(request("GET", { "sec-fetch-site": "cross-site", origin: "https://evil.example" }), APP)).toBe(true);
    expect(isSameOriginRequest(request("HEAD"), APP)).toBe(true);
  });

  it.each([
    ["Sec-Fetch-Site same-origin", { "sec-fetch-site": "same-origin" }],
    ["Sec-Fetch-Site none (typed by the user)", { "sec-fetch-site": "none" }],
    ["an Origin equal to APP_URL's", { origin: APP }],
  ])("accepts a write with %s", (_label, headers) => {
    expect(isSameOriginRequest(request("POST", headers), APP)).toBe(true);
  });

  it.each([
    ["a cross-site fetch", { "sec-fetch-site": "cross-site", origin: "https://evil.example" }],
    ["a same-site but other-origin fetch", { "sec-fetch-site": "same-site", origin: "https://other.flowgate.example.com" }],
    ["an Origin that only shares the host", { origin: "http://flowgate.example.com" }],
    ["no browser headers at all", {}],
  ])("refuses a write with %s", (_label, headers) => {
    expect(isSameOriginRequest(request("DELETE", headers), APP)).toBe(false);
    expect(isSameOriginRequest(request("POST", headers), APP)).toBe(false);
  });
});

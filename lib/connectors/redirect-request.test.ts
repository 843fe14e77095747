import { describe, expect, it } from "vitest";
import { redirectRequest, type HttpHop } from "./redirect-request";

const post: HttpHop = {
  method: "POST",
  url: "https://api.example.com/v1/leads?x=1",
  headers: { authorization: "Bearer t", cookie: "sid=1", "x-api-key": "k", "content-type": "application/json", "idempotency-key": "fg_1", accept: "application/json" },
  body: { name: "Ada" },
};

describe("redirectRequest", () => {
  it.each([301, 302, 303])("turns a POST answered with %i into a GET without body or body headers", (status) => {
    expect(redirectRequest(post, status, "/v2/leads")).toEqual({
      method: "GET",
      url: "https://api.example.com/v2/leads",
      headers: { authorization: "Bearer t", cookie: "sid=1", "x-api-key": "k", "idempotency-key": "fg_1", accept: "application/json" },
    });
  });

  it.each([307, 308])("keeps method, body and headers on %i", (status) => {
    expect(redirectRequest(post, status, "https://api.example.com/v2/leads")).toEqual({ ...post, url: "https://api.example.com/v2/leads" });
  });

  it("keeps a GET a GET on 303", () => {
    expect(redirectRequest({ method: "GET", url: "https://a.example/x", headers: {} }, 303, "/y")).toEqual({ method: "GET", url: "https://a.example/y", headers: {} });
  });

  it.each([
    ["another host", "https://evil.example/collect"],
    ["another port", "https://api.example.com:8443/v1"],
    ["a downgrade to http", "http://api.example.com/v1"],
  ])("drops credential headers when the redirect goes to %s", (_case, location) => {
    const next = redirectRequest(post, 307, location);
    expect(next?.headers).toEqual({ "content-type": "application/json", "idempotency-key": "fg_1", accept: "application/json" });
    expect(next?.body).toEqual({ name: "Ada" });
  });

  it.each([
    [300, "/x"],
    [304, "/x"],
    [305, "/x"],
    [302, undefined],
    [302, ""],
    [302, "http://[bad"],
  ])("does not follow %i with Location %j", (status, location) => {
    expect(redirectRequest(post, status, location)).toBeNull();
  });
});

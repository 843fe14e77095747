import { describe, expect, it } from "vitest";
import { redactUrl } from "./redact-url";
import { MASK } from "./secret-names";

describe("redactUrl", () => {
  it.each([
    ["https://api.example.com/v1/leads?access_token=abc123&page=2", `https://api.example.com/v1/leads?access_token=${MASK}&page=2`],
    ["https://user:hunter22@db.example.com:5432/x", `https://user:${MASK}@db.example.com:5432/x`],
    ["https://ghp_tokenonly@github.com/org/repo.git", `https://${MASK}@github.com/org/repo.git`],
    ["https://example.com/cb#access_token=xyz&state=ok", `https://example.com/cb#access_token=${MASK}&state=ok`],
    ["https://example.com/?q=hello%20world&API_KEY=k", `https://example.com/?q=hello%20world&API_KEY=${MASK}`],
    ["https://example.com/?author=ada", "https://example.com/?author=ada"],
  ])("redacts %s", (input, expected) => {
    expect(redactUrl(input)).toBe(expected);
  });

  it("masks a registered secret inside the path (Telegram-style bot token)", () => {
    const token = "123456:AAE-registered-secret";
    expect(redactUrl(`https://api.telegram.org/bot${token}/sendMessage`, { secrets: [token] })).toBe(`https://api.telegram.org/bot${MASK}/sendMessage`);
  });

  it("masks an unregistered Telegram bot token by its shape", () => {
    expect(redactUrl("https://api.telegram.org/bot1234567890:AAHdqTcvCH1vGWJxfSeofSAs0K5PALDsaw/getMe")).toBe(
      `https://api.telegram.org/bot1234567890:${MASK}/getMe`,
    );
  });

  it("scrubs unparseable input as text instead of returning it unchanged", () => {
    expect(redactUrl("not a url ?token=abc")).toBe(`not a url ?token=${MASK}`);
  });
});

import { describe, expect, it } from "vitest";
import { isSecretName } from "./secret-names";

describe("isSecretName", () => {
  it.each([
    "authorization", "Authorization", "proxy-authorization", "cookie", "set-cookie", "x-api-key", "X-Hub-Signature-256", "stripe-signature",
    "webhook-signature", "token", "access_token", "refreshToken", "id_token", "client_secret", "clientSecret", "password", "passwd", "pwd",
    "apiKey", "api_key", "api-key", "private_key", "privateKey", "signature", "sig", "auth", "oauth", "basicAuth", "x-auth-token",
    "credentials", "sessionId", "session", "jwt", "key", "x-telegram-bot-api-secret-token", "tokenized_count",
  ])("masks %s", (name) => {
    expect(isSecretName(name)).toBe(true);
  });

  it.each(["author", "authors", "author_name", "authority", "email", "name", "id", "code", "status", "idempotencyKey", "keyboard", "monkey", "description"])(
    "keeps %s visible",
    (name) => {
      expect(isSecretName(name)).toBe(false);
    },
  );
});

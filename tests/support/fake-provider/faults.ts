/**
 * The ways the fake provider can misbehave on one request, one per R8 class
 * and per quirk in CONNECTORS.md. "Commit" faults record the effect first, so
 * the client cannot know whether its write happened (the ambiguous class).
 */

/** Whose error bodies to imitate (CONNECTORS.md §1 Bitrix24, §2 1C OData, §3 MoySklad, §9 TrustMe). */
export type ProviderStyle = "bitrix24" | "1c" | "moysklad" | "trustme";

/** Seconds (number or digits), an HTTP date (Date, or any other string, sent as given). */
export type RetryAfter = string | number | Date;

export type Fault =
  | { type: "status"; status: number; retryAfter?: RetryAfter; body?: unknown }
  /** A 4xx/5xx with the error body `style`'s API sends; `code`/`message` override its defaults. */
  | { type: "provider-error"; status: number; style: ProviderStyle; code?: string; message?: string; retryAfter?: RetryAfter }
  /** Answers late, after the effect. */
  | { type: "delay"; ms: number }
  /** Holds the idempotency key in flight this long before the effect (to provoke 409s). */
  | { type: "delay-before-effect"; ms: number }
  /** Reads the request, then drops the connection without an effect. */
  | { type: "reset" }
  /** Drops the connection as soon as the headers arrive, body unread, without an effect. */
  | { type: "reset-before-read" }
  /** Records the effect, then drops the connection (alias: "reset-after-effect"). */
  | { type: "commit-then-reset" }
  | { type: "reset-after-effect" }
  /** Records the effect and never answers; ends when the client gives up or the provider closes. */
  | { type: "commit-then-hang" }
  /** Records the effect and sends the answer `chunkBytes` (default 8) at a time, every `intervalMs`. */
  | { type: "slow-body"; intervalMs: number; chunkBytes?: number }
  /** 200 with truncated JSON, no effect. */
  | { type: "malformed" }
  /** 200 whose body is an error, no effect: `body` as given, or `style`'s shape (default bitrix24). */
  | { type: "error-in-200"; body?: unknown; style?: ProviderStyle }
  /** Answers `status` with everything it received quoted back, credentials included, as careless APIs do. */
  | { type: "echo"; status: number };

/** What a fault plan knows when it decides: the body is not read yet (it may decide not to read it). */
export type FaultRequest = { index: number; method: string; path: string; idempotencyKey: string | null; isCreate: boolean };

export type FaultPlanFn = (request: FaultRequest) => Fault | undefined;

const BITRIX24_CODES: Record<number, [code: string, description: string]> = {
  400: ["", "ID is not defined or invalid"],
  401: ["NO_AUTH_FOUND", "Wrong authorization data"],
  403: ["ACCESS_DENIED", "REST API is available only on commercial plans"],
  404: ["", "Not found"],
  429: ["OPERATION_TIME_LIMIT", "Method is blocked due to operation time limit"],
  500: ["INTERNAL_SERVER_ERROR", "Internal server error"],
  503: ["QUERY_LIMIT_EXCEEDED", "Too many requests"],
};

const MOYSKLAD_CODES: Record<number, [code: number, message: string]> = {
  400: [3000, "Ошибка валидации: поле 'name' не может быть пустым"],
  401: [1056, "Ошибка аутентификации"],
  403: [1016, "Доступ запрещён"],
  404: [1021, "Объект не найден"],
  429: [1049, "Превышено ограничение на количество запросов"],
  500: [1000, "Внутренняя ошибка сервера"],
};

/** The error body `style`'s API sends with a 4xx/5xx status. */
export function providerErrorBody(style: ProviderStyle, status: number, code?: string, message?: string): unknown {
  switch (style) {
    case "bitrix24": {
      const [defaultCode, description] = BITRIX24_CODES[status] ?? ["", `Injected ${status}`];
      return { error: code ?? defaultCode, error_description: message ?? description };
    }
    case "1c":
      // -1 is 1C's "internal OData service error", which business exceptions also raise with a 500.
      return { "odata.error": { code: code ?? (status >= 500 ? "-1" : "4"), message: { lang: "ru", value: message ?? `Injected ${status}` } } };
    case "moysklad": {
      const [defaultCode, defaultMessage] = MOYSKLAD_CODES[status] ?? [1000, `Injected ${status}`];
      const errorCode = code === undefined ? defaultCode : Number(code);
      return { errors: [{ error: message ?? defaultMessage, code: errorCode, moreInfo: `https://dev.moysklad.ru/doc/api/remap/1.2/#error_${errorCode}` }] };
    }
    case "trustme":
      return { status: "Error", errorText: message ?? `Injected ${status}`, data: null };
  }
}

/** A failure reported with HTTP 200, as each style's API does it (CONNECTORS.md "Errors inside HTTP 200"). */
export function errorIn200Body(style: ProviderStyle): unknown {
  switch (style) {
    case "bitrix24":
      return { error: "ERROR_CORE", error_description: "Injected failure inside a 200" };
    case "1c":
      // A custom 1C HTTP service answers 200 with the OData error shape its developer copied.
      return { "odata.error": { code: "-1", message: { lang: "ru", value: "Injected failure inside a 200" } } };
    case "moysklad":
      // A mass POST succeeds as a whole while an item carries its own errors.
      return [{ errors: [{ error: "Injected failure inside a 200", code: 3000 }] }];
    case "trustme":
      return { status: "Error", errorText: "Injected failure inside a 200", data: null };
  }
}

/**
 * The Retry-After header for `value` and how long it asks the client to wait
 * (null when the value is neither seconds nor a date). A Date is sent to the
 * second, as HTTP dates are, so the window is what the client can read.
 */
export function describeRetryAfter(value: RetryAfter, nowMs = Date.now()): { header: string; waitMs: number | null } {
  if (typeof value === "number") return { header: String(value), waitMs: value * 1000 };
  const header = value instanceof Date ? value.toUTCString() : value;
  if (/^\d+$/.test(header)) return { header, waitMs: Number(header) * 1000 };
  const at = Date.parse(header);
  return { header, waitMs: Number.isNaN(at) ? null : Math.max(0, at - nowMs) };
}

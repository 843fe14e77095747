import { NextResponse } from "next/server";
import { env } from "@/lib/env.mjs";
import { toErrorResponse } from "@/lib/errors";
import { createLogger } from "@/lib/log";

const log = createLogger("api", env.LOG_LEVEL);

type Handler<C> = (request: Request, context: C) => Promise<Response>;

/**
 * Wraps a route handler so every thrown error becomes the JSON error shape
 * with the right status; unknown errors are logged (redacted) and answered
 * with a generic 500 that reveals nothing.
 */
export function handleRoute<C>(handler: Handler<C>): Handler<C> {
  return async (request, context) => {
    try {
      return await handler(request, context);
    } catch (error) {
      const { status, body, retryAfterSeconds } = toErrorResponse(error);
      if (status >= 500) log.error({ err: error, method: request.method, path: new URL(request.url).pathname }, "request failed");
      const headers = retryAfterSeconds ? { "Retry-After": String(retryAfterSeconds) } : undefined;
      return NextResponse.json(body, { status, headers });
    }
  };
}

import type { z } from "zod";
import { AppError } from "@/lib/errors";

const MAX_API_BODY_BYTES = 2 * 1024 * 1024;

/** Reads a JSON request body and parses it with the shape's schema (400 / 413 / 415 / 422). */
export async function readJson<S extends z.ZodType>(request: Request, schema: S): Promise<z.infer<S>> {
  const type = request.headers.get("content-type") ?? "";
  if (!/^application\/([\w.+-]+\+)?json\b/i.test(type)) {
    throw new AppError("unsupported_media_type", "Send the body as application/json");
  }
  const text = await request.text();
  if (Buffer.byteLength(text) > MAX_API_BODY_BYTES) throw new AppError("payload_too_large", "Request body is too large");
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    throw new AppError("bad_request", "Request body is not valid JSON");
  }
  return schema.parse(value);
}

import { z } from "zod";
import { AppError, describeZodError } from "@/lib/errors";

/** Parses a request's query string with the shape's schema; a bad parameter is 400 naming it. */
export function readQuery<S extends z.ZodType>(request: Request, schema: S): z.infer<S> {
  const result = schema.safeParse(Object.fromEntries(new URL(request.url).searchParams));
  if (!result.success) throw new AppError("bad_request", describeZodError(result.error), { details: z.treeifyError(result.error) });
  return result.data;
}

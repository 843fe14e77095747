import { NextResponse } from "next/server";
import { z } from "zod";
import { env } from "@/lib/env.mjs";
import { handleRoute } from "@/lib/api/handle-route";
import { parseParams } from "@/lib/api/params";
import { readLimitedBody } from "@/lib/webhooks/read-limited-body";
import { receiveWebhook } from "@/lib/webhooks/receive-webhook";

export const dynamic = "force-dynamic";

const paramsSchema = z.object({ hookKey: z.string().regex(/^[A-Za-z0-9_-]{1,64}$/, "No flow listens on this hook") });

/** Public intake: no session; the hook key identifies the flow and its signature scheme authenticates the sender. */
export const POST = handleRoute(async (request: Request, { params }: { params: Promise<{ hookKey: string }> }) => {
  const { hookKey } = parseParams(paramsSchema, await params);
  const result = await receiveWebhook({
    hookKey,
    headers: request.headers,
    query: new URL(request.url).searchParams,
    rawBody: () => readLimitedBody(request, env.WEBHOOK_MAX_BODY_BYTES),
  });
  return NextResponse.json(result, { status: result.duplicate ? 200 : 202 });
});

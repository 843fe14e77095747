import { NextResponse } from "next/server";
import { z } from "zod";
import { handleRoute } from "@/lib/api/handle-route";
import { readJson } from "@/lib/api/read-json";
import { actingUser } from "@/lib/audit/acting-user";
import { requirePermission } from "@/lib/auth/require-permission";
import { importFlow } from "@/lib/flows/import-flow";
import { maskDefinitions } from "@/lib/flows/mask-definitions";

export const dynamic = "force-dynamic";

/** A `flowgate-flow` file (its `name` may be changed) → 201 `{flow, problems}`; a bad file is 422 with `details.problems`. */
export const POST = handleRoute(async (request: Request) => {
  const actor = await requirePermission("flows.write", request);
  // The file is checked by parseFlowFile, which reports every problem with its path.
  const file = await readJson(request, z.unknown());
  const { flow, problems } = await importFlow({ actor: await actingUser(actor, request.headers), file });
  return NextResponse.json({ flow: maskDefinitions(flow), problems }, { status: 201 });
});

import { handleRoute } from "@/lib/api/handle-route";
import { authorizeMetricsScrape } from "@/lib/metrics/authorize-metrics-scrape";
import { collectMetrics } from "@/lib/metrics/collect-metrics";

export const dynamic = "force-dynamic";

/** Prometheus text (R18): queue, runs, attempts, call latency, breakers and intake refusals, read from the database at scrape. */
export const GET = handleRoute(async (request: Request) => {
  await authorizeMetricsScrape(request);
  const { contentType, body } = await collectMetrics();
  return new Response(body, { headers: { "content-type": contentType, "cache-control": "no-store" } });
});

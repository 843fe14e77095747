import { z } from "zod";
import { DASHBOARD_RANGES } from "@/lib/dashboard/pick-bucket-size";

/**
 * The dashboard's URL: an unknown range, a malformed flow id or a connector
 * key that is not a plausible key falls back to the default view instead of
 * failing. Whether a well-formed connector key exists is decided by
 * loadDashboard, which then says so on the page.
 */
export const dashboardQuerySchema = z.object({
  range: z.enum(DASHBOARD_RANGES).catch("hour"),
  flowId: z.uuid().optional().catch(undefined),
  connector: z.string().trim().min(1).max(200).optional().catch(undefined),
});

export type DashboardQuery = z.infer<typeof dashboardQuerySchema>;

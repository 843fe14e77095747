import { z } from "zod";
import { DASHBOARD_RANGES } from "@/lib/dashboard/pick-bucket-size";

/** The dashboard's URL: an unknown range or a malformed flow id falls back to the default view instead of failing. */
export const dashboardQuerySchema = z.object({
  range: z.enum(DASHBOARD_RANGES).catch("hour"),
  flowId: z.uuid().optional().catch(undefined),
});

export type DashboardQuery = z.infer<typeof dashboardQuerySchema>;

/** Every kind of alert; the operator console filters and labels by these. */
export const ALERT_KINDS = ["connector_paused"] as const;
export type AlertKind = (typeof ALERT_KINDS)[number];

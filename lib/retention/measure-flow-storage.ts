import { db } from "@/lib/db";

export type MeasureFlowStorageOptions = { flowIds: string[] };

export type FlowStorage = { bytes: number; runs: number };

type Row = { flowId: string; bytes: bigint | null; runs: bigint | null };

/**
 * What each flow's stored payloads take, as PostgreSQL stores them
 * (pg_column_size: after compression, TOAST included): events' raw bodies
 * and headers, steps' inputs and outputs (sealed ones too), attempts'
 * requests and responses. One grouped query per table; a sum, not a scan
 * per run, so it stays cheap enough to show on the flow page.
 */
export async function measureFlowStorage({ flowIds }: MeasureFlowStorageOptions): Promise<Record<string, FlowStorage>> {
  const size = (column: string) => `coalesce(pg_column_size(${column}), 0)`;
  const [events, steps, attempts, runs] = await Promise.all([
    query(`SELECT "flowId", sum(${size(`"rawBody"`)} + ${size("headers")})::bigint AS bytes, NULL AS runs
           FROM "Event" WHERE "flowId" = ANY($1::uuid[]) GROUP BY "flowId"`, flowIds),
    query(`SELECT r."flowId", sum(${size("s.input")} + ${size("s.output")} + ${size(`s."outputSealed"`)})::bigint AS bytes, NULL AS runs
           FROM "StepRun" s JOIN "Run" r ON r.id = s."runId" WHERE r."flowId" = ANY($1::uuid[]) GROUP BY r."flowId"`, flowIds),
    query(`SELECT r."flowId", sum(${size("a.request")} + ${size("a.response")})::bigint AS bytes, NULL AS runs
           FROM "StepAttempt" a JOIN "StepRun" s ON s.id = a."stepRunId" JOIN "Run" r ON r.id = s."runId"
           WHERE r."flowId" = ANY($1::uuid[]) GROUP BY r."flowId"`, flowIds),
    query(`SELECT "flowId", 0::bigint AS bytes, count(*)::bigint AS runs FROM "Run" WHERE "flowId" = ANY($1::uuid[]) GROUP BY "flowId"`, flowIds),
  ]);
  const result: Record<string, FlowStorage> = Object.fromEntries(flowIds.map((id) => [id, { bytes: 0, runs: 0 }]));
  for (const row of [...events, ...steps, ...attempts, ...runs]) {
    const entry = result[row.flowId];
    if (!entry) continue;
    entry.bytes += Number(row.bytes ?? 0);
    entry.runs += Number(row.runs ?? 0);
  }
  return result;
}

function query(statement: string, flowIds: string[]): Promise<Row[]> {
  return db.$queryRawUnsafe<Row[]>(statement, flowIds);
}

import { MAX_DETAILS, type ChaosObservations, type CheckResult } from "@/tests/chaos/chaos-observations";

/**
 * R6/R7 from the provider's side: per business action at most one record and
 * one idempotency key, and a run we call succeeded has its record (a success
 * without an effect would be a silent loss).
 */
export function checkLedger({ provider, runs }: ChaosObservations): CheckResult[] {
  const { duplicateRecords, multipleKeys } = provider.violations();
  const succeededKeys = new Set(runs.filter((run) => run.status === "succeeded").map((run) => run.businessKey));
  const withoutRecord = [...succeededKeys].filter((key) => key === null || (provider.ledger.get(key)?.recordsCreated.length ?? 0) === 0);
  return [
    {
      label: "business ids with more than one record",
      group: "core",
      value: `${duplicateRecords.length} of ${provider.ledger.size}`,
      violations: duplicateRecords.length,
      details: duplicateRecords.slice(0, MAX_DETAILS).map((entry) => `${entry.businessId}: records ${entry.recordIds.join(", ")}`),
    },
    {
      label: "business ids with more than one idempotency key",
      group: "core",
      value: String(multipleKeys.length),
      violations: multipleKeys.length,
      details: multipleKeys.slice(0, MAX_DETAILS).map((entry) => `${entry.businessId}: keys ${entry.keys.join(", ")}`),
    },
    {
      label: "succeeded business ids without a record at the provider",
      group: "core",
      value: `${withoutRecord.length} of ${succeededKeys.size}`,
      violations: withoutRecord.length,
      details: withoutRecord.slice(0, MAX_DETAILS).map((key) => `${key ?? "(no business key)"} succeeded, provider has no record`),
    },
  ];
}

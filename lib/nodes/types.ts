import type { Environment } from "@/lib/credentials/schema";
import type { FlowNodeOf, NodeKind } from "@/lib/flows/schema";

/** What a step sees when it runs. Built by the executor; pure node logic reads only this. */
export type StepContext = {
  /** The output of the step this one hangs off (the trigger's output is the event payload). */
  input: unknown;
  trigger: unknown;
  steps: Record<string, unknown>;
  event: { id: string; providerEventId: string | null; businessKey: string | null };
  /** `environment` picks the credential set (sandbox or production) every step of the run uses. */
  run: { id: string; flowId: string; traceId: string; environment: Environment };
  /** Persisted on the step before its first attempt and reused by every retry (R6). */
  idempotencyKey: string;
  signal: AbortSignal;
  /**
   * Registers plaintext secrets the step picked up (a decrypted credential,
   * an access token): they are masked by value in every record and log line
   * of the run until its execution ends (R20). Register before using them.
   */
  registerSecrets: (values: readonly string[]) => void;
  /** Told the connector a call counts against, so a run that fails or waits on it can be filtered by it. Set by runStep. */
  noteConnector?: (key: string) => void;
  /** An earlier attempt of this step failed ambiguously (sent, answer lost): the effect may exist already (R8). Set by runStep. */
  afterAmbiguousAttempt?: boolean;
};

/** A masked-later record of what a step exchanged with the outside world. */
export type StepExchange = { request?: unknown; response?: unknown };

/** A step's verdict that the whole run has nothing (more) to do, e.g. a dedup rule or a stale event. */
export type RunEnd = { status: "skipped_duplicate" | "skipped_stale"; reason: string; duplicateOfRunId?: string };

export type StepResult = {
  output: unknown;
  /** The output handle taken; single-output kinds leave it unset ("out"). */
  handle?: string;
  exchange?: StepExchange;
  /** The id the target gave the record this step made or found; indexed for the runs search. */
  externalId?: string;
  /** Set when this step ends the run here: the step itself succeeded, no later step runs. */
  endRun?: RunEnd;
};

export type NodeExecutor<K extends NodeKind> = (node: FlowNodeOf<K>, context: StepContext) => Promise<StepResult>;

export type NodeExecutors = { [K in NodeKind]: NodeExecutor<K> };

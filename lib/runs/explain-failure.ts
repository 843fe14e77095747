import type { FailureClass } from "@/lib/runs/failure-class";

/** What an operator reads under a failed or needs-review run: what happened, and what pressing Retry will do. */
export type FailureExplanation = { meaning: string; retry: string };

export type ExplainFailureInput = {
  failureClass: string | undefined;
  code: string | undefined;
  /** The stopped step's idempotency key, when it has one (only steps that call out do). */
  idempotencyKey: string | null;
  /** needs_review runs stopped on purpose for a person; their advice differs from a plain failure. */
  needsReview: boolean;
};

const sameKey = (key: string | null) =>
  key ? ` with the same idempotency key (${key}), so a target that honours keys returns the record it already made instead of making another` : "";

/** By class (R8): the class alone decides what the engine did, so it also decides what a retry can change. */
const BY_CLASS: Record<FailureClass, (input: ExplainFailureInput) => FailureExplanation> = {
  temporary: ({ idempotencyKey }) => ({
    meaning: "A temporary failure (a 5xx, a timeout, a dropped connection, a rate limit): the target could not answer now. The engine retried within the step's policy and gave up when its attempts or time budget ran out.",
    retry: `Retry runs the stopped step again with a fresh attempt budget${sameKey(idempotencyKey)}. Steps that succeeded are not repeated. If the target is still down, check Connectors and the dashboard first.`,
  }),
  permanent: () => ({
    meaning: "A permanent failure: the target (or the flow itself) refused this request as it is, e.g. a 4xx validation error or a mapping that could not produce the field. Sending it again unchanged fails the same way.",
    retry: "Retry sends the same request again and will most likely fail again. Fix the data at the source or the flow (mapping, URL, required fields), publish, then use Replay on the latest version.",
  }),
  auth: () => ({
    meaning: "An authentication failure: the target refused the credential (401/403, or a token that could not be refreshed). The connector is paused so no other run burns its attempts on it.",
    retry: "Fix or rotate the credential first, then resume the connector on the Connectors page; a retry before that fails the same way. After the fix, Retry runs the stopped step again; Needs attention can replay every run of this group at once.",
  }),
  ambiguous: ({ idempotencyKey, needsReview }) => ({
    meaning: needsReview
      ? "An ambiguous outcome the engine could not settle safely: the request was sent but no answer came back, so the target may or may not have made the record, and it neither honours idempotency keys nor offers a lookup."
      : "An ambiguous outcome: the request was sent but the answer was lost, so the target may already have acted on it.",
    retry: needsReview
      ? `Check the target for the record first. If it exists, cancel this run; if it does not, Retry sends the request again${sameKey(idempotencyKey)}.`
      : `Retry sends the request again${sameKey(idempotencyKey)}; where the step has a lookup, it looks the record up before creating it.`,
  }),
};

/** Codes whose cause is on our side (configuration), where the class's generic advice would point the wrong way. */
const BY_CODE: Record<string, Partial<FailureExplanation>> = {
  outbound_refused: { retry: "The outbound policy refused the target's address (a private or unlisted host). An admin must allow it in Settings; a retry before that fails the same way." },
  credential_missing: { retry: "The flow names a credential that does not exist in this run's environment. Create it (Credentials) or fix the flow, then Retry." },
  credential_unreadable: { retry: "The credential could not be decrypted (its master key was removed or rotated away). Re-enter the secret, then Retry." },
  credential_host_refused: { retry: "The credential may not be sent to this host (its allowed hosts). Fix the credential's hosts or the flow's URL, then Retry." },
  checkpoint_unreadable: { retry: "A sealed step output could not be opened (tampered or under a removed key), so resuming would send wrong data. Replay the run instead: it starts over from the event." },
  job_exhausted: {
    meaning: "The worker could not finish this run after repeated crashes or infrastructure errors; the step's own policy never decided this.",
  },
};

/** Plain words for a stopped run's failure; unknown classes (old rows) get the generic reading of their code alone. */
export function explainFailure(input: ExplainFailureInput): FailureExplanation {
  const byClass = isFailureClass(input.failureClass)
    ? BY_CLASS[input.failureClass](input)
    : { meaning: "The run stopped with an error the engine did not classify.", retry: "Retry runs the stopped step again; steps that succeeded are not repeated." };
  return { ...byClass, ...(input.code ? BY_CODE[input.code] : undefined) };
}

function isFailureClass(value: string | undefined): value is FailureClass {
  return value !== undefined && value in BY_CLASS;
}

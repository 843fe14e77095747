import type { DbTransaction } from "@/lib/db";
import { redactString } from "@/lib/redact/redact-string";
import type { AlertKind } from "./schema";

export type RaiseAlertOptions = {
  tx: DbTransaction;
  kind: AlertKind;
  /** What it is about, e.g. a connector key. */
  subject: string;
  message: string;
};

/** Records something an operator must act on, in the transaction of the change that caused it. */
export async function raiseAlert({ tx, kind, subject, message }: RaiseAlertOptions): Promise<void> {
  await tx.alert.create({ data: { kind, subject, message: redactString(message).slice(0, 1000) } });
}

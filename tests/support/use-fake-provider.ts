import { afterAll, beforeAll } from "vitest";
import { db } from "@/lib/db";
import { getBoss } from "@/lib/queue/boss";
import { startFakeProvider, type FakeProvider, type StartFakeProviderOptions } from "@/tests/support/fake-provider";

/**
 * A fake provider for one test file: started before its tests, and after them
 * stopped together with the file's queue and database pool, which would
 * otherwise keep the test process alive.
 */
export function useFakeProvider(assign: (provider: FakeProvider) => void, options?: StartFakeProviderOptions): void {
  let provider: FakeProvider | undefined;
  beforeAll(async () => {
    provider = await startFakeProvider(options);
    assign(provider);
  });
  afterAll(async () => {
    await (await getBoss()).stop({ graceful: false });
    await provider?.close();
    await db.$disconnect();
  });
}

import { test } from "@playwright/test";
import { startFakeProvider, type FakeProvider } from "../../tests/support/fake-provider";
import { E2E_DEMO_CRM_PORT } from "./constants";

/** Runs the fake CRM where the seeded demo flow (and flows copied from it) send, for the calling spec file. */
export function useDemoCrm(): { readonly crm: FakeProvider } {
  const holder: { crm?: FakeProvider } = {};
  test.beforeAll(async () => {
    holder.crm = await startFakeProvider({ port: E2E_DEMO_CRM_PORT });
  });
  test.afterAll(async () => {
    await holder.crm?.close();
  });
  return {
    get crm() {
      if (!holder.crm) throw new Error("The demo CRM starts in beforeAll");
      return holder.crm;
    },
  };
}

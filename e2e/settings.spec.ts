import { expect, test } from "@playwright/test";
import { E2E_ADMIN } from "./support/constants";
import { signIn } from "./support/sign-in";

test("an admin edits the outbound allow-list, and a malformed entry is explained", async ({ page }) => {
  await signIn(page, E2E_ADMIN.email, E2E_ADMIN.password);
  await page.getByRole("link", { name: "Settings" }).click();
  await expect(page).toHaveURL(/\/settings$/);
  // The test server's own entry comes from OUTBOUND_ALLOWLIST and is shown read-only.
  await expect(page.getByRole("list", { name: "Allow-list entries from the environment" })).toContainText("127.0.0.1");

  const form = page.getByRole("form", { name: "Outbound allow-list" });
  const list = form.getByLabel("Allowed hosts and networks (one per line)");
  await list.fill("10.20.0.0/16\n CRM.Internal \n*.corp.example");
  await form.getByRole("button", { name: "Save allow-list" }).click();
  await expect(form.getByRole("status")).toHaveText("Saved 3 entries");
  await page.reload();
  await expect(list).toHaveValue("10.20.0.0/16\ncrm.internal\n*.corp.example");

  await list.fill("10.20.0.0/16\nhttps://crm.internal:8443/api");
  await form.getByRole("button", { name: "Save allow-list" }).click();
  // Scoped to the form: Next's route announcer is an alert too.
  const alert = form.getByRole("alert");
  await expect(alert).toContainText('Entry 2 ("https://crm.internal:8443/api"): not an IP address, CIDR range or host name');
  // What was typed stays for fixing, and nothing was saved.
  await expect(list).toHaveValue("10.20.0.0/16\nhttps://crm.internal:8443/api");
  await page.reload();
  await expect(list).toHaveValue("10.20.0.0/16\ncrm.internal\n*.corp.example");
});

// `npm run db:seed`: first-start data (admin, demo flow) on an empty database.
// With --json it prints the result as one JSON line for scripts/start.ts.
import { env } from "@/lib/env.mjs";
import { db } from "@/lib/db";
import { seedDatabase } from "@/lib/setup/seed-database";

const result = await seedDatabase({ adminEmail: env.ADMIN_EMAIL, adminPassword: env.ADMIN_PASSWORD, demoTargetUrl: env.DEMO_TARGET_URL });
await db.$disconnect();
if (process.argv.includes("--json")) {
  console.log(JSON.stringify(result));
} else {
  if (result.admin.password) console.log(`Created admin ${result.admin.email} with password ${result.admin.password}`);
  if (result.demoFlow) console.log(`Created the demo flow; its hook key is ${result.demoFlow.hookKey}`);
  if (!result.admin.password && !result.demoFlow) console.log("Nothing to seed: the database already has users and flows.");
}

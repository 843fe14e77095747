import { env } from "@/lib/env.mjs";
import { db } from "@/lib/db";
import { seedDatabase } from "@/lib/setup/seed-database";

const result = await seedDatabase({ adminEmail: env.ADMIN_EMAIL, adminPassword: env.ADMIN_PASSWORD, demoTargetUrl: env.DEMO_TARGET_URL });
if (result.admin.password) console.log(`Created admin ${result.admin.email} with password ${result.admin.password}`);
if (result.demoFlow) console.log(`Created demo flow with hook key ${result.demoFlow.hookKey}`);
await db.$disconnect();

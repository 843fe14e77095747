-- AlterTable
ALTER TABLE "Event" ADD COLUMN     "duplicateCount" INTEGER NOT NULL DEFAULT 0,
ADD COLUMN     "lastDuplicateAt" TIMESTAMP(3);

-- AlterTable
ALTER TABLE "Flow" ADD COLUMN     "unsignedWebhooksAllowed" BOOLEAN NOT NULL DEFAULT false;

-- CreateTable
CREATE TABLE "IntakeKey" (
    "source" TEXT NOT NULL,
    "key" TEXT NOT NULL,
    "eventId" UUID NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "IntakeKey_pkey" PRIMARY KEY ("source","key")
);

-- CreateTable
CREATE TABLE "IntakeRejection" (
    "flowId" UUID NOT NULL,
    "minute" TIMESTAMP(3) NOT NULL,
    "reason" TEXT NOT NULL,
    "count" INTEGER NOT NULL,
    "lastAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "IntakeRejection_pkey" PRIMARY KEY ("flowId","minute","reason")
);

-- CreateTable
CREATE TABLE "PollState" (
    "flowId" UUID NOT NULL,
    "cursor" JSONB,
    "leaseUntil" TIMESTAMP(3),
    "lastPolledAt" TIMESTAMP(3),
    "lastSucceededAt" TIMESTAMP(3),
    "lastError" TEXT,
    "itemsAccepted" INTEGER NOT NULL DEFAULT 0,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "PollState_pkey" PRIMARY KEY ("flowId")
);

-- CreateIndex
CREATE UNIQUE INDEX "IntakeKey_eventId_key" ON "IntakeKey"("eventId");

-- CreateIndex
CREATE INDEX "IntakeKey_createdAt_idx" ON "IntakeKey"("createdAt");

-- CreateIndex
CREATE INDEX "IntakeRejection_flowId_lastAt_idx" ON "IntakeRejection"("flowId", "lastAt");

-- CreateIndex
CREATE INDEX "Event_source_providerEventId_idx" ON "Event"("source", "providerEventId");

-- AddForeignKey
ALTER TABLE "IntakeKey" ADD CONSTRAINT "IntakeKey_eventId_fkey" FOREIGN KEY ("eventId") REFERENCES "Event"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "IntakeRejection" ADD CONSTRAINT "IntakeRejection_flowId_fkey" FOREIGN KEY ("flowId") REFERENCES "Flow"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PollState" ADD CONSTRAINT "PollState_flowId_fkey" FOREIGN KEY ("flowId") REFERENCES "Flow"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- Existing dedup keys move to IntakeKey before the old unique index goes, so no redelivery slips through (R4).
INSERT INTO "IntakeKey" ("source", "key", "eventId", "createdAt")
SELECT "source", "providerEventId", "id", "receivedAt" FROM "Event" WHERE "providerEventId" IS NOT NULL
ON CONFLICT DO NOTHING;

-- DropIndex
DROP INDEX "Event_source_providerEventId_key";

-- Flows that already receive unsigned webhooks keep doing so (an admin can withdraw it);
-- new flows need an admin's explicit permission (R3).
UPDATE "Flow" SET "unsignedWebhooksAllowed" = true;

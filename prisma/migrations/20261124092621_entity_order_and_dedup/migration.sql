-- Existing events are numbered in storage order, which is close to arrival
-- order; the order matters only among runs still pending when this applies.
-- AlterTable
ALTER TABLE "Event" ADD COLUMN     "arrivalSeq" BIGSERIAL NOT NULL,
ADD COLUMN     "entityVersion" TEXT;

-- CreateTable
CREATE TABLE "DedupClaim" (
    "scope" TEXT NOT NULL,
    "key" TEXT NOT NULL,
    "runId" UUID NOT NULL,
    "nodeId" TEXT NOT NULL,
    "claimedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "expiresAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "DedupClaim_pkey" PRIMARY KEY ("scope","key")
);

-- CreateTable
CREATE TABLE "EntityVersion" (
    "flowId" UUID NOT NULL,
    "entityKey" TEXT NOT NULL,
    "version" TEXT NOT NULL,
    "runId" UUID NOT NULL,
    "appliedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "EntityVersion_pkey" PRIMARY KEY ("flowId","entityKey")
);

-- CreateIndex
CREATE INDEX "DedupClaim_runId_idx" ON "DedupClaim"("runId");

-- CreateIndex
CREATE INDEX "DedupClaim_expiresAt_idx" ON "DedupClaim"("expiresAt");

-- CreateIndex
CREATE INDEX "Event_flowId_businessKey_arrivalSeq_idx" ON "Event"("flowId", "businessKey", "arrivalSeq");

-- CreateIndex
CREATE INDEX "Run_eventId_idx" ON "Run"("eventId");

-- AddForeignKey
ALTER TABLE "DedupClaim" ADD CONSTRAINT "DedupClaim_runId_fkey" FOREIGN KEY ("runId") REFERENCES "Run"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "EntityVersion" ADD CONSTRAINT "EntityVersion_flowId_fkey" FOREIGN KEY ("flowId") REFERENCES "Flow"("id") ON DELETE CASCADE ON UPDATE CASCADE;

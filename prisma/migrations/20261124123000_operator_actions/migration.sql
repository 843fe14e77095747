-- CreateEnum
CREATE TYPE "BulkReplayState" AS ENUM ('running', 'waiting_canary', 'paused', 'cancelled', 'canary_failed', 'done');

-- AlterTable
ALTER TABLE "Run" ADD COLUMN     "bulkReplayId" UUID,
ADD COLUMN     "replayOfRunId" UUID,
ADD COLUMN     "retryCount" INTEGER NOT NULL DEFAULT 0;

-- AlterTable
ALTER TABLE "StepRun" ADD COLUMN     "retryBudgetFrom" INTEGER NOT NULL DEFAULT 0;

-- CreateTable
CREATE TABLE "BulkReplay" (
    "id" UUID NOT NULL,
    "filter" JSONB NOT NULL,
    "version" TEXT NOT NULL,
    "canary" INTEGER,
    "batchSize" INTEGER NOT NULL,
    "runIds" UUID[],
    "cursor" INTEGER NOT NULL DEFAULT 0,
    "canaryPassed" BOOLEAN NOT NULL DEFAULT false,
    "state" "BulkReplayState" NOT NULL DEFAULT 'running',
    "reason" TEXT,
    "actorId" UUID,
    "actorEmail" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,
    "finishedAt" TIMESTAMP(3),

    CONSTRAINT "BulkReplay_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "BulkReplay_createdAt_idx" ON "BulkReplay"("createdAt" DESC);

-- CreateIndex
CREATE INDEX "Run_replayOfRunId_idx" ON "Run"("replayOfRunId");

-- CreateIndex
CREATE INDEX "Run_bulkReplayId_idx" ON "Run"("bulkReplayId");

-- AddForeignKey
ALTER TABLE "Run" ADD CONSTRAINT "Run_replayOfRunId_fkey" FOREIGN KEY ("replayOfRunId") REFERENCES "Run"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Run" ADD CONSTRAINT "Run_bulkReplayId_fkey" FOREIGN KEY ("bulkReplayId") REFERENCES "BulkReplay"("id") ON DELETE SET NULL ON UPDATE CASCADE;

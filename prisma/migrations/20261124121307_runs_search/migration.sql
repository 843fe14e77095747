-- AlterTable
ALTER TABLE "Run" ADD COLUMN     "connectorKey" TEXT,
-- Generated from the stored error, so every writer of "error" (executor,
-- retry, replay, cancel) keeps the filterable class right without knowing it.
ADD COLUMN     "failureClass" TEXT GENERATED ALWAYS AS ("error"->>'class') STORED;

-- AlterTable
ALTER TABLE "StepAttempt" ADD COLUMN     "connectorKey" TEXT;

-- CreateTable
CREATE TABLE "WorkerHeartbeat" (
    "id" TEXT NOT NULL,
    "host" TEXT NOT NULL,
    "pid" INTEGER NOT NULL,
    "startedAt" TIMESTAMP(3) NOT NULL,
    "beatAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "WorkerHeartbeat_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "WorkerHeartbeat_beatAt_idx" ON "WorkerHeartbeat"("beatAt" DESC);

-- CreateIndex
CREATE INDEX "Event_providerEventId_idx" ON "Event"("providerEventId");

-- CreateIndex
CREATE INDEX "Event_businessKey_idx" ON "Event"("businessKey");

-- CreateIndex
CREATE INDEX "Run_createdAt_id_idx" ON "Run"("createdAt" DESC, "id" DESC);

-- CreateIndex
CREATE INDEX "Run_flowId_createdAt_id_idx" ON "Run"("flowId", "createdAt" DESC, "id" DESC);

-- CreateIndex
CREATE INDEX "Run_status_createdAt_id_idx" ON "Run"("status", "createdAt" DESC, "id" DESC);

-- CreateIndex
CREATE INDEX "Run_flowId_status_createdAt_id_idx" ON "Run"("flowId", "status", "createdAt" DESC, "id" DESC);

-- CreateIndex
CREATE INDEX "Run_flowVersionId_createdAt_id_idx" ON "Run"("flowVersionId", "createdAt" DESC, "id" DESC);

-- CreateIndex
CREATE INDEX "Run_failureClass_createdAt_id_idx" ON "Run"("failureClass", "createdAt" DESC, "id" DESC);

-- CreateIndex
CREATE INDEX "Run_connectorKey_createdAt_id_idx" ON "Run"("connectorKey", "createdAt" DESC, "id" DESC);

-- CreateIndex
CREATE INDEX "Run_traceId_idx" ON "Run"("traceId");

-- CreateIndex
CREATE INDEX "StepAttempt_startedAt_idx" ON "StepAttempt"("startedAt");

-- CreateIndex
CREATE INDEX "StepRun_idempotencyKey_idx" ON "StepRun"("idempotencyKey");

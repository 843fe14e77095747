-- CreateEnum
CREATE TYPE "WhilePaused" AS ENUM ('reject', 'hold');

-- AlterTable
ALTER TABLE "Flow" ADD COLUMN     "whilePaused" "WhilePaused" NOT NULL DEFAULT 'reject';

-- CreateTable
CREATE TABLE "HeldRun" (
    "runId" UUID NOT NULL,
    "flowId" UUID NOT NULL,
    "heldAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "HeldRun_pkey" PRIMARY KEY ("runId")
);

-- CreateIndex
CREATE INDEX "HeldRun_flowId_heldAt_idx" ON "HeldRun"("flowId", "heldAt");

-- AddForeignKey
ALTER TABLE "HeldRun" ADD CONSTRAINT "HeldRun_runId_fkey" FOREIGN KEY ("runId") REFERENCES "Run"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "HeldRun" ADD CONSTRAINT "HeldRun_flowId_fkey" FOREIGN KEY ("flowId") REFERENCES "Flow"("id") ON DELETE CASCADE ON UPDATE CASCADE;

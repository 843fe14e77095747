-- AlterTable
ALTER TABLE "StepAttempt" ADD COLUMN     "waitedBefore" JSONB;

-- AlterTable
ALTER TABLE "StepRun" ADD COLUMN     "pendingWaits" JSONB;

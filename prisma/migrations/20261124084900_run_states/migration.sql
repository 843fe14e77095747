-- Renamed, not dropped and recreated: stored runs keep their status.
ALTER TYPE "RunStatus" RENAME VALUE 'retrying' TO 'waiting_retry';
ALTER TYPE "RunStatus" ADD VALUE 'skipped_duplicate';
ALTER TYPE "RunStatus" ADD VALUE 'skipped_stale';
ALTER TYPE "RunStatus" ADD VALUE 'needs_review';

ALTER TYPE "StepStatus" RENAME VALUE 'retrying' TO 'waiting_retry';
ALTER TYPE "StepStatus" ADD VALUE 'cancelled';
ALTER TYPE "StepStatus" ADD VALUE 'needs_review';

-- AlterTable
ALTER TABLE "Run" ADD COLUMN "statusReason" TEXT,
ADD COLUMN "duplicateOfRunId" UUID;

-- AlterTable
ALTER TABLE "StepRun" ADD COLUMN "waitReason" TEXT;

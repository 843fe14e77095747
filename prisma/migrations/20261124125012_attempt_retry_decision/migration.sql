-- AlterTable
ALTER TABLE "StepAttempt" ADD COLUMN     "retryDelayMs" INTEGER,
ADD COLUMN     "retryReason" TEXT;

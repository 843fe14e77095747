-- AlterTable
ALTER TABLE "StepRun" ADD COLUMN     "rateLimitedAttempts" INTEGER NOT NULL DEFAULT 0;

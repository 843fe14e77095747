-- AlterTable
ALTER TABLE "StepRun" ADD COLUMN     "outputKeyId" TEXT,
ADD COLUMN     "outputSealed" BYTEA;

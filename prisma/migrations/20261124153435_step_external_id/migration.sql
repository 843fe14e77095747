-- AlterTable
ALTER TABLE "StepRun" ADD COLUMN     "externalId" TEXT;

-- CreateIndex
CREATE INDEX "StepRun_externalId_idx" ON "StepRun"("externalId");

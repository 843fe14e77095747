-- AlterTable
ALTER TABLE "Event" ADD COLUMN     "bodyPurgedAt" TIMESTAMP(3);

-- AlterTable
ALTER TABLE "Flow" ADD COLUMN     "bodyRetentionDays" INTEGER NOT NULL DEFAULT 14,
ADD COLUMN     "runRetentionDays" INTEGER NOT NULL DEFAULT 90;

-- AlterTable
ALTER TABLE "Run" ADD COLUMN     "bodiesPurgedAt" TIMESTAMP(3);

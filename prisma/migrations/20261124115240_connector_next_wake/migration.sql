-- AlterTable
ALTER TABLE "Connector" ADD COLUMN     "nextWakeAt" TIMESTAMP(3);

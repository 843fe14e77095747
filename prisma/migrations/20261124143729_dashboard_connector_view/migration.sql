-- AlterTable
ALTER TABLE "RunMinuteBucket" DROP COLUMN "callMsP95",
ADD COLUMN     "callMsHistogram" INTEGER[] DEFAULT ARRAY[]::INTEGER[],
ADD COLUMN     "failedAttempts" INTEGER NOT NULL DEFAULT 0;

-- CreateTable
CREATE TABLE "FlowAccountingCheck" (
    "flowId" UUID NOT NULL,
    "received" INTEGER NOT NULL,
    "events" INTEGER NOT NULL,
    "duplicateDeliveries" INTEGER NOT NULL,
    "succeeded" INTEGER NOT NULL,
    "failed" INTEGER NOT NULL,
    "skippedDuplicate" INTEGER NOT NULL,
    "skippedStale" INTEGER NOT NULL,
    "cancelled" INTEGER NOT NULL,
    "needsReview" INTEGER NOT NULL,
    "inFlight" INTEGER NOT NULL,
    "replays" INTEGER NOT NULL,
    "withoutRun" INTEGER NOT NULL,
    "atRest" BOOLEAN NOT NULL,
    "holds" BOOLEAN NOT NULL,
    "checkedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "FlowAccountingCheck_pkey" PRIMARY KEY ("flowId")
);

-- AddForeignKey
ALTER TABLE "FlowAccountingCheck" ADD CONSTRAINT "FlowAccountingCheck_flowId_fkey" FOREIGN KEY ("flowId") REFERENCES "Flow"("id") ON DELETE CASCADE ON UPDATE CASCADE;

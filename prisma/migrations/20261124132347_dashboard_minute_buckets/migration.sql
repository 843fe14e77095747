-- CreateTable
CREATE TABLE "RunMinuteBucket" (
    "minute" TIMESTAMP(3) NOT NULL,
    "flowId" UUID NOT NULL,
    "connectorKey" TEXT NOT NULL DEFAULT '',
    "succeeded" INTEGER NOT NULL DEFAULT 0,
    "failed" INTEGER NOT NULL DEFAULT 0,
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "retried" INTEGER NOT NULL DEFAULT 0,
    "callMsSum" DOUBLE PRECISION NOT NULL DEFAULT 0,
    "callMsP95" INTEGER,

    CONSTRAINT "RunMinuteBucket_pkey" PRIMARY KEY ("minute","flowId","connectorKey")
);

-- CreateIndex
CREATE INDEX "RunMinuteBucket_flowId_minute_idx" ON "RunMinuteBucket"("flowId", "minute");

-- AddForeignKey
ALTER TABLE "RunMinuteBucket" ADD CONSTRAINT "RunMinuteBucket_flowId_fkey" FOREIGN KEY ("flowId") REFERENCES "Flow"("id") ON DELETE CASCADE ON UPDATE CASCADE;

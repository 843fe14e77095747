-- CreateEnum
CREATE TYPE "BreakerStatus" AS ENUM ('closed', 'open', 'half_open');

-- CreateTable
CREATE TABLE "Connector" (
    "key" TEXT NOT NULL,
    "host" TEXT,
    "maxInFlight" INTEGER,
    "maxPerSecond" INTEGER,
    "minCalls" INTEGER,
    "failureRatio" DOUBLE PRECISION,
    "windowSeconds" INTEGER,
    "openSeconds" INTEGER,
    "halfOpenProbes" INTEGER,
    "pausedAt" TIMESTAMP(3),
    "pauseReason" TEXT,
    "retryAfterUntil" TIMESTAMP(3),
    "recentCallStarts" TIMESTAMP(3)[] DEFAULT ARRAY[]::TIMESTAMP(3)[],
    "breakerStatus" "BreakerStatus" NOT NULL DEFAULT 'closed',
    "breakerOpenedAt" TIMESTAMP(3),
    "breakerBuckets" JSONB NOT NULL DEFAULT '[]',
    "breakerProbeSuccesses" INTEGER NOT NULL DEFAULT 0,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Connector_pkey" PRIMARY KEY ("key")
);

-- CreateTable
CREATE TABLE "ConnectorPermit" (
    "id" UUID NOT NULL,
    "connectorKey" TEXT NOT NULL,
    "probe" BOOLEAN NOT NULL DEFAULT false,
    "acquiredAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "expiresAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "ConnectorPermit_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Alert" (
    "id" UUID NOT NULL,
    "kind" TEXT NOT NULL,
    "subject" TEXT NOT NULL,
    "message" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "resolvedAt" TIMESTAMP(3),

    CONSTRAINT "Alert_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "ConnectorPermit_connectorKey_expiresAt_idx" ON "ConnectorPermit"("connectorKey", "expiresAt");

-- CreateIndex
CREATE INDEX "Alert_resolvedAt_createdAt_idx" ON "Alert"("resolvedAt", "createdAt" DESC);

-- CreateIndex
CREATE INDEX "Alert_kind_subject_idx" ON "Alert"("kind", "subject");

-- AddForeignKey
ALTER TABLE "ConnectorPermit" ADD CONSTRAINT "ConnectorPermit_connectorKey_fkey" FOREIGN KEY ("connectorKey") REFERENCES "Connector"("key") ON DELETE CASCADE ON UPDATE CASCADE;

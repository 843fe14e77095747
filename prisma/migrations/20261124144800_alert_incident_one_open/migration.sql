-- Hand-written: Prisma's schema language cannot express a partial index.
-- At most one open (unresolved) incident per rule, enforced by the database:
-- two evaluators that both decide "firing" cannot both open one, and the
-- second's insert fails instead of announcing the incident twice.
-- Its twin is the comment on AlertIncident in schema.prisma.
CREATE UNIQUE INDEX "AlertIncident_ruleId_open_key" ON "AlertIncident"("ruleId") WHERE "resolvedAt" IS NULL;

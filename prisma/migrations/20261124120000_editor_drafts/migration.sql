-- AlterTable
ALTER TABLE "Flow" ADD COLUMN     "draftRevision" INTEGER NOT NULL DEFAULT 1,
ADD COLUMN     "editorSample" JSONB;

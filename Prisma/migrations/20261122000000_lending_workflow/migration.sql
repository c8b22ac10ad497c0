-- CreateEnum
CREATE TYPE "LendingTaskKind" AS ENUM ('APPROVE', 'RETURN', 'RELEASE');

-- CreateEnum
CREATE TYPE "LendingTaskState" AS ENUM ('QUEUED', 'SUCCEEDED', 'FAILED', 'CANCELLED');

-- CreateTable
CREATE TABLE "WorkflowAudit" (
    "id" SERIAL NOT NULL,
    "workflowId" INTEGER NOT NULL,
    "actor" TEXT NOT NULL,
    "action" TEXT NOT NULL,
    "fromStatus" "WorkflowStatus",
    "toStatus" "WorkflowStatus",
    "detail" JSONB NOT NULL DEFAULT '{}',
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "WorkflowAudit_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "LendingTask" (
    "id" SERIAL NOT NULL,
    "kind" "LendingTaskKind" NOT NULL,
    "workflowId" INTEGER NOT NULL,
    "pteroServerId" TEXT NOT NULL,
    "state" "LendingTaskState" NOT NULL DEFAULT 'QUEUED',
    "actor" TEXT NOT NULL,
    "input" JSONB NOT NULL DEFAULT '{}',
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "runAfter" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "claimToken" TEXT,
    "claimExpiresAt" TIMESTAMP(3),
    "lastError" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,
    "finishedAt" TIMESTAMP(3),

    CONSTRAINT "LendingTask_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "LendingTaskStep" (
    "id" SERIAL NOT NULL,
    "taskId" INTEGER NOT NULL,
    "name" TEXT NOT NULL,
    "detail" JSONB NOT NULL DEFAULT '{}',
    "completedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "LendingTaskStep_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "WorkflowNotice" (
    "id" SERIAL NOT NULL,
    "workflowId" INTEGER NOT NULL,
    "kind" TEXT NOT NULL,
    "endDate" TIMESTAMP(3) NOT NULL,
    "sentAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "WorkflowNotice_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "WorkflowArchive" (
    "id" SERIAL NOT NULL,
    "workflowId" INTEGER NOT NULL,
    "backupUuid" TEXT NOT NULL,
    "destination" TEXT NOT NULL,
    "bytes" BIGINT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "WorkflowArchive_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "Workflow_status_endDate_idx" ON "Workflow"("status", "endDate");

-- CreateIndex
CREATE INDEX "Workflow_organizerDiscordId_status_idx" ON "Workflow"("organizerDiscordId", "status");

-- CreateIndex
CREATE INDEX "WorkflowPanelUser_workflowId_idx" ON "WorkflowPanelUser"("workflowId");

-- CreateIndex
CREATE INDEX "WorkflowAudit_workflowId_idx" ON "WorkflowAudit"("workflowId");

-- CreateIndex
CREATE INDEX "LendingTask_state_runAfter_idx" ON "LendingTask"("state", "runAfter");

-- CreateIndex
CREATE INDEX "LendingTask_workflowId_idx" ON "LendingTask"("workflowId");

-- CreateIndex
CREATE UNIQUE INDEX "LendingTaskStep_taskId_name_key" ON "LendingTaskStep"("taskId", "name");

-- CreateIndex
CREATE UNIQUE INDEX "WorkflowNotice_workflowId_kind_endDate_key" ON "WorkflowNotice"("workflowId", "kind", "endDate");

-- CreateIndex
CREATE UNIQUE INDEX "WorkflowArchive_workflowId_backupUuid_key" ON "WorkflowArchive"("workflowId", "backupUuid");

-- AddForeignKey
ALTER TABLE "WorkflowAudit" ADD CONSTRAINT "WorkflowAudit_workflowId_fkey" FOREIGN KEY ("workflowId") REFERENCES "Workflow"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "LendingTask" ADD CONSTRAINT "LendingTask_workflowId_fkey" FOREIGN KEY ("workflowId") REFERENCES "Workflow"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "LendingTaskStep" ADD CONSTRAINT "LendingTaskStep_taskId_fkey" FOREIGN KEY ("taskId") REFERENCES "LendingTask"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "WorkflowNotice" ADD CONSTRAINT "WorkflowNotice_workflowId_fkey" FOREIGN KEY ("workflowId") REFERENCES "Workflow"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "WorkflowArchive" ADD CONSTRAINT "WorkflowArchive_workflowId_fkey" FOREIGN KEY ("workflowId") REFERENCES "Workflow"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- Partial indexes: schema.prisma has no syntax for them (see the comments on Workflow and
-- LendingTask there). The database itself forbids one server in two loans, counting a PENDING
-- request whose approval has reserved a server, and two open tasks for one workflow.
CREATE UNIQUE INDEX "Workflow_pteroServerId_held_key" ON "Workflow"("pteroServerId") WHERE "status" IN ('PENDING', 'ACTIVE');

CREATE UNIQUE INDEX "LendingTask_workflowId_open_key" ON "LendingTask"("workflowId") WHERE "state" IN ('QUEUED', 'FAILED');

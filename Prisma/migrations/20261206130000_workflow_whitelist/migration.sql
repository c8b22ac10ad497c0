-- The players a loan's organizer or panel users put on their server's whitelist from Discord
-- (`/mcserver whitelist`), so that `list` can show them and the return can take them off again.
-- CreateTable
CREATE TABLE "WorkflowWhitelist" (
    "id" SERIAL NOT NULL,
    "workflowId" INTEGER NOT NULL,
    "player" TEXT NOT NULL,
    "playerKey" TEXT NOT NULL,
    "addedBy" TEXT NOT NULL,
    "addedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "removedAt" TIMESTAMP(3),

    CONSTRAINT "WorkflowWhitelist_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "WorkflowWhitelist_workflowId_playerKey_key" ON "WorkflowWhitelist"("workflowId", "playerKey");

-- AddForeignKey
ALTER TABLE "WorkflowWhitelist" ADD CONSTRAINT "WorkflowWhitelist_workflowId_fkey" FOREIGN KEY ("workflowId") REFERENCES "Workflow"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- The messages the bot posted about a request or a loan that it edits later: the moderators'
-- "New request" post (its decision and the loss of its buttons), and reminders (their buttons go
-- once the loan is extended or returned). Stored, so that a restart does not leave them live.
-- CreateTable
CREATE TABLE "PostedMessage" (
    "id" SERIAL NOT NULL,
    "workflowId" INTEGER NOT NULL,
    "purpose" TEXT NOT NULL,
    "channelId" TEXT NOT NULL,
    "messageId" TEXT NOT NULL,
    "headline" TEXT NOT NULL,
    "postedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "settledAt" TIMESTAMP(3),

    CONSTRAINT "PostedMessage_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "PostedMessage_channelId_messageId_key" ON "PostedMessage"("channelId", "messageId");

-- CreateIndex
CREATE INDEX "PostedMessage_workflowId_purpose_idx" ON "PostedMessage"("workflowId", "purpose");

-- AddForeignKey
ALTER TABLE "PostedMessage" ADD CONSTRAINT "PostedMessage_workflowId_fkey" FOREIGN KEY ("workflowId") REFERENCES "Workflow"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- The notices a decision sends after its commit (a new request's post, a rejection, a withdrawal,
-- an extension), written in the decision's own transaction and delivered from here: a notice
-- whose delivery failed, or whose bot stopped before sending it, is retried until it is delivered
-- or refused for good.
-- CreateTable
CREATE TABLE "NoticeOutbox" (
    "id" SERIAL NOT NULL,
    "workflowId" INTEGER NOT NULL,
    "key" TEXT NOT NULL,
    "entry" JSONB NOT NULL,
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "nextAttemptAt" TIMESTAMP(3) NOT NULL,
    "lastError" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "deliveredAt" TIMESTAMP(3),
    "abandonedAt" TIMESTAMP(3),

    CONSTRAINT "NoticeOutbox_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "NoticeOutbox_key_key" ON "NoticeOutbox"("key");

-- CreateIndex
CREATE INDEX "NoticeOutbox_nextAttemptAt_idx" ON "NoticeOutbox"("nextAttemptAt");

-- AddForeignKey
ALTER TABLE "NoticeOutbox" ADD CONSTRAINT "NoticeOutbox_workflowId_fkey" FOREIGN KEY ("workflowId") REFERENCES "Workflow"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

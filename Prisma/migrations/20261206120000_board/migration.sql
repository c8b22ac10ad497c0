-- The live board: the one message per channel that shows the pending requests, the active loans
-- and the free servers, edited on every change. Its id is stored so that a restart edits the same
-- message instead of posting another, and a deleted one is replaced.
-- CreateTable
CREATE TABLE "Board" (
    "channelId" TEXT NOT NULL,
    "messageId" TEXT NOT NULL,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Board_pkey" PRIMARY KEY ("channelId")
);

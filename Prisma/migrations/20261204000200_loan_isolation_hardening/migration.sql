-- A panel server is lent under one alias only: two aliases of one server would let two loans hold
-- it at once. `bind` refuses a second alias; the index holds under concurrent binds too.
-- CreateIndex
CREATE UNIQUE INDEX "ServerBinding_pteroId_key" ON "ServerBinding"("pteroId");

-- Every `/mcserver reset-password` a member asked for: the audit trail, and what its rate limit counts.
-- CreateTable
CREATE TABLE "PasswordReset" (
    "id" SERIAL NOT NULL,
    "discordId" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "PasswordReset_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "PasswordReset_discordId_createdAt_idx" ON "PasswordReset"("discordId", "createdAt");

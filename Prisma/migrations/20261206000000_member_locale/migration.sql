-- CreateTable
CREATE TABLE "MemberLocale" (
    "discordId" TEXT NOT NULL,
    "locale" TEXT NOT NULL,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "MemberLocale_pkey" PRIMARY KEY ("discordId")
);

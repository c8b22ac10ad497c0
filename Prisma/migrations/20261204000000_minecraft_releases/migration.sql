-- CreateTable
CREATE TABLE "MinecraftRelease" (
    "id" TEXT NOT NULL,
    "releaseTime" TIMESTAMP(3) NOT NULL,
    "url" TEXT NOT NULL,
    "javaMajorVersion" INTEGER,
    "isLatest" BOOLEAN NOT NULL DEFAULT false,
    "fetchedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "MinecraftRelease_pkey" PRIMARY KEY ("id")
);

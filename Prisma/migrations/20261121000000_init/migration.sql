-- CreateEnum
CREATE TYPE "WorkflowStatus" AS ENUM ('PENDING', 'REJECTED', 'ACTIVE', 'RETURNED');

-- CreateTable
CREATE TABLE "Workflow" (
    "id" SERIAL NOT NULL,
    "applicantDiscordId" TEXT NOT NULL,
    "description" TEXT NOT NULL,
    "mcVersion" TEXT NOT NULL,
    "periodDays" INTEGER NOT NULL,
    "organizerDiscordId" TEXT NOT NULL,
    "status" "WorkflowStatus" NOT NULL DEFAULT 'PENDING',
    "pteroServerId" TEXT,
    "startDate" TIMESTAMP(3),
    "endDate" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Workflow_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "WorkflowPanelUser" (
    "id" SERIAL NOT NULL,
    "workflowId" INTEGER NOT NULL,
    "discordId" TEXT NOT NULL,

    CONSTRAINT "WorkflowPanelUser_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "PterodactylUser" (
    "discordId" TEXT NOT NULL,
    "username" TEXT NOT NULL,
    "email" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "PterodactylUser_pkey" PRIMARY KEY ("discordId")
);

-- CreateTable
CREATE TABLE "ServerBinding" (
    "name" TEXT NOT NULL,
    "pteroId" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "ServerBinding_pkey" PRIMARY KEY ("name")
);

-- CreateIndex
CREATE UNIQUE INDEX "PterodactylUser_username_key" ON "PterodactylUser"("username");

-- CreateIndex
CREATE UNIQUE INDEX "PterodactylUser_email_key" ON "PterodactylUser"("email");

-- AddForeignKey
ALTER TABLE "WorkflowPanelUser" ADD CONSTRAINT "WorkflowPanelUser_workflowId_fkey" FOREIGN KEY ("workflowId") REFERENCES "Workflow"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- A member's open requests are counted on every filing (under the member's lock) and a member's
-- requests are listed by applicant: found through this index, as an organizer's loans are through
-- theirs, instead of by reading every request ever filed. Without it each filing's cost grew with
-- the table, and a bot that had filed tens of thousands fell behind a load it had kept up with.
-- CreateIndex
CREATE INDEX "Workflow_applicantDiscordId_status_idx" ON "Workflow"("applicantDiscordId", "status");

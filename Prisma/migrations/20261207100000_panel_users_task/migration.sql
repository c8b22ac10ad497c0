-- A moderator's change of an ACTIVE loan's panel users is carried out on the panel by a durable
-- task of its own (accounts and access for the users added, access revoked for the users removed).
-- AlterEnum
ALTER TYPE "LendingTaskKind" ADD VALUE 'PANEL_USERS';

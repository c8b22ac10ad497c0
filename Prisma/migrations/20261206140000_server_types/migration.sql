-- Server types: each pool entry says what kind of server it is (read from its egg on the panel
-- when it is bound, or given by a moderator), and a request says which kind it asks for, so an
-- approval only ever reserves a server of that kind. The bindings made before have no type the
-- migration could read; they get "minecraft", one type for the whole old pool (so members are
-- asked nothing until a second type is bound), until a moderator binds them again. The default
-- only fills those rows: the bot always writes the type itself.
-- AlterTable
ALTER TABLE "ServerBinding" ADD COLUMN "serverType" TEXT NOT NULL DEFAULT 'minecraft';
ALTER TABLE "ServerBinding" ALTER COLUMN "serverType" DROP DEFAULT;

-- Null for the requests filed before: any server may take them, as before.
-- AlterTable
ALTER TABLE "Workflow" ADD COLUMN "serverType" TEXT;

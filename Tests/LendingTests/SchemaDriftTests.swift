import TestSupport
import Foundation
import Logging
import Postgres
import PostgresTesting
import Testing

/// Paths and helpers shared by the drift suites.
private enum Drift {
    static let schemaPath = PackageRoot.path("Prisma/schema.prisma")
    static let migrationsPath = PackageRoot.path("Prisma/migrations")

    static func schemaText() throws -> String {
        try String(contentsOfFile: schemaPath, encoding: .utf8)
    }

    /// Applies the repository's migrations to an empty database, as `lending-bot migrate` does.
    static func migrate(_ pool: PostgresPool) async throws {
        let migrations = try Migration.load(from: migrationsPath)
        let quiet = Logger(label: "test.migrator") { _ in SwiftLogNoOpLogHandler() }
        _ = try await Migrator(pool: pool, logger: quiet).migrate(migrations)
    }

    /// What the real migrations build, read back from the catalog of a fresh database.
    static func migratedShape() async throws -> DatabaseShape {
        try await TestDatabase.with { pool in
            try await migrate(pool)
            return try await CatalogSchema.read(from: pool)
        }
    }

    /// The hand-written partial indexes of the migrations, exactly as PostgreSQL prints them.
    static let partialIndexes = [
        PartialIndex(table: "Workflow", name: "Workflow_pteroServerId_held_key", columns: ["pteroServerId"], isUnique: true,
                     predicate: #"(status = ANY (ARRAY['PENDING'::"WorkflowStatus", 'ACTIVE'::"WorkflowStatus"]))"#),
        PartialIndex(table: "LendingTask", name: "LendingTask_workflowId_open_key", columns: ["workflowId"], isUnique: true,
                     predicate: #"(state = ANY (ARRAY['QUEUED'::"LendingTaskState", 'FAILED'::"LendingTaskState"]))"#),
    ]

    static func report(_ differences: [SchemaDifference]) -> String {
        differences.isEmpty ? "(no differences)" : differences.map { "  \($0)" }.joined(separator: "\n")
    }
}

/// Every suite of the drift check, nested so that `scripts/test --filter SchemaDrift` selects them all.
@Suite("Schema drift")
enum SchemaDriftTests {}

extension SchemaDriftTests {
    @Suite("schema.prisma and the migrations agree")
    struct SchemaMatchesMigrations {
        @Test("migrating an empty database builds exactly what schema.prisma describes")
        func migrationsMatchSchema() async throws {
            let differences = try await TestDatabase.with { pool in
                try await Drift.migrate(pool)
                return try await SchemaDrift.check(schemaAt: Drift.schemaPath, against: pool, partialIndexes: Drift.partialIndexes)
            }
            #expect(differences.isEmpty, "schema.prisma and Prisma/migrations disagree:\n\(Drift.report(differences))")
        }

        @Test("the catalog reader leaves out _prisma_migrations and sees every table")
        func catalogSeesTables() async throws {
            let shape = try await Drift.migratedShape()
            #expect(shape.tables.keys.sorted() == [
                "Board", "LendingTask", "LendingTaskStep", "MemberLocale", "MinecraftRelease", "NoticeOutbox", "PasswordReset", "PostedMessage", "PterodactylUser", "ServerBinding",
                "Workflow", "WorkflowArchive", "WorkflowAudit", "WorkflowNotice", "WorkflowPanelUser", "WorkflowWhitelist",
            ])
            #expect(shape.enums == [
                "WorkflowStatus": ["PENDING", "REJECTED", "ACTIVE", "RETURNED"],
                "LendingTaskKind": ["APPROVE", "RETURN", "RELEASE", "PANEL_USERS"],
                "LendingTaskState": ["QUEUED", "SUCCEEDED", "FAILED", "CANCELLED"],
            ])
        }
    }

    /// A change to schema.prisma that no migration follows, and exactly what the check must say.
    struct SchemaMutation: Sendable, CustomTestStringConvertible {
        let name: String
        let original: String
        let replacement: String
        let expected: [String]

        var testDescription: String { name }

        static let all: [SchemaMutation] = [
            .init(
                name: "an optional field made required",
                original: "pteroServerId      String?", replacement: "pteroServerId      String",
                expected: ["Workflow.pteroServerId: schema.prisma says NOT NULL text, database has nullable text"]
            ),
            .init(
                name: "a field renamed",
                original: "mcVersion          String", replacement: "minecraftVersion   String",
                expected: [
                    "extra in database: column Workflow.mcVersion (NOT NULL text)",
                    "missing in database: column Workflow.minecraftVersion (NOT NULL text)",
                ]
            ),
            .init(
                name: "a field added",
                original: "  pteroId    String   @unique\n", replacement: "  pteroId    String   @unique\n  notes      String?\n",
                expected: ["missing in database: column ServerBinding.notes (nullable text)"]
            ),
            .init(
                name: "a @unique dropped",
                original: "username  String   @unique", replacement: "username  String",
                expected: ["extra in database: unique index PterodactylUser_username_key on PterodactylUser (username)"]
            ),
            .init(
                name: "a type changed",
                original: "periodDays         Int", replacement: "periodDays         BigInt",
                expected: ["Workflow.periodDays: schema.prisma says NOT NULL bigint, database has NOT NULL integer"]
            ),
            .init(
                name: "a default changed",
                original: "@default(PENDING)", replacement: "@default(ACTIVE)",
                expected: [
                    "Workflow.status: schema.prisma says default 'ACTIVE'::\"WorkflowStatus\", database has default 'PENDING'::\"WorkflowStatus\"",
                ]
            ),
            .init(
                name: "@updatedAt replaced by a default",
                original: "updatedAt  DateTime @updatedAt", replacement: "updatedAt  DateTime @default(now())",
                expected: ["ServerBinding.updatedAt: schema.prisma says default CURRENT_TIMESTAMP, database has no default"]
            ),
            .init(
                name: "an enum value added",
                original: "  RETURNED\n", replacement: "  RETURNED\n  ARCHIVED\n",
                expected: ["missing in database: enum value WorkflowStatus.ARCHIVED"]
            ),
            .init(
                name: "enum values reordered",
                original: "  REJECTED\n  ACTIVE\n", replacement: "  ACTIVE\n  REJECTED\n",
                expected: [
                    "enum WorkflowStatus: schema.prisma says (PENDING, ACTIVE, REJECTED, RETURNED), database has (PENDING, REJECTED, ACTIVE, RETURNED)",
                ]
            ),
            .init(
                name: "a referential action changed",
                original: "belongs to (relation over workflowId).\n  workflow   Workflow @relation(fields: [workflowId], references: [id])",
                replacement: "belongs to (relation over workflowId).\n  workflow   Workflow @relation(fields: [workflowId], references: [id], onDelete: Cascade)",
                expected: [
                    "foreign key WorkflowPanelUser_workflowId_fkey: schema.prisma says (workflowId) REFERENCES Workflow (id) "
                        + "ON DELETE CASCADE ON UPDATE CASCADE, database has (workflowId) REFERENCES Workflow (id) ON DELETE RESTRICT ON UPDATE CASCADE",
                ]
            ),
            .init(
                name: "an index added",
                original: "  pteroId    String   @unique\n", replacement: "  pteroId    String   @unique\n\n  @@index([pteroId])\n",
                expected: ["missing in database: index ServerBinding_pteroId_idx on ServerBinding (pteroId)"]
            ),
            .init(
                name: "a model renamed",
                original: "model ServerBinding {", replacement: "model ServerAlias {",
                expected: [
                    "missing in database: table ServerAlias (5 columns)",
                    "extra in database: table ServerBinding (5 columns)",
                ]
            ),
        ]
    }

    @Suite("The drift check can fail")
    struct DriftCheckCanFail {
        @Test("a schema.prisma change without a migration is reported", arguments: SchemaMutation.all)
        func schemaChangeIsReported(_ mutation: SchemaMutation) async throws {
            let text = try Drift.schemaText()
            let occurrences = text.components(separatedBy: mutation.original).count - 1
            try #require(occurrences == 1, "the mutation must hit schema.prisma exactly once, found \(occurrences)")
            let mutated = text.replacingOccurrences(of: mutation.original, with: mutation.replacement)

            let expected = try PrismaSchema(parsing: mutated).expectedShape
            let differences = SchemaDrift.differences(expected: expected.including(Drift.partialIndexes), actual: try await Drift.migratedShape())
            #expect(differences.map(\.description) == mutation.expected, "reported:\n\(Drift.report(differences))")
        }

        static let databaseChanges: [(String, [String])] = [
            (
                #"ALTER TABLE "Workflow" ALTER COLUMN "pteroServerId" SET NOT NULL"#,
                ["Workflow.pteroServerId: schema.prisma says nullable text, database has NOT NULL text"]
            ),
            (
                #"CREATE UNIQUE INDEX "Workflow_active_server_key" ON "Workflow"("pteroServerId") WHERE status = 'ACTIVE'"#,
                [#"extra in database: unique index Workflow_active_server_key on Workflow (pteroServerId) WHERE (status = 'ACTIVE'::"WorkflowStatus")"#]
            ),
            (
                #"CREATE INDEX "Workflow_description_lower_idx" ON "Workflow"(lower("description"), "id" DESC)"#,
                [#"extra in database: index Workflow_description_lower_idx on Workflow (lower(description), id DESC)"#]
            ),
            (
                #"ALTER TABLE "ServerBinding" ADD CONSTRAINT "ServerBinding_name_check" CHECK (name <> '')"#,
                [#"extra in database: check constraint ServerBinding_name_check on ServerBinding CHECK ((name <> ''::text))"#]
            ),
            (
                #"ALTER TABLE "Workflow" ALTER COLUMN "createdAt" DROP DEFAULT"#,
                ["Workflow.createdAt: schema.prisma says default CURRENT_TIMESTAMP, database has no default"]
            ),
            (
                #"ALTER TABLE "WorkflowPanelUser" DROP CONSTRAINT "WorkflowPanelUser_workflowId_fkey""#,
                ["missing in database: foreign key WorkflowPanelUser_workflowId_fkey on WorkflowPanelUser (workflowId) REFERENCES Workflow (id) ON DELETE RESTRICT ON UPDATE CASCADE"]
            ),
            (
                #"CREATE TABLE "Stray" (id integer PRIMARY KEY)"#,
                ["extra in database: table Stray (1 column)"]
            ),
        ]

        @Test("a database change that schema.prisma does not describe is reported", arguments: databaseChanges)
        func databaseChangeIsReported(sql: String, expected: [String]) async throws {
            let differences = try await TestDatabase.with { pool in
                try await Drift.migrate(pool)
                try await pool.query(Query(unsafeSQL: sql), named: "change the database behind the schema's back")
                return try await SchemaDrift.check(schemaAt: Drift.schemaPath, against: pool, partialIndexes: Drift.partialIndexes)
            }
            #expect(differences.map(\.description) == expected, "reported:\n\(Drift.report(differences))")
        }
    }

    @Suite("Every supported schema feature matches what PostgreSQL reports")
    struct SchemaFeaturesRoundTrip {
        static let schema = """
            generator client {
              provider = "prisma-client-js"
            }

            datasource db {
              provider = "postgresql"
              url      = env("DATABASE_URL")
            }

            /// Doc comments are skipped.
            enum Kind {
              A // trailing comments too
              B
            }

            model Owner {
              id        Int      @id @default(autoincrement())
              sequence  BigInt   @default(autoincrement())
              code      String   @unique @db.VarChar(12)
              label     String   @default("it's")
              kind      Kind     @default(B)
              score     Float    @default(-1.5)
              count     Int      @default(-5)
              big       BigInt   @default(3000000000)
              ratio     Decimal  @default(2.5)
              active    Boolean  @default(true)
              data      Json     @default("{}")
              token     String   @default(dbgenerated("gen_random_uuid()")) @db.Uuid
              clientId  String   @default(uuid())
              seenAt    DateTime @default(now()) @db.Timestamptz(3)
              changedAt DateTime @updatedAt
              day       DateTime? @db.Date
              pets      Pet[]
              vetOf     Pet[]    @relation("vet")
              sitterOf  Pet[]    @relation("sitter")
            }

            model Pet {
              ownerId  Int
              number   Int
              name     String
              owner    Owner  @relation(fields: [ownerId], references: [id])
              vetId    Int?
              vet      Owner? @relation("vet", fields: [vetId], references: [id], onDelete: Cascade, onUpdate: NoAction)
              sitterId Int?
              sitter   Owner? @relation(name: "sitter", fields: [sitterId], references: [id])

              @@id([ownerId, number])
              @@unique([name, number])
              @@index([name(sort: Desc), ownerId])
              @@index([number], map: "pet_number", type: Hash)
            }
            """

        /// What Prisma Migrate would write for the schema above.
        static let migration = """
            CREATE TYPE "Kind" AS ENUM ('A', 'B');
            CREATE TABLE "Owner" (
                "id" SERIAL NOT NULL,
                "sequence" BIGSERIAL NOT NULL,
                "code" VARCHAR(12) NOT NULL,
                "label" TEXT NOT NULL DEFAULT 'it''s',
                "kind" "Kind" NOT NULL DEFAULT 'B',
                "score" DOUBLE PRECISION NOT NULL DEFAULT -1.5,
                "count" INTEGER NOT NULL DEFAULT -5,
                "big" BIGINT NOT NULL DEFAULT 3000000000,
                "ratio" DECIMAL(65,30) NOT NULL DEFAULT 2.5,
                "active" BOOLEAN NOT NULL DEFAULT true,
                "data" JSONB NOT NULL DEFAULT '{}',
                "token" UUID NOT NULL DEFAULT gen_random_uuid(),
                "clientId" TEXT NOT NULL,
                "seenAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
                "changedAt" TIMESTAMP(3) NOT NULL,
                "day" DATE,
                CONSTRAINT "Owner_pkey" PRIMARY KEY ("id")
            );
            CREATE TABLE "Pet" (
                "ownerId" INTEGER NOT NULL,
                "number" INTEGER NOT NULL,
                "name" TEXT NOT NULL,
                "vetId" INTEGER,
                "sitterId" INTEGER,
                CONSTRAINT "Pet_pkey" PRIMARY KEY ("ownerId", "number")
            );
            CREATE UNIQUE INDEX "Owner_code_key" ON "Owner"("code");
            CREATE UNIQUE INDEX "Pet_name_number_key" ON "Pet"("name", "number");
            CREATE INDEX "Pet_name_ownerId_idx" ON "Pet"("name" DESC, "ownerId");
            CREATE INDEX "pet_number" ON "Pet" USING HASH ("number");
            ALTER TABLE "Pet" ADD CONSTRAINT "Pet_ownerId_fkey" FOREIGN KEY ("ownerId") REFERENCES "Owner"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
            ALTER TABLE "Pet" ADD CONSTRAINT "Pet_vetId_fkey" FOREIGN KEY ("vetId") REFERENCES "Owner"("id") ON DELETE CASCADE ON UPDATE NO ACTION;
            ALTER TABLE "Pet" ADD CONSTRAINT "Pet_sitterId_fkey" FOREIGN KEY ("sitterId") REFERENCES "Owner"("id") ON DELETE SET NULL ON UPDATE CASCADE;
            """

        @Test("a Prisma-style migration of every feature shows no drift")
        func everyFeatureRoundTrips() async throws {
            let expected = try PrismaSchema(parsing: Self.schema).expectedShape
            let actual = try await TestDatabase.with { pool in
                try await pool.withConnection { connection in
                    _ = try await connection.executeScript(Self.migration, name: "feature migration")
                }
                return try await CatalogSchema.read(from: pool)
            }
            let differences = SchemaDrift.differences(expected: expected, actual: actual)
            #expect(differences.isEmpty, "differences:\n\(Drift.report(differences))")
        }
    }

    @Suite("The schema.prisma parser")
    struct PrismaSchemaParserTests {
        /// Wraps one field line in a model next to an enum, and returns the column Prisma would create.
        private func column(for fieldLine: String) throws -> DatabaseShape.Column? {
            let text = "enum Kind {\n  A\n  B\n}\n\nmodel M {\n  id Int @id\n  \(fieldLine)\n}\n"
            let shape = try PrismaSchema(parsing: text).expectedShape
            let name = String(fieldLine.prefix { !$0.isWhitespace })
            return shape.tables["M"]?.columns[name]
        }

        static let columnCases: [(String, DatabaseShape.Column)] = [
            ("serial Int @default(autoincrement())", .init(type: "integer", isNullable: false, defaultValue: #"nextval('"M_serial_seq"'::regclass)"#)),
            ("name String?", .init(type: "text", isNullable: true)),
            ("count Int @default(5)", .init(type: "integer", isNullable: false, defaultValue: "5")),
            ("offset Int @default(-5)", .init(type: "integer", isNullable: false, defaultValue: "'-5'::integer")),
            ("big BigInt @default(3000000000)", .init(type: "bigint", isNullable: false, defaultValue: "'3000000000'::bigint")),
            ("score Float @default(1.5)", .init(type: "double precision", isNullable: false, defaultValue: "1.5")),
            ("flag Boolean @default(false)", .init(type: "boolean", isNullable: false, defaultValue: "false")),
            ("at DateTime @default(now())", .init(type: "timestamp(3) without time zone", isNullable: false, defaultValue: "CURRENT_TIMESTAMP")),
            ("at DateTime? @db.Timestamptz(3)", .init(type: "timestamp(3) with time zone", isNullable: true)),
            ("at DateTime @db.Timestamp(6)", .init(type: "timestamp(6) without time zone", isNullable: false)),
            ("changed DateTime @updatedAt", .init(type: "timestamp(3) without time zone", isNullable: false)),
            (#"code String @default("it's") @db.VarChar(255)"#, .init(type: "character varying(255)", isNullable: false, defaultValue: "'it''s'::character varying")),
            ("body String @db.Text", .init(type: "text", isNullable: false)),
            (#"ref String @db.Uuid @default(dbgenerated("gen_random_uuid()"))"#, .init(type: "uuid", isNullable: false, defaultValue: "gen_random_uuid()")),
            ("key String @default(cuid())", .init(type: "text", isNullable: false)),
            (#"data Json @default("{}")"#, .init(type: "jsonb", isNullable: false, defaultValue: "'{}'::jsonb")),
            ("data Json? @db.JsonB", .init(type: "jsonb", isNullable: true)),
            ("kind Kind @default(B)", .init(type: #""Kind""#, isNullable: false, defaultValue: #"'B'::"Kind""#)),
        ]

        @Test("a field line becomes the column Prisma Migrate would create", arguments: columnCases)
        func fieldBecomesColumn(fieldLine: String, expected: DatabaseShape.Column) throws {
            #expect(try column(for: fieldLine) == expected)
        }

        @Test("enums keep their order and relations name their key fields")
        func structure() throws {
            let schema = try PrismaSchema(parsing: """
                enum Level {
                  LOW
                  HIGH
                }
                model Parent {
                  id       Int     @id
                  children Child[]
                }
                model Child {
                  id       Int     @id
                  parentId Int
                  parent   Parent  @relation(fields: [parentId], references: [id], onDelete: Cascade)
                  level    Level   @default(HIGH)
                  @@unique([parentId, level])
                }
                """)
            #expect(schema.enums == [PrismaSchema.Enum(name: "Level", values: ["LOW", "HIGH"])])
            let child = try #require(schema.model(named: "Child"))
            let parent = try #require(child.field(named: "parent"))
            #expect(parent.type == .model("Parent"))
            #expect(parent.relation == PrismaSchema.Relation(name: nil, fields: ["parentId"], references: ["id"], onDelete: .cascade))
            #expect(child.field(named: "level")?.defaultValue == .enumValue("HIGH"))
            #expect(child.uniques.map(\.columns) == [["parentId", "level"]])
            #expect(schema.model(named: "Parent")?.field(named: "children")?.arity == .list)

            let table = try #require(schema.expectedShape.tables["Child"])
            #expect(table.primaryKey == .init(name: "Child_pkey", columns: ["id"]))
            #expect(table.uniqueIndexes == ["Child_parentId_level_key": .init(columns: ["parentId", "level"])])
            #expect(table.foreignKeys == [
                "Child_parentId_fkey": .init(columns: ["parentId"], referencedTable: "Parent", referencedColumns: ["id"], onDelete: .cascade, onUpdate: .cascade),
            ])
            #expect(schema.expectedShape.tables["Parent"]?.columns.keys.sorted() == ["id"])
        }

        static let malformedCases: [MalformedSchema] = [
            MalformedSchema(text: "model A {\n  id Int @id\n  name String @unknown\n}", line: 3, message: "unsupported attribute @unknown"),
            MalformedSchema(text: "model A {\n  id Int @id\n  name Strin\n}", line: 3, message: "unknown type Strin"),
            MalformedSchema(text: "model A {\n  id Int @id\n", line: 3, message: "found the end of the file"),
            MalformedSchema(text: "model A {\n  id Int @id\n  name String @default(\"open\n}", line: 3, message: "string not closed"),
            MalformedSchema(text: "model A {\n  id Int @id\n  b B\n}\nmodel B {\n  id Int @id\n}", line: 3, message: "needs @relation(fields: [...], references: [...])"),
            MalformedSchema(text: "model A {\n  id String @id @default(autoincrement())\n}", line: 2, message: "does not fit a field of type String"),
            MalformedSchema(text: "enum E {\n  X\n}\nmodel A {\n  id Int @id\n  e E @default(Y)\n}", line: 6, message: "enum E has no value Y"),
            MalformedSchema(text: "model A {\n  id Int @id\n  name String\n  @@unique([nam])\n}", line: 4, message: "model A has no field nam"),
            MalformedSchema(text: "model A {\n  id Int @id\n  name String @map(\"n\")\n}", line: 3, message: "unsupported attribute @map"),
            MalformedSchema(text: "model A {\n  id Int @id\n\n  tags String[]\n}", line: 4, message: "scalar lists"),
            MalformedSchema(text: "model A {\n  id Int @id\n  name String @db.Money\n}", line: 3, message: "unsupported native type @db.Money"),
            MalformedSchema(text: "model A {\n  id Int @id\n  at DateTime @db.VarChar(3)\n}", line: 3, message: "fits a String field"),
            MalformedSchema(text: "model A {\n  id Int @id\n  other Int @id\n}", line: 3, message: "more than one primary key"),
            MalformedSchema(text: "model A {\n  id Int @id\n}\nmodel A {\n  id Int @id\n}", line: 4, message: "already declared on line 1"),
            MalformedSchema(text: "model A {\n  id Int @id\n  x Int $\n}", line: 3, message: "unexpected character"),
        ]

        @Test("a malformed schema is rejected with the line at fault", arguments: malformedCases)
        func malformedSchemaNamesTheLine(_ malformed: MalformedSchema) throws {
            let error = try #require(throws: PrismaSchemaError.self) { try PrismaSchema(parsing: malformed.text) }
            #expect(error.line == malformed.line, "\(error)")
            #expect(error.message.contains(malformed.message), "\(error)")
            #expect(error.description.hasPrefix("schema.prisma line \(malformed.line): "))
        }
    }

    /// A schema the parser must reject, the line it must blame, and part of the message.
    struct MalformedSchema: Sendable, CustomTestStringConvertible {
        let text: String
        let line: Int
        let message: String

        var testDescription: String { message }
    }
}

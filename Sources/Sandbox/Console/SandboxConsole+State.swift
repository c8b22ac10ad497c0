import Clocks
import DiscordSimulator
import Foundation
import Postgres
import SimulatorSupport

/// `GET /api/state`: everything the page shows, in one JSON object.
extension SandboxConsole {
    func state() async throws -> SimulatorJSON {
        let messages = placedMessages()
        var personas: [SimulatorJSON] = []
        for persona in SandboxPeople.all {
            let own = messages.filter { $0.isVisible(to: persona.key) && $0.place != .channel && $0.place != .board }
            personas.append([
                "key": .string(persona.key), "label": .string(persona.label), "userId": .string(persona.invoker.userID),
                "username": .string(persona.invoker.username), "isModerator": .bool(!persona.invoker.roleIDs.isEmpty),
                "directMessages": .array(own.filter { if case .directMessage = $0.place { true } else { false } }.map(render)),
                "ephemeral": .array(own.filter { if case .ephemeral = $0.place { true } else { false } }.map(render)),
                "modal": openModal(of: persona.key) ?? .null,
            ])
        }
        return [
            "clock": ["now": .string(Self.iso(clock.date)), "offsetSeconds": .double(clock.advanced.timeInterval)],
            "ready": .bool(!simulators.gateway.identifies.isEmpty && !rest.commands.isEmpty),
            "commands": .array(rest.commands),
            "channel": ["id": .string(SandboxPeople.notifyChannelID), "name": "lending-notices",
                        "messages": .array(messages.filter { $0.place == .channel }.map(render))],
            "board": messages.last { $0.place == .board }.map(render) ?? .null,
            "personas": .array(personas),
            "roles": .object([SandboxPeople.moderatorRoleID: "moderators", SandboxPeople.panelUserRoleID: "panel users"]),
            "panel": panelState(),
            "database": try await databaseState(),
        ]
    }

    /// The newest modal a persona was shown and has neither submitted nor closed.
    private func openModal(of persona: String) -> SimulatorJSON? {
        for entry in log.entries.reversed() where entry.persona == persona && !log.isModalClosed(openedBy: entry.interaction.id) {
            if let modal = Self.modal(from: rest.interactionResponses(for: entry.interaction.id)) {
                return ["interactionId": .string(entry.interaction.id), "data": modal]
            }
        }
        return nil
    }

    private func render(_ placed: PlacedMessage) -> SimulatorJSON {
        let flags = placed.message["flags"]?.intValue ?? 0
        var origin: SimulatorJSON = .null
        if let entry = placed.origin {
            origin = ["persona": .string(SandboxPeople.persona(entry.persona)?.invoker.username ?? entry.persona), "label": .string(entry.label),
                      "kind": .string(entry.kind.rawValue)]
        }
        return [
            "id": .string(placed.id), "timestamp": placed.message["timestamp"] ?? .null,
            "content": placed.message["content"] ?? "", "embeds": placed.message["embeds"] ?? [],
            "components": placed.message["components"] ?? [],
            "ephemeral": .bool(flags & 64 != 0), "loading": .bool(flags & 128 != 0), "interaction": origin,
        ]
    }

    private func databaseState() async throws -> SimulatorJSON {
        [
            "workflows": try await json(#"""
                SELECT w."id", w."status", w."description", w."mcVersion", w."periodDays", w."applicantDiscordId", w."organizerDiscordId",
                       w."pteroServerId", w."startDate", w."endDate", w."createdAt",
                       coalesce((SELECT json_agg(p."discordId" ORDER BY p."id") FROM "WorkflowPanelUser" p WHERE p."workflowId" = w."id"), '[]') AS "panelUsers"
                FROM "Workflow" w ORDER BY w."id" DESC LIMIT 50
                """#),
            "audit": try await json(#"""
                SELECT "id", "workflowId", "actor", "action", "fromStatus", "toStatus", "detail", "createdAt"
                FROM "WorkflowAudit" ORDER BY "id" DESC LIMIT 50
                """#),
            "tasks": try await json(#"""
                SELECT "id", "kind", "workflowId", "pteroServerId", "state", "attempts", "lastError", "updatedAt"
                FROM "LendingTask" ORDER BY "id" DESC LIMIT 20
                """#),
            "bindings": try await json(#"SELECT "name", "pteroId", "serverType" FROM "ServerBinding" ORDER BY "name""#),
            "accounts": try await json(#"SELECT "discordId", "username", "email" FROM "PterodactylUser" ORDER BY "username""#),
        ]
    }

    /// The rows of `select` as a JSON array, built by PostgreSQL.
    private func json(_ select: String) async throws -> SimulatorJSON {
        let result = try await pool.query(Query(unsafeSQL: "SELECT coalesce(json_agg(r), '[]')::text AS rows FROM (\(select)) r"), named: "console rows")
        let text = try result.first?.decode("rows", as: String.self) ?? "[]"
        return SimulatorJSON(parsing: Data(text.utf8)) ?? []
    }

    static func iso(_ date: Date) -> String {
        date.formatted(.iso8601)
    }
}

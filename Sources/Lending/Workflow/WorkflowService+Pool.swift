import Clocks
import Foundation
import Postgres

/// The server pool (`/mcserver-admin server-binding`): aliases are only changed or removed
/// while nothing holds their server.
extension WorkflowService {
    /// Points `alias` at the panel server `pteroId`, adding the alias if it is new. The server
    /// must exist on the panel and be bound to no other alias (the database's unique index on
    /// `pteroId` holds that under concurrent binds too); an alias whose server is held cannot be
    /// repointed, though binding it again to the same server (to read or give its type) is
    /// allowed. The alias's row is locked before the check, as an approval locks it before
    /// reserving, so a repoint and a reservation of one server cannot interleave.
    ///
    /// - Parameter serverType: the server's type as a moderator gave it; nil reads it from the
    ///   name of the server's egg on the panel (`ServerType.fromEgg(named:)`).
    public func bind(_ alias: String, to pteroId: String, serverType typed: String? = nil) async throws -> ServerBindingRecord {
        guard ServerAlias.isValid(alias) else {
            throw LendingError.invalidRequest(field: "name", rule: "1 to 32 letters, digits, - or _")
        }
        guard ServerAlias.isValidPanelIdentifier(pteroId) else {
            throw LendingError.invalidRequest(field: "ptero-id", rule: "the panel's 8-character server identifier (letters and digits)")
        }
        let given = try typed.map { typed throws(ServerTypeRefusal) in
            guard let parsed = ServerType.parse(typed) else { throw .invalidType(typed) }
            return parsed
        }
        guard try await panel.serverExists(pteroId) else {
            throw LendingError.invalidRequest(field: "ptero-id", rule: "no server \(pteroId) on the panel, or the client key cannot reach it")
        }
        // A server the approval could never prepare is kept out of the pool.
        let egg = try await panel.egg(of: pteroId, versionVariables: policy.versionVariables)
        guard egg.versionVariable != nil else {
            throw LendingError.invalidRequest(field: "ptero-id", rule: ProvisionRefusal.noVersionVariable(server: alias).description)
        }
        guard egg.images.contains(where: { $0.javaMajorVersion != nil }) else {
            throw LendingError.invalidRequest(field: "ptero-id", rule: "\(alias)'s egg offers no Docker image whose Java the bot can read (labels such as \"Java 21\")")
        }
        let serverType = if let given { given } else { ServerType.fromEgg(named: try await panel.eggName(of: pteroId)) }
        let now = clock.date
        do {
            return try await bindChecked(alias, to: pteroId, serverType: serverType, at: now)
        } catch let error as PostgresError where error.constraint == "ServerBinding_pteroId_key" {
            throw LendingError.invalidRequest(field: "ptero-id", rule: "server \(pteroId) is already bound to another alias")
        }
    }

    private func bindChecked(_ alias: String, to pteroId: String, serverType: String, at now: Date) async throws -> ServerBindingRecord {
        try await pool.withTransaction { transaction in
            let existing = try await ServerBindingTable.lock(name: alias, on: transaction)
            let others = try await transaction.query("""
                SELECT "name" FROM "ServerBinding" WHERE "pteroId" = \(pteroId) AND "name" <> \(alias) LIMIT 1
                """, named: "find other alias of server")
            if let other: String = try others.first?.decode("name") {
                throw LendingError.invalidRequest(field: "ptero-id", rule: "server \(pteroId) is already bound as \(other)")
            }
            guard let existing else {
                return try await ServerBindingTable.insert(name: alias, pteroId: pteroId, serverType: serverType, at: now, on: transaction)
            }
            // The same server again only changes its type, which a loan already on it does not
            // depend on: the type decided which server the loan got, not how it runs.
            if existing.pteroId != pteroId { try await refuseIfHeld(existing, on: transaction) }
            return try await ServerBindingTable.update(name: alias, pteroId: pteroId, serverType: serverType, at: now, on: transaction) ?? existing
        }
    }

    /// Removes `alias` from the pool unless a loan, a reservation or an open task holds its server.
    public func unbind(_ alias: String) async throws {
        try await pool.withTransaction { transaction in
            guard let binding = try await ServerBindingTable.lock(name: alias, on: transaction) else { throw LendingError.serverNotFound(alias: alias) }
            try await refuseIfHeld(binding, on: transaction)
            _ = try await ServerBindingTable.delete(name: alias, on: transaction)
        }
    }

    private func refuseIfHeld(_ binding: ServerBindingRecord, on transaction: Transaction) async throws {
        if let holder = try await WorkflowTable.holder(of: binding.pteroId, on: transaction) {
            throw LendingError.bindingInUse(alias: binding.name, workflowId: holder.id)
        }
        if let workflowId = try await TaskTable.workflowWorking(on: binding.pteroId, on: transaction) {
            throw LendingError.bindingInUse(alias: binding.name, workflowId: workflowId)
        }
    }
}

/// The shapes of pool names.
public enum ServerAlias {
    /// 1–32 ASCII letters, digits, `-` or `_`: fits a slash-command choice and a file name.
    public static func isValid(_ alias: String) -> Bool {
        (1...32).contains(alias.count) && alias.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "-" || $0 == "_") }
    }

    /// The panel's short server identifier: 8 ASCII letters or digits.
    public static func isValidPanelIdentifier(_ identifier: String) -> Bool {
        identifier.count == 8 && identifier.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber) }
    }
}

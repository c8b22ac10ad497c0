public import Foundation
import Clocks
import Postgres

/// A loan's whitelist, kept from Discord by its organizer and panel users (`/mcserver whitelist`),
/// so that players who have no panel access get onto the server without anyone at its console.
///
/// Each change is recorded (with its audit row) under the loan's row lock before the command goes
/// to the server's console, so the return always knows whom to take off again; a command the
/// server refuses (it is not running) undoes the record and is told to the member. A crash in
/// between leaves a record of a player the server never heard of, which costs the return one
/// harmless `whitelist remove`.
extension WorkflowService {
    public enum WhitelistChange: Sendable, Equatable {
        case add
        case remove
    }

    /// Minecraft's player names: 3 to 16 letters, digits and `_`. Anything else could not be a
    /// player, and a space would split the console command.
    public static func isPlayerName(_ name: String) -> Bool {
        (3...16).contains(name.utf8.count) && name.utf8.allSatisfy { byte in
            (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(byte) || (UInt8(ascii: "A")...UInt8(ascii: "Z")).contains(byte)
                || (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) || byte == UInt8(ascii: "_")
        }
    }

    /// Adds or removes a player on the whitelist of ACTIVE loan `id`, for its organizer or one of
    /// its panel users. Returns whether the list changed (false: the player was on it already, or
    /// not on it) and the players on it now.
    public func changeWhitelist(_ change: WhitelistChange, player: String, loan id: Int, by member: String) async throws -> (changed: Bool, players: [String]) {
        guard Self.isPlayerName(player) else {
            throw LendingError.invalidRequest(field: "player", rule: "3 to 16 letters, digits or _ (a Minecraft player name)")
        }
        let now = clock.date
        let (server, changed) = try await pool.withTransaction { transaction in
            let loan = try await lockWhitelistable(id, by: member, on: transaction)
            let changed = switch change {
            case .add: try await WhitelistTable.add(workflowId: id, player: player, by: member, at: now, on: transaction)
            case .remove: try await WhitelistTable.remove(workflowId: id, player: player, at: now, on: transaction)
            }
            if changed {
                try await AuditTable.record(workflowId: id, actor: member, action: change == .add ? .whitelistAdd : .whitelistRemove,
                                            from: .active, to: .active, detail: ["player": player], at: now, on: transaction)
            }
            return (loan.pteroServerId ?? "", changed)
        }
        if changed {
            let outcome: ConsoleOutcome
            do {
                outcome = try await panel.runConsoleCommand("whitelist \(change == .add ? "add" : "remove") \(player)", on: server)
            } catch {
                // The panel refused or could not be reached: the list must not claim what the server did not do.
                try await undo(change, player: player, loan: id, by: member, at: clock.date, reason: "the panel refused the command")
                throw error
            }
            if outcome == .serverNotRunning {
                try await undo(change, player: player, loan: id, by: member, at: clock.date, reason: "the server was not running")
                throw LendingError.serverNotRunning(id: id)
            }
        }
        return (changed, try await WhitelistTable.players(workflowId: id, on: pool))
    }

    /// The players on the whitelist of ACTIVE loan `id`, for its organizer or a panel user.
    public func whitelistedPlayers(loan id: Int, by member: String) async throws -> [String] {
        try await pool.withTransaction { transaction in
            _ = try await lockWhitelistable(id, by: member, on: transaction)
            return try await WhitelistTable.players(workflowId: id, on: transaction)
        }
    }

    /// Gives a change back after its command did not run, with an audit row that says why.
    private func undo(_ change: WhitelistChange, player: String, loan id: Int, by member: String, at now: Date, reason: String) async throws {
        try await pool.withTransaction { transaction in
            _ = try await WorkflowTable.lock(id: id, on: transaction)
            switch change {
            case .add: _ = try await WhitelistTable.remove(workflowId: id, player: player, at: now, on: transaction)
            case .remove: _ = try await WhitelistTable.add(workflowId: id, player: player, by: member, at: now, on: transaction)
            }
            try await AuditTable.record(workflowId: id, actor: member, action: change == .add ? .whitelistRemove : .whitelistAdd,
                                        from: .active, to: .active, detail: ["player": player, "reason": reason],
                                        at: now, on: transaction)
        }
    }

    /// The loan locked, if `member` may keep its whitelist now: it exists and is ACTIVE with a
    /// server, no return is under way, and they organize it or are one of its panel users.
    private func lockWhitelistable(_ id: Int, by member: String, on transaction: Transaction) async throws -> WorkflowRecord {
        guard let loan = try await WorkflowTable.lock(id: id, on: transaction) else { throw LendingError.workflowNotFound(id: id) }
        let panelUsers = try await WorkflowPanelUserTable.list(workflowId: id, on: transaction).map(\.discordId)
        guard loan.organizerDiscordId == member || panelUsers.contains(member) else { throw LendingError.notLoanMember(id: id) }
        guard loan.status == .active, loan.pteroServerId != nil else {
            throw LendingError.notAllowed(id: id, status: loan.status, action: "whitelisted on")
        }
        if let task = try await TaskTable.open(workflowId: id, on: transaction), task.kind == .returnLoan {
            throw LendingError.returnInProgress(id: id, by: task.actor)
        }
        return loan
    }
}

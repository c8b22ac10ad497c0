import Foundation

/// Version 0 of a task's input, as the releases before typed inputs wrote it: a flat object of
/// strings, an approval's chosen usernames under `username:<discord id>` keys. Only read, never
/// written; kept for tasks queued, claimed or half done when a bot is upgraded.
enum LegacyTaskInput {
    static let usernamePrefix = "username:"

    static func decode(kind: TaskKind, data: Data) -> Result<TaskInput, TaskInputError> {
        func failure(_ reason: String) -> Result<TaskInput, TaskInputError> {
            .failure(TaskInputError(kind: kind, reason: "version 0: \(reason)"))
        }
        guard let fields = try? JSONDecoder().decode([String: String].self, from: data) else {
            return failure("a value is not a string")
        }
        switch kind {
        case .approve:
            guard let approvedAt = fields["approvedAt"].flatMap(Timestamp.parse) else { return failure("approvedAt is missing or not a time") }
            guard let serverAlias = fields["serverAlias"] else { return failure("serverAlias is missing") }
            var usernames: [String: String] = [:]
            for (key, username) in fields where key.hasPrefix(usernamePrefix) {
                let discordId = String(key.dropFirst(usernamePrefix.count))
                guard !discordId.isEmpty else { return failure("\(key) names nobody") }
                usernames[discordId] = username
            }
            return .success(.approve(ApprovalInput(approvedAt: approvedAt, serverAlias: serverAlias, usernames: usernames)))
        case .returnLoan:
            guard let requestedAt = fields["requestedAt"].flatMap(Timestamp.parse) else { return failure("requestedAt is missing or not a time") }
            return .success(.returnLoan(ReturnInput(requestedAt: requestedAt)))
        case .release:
            return .success(.release(ReleaseInput()))
        case .panelUsers:
            // Written only by releases that write version 1.
            return failure("a panel-user change is never stored in version 0")
        }
    }
}

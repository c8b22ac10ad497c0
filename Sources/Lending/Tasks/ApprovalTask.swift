import Foundation
import Logging
import Postgres

/// The panel work of an approval, then PENDING → ACTIVE and the notices.
///
/// The server is prepared first, and access comes last, so that nobody reaches a server that is
/// still being prepared and a failed approval leaves no one inside. Steps, each recorded:
/// - `version`: the release the request names (`latest` resolved now) and the Java it needs;
/// - `plan`: the egg's version variable and the image with the lowest fitting Java;
/// - `stop`, `version-variable`, `docker-image`, `install` (reinstall, then wait for it), and
///   `start` when `START_ON_APPROVAL`: the server runs the requested release on a clean install;
/// - for every panel user an account (created only when the user has no PterodactylUser row), the
///   panel-user role and sub-user access; the server's description;
/// - the activation (status, start date = now, end date, the installed version, audit, in one
///   transaction); a notice to the organizer and to each panel user.
public struct ApprovalTask: TaskHandler {
    let panel: any LendingPanel
    let community: any Community
    let notifier: any LendingNotifier
    let versions: any MinecraftVersionCatalog
    let policy: LendingPolicy

    public init(panel: any LendingPanel, community: any Community, notifier: any LendingNotifier,
                versions: any MinecraftVersionCatalog, policy: LendingPolicy) {
        self.panel = panel
        self.community = community
        self.notifier = notifier
        self.versions = versions
        self.policy = policy
    }

    public func run(_ context: TaskContext) async throws {
        let task = context.task
        let server = task.pteroServerId
        guard let workflow = try await WorkflowTable.find(id: task.workflowId, on: context.pool) else {
            throw PortFailure.permanent("request #\(task.workflowId) no longer exists")
        }
        guard case .approve(let input) = context.input else { throw PortFailure.permanent("task #\(task.id) is not an approval") }
        let alias = input.serverAlias
        let progress = ProgressReporter(notifier: notifier, context: context, serverAlias: alias)
        let plan = try await prepare(workflow, server: server, alias: alias, progress: progress, context: context)

        let panelUsers = try await WorkflowPanelUserTable.list(workflowId: workflow.id, on: context.pool).map(\.discordId)
        for discordId in panelUsers {
            try await context.grantAccess(to: discordId, usernames: input.usernames, on: server, panel: panel, community: community, policy: policy)
        }
        try await context.step(.serverDescription) {
            let organizer = try await community.displayName(of: workflow.organizerDiscordId) ?? workflow.organizerDiscordId
            let text = ServerDescription.make(organizer: organizer, purpose: workflow.description)
            try await panel.setDescription(of: server, to: text)
            return ["description": text]
        }
        try await context.databaseStep(.activate) { transaction in
            guard var current = try await WorkflowTable.lock(id: workflow.id, on: transaction), current.status == .pending,
                  current.pteroServerId == server else {
                throw PortFailure.permanent("request #\(workflow.id) is no longer waiting for this approval")
            }
            // The loan starts when the server is ready for it, not when Approve was pressed: an
            // install or a retried approval takes time that is not the organizer's.
            let start = context.now
            current.status = .active
            current.startDate = start
            current.endDate = start.addingTimeInterval(Double(current.periodDays) * 86_400)
            current.mcVersion = plan.version
            _ = try await WorkflowTable.update(current, expectedStatus: .pending, at: context.now, on: transaction)
            var detail = ["server": alias, "task": String(task.id), "endDate": current.endDate.map(Timestamp.format) ?? "",
                          "version": plan.version, "java": String(plan.java), "image": plan.image]
            if workflow.mcVersion != plan.version { detail["requestedVersion"] = workflow.mcVersion }
            try await AuditTable.record(workflowId: workflow.id, actor: task.actor, action: .approve, from: .pending, to: .active,
                                        detail: detail, at: context.now, on: transaction)
            return [:]
        }
        guard let active = try await WorkflowTable.find(id: workflow.id, on: context.pool) else { return }
        let address = try await panel.connectionAddress(of: server)
        await progress.report(.ready(version: plan.version, address: address))
        let summary = try await LoanSummary.load(active, address: address, on: context.pool)
        try await context.notify(.notifyOrganizer, .loanApproved(summary, organizer: active.organizerDiscordId), notifier: notifier)
        for discordId in panelUsers {
            guard let account = try await PterodactylUserTable.find(discordId: discordId, on: context.pool) else { continue }
            try await context.notify(.notifyPanelUser(discordId: discordId), .panelAccessGranted(summary, panelUser: discordId, username: account.username),
                                     notifier: notifier)
        }
    }

    // MARK: Preparing the server

    /// What the server was prepared with, as the steps recorded it.
    struct Prepared {
        let version: String
        let java: Int
        let image: String
    }

    /// Installs the requested release on a fitting image, then starts the server. Every failure
    /// says which stage it stopped at, so the moderators' retry notice reads "installing 26.1: …".
    private func prepare(_ workflow: WorkflowRecord, server: String, alias: String, progress: ProgressReporter,
                         context: TaskContext) async throws -> Prepared {
        let resolved = try await context.step(.version) {
            guard let release = try await versions.release(workflow.mcVersion) else {
                throw PortFailure.permanent("\(workflow.mcVersion) is not a Minecraft release: edit the request's version, then retry")
            }
            return ["version": release.id, "java": String(release.javaMajorVersion)]
        }
        guard let version = resolved["version"], let java = resolved["java"].flatMap(Int.init) else {
            throw PortFailure.permanent("the approval's recorded version is unreadable")
        }
        let release = MinecraftRelease(id: version, javaMajorVersion: java)
        let planned = try await context.step(.plan) {
            let egg = try await panel.egg(of: server, versionVariables: policy.versionVariables)
            switch egg.plan(for: release, server: alias) {
            case .failure(let refusal): throw PortFailure.permanent(refusal.description)
            case .success(let plan):
                return ["variable": plan.versionVariable, "image": plan.image.image, "imageJava": plan.image.javaMajorVersion.map(String.init) ?? "",
                        "currentImage": egg.currentImage ?? ""]
            }
        }
        guard let variable = planned["variable"], let image = planned["image"] else {
            throw PortFailure.permanent("the approval's recorded plan is unreadable")
        }
        let imageJava = planned["imageJava"].flatMap(Int.init) ?? java
        await progress.report(.preparing)
        try await stage("stopping \(alias)") {
            try await context.step(.stop) {
                try await panel.stopAndWaitOffline(server)
                return [:]
            }
        }
        try await stage("setting the version \(version)") {
            try await context.step(.versionVariable) {
                try await panel.setStartupVariable(variable, to: version, on: server)
                return ["variable": variable, "value": version]
            }
            try await context.step(.dockerImage) {
                if planned["currentImage"] != image { try await panel.setDockerImage(image, on: server) }
                return ["image": image]
            }
        }
        await progress.report(.installing(version: version, java: imageJava))
        try await stage("installing \(version)") {
            // The reinstall is recorded apart from the wait, so a task resumed after a crash finds
            // it done and waits for the install it started (or finds it finished) instead of
            // starting a second one. Only a failed install is started again: a retry.
            try await context.step(.reinstall) {
                if try await panel.installState(of: server) != .installing { try await panel.reinstall(server) }
                return [:]
            }
            try await context.step(.install) {
                let state = try await panel.installState(of: server)
                switch state {
                case .installing: try await panel.waitForInstall(of: server)
                case .failed:
                    try await panel.reinstall(server)
                    try await panel.waitForInstall(of: server)
                case .installed: break
                }
                return ["found": state.rawValue]
            }
        }
        if policy.startOnApproval {
            await progress.report(.starting)
            try await stage("starting \(alias)") {
                try await context.step(.start) {
                    try await panel.startAndWaitRunning(server)
                    return [:]
                }
            }
        }
        return Prepared(version: version, java: imageJava, image: image)
    }

    /// Runs `body`, naming `what` in the message of a port failure.
    private func stage(_ what: String, _ body: () async throws -> Void) async throws {
        do {
            try await body()
        } catch let failure as PortFailure {
            throw PortFailure(failure.kind, "\(what): \(failure.message)")
        }
    }
}

/// Tells the moderators how far an approval has got. Progress is informational: a notice that
/// cannot be sent is logged and the approval goes on.
struct ProgressReporter {
    let notifier: any LendingNotifier
    let context: TaskContext
    let serverAlias: String

    func report(_ stage: ApprovalProgress.Stage) async {
        let task = context.task
        let progress = ApprovalProgress(workflowId: task.workflowId, taskId: task.id, serverAlias: serverAlias, moderator: task.actor, stage: stage)
        do {
            try await notifier.deliver(.approvalProgress(progress), deduplicationKey: "task-\(task.id)-progress-\(Self.name(of: stage))")
        } catch {
            context.logger.info("approval progress not shown", metadata: ["task": "\(task.id)", "error": "\(TaskRunner.describe(error))"])
        }
    }

    static func name(of stage: ApprovalProgress.Stage) -> String {
        switch stage {
        case .preparing: "preparing"
        case .installing: "installing"
        case .starting: "starting"
        case .ready: "ready"
        }
    }
}

/// The panel description of a lent server: who organizes it and what for, within the panel's
/// length limit.
enum ServerDescription {
    static let maxLength = 191

    static func make(organizer: String, purpose: String) -> String {
        String("\(organizer) \(purpose)".prefix(maxLength))
    }
}

import Lending
import Testing

/// Step names are what a resumed task finds its finished steps by: these are the names the
/// release before typed steps recorded (read from its `"LendingTaskStep"` rows after an approval
/// and a return with an archive), and each must still name the same step.
@Suite("Task step names")
struct TaskStepTests {
    static let member = "200000000000000002"
    static let organizer = "200000000000000001"
    static let backup = "52000001-0000-4000-8002-000000000001"

    /// Recorded by the previous release, beside the step this release takes under that name.
    static let recorded: [(name: String, step: TaskStep)] = [
        ("version", .version), ("plan", .plan), ("stop", .stop), ("version-variable", .versionVariable),
        ("docker-image", .dockerImage), ("reinstall", .reinstall), ("install", .install), ("start", .start),
        ("account:200000000000000002", .account(discordId: member)), ("role:200000000000000002", .role(discordId: member)),
        ("subuser:200000000000000002", .subuser(discordId: member)), ("description", .serverDescription), ("activate", .activate),
        ("notify:organizer", .notifyOrganizer), ("notify:panel:200000000000000002", .notifyPanelUser(discordId: member)),
        ("revoke:200000000000000002", .revoke(discordId: member)), ("schedules", .schedules), ("backups-before", .backupsBefore),
        ("archive-naming", .archiveNaming), ("archive:52000001-0000-4000-8002-000000000001", .archive(backupUuid: backup)),
        ("delete-backup:52000001-0000-4000-8002-000000000001", .deleteBackup(uuid: backup)),
        ("backup-create:1", .backupCreate(attempt: 1)), ("backup-wait:1", .backupWait(attempt: 1)), ("backup-create:12", .backupCreate(attempt: 12)),
        ("backups-left", .backupsLeft), ("reset", .reset), ("complete", .complete),
        ("notify:200000000000000001", .notifyReturned(discordId: organizer)),
    ]

    @Test("every name the previous release recorded is read as its step, and the step is recorded under that name again")
    func recordedNames() {
        for (name, step) in Self.recorded {
            #expect(TaskStep(name: name) == step, "\(name)")
            #expect(step.name == name, "\(step) is recorded as \(step.name)")
        }
    }

    @Test("this release's new step: the moderators' post of a return, recorded as notify:moderators, never read as a member's")
    func moderatorsReturnStep() {
        #expect(TaskStep.notifyModeratorsReturned.name == "notify:moderators")
        #expect(TaskStep(name: "notify:moderators") == .notifyModeratorsReturned)
    }

    @Test("names no release records are nobody's step", arguments: [
        "", "account:", "notify:panel:", "backup-create:0", "backup-create:x", "backup-wait:01", "unknown", "unknown:1", "Version",
    ])
    func unknownNames(name: String) {
        #expect(TaskStep(name: name) == nil)
    }
}

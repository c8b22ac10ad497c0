import Foundation
import Lending
import Testing

/// A task's input in both stored versions: version 0 as the release before typed inputs wrote it
/// (the literals are that release's rows), version 1 as this one writes it, and rows no release
/// wrote, which are refused with a reason instead of being guessed at.
@Suite("Task inputs")
struct TaskInputTests {
    static let approvedAt = Date(timeIntervalSince1970: 1_767_225_600)

    @Test("version 0: an approval's time, server and usernames, a return's time, a release's nothing")
    func legacy() throws {
        let approval = TaskInput.decode(kind: .approve, stored: #"""
            {"approvedAt": "2026-01-01T00:00:00.000Z", "serverAlias": "server01", "username:200000000000000002": "alice", "username:200000000000000003": "bob"}
            """#)
        #expect(approval == .success(.approve(ApprovalInput(approvedAt: Self.approvedAt, serverAlias: "server01",
                                                            usernames: ["200000000000000002": "alice", "200000000000000003": "bob"]))))
        let accountsKnown = TaskInput.decode(kind: .approve, stored: #"{"approvedAt": "2026-01-01T00:00:00.000Z", "serverAlias": "server02"}"#)
        #expect(accountsKnown == .success(.approve(ApprovalInput(approvedAt: Self.approvedAt, serverAlias: "server02", usernames: [:]))))
        let returning = TaskInput.decode(kind: .returnLoan, stored: #"{"requestedAt": "2026-01-01T00:01:10.000Z"}"#)
        #expect(returning == .success(.returnLoan(ReturnInput(requestedAt: Self.approvedAt.addingTimeInterval(70)))))
        #expect(TaskInput.decode(kind: .release, stored: "{}") == .success(.release(ReleaseInput())))
    }

    @Test("version 1 is written with its version and read back as it was")
    func current() throws {
        let approval = TaskInput.approve(ApprovalInput(approvedAt: Self.approvedAt, serverAlias: "server01", usernames: ["200000000000000002": "alice"]))
        #expect(approval.stored == #"{"approvedAt":"2026-01-01T00:00:00.000Z","serverAlias":"server01","usernames":{"200000000000000002":"alice"},"version":1}"#)
        let inputs: [TaskInput] = [approval, .returnLoan(ReturnInput(requestedAt: Self.approvedAt)), .release(ReleaseInput())]
        for input in inputs {
            #expect(TaskInput.decode(kind: input.kind, stored: input.stored) == .success(input), "\(input.stored)")
        }
        #expect(TaskInput.release(ReleaseInput()).stored == #"{"version":1}"#)
    }

    @Test("rows no release wrote are refused, saying what is wrong", arguments: [
        (TaskKind.returnLoan, "[]", "not a JSON object"),
        (.release, #""text""#, "not a JSON object"),
        (.approve, #"{"version": "1"}"#, "not a JSON object with a whole-number version"),
        (.approve, #"{"version": 2, "approvedAt": "2026-01-01T00:00:00.000Z"}"#, "version 2"),
        (.returnLoan, #"{"version": 1}"#, "requestedAt is missing"),
        (.approve, #"{"version": 1, "approvedAt": "yesterday", "serverAlias": "server01", "usernames": {}}"#, "approvedAt"),
        (.approve, #"{"version": 1, "approvedAt": "2026-01-01T00:00:00.000Z", "serverAlias": "server01", "usernames": ["alice"]}"#, "usernames has the wrong type"),
        (.approve, #"{"approvedAt": 5, "serverAlias": "server01"}"#, "version 0: a value is not a string"),
        (.approve, #"{"serverAlias": "server01", "username:2": "alice"}"#, "version 0: approvedAt is missing"),
        (.approve, #"{"approvedAt": "2026-01-01T00:00:00.000Z"}"#, "version 0: serverAlias is missing"),
        (.approve, #"{"approvedAt": "2026-01-01T00:00:00.000Z", "serverAlias": "server01", "username:": "alice"}"#, "names nobody"),
        (.returnLoan, #"{}"#, "version 0: requestedAt is missing"),
    ])
    func unreadable(kind: TaskKind, stored: String, reason: String) {
        guard case .failure(let error) = TaskInput.decode(kind: kind, stored: stored) else {
            Issue.record("\(stored) was read as a \(kind.rawValue) input")
            return
        }
        #expect(error.kind == kind)
        #expect(error.description.contains(reason), "\(error)")
        #expect(error.description.contains("the task was not run"))
    }
}

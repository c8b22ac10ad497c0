public import Foundation
import Postgres

/// The extend button (`loan.extend:<id>:<endDate>`), which reminders carry to organizers and, when
/// sent to moderators, to moderators too.
extension WorkflowService {
    /// A press of the extend button made for the end date `seenEndDate`.
    ///
    /// The organizer, or anyone who is not a moderator, goes through `extendOwn` (which refuses
    /// anyone but the organizer): `CHECKOUT_EXTEND_DAYS` from that end date, within the
    /// self-extension limit. A moderator who is not the organizer moves the end to the end of
    /// the day `CHECKOUT_EXTEND_DAYS` after the end date the button shows, through `extend`: the
    /// same date however often it is pressed. Once the loan has been extended the end date no
    /// longer matches, so a double click (or an old reminder) extends once and the second is
    /// told the current end date.
    public func extendByButton(_ id: Int, by invoker: String, isModerator: Bool, seenEndDate seen: Date) async throws -> WorkflowRecord {
        guard let workflow = try await WorkflowTable.find(id: id, on: pool) else { throw LendingError.workflowNotFound(id: id) }
        if workflow.organizerDiscordId == invoker || !isModerator {
            return try await extendOwn(id, by: invoker, seenEndDate: seen)
        }
        guard workflow.status == .active else { throw LendingError.notAllowed(id: id, status: workflow.status, action: "extended") }
        if let current = workflow.endDate, abs(current.timeIntervalSince(seen)) >= 0.001 {
            throw LendingError.endDateChanged(id: id, current: current)
        }
        let target = CalendarDate(containing: seen.addingTimeInterval(Double(policy.extendDays) * 86_400), in: policy.timeZone)
        return try await extend(id, by: invoker, to: target)
    }
}

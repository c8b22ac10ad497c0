public import Foundation
public import Lending

/// Every button, select and modal the bot sends, as what its `custom_id` says: which control it is
/// and on which object, never who may use it. Every handler re-checks the invoker and the object
/// against the database at click time, so a forged or replayed id can do no more than a click.
///
/// The wire form (`ComponentRoute+Grammar.swift`) is a contract with messages already posted in
/// Discord channels and direct messages: an upgrade must keep reading the ids older releases
/// wrote, so a case's prefix and arguments never change; a new control gets a new case.
public enum ComponentRoute: Equatable, Sendable {
    /// The request form of `/mcserver checkout` (modal): `checkout`.
    case checkoutForm
    /// Approve under a new request's notice (button): `wf.approve:<id>`.
    case approveRequest(workflowId: Int)
    /// Reject under a new request's notice (button): `wf.reject:<id>`.
    case rejectRequest(workflowId: Int)
    /// The optional reason of a rejection (modal): `wf.reject.reason:<id>`.
    case rejectReason(workflowId: Int)
    /// One round of panel usernames for an approval (modal): `wf.names:<id>`.
    case usernames(workflowId: Int)
    /// Continue to the next round of usernames (button): `wf.names.more:<id>`.
    case moreUsernames(workflowId: Int)
    /// The edit form of `/mcserver-admin workflow edit` (modal): `wf.edit:<id>`.
    case editRequest(workflowId: Int)
    /// Previous or Next under `/mcserver-admin workflow list` (button):
    /// `wf.list:<STATUS>:<a|b>:<id>`, the status and the keyset cursor only.
    case requestListPage(status: WorkflowStatus, cursor: PageCursor)
    /// Retry under a failed task's notice (button): `task.retry:<taskId>`.
    case retryTask(taskId: Int)
    /// The loan chosen in `/mcserver extend` (select): `loan.extend.pick`.
    case extendPick
    /// Extend, on a reminder or after `/mcserver extend` (button): `loan.extend:<id>:<end in epoch
    /// milliseconds>`, the end date the button was made for. The wire keeps milliseconds, so a
    /// date finer than that comes back rounded.
    case extendLoan(workflowId: Int, seenEndDate: Date)
    /// The loan chosen in `/mcserver return` (select): `loan.return.pick`.
    case returnPick
    /// The confirmed return (button): `loan.return:<id>`.
    case returnLoan(workflowId: Int)
    /// Previous or Next under `/mcserver-admin checkout list` (button): `loans.page:<n>`, 0-based.
    case activeLoansPage(Int)
    /// Return under `/mcserver mine` (button): `loan.return.ask:<id>`, which shows the return's
    /// confirmation (whose button is `loan.return:<id>`).
    case askReturn(workflowId: Int)
    /// The request chosen in `/mcserver withdraw` (select): `req.withdraw.pick`.
    case withdrawPick
    /// Withdraw under `/mcserver mine` (button): `req.withdraw.ask:<id>`, which shows the
    /// withdrawal's confirmation.
    case askWithdraw(workflowId: Int)
    /// The confirmed withdrawal (button): `req.withdraw:<id>`.
    case withdrawRequest(workflowId: Int)
    /// "Request a server" on the live board (button): `board.request`, which opens the request form.
    case boardRequest
    /// "My loans" on the live board (button): `board.mine`, which answers as `/mcserver mine` does.
    case boardMine
    /// "Review" on the live board (button, moderators): `board.review`, the pending requests.
    case boardReview
    /// The server type chosen before the request form, when the pool has several (select):
    /// `checkout.type`; the option's value is the type.
    case checkoutTypePick
    /// The request form for one server type (modal): `checkout.typed:<type>`, the type a
    /// `ServerType` word.
    case checkoutTypedForm(serverType: String)
    /// The form of `/mcserver-admin checkout create` (modal): `loan.create`, or
    /// `loan.create:<server alias>` for the server the moderator named.
    case createLoan(serverAlias: String?)
    /// The panel username of a member added to an ACTIVE loan without a panel account (modal),
    /// from `/mcserver-admin workflow edit id add [remove]`: `wf.users.add:<id>:<member>` or
    /// `wf.users.add:<id>:<member>:<member removed>`, the members by Discord id.
    case addPanelUser(workflowId: Int, member: Int, removing: Int?)

    /// Where a page of requests starts, relative to a request the previous page showed.
    public enum PageCursor: Equatable, Sendable {
        /// The requests after this id (Next).
        case after(Int)
        /// The requests before this id (Previous).
        case before(Int)
    }

    /// Which control, without its arguments: the key handlers are registered under, spelled as the
    /// id's first part.
    public enum Kind: String, CaseIterable, Sendable {
        case checkoutForm = "checkout"
        case approveRequest = "wf.approve"
        case rejectRequest = "wf.reject"
        case rejectReason = "wf.reject.reason"
        case usernames = "wf.names"
        case moreUsernames = "wf.names.more"
        case editRequest = "wf.edit"
        case requestListPage = "wf.list"
        case retryTask = "task.retry"
        case extendPick = "loan.extend.pick"
        case extendLoan = "loan.extend"
        case returnPick = "loan.return.pick"
        case returnLoan = "loan.return"
        case activeLoansPage = "loans.page"
        case askReturn = "loan.return.ask"
        case withdrawPick = "req.withdraw.pick"
        case askWithdraw = "req.withdraw.ask"
        case withdrawRequest = "req.withdraw"
        case boardRequest = "board.request"
        case boardMine = "board.mine"
        case boardReview = "board.review"
        case checkoutTypePick = "checkout.type"
        case checkoutTypedForm = "checkout.typed"
        case createLoan = "loan.create"
        case addPanelUser = "wf.users.add"

        /// Whether the id names a modal (answered by a `ModalHandler`) rather than a button or select.
        public var isModal: Bool {
            switch self {
            case .checkoutForm, .rejectReason, .usernames, .editRequest, .checkoutTypedForm, .createLoan, .addPanelUser: true
            case .approveRequest, .rejectRequest, .moreUsernames, .requestListPage, .retryTask, .extendPick, .extendLoan, .returnPick,
                 .returnLoan, .activeLoansPage, .askReturn, .withdrawPick, .askWithdraw, .withdrawRequest, .boardRequest, .boardMine,
                 .boardReview, .checkoutTypePick: false
            }
        }
    }

    public var kind: Kind {
        switch self {
        case .checkoutForm: .checkoutForm
        case .approveRequest: .approveRequest
        case .rejectRequest: .rejectRequest
        case .rejectReason: .rejectReason
        case .usernames: .usernames
        case .moreUsernames: .moreUsernames
        case .editRequest: .editRequest
        case .requestListPage: .requestListPage
        case .retryTask: .retryTask
        case .extendPick: .extendPick
        case .extendLoan: .extendLoan
        case .returnPick: .returnPick
        case .returnLoan: .returnLoan
        case .activeLoansPage: .activeLoansPage
        case .askReturn: .askReturn
        case .withdrawPick: .withdrawPick
        case .askWithdraw: .askWithdraw
        case .withdrawRequest: .withdrawRequest
        case .boardRequest: .boardRequest
        case .boardMine: .boardMine
        case .boardReview: .boardReview
        case .checkoutTypePick: .checkoutTypePick
        case .checkoutTypedForm: .checkoutTypedForm
        case .createLoan: .createLoan
        case .addPanelUser: .addPanelUser
        }
    }
}

import Foundation
import Lending

/// The one encoder and the one parser of component ids: `<kind>(:<argument>)*`, the kind's
/// prefix (`Kind.rawValue`) and plain numbers, fixed words, server aliases (at most 32 ASCII
/// letters, digits, `-` and `_`, `ServerAlias`) or server types (`ServerType`, short lowercase
/// words), joined by `:`.
///
/// Discord caps a custom_id at 100 characters. Every argument is a bounded number or a fixed word,
/// so the longest id the grammar can produce is known (`ComponentRouteTests` encodes each case at
/// its extremes and checks the limit): encoding cannot fail and needs no check at run time. The
/// parser is strict so that every id it accepts encodes back to the same text: numbers are plain
/// decimals without sign or leading zeros, and each kind takes exactly its arguments.
extension ComponentRoute {
    /// Discord's limit on a custom_id.
    public static let maxLength = 100

    /// The custom_id to send.
    public var customID: String {
        ([kind.rawValue] + arguments).joined(separator: ":")
    }

    private var arguments: [String] {
        switch self {
        case .checkoutForm, .extendPick, .returnPick, .withdrawPick, .boardRequest, .boardMine, .boardReview, .checkoutTypePick:
            []
        case .checkoutTypedForm(let serverType):
            [serverType]
        case .approveRequest(let id), .rejectRequest(let id), .rejectReason(let id), .usernames(let id), .moreUsernames(let id),
             .editRequest(let id), .returnLoan(let id), .askReturn(let id), .askWithdraw(let id), .withdrawRequest(let id):
            [String(id)]
        case .retryTask(let taskId):
            [String(taskId)]
        case .requestListPage(let status, .after(let id)):
            [status.rawValue, Grammar.after, String(id)]
        case .requestListPage(let status, .before(let id)):
            [status.rawValue, Grammar.before, String(id)]
        case .extendLoan(let id, let seenEndDate):
            [String(id), String(LoanText.millis(seenEndDate))]
        case .activeLoansPage(let page):
            [String(page)]
        case .createLoan(let alias):
            alias.map { [$0] } ?? []
        case .addPanelUser(let id, let member, let removing):
            [String(id), String(member)] + (removing.map { [String($0)] } ?? [])
        }
    }

    /// The route a custom_id names, or nil for anything this release does not send: an unknown
    /// kind, a missing, extra or malformed argument, or more than `maxLength` characters.
    public init?(customID: String) {
        guard !customID.isEmpty, customID.count <= Self.maxLength else { return nil }
        let parts = customID.split(separator: ":", omittingEmptySubsequences: false)
        guard let prefix = parts.first, let kind = Kind(rawValue: String(prefix)) else { return nil }
        let arguments = Array(parts.dropFirst())
        guard let route = Self.route(kind, arguments) else { return nil }
        self = route
    }

    private static func route(_ kind: Kind, _ arguments: [Substring]) -> ComponentRoute? {
        /// The single argument of an id that names one object, as a positive id.
        var onlyID: Int? { arguments.count == 1 ? Grammar.positive(arguments[0]) : nil }
        switch kind {
        case .checkoutForm: return arguments.isEmpty ? .checkoutForm : nil
        case .extendPick: return arguments.isEmpty ? .extendPick : nil
        case .returnPick: return arguments.isEmpty ? .returnPick : nil
        case .withdrawPick: return arguments.isEmpty ? .withdrawPick : nil
        case .boardRequest: return arguments.isEmpty ? .boardRequest : nil
        case .boardMine: return arguments.isEmpty ? .boardMine : nil
        case .boardReview: return arguments.isEmpty ? .boardReview : nil
        case .checkoutTypePick: return arguments.isEmpty ? .checkoutTypePick : nil
        case .checkoutTypedForm:
            // Only the stored form of a type: it encodes back to the same text, and a word of at
            // most `ServerType.maxLength` keeps the id within the limit.
            guard arguments.count == 1, ServerType.isValid(String(arguments[0])) else { return nil }
            return .checkoutTypedForm(serverType: String(arguments[0]))
        case .askReturn: return onlyID.map { .askReturn(workflowId: $0) }
        case .askWithdraw: return onlyID.map { .askWithdraw(workflowId: $0) }
        case .withdrawRequest: return onlyID.map { .withdrawRequest(workflowId: $0) }
        case .approveRequest: return onlyID.map { .approveRequest(workflowId: $0) }
        case .rejectRequest: return onlyID.map { .rejectRequest(workflowId: $0) }
        case .rejectReason: return onlyID.map { .rejectReason(workflowId: $0) }
        case .usernames: return onlyID.map { .usernames(workflowId: $0) }
        case .moreUsernames: return onlyID.map { .moreUsernames(workflowId: $0) }
        case .editRequest: return onlyID.map { .editRequest(workflowId: $0) }
        case .returnLoan: return onlyID.map { .returnLoan(workflowId: $0) }
        case .retryTask: return onlyID.map { .retryTask(taskId: $0) }
        case .activeLoansPage:
            guard arguments.count == 1, let page = Grammar.natural(arguments[0]) else { return nil }
            return .activeLoansPage(page)
        case .requestListPage:
            guard arguments.count == 3, let status = WorkflowStatus(rawValue: String(arguments[0])),
                  let id = Grammar.positive(arguments[2]) else { return nil }
            switch arguments[1] {
            case Grammar.after: return .requestListPage(status: status, cursor: .after(id))
            case Grammar.before: return .requestListPage(status: status, cursor: .before(id))
            default: return nil
            }
        case .addPanelUser:
            guard (2...3).contains(arguments.count), let id = Grammar.positive(arguments[0]), let member = Grammar.positive(arguments[1]) else { return nil }
            if arguments.count == 2 { return .addPanelUser(workflowId: id, member: member, removing: nil) }
            return Grammar.positive(arguments[2]).map { .addPanelUser(workflowId: id, member: member, removing: $0) }
        case .createLoan:
            if arguments.isEmpty { return .createLoan(serverAlias: nil) }
            guard arguments.count == 1, ServerAlias.isValid(String(arguments[0])) else { return nil }
            return .createLoan(serverAlias: String(arguments[0]))
        case .extendLoan:
            guard arguments.count == 2, let id = Grammar.positive(arguments[0]), let millis = Grammar.millis(arguments[1]) else { return nil }
            return .extendLoan(workflowId: id, seenEndDate: LoanText.date(millis: millis))
        }
    }
}

/// The words and numbers of the grammar.
private enum Grammar {
    /// The cursor words of `wf.list`.
    static let after = "a"
    static let before = "b"
    /// Epoch milliseconds within ±2^53 are exact as a `Date` (a double), so they read back to the
    /// same number; that is some 285,000 years either side of 1970.
    static let millisBound: Int64 = 1 << 53

    /// A plain decimal ≥ 0: ASCII digits, no sign, no leading zero (but `0` itself).
    static func natural(_ text: Substring) -> Int? {
        guard let first = text.first, text.utf8.allSatisfy({ (UInt8(ascii: "0")...UInt8(ascii: "9")).contains($0) }),
              first != "0" || text.count == 1 else { return nil }
        return Int(text)
    }

    /// A plain decimal > 0: what ids of rows are.
    static func positive(_ text: Substring) -> Int? {
        natural(text).flatMap { $0 > 0 ? $0 : nil }
    }

    /// Epoch milliseconds: a plain decimal, negative with a leading `-`, within `millisBound`.
    static func millis(_ text: Substring) -> Int64? {
        let negative = text.first == "-"
        guard let magnitude = negative ? positive(text.dropFirst()) : natural(text), Int64(magnitude) <= millisBound else { return nil }
        return negative ? -Int64(magnitude) : Int64(magnitude)
    }
}

import Foundation
import Lending
import LendingBot
import Testing

@Suite("Component routes")
struct ComponentRouteTests {
    /// 2027-01-15T08:00:00Z, a whole number of milliseconds as every end date the bot stores.
    static let endDate = Date(timeIntervalSince1970: 1_800_000_000)

    /// One example of every case: `example(of:)` switches over the kinds, so a new case does not
    /// compile until it has an example, a pinned wire form and a round trip here.
    static var everyExample: [ComponentRoute] {
        ComponentRoute.Kind.allCases.map(example(of:))
    }

    static func example(of kind: ComponentRoute.Kind) -> ComponentRoute {
        switch kind {
        case .checkoutForm: .checkoutForm
        case .approveRequest: .approveRequest(workflowId: 42)
        case .rejectRequest: .rejectRequest(workflowId: 42)
        case .rejectReason: .rejectReason(workflowId: 42)
        case .usernames: .usernames(workflowId: 42)
        case .moreUsernames: .moreUsernames(workflowId: 42)
        case .editRequest: .editRequest(workflowId: 42)
        case .requestListPage: .requestListPage(status: .returned, cursor: .before(17))
        case .retryTask: .retryTask(taskId: 12)
        case .extendPick: .extendPick
        case .extendLoan: .extendLoan(workflowId: 7, seenEndDate: endDate)
        case .returnPick: .returnPick
        case .returnLoan: .returnLoan(workflowId: 7)
        case .activeLoansPage: .activeLoansPage(0)
        case .askReturn: .askReturn(workflowId: 7)
        case .withdrawPick: .withdrawPick
        case .askWithdraw: .askWithdraw(workflowId: 42)
        case .withdrawRequest: .withdrawRequest(workflowId: 42)
        case .boardRequest: .boardRequest
        case .boardMine: .boardMine
        case .boardReview: .boardReview
        case .checkoutTypePick: .checkoutTypePick
        case .checkoutTypedForm: .checkoutTypedForm(serverType: "fabric")
        case .createLoan: .createLoan(serverAlias: "server01")
        case .addPanelUser: .addPanelUser(workflowId: 42, member: 1_500_000_000_000_000_003, removing: 1_500_000_000_000_000_002)
        }
    }

    /// Each case with the largest arguments it can carry: the longest ids the grammar makes.
    static func longest(of kind: ComponentRoute.Kind) -> ComponentRoute {
        let seenMost = Date(timeIntervalSince1970: -Double(1 << 53) / 1000)
        return switch kind {
        case .checkoutForm: .checkoutForm
        case .approveRequest: .approveRequest(workflowId: .max)
        case .rejectRequest: .rejectRequest(workflowId: .max)
        case .rejectReason: .rejectReason(workflowId: .max)
        case .usernames: .usernames(workflowId: .max)
        case .moreUsernames: .moreUsernames(workflowId: .max)
        case .editRequest: .editRequest(workflowId: .max)
        case .requestListPage: .requestListPage(status: .returned, cursor: .before(.max))
        case .retryTask: .retryTask(taskId: .max)
        case .extendPick: .extendPick
        case .extendLoan: .extendLoan(workflowId: .max, seenEndDate: seenMost)
        case .returnPick: .returnPick
        case .returnLoan: .returnLoan(workflowId: .max)
        case .activeLoansPage: .activeLoansPage(.max)
        case .askReturn: .askReturn(workflowId: .max)
        case .withdrawPick: .withdrawPick
        case .askWithdraw: .askWithdraw(workflowId: .max)
        case .withdrawRequest: .withdrawRequest(workflowId: .max)
        case .boardRequest: .boardRequest
        case .boardMine: .boardMine
        case .boardReview: .boardReview
        case .checkoutTypePick: .checkoutTypePick
        case .checkoutTypedForm: .checkoutTypedForm(serverType: String(repeating: "z", count: ServerType.maxLength))
        case .createLoan: .createLoan(serverAlias: String(repeating: "x", count: 32))
        case .addPanelUser: .addPanelUser(workflowId: .max, member: .max, removing: .max)
        }
    }

    /// What this release writes, exactly as the releases before it did: buttons already posted in
    /// Discord must keep working after an upgrade, so these strings never change.
    static let wireForms: [(ComponentRoute, String)] = [
        (.checkoutForm, "checkout"),
        (.approveRequest(workflowId: 42), "wf.approve:42"),
        (.rejectRequest(workflowId: 42), "wf.reject:42"),
        (.rejectReason(workflowId: 42), "wf.reject.reason:42"),
        (.usernames(workflowId: 42), "wf.names:42"),
        (.moreUsernames(workflowId: 42), "wf.names.more:42"),
        (.editRequest(workflowId: 42), "wf.edit:42"),
        (.requestListPage(status: .returned, cursor: .before(17)), "wf.list:RETURNED:b:17"),
        (.requestListPage(status: .pending, cursor: .after(3)), "wf.list:PENDING:a:3"),
        (.retryTask(taskId: 12), "task.retry:12"),
        (.extendPick, "loan.extend.pick"),
        (.extendLoan(workflowId: 7, seenEndDate: endDate), "loan.extend:7:1800000000000"),
        (.returnPick, "loan.return.pick"),
        (.returnLoan(workflowId: 7), "loan.return:7"),
        (.activeLoansPage(0), "loans.page:0"),
        (.activeLoansPage(2), "loans.page:2"),
        (.askReturn(workflowId: 7), "loan.return.ask:7"),
        (.withdrawPick, "req.withdraw.pick"),
        (.askWithdraw(workflowId: 42), "req.withdraw.ask:42"),
        (.withdrawRequest(workflowId: 42), "req.withdraw:42"),
        (.boardRequest, "board.request"),
        (.boardMine, "board.mine"),
        (.boardReview, "board.review"),
        (.checkoutTypePick, "checkout.type"),
        (.checkoutTypedForm(serverType: "fabric"), "checkout.typed:fabric"),
        (.checkoutTypedForm(serverType: "forge-1_20"), "checkout.typed:forge-1_20"),
        (.createLoan(serverAlias: nil), "loan.create"),
        (.createLoan(serverAlias: "server01"), "loan.create:server01"),
        (.addPanelUser(workflowId: 7, member: 1_500_000_000_000_000_003, removing: nil), "wf.users.add:7:1500000000000000003"),
        (.addPanelUser(workflowId: 7, member: 1_500_000_000_000_000_003, removing: 1_500_000_000_000_000_002),
         "wf.users.add:7:1500000000000000003:1500000000000000002"),
    ]

    @Test("every case encodes to an id that parses back to it", arguments: everyExample)
    func roundTrip(_ route: ComponentRoute) {
        #expect(ComponentRoute(customID: route.customID) == route, "\(route.customID)")
        #expect(route.customID.hasPrefix(route.kind.rawValue))
    }

    @Test("the wire forms of the releases before are pinned, both ways")
    func wireFormsArePinned() {
        for (route, text) in Self.wireForms {
            #expect(route.customID == text)
            #expect(ComponentRoute(customID: text) == route, "\(text)")
        }
        let pinnedKinds = Set(Self.wireForms.map(\.0.kind))
        #expect(pinnedKinds == Set(ComponentRoute.Kind.allCases), "every kind has a pinned wire form")
    }

    @Test("no kind's prefix is another's, and none holds the separator")
    func prefixes() {
        let prefixes = ComponentRoute.Kind.allCases.map(\.rawValue)
        #expect(Set(prefixes).count == prefixes.count)
        #expect(prefixes.allSatisfy { !$0.isEmpty && !$0.contains(":") })
    }

    @Test("the longest id of every case fits Discord's 100 characters", arguments: ComponentRoute.Kind.allCases)
    func longestFits(_ kind: ComponentRoute.Kind) {
        let route = Self.longest(of: kind)
        #expect(ComponentRoute.maxLength == 100)
        #expect(route.customID.count <= ComponentRoute.maxLength, "\(route.customID)")
        #expect(ComponentRoute(customID: route.customID) == route, "\(route.customID)")
    }

    @Test("an id over 100 characters is refused, whatever it starts with")
    func overTheLimit() {
        #expect(ComponentRoute(customID: "wf.approve:" + String(repeating: "9", count: 90)) == nil)
        #expect(ComponentRoute(customID: "checkout" + String(repeating: ":", count: 93)) == nil)
        #expect(ComponentRoute(customID: String(repeating: "a", count: 101)) == nil)
    }

    @Test("malformed ids parse to nil", arguments: [
        "", ":", "checkout:", "checkout:1", "unknown:1", "wf.approve", "wf.approve:", "wf.approve:0", "wf.approve:-3", "wf.approve:+3",
        "wf.approve:007", "wf.approve:1.5", "wf.approve:x", "wf.approve:1:2", "wf.approve:99999999999999999999", "wf.approve:٣",
        "WF.APPROVE:1", " wf.approve:1", "task.retry:0", "loan.return:7:", "loan.extend.pick:1", "loan.return.pick:1", "req.withdraw.pick:1", "req.withdraw:0", "req.withdraw.ask:x", "loan.return.ask:",
        "loan.extend:7", "loan.extend:7:", "loan.extend:7:x", "loan.extend:7:1800000000000:1", "loan.extend:0:1800000000000",
        "loan.extend:7:-0", "loan.extend:7:09", "loan.extend:7:9007199254740993", "loans.page", "loans.page:-1", "loans.page:01",
        "loans.page:1:2", "wf.list:RETURNED:b", "wf.list:returned:b:1", "wf.list:LOST:a:1", "wf.list:ACTIVE:c:1",
        "wf.list:ACTIVE:a:0", "wf.list:ACTIVE:a:1:2", "wf.names.more:1:2", "wf.reject.reason:abc",
        "checkout.type:paper", "checkout.typed", "checkout.typed:", "checkout.typed:Paper", "checkout.typed:-paper", "checkout.typed:pa per",
        "checkout.typed:paper:1", "checkout.typed:zzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzz",
        "loan.create:", "loan.create:a b", "loan.create:server01:1", "loan.create:xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx",
        "wf.users.add:7", "wf.users.add:7:0", "wf.users.add:7:1:2:3", "wf.users.add:x:1",
    ])
    func malformed(_ text: String) {
        #expect(ComponentRoute(customID: text) == nil)
    }

    @Test("end dates in epoch milliseconds read back to the same id, before 1970 too")
    func millisecondDates() {
        let early = ComponentRoute.extendLoan(workflowId: 1, seenEndDate: Date(timeIntervalSince1970: -86_400.5))
        #expect(early.customID == "loan.extend:1:-86400500")
        #expect(ComponentRoute(customID: early.customID) == early)
        #expect(ComponentRoute(customID: "loan.extend:1:0") == .extendLoan(workflowId: 1, seenEndDate: Date(timeIntervalSince1970: 0)))
    }

    @Test("the handler registry answers every kind, modals in the modal table and the rest in the component table")
    func everyKindHasAHandler() {
        let registry = HandlerRegistry.all()
        for kind in ComponentRoute.Kind.allCases {
            if kind.isModal {
                #expect(registry.modals[kind] != nil && registry.components[kind] == nil, "\(kind)")
            } else {
                #expect(registry.components[kind] != nil && registry.modals[kind] == nil, "\(kind)")
            }
        }
    }
}

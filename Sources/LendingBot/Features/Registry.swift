extension SlashCommand {
    /// Every subcommand, in the order Discord shows them; `/mcserver-admin`'s groups come in the
    /// order of their first subcommand here. A new command is defined beside its handler and
    /// added here, and nowhere else.
    static var all: [SlashCommand] {
        [
            // Members: a request, their password, their own requests and loans, and help.
            .checkout, .resetPassword, .extendOwn, .returnOwn, .withdrawOwn, .mine, .whitelist, .help,
            // Moderators: requests, loans, the server pool, servers and archives.
            .workflowList, .workflowApprove, .workflowReject, .workflowEdit,
            .checkoutList, .checkoutExtend, .checkoutReturn, .checkoutCreate,
            .bindingList, .bindingSet, .bindingUnset,
            .serverStatus, .serverPower, .serverBackup,
            .archiveList, .archiveGet,
        ]
    }
}

/// Every handler, by the key the router looks it up under: the commands from `SlashCommand.all`,
/// the buttons, selects and modals by the kind of their `ComponentRoute`.
extension HandlerRegistry {
    public static func all() -> HandlerRegistry {
        var registry = HandlerRegistry()
        for command in SlashCommand.all {
            registry.commands[command.path] = command.handler
            registry.autocompletes[command.path] = command.autocomplete
        }
        registry.modals[.checkoutForm] = CheckoutSubmit()
        registry.modals[.checkoutTypedForm] = CheckoutSubmit()
        registry.components[.checkoutTypePick] = CheckoutTypePick()
        // Moderators: requests.
        registry.components[.requestListPage] = WorkflowListPageButton()
        registry.components[.approveRequest] = ApproveButton()
        registry.components[.rejectRequest] = RejectButton()
        registry.components[.moreUsernames] = UsernamesContinueButton()
        registry.components[.retryTask] = TaskRetryButton()
        registry.modals[.usernames] = UsernamesSubmit()
        registry.modals[.rejectReason] = RejectReasonSubmit()
        registry.modals[.editRequest] = EditSubmit()
        registry.modals[.createLoan] = CheckoutCreateSubmit()
        registry.modals[.addPanelUser] = PanelUserUsernameSubmit()
        // Members: their own loans.
        registry.components[.extendPick] = ExtendPick()
        registry.components[.extendLoan] = ExtendButton()
        registry.components[.returnPick] = ReturnPick()
        registry.components[.returnLoan] = ReturnButton()
        registry.components[.askReturn] = ReturnAsk()
        registry.components[.withdrawPick] = WithdrawAsk()
        registry.components[.askWithdraw] = WithdrawAsk()
        registry.components[.withdrawRequest] = WithdrawButton()
        // Moderators: loans.
        registry.components[.activeLoansPage] = CheckoutListPageButton()
        // The live board's buttons.
        registry.components[.boardRequest] = BoardRequestButton()
        registry.components[.boardMine] = BoardMineButton()
        registry.components[.boardReview] = BoardReviewButton()
        return registry
    }
}

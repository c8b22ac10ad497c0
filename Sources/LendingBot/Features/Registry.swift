/// Every handler, by the key the router looks it up under. Each feature adds its own lines.
extension HandlerRegistry {
    public static func all() -> HandlerRegistry {
        var registry = HandlerRegistry()
        registry.commands["\(CommandNames.member) checkout"] = CheckoutCommand()
        registry.modals[.checkoutForm] = CheckoutSubmit()
        // Moderators: requests.
        registry.commands[WorkflowCommands.path("list")] = WorkflowListCommand()
        registry.commands[WorkflowCommands.path("approve")] = WorkflowApproveCommand()
        registry.commands[WorkflowCommands.path("reject")] = WorkflowRejectCommand()
        registry.commands[WorkflowCommands.path("edit")] = WorkflowEditCommand()
        registry.autocompletes[WorkflowCommands.path("approve")] = WorkflowAutocomplete.pending
        registry.autocompletes[WorkflowCommands.path("reject")] = WorkflowAutocomplete.pending
        registry.autocompletes[WorkflowCommands.path("edit")] = WorkflowAutocomplete.pendingOrActive
        registry.components[.requestListPage] = WorkflowListPageButton()
        registry.components[.approveRequest] = ApproveButton()
        registry.components[.rejectRequest] = RejectButton()
        registry.components[.moreUsernames] = UsernamesContinueButton()
        registry.components[.retryTask] = TaskRetryButton()
        registry.modals[.usernames] = UsernamesSubmit()
        registry.modals[.rejectReason] = RejectReasonSubmit()
        registry.modals[.editRequest] = EditSubmit()
        // Members: their password and their own loans.
        registry.commands["\(CommandNames.member) reset-password"] = ResetPasswordCommand()
        registry.commands["\(CommandNames.member) extend"] = ExtendCommand()
        registry.commands["\(CommandNames.member) return"] = ReturnCommand()
        registry.autocompletes["\(CommandNames.member) extend"] = OwnLoanAutocomplete()
        registry.autocompletes["\(CommandNames.member) return"] = OwnLoanAutocomplete()
        registry.components[.extendPick] = ExtendPick()
        registry.components[.extendLoan] = ExtendButton()
        registry.components[.returnPick] = ReturnPick()
        registry.components[.returnLoan] = ReturnButton()
        // Moderators: loans, the server pool and server status.
        registry.commands["\(CommandNames.admin) checkout list"] = CheckoutListCommand()
        registry.commands["\(CommandNames.admin) checkout extend"] = CheckoutExtendCommand()
        registry.commands["\(CommandNames.admin) checkout return"] = CheckoutReturnCommand()
        registry.autocompletes["\(CommandNames.admin) checkout extend"] = ActiveLoanAutocomplete()
        registry.autocompletes["\(CommandNames.admin) checkout return"] = ActiveLoanAutocomplete()
        registry.components[.activeLoansPage] = CheckoutListPageButton()
        registry.commands["\(CommandNames.admin) server-binding list"] = BindingListCommand()
        registry.commands["\(CommandNames.admin) server-binding set"] = BindingSetCommand()
        registry.commands["\(CommandNames.admin) server-binding unset"] = BindingUnsetCommand()
        registry.autocompletes["\(CommandNames.admin) server-binding unset"] = ServerAliasAutocomplete()
        registry.commands["\(CommandNames.admin) server status"] = ServerStatusCommand()
        registry.autocompletes["\(CommandNames.admin) server status"] = ServerAliasAutocomplete()
        return registry
    }
}

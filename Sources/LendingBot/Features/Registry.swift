/// Every handler, by the key the router looks it up under. Each feature adds its own lines.
extension HandlerRegistry {
    public static func all() -> HandlerRegistry {
        var registry = HandlerRegistry()
        registry.commands["\(CommandNames.member) checkout"] = CheckoutCommand()
        registry.modals[CheckoutForm.action] = CheckoutSubmit()
        // Moderators: requests.
        registry.commands[WorkflowCommands.path("list")] = WorkflowListCommand()
        registry.commands[WorkflowCommands.path("approve")] = WorkflowApproveCommand()
        registry.commands[WorkflowCommands.path("reject")] = WorkflowRejectCommand()
        registry.commands[WorkflowCommands.path("edit")] = WorkflowEditCommand()
        registry.autocompletes[WorkflowCommands.path("approve")] = WorkflowAutocomplete.pending
        registry.autocompletes[WorkflowCommands.path("reject")] = WorkflowAutocomplete.pending
        registry.autocompletes[WorkflowCommands.path("edit")] = WorkflowAutocomplete.pendingOrActive
        registry.components[WorkflowListPage.action] = WorkflowListPageButton()
        registry.components[ModeratorNotices.approveAction] = ApproveButton()
        registry.components[ModeratorNotices.rejectAction] = RejectButton()
        registry.components[UsernamesContinueButton.action] = UsernamesContinueButton()
        registry.components[TaskRetryButton.action] = TaskRetryButton()
        registry.modals[UsernamesSubmit.action] = UsernamesSubmit()
        registry.modals[RejectReasonSubmit.action] = RejectReasonSubmit()
        registry.modals[EditSubmit.action] = EditSubmit()
        // Members: their password and their own loans.
        registry.commands["\(CommandNames.member) reset-password"] = ResetPasswordCommand()
        registry.commands["\(CommandNames.member) extend"] = ExtendCommand()
        registry.commands["\(CommandNames.member) return"] = ReturnCommand()
        registry.autocompletes["\(CommandNames.member) extend"] = OwnLoanAutocomplete()
        registry.autocompletes["\(CommandNames.member) return"] = OwnLoanAutocomplete()
        registry.components[ExtendCommand.pickAction] = ExtendPick()
        registry.components[ExtendButton.action] = ExtendButton()
        registry.components[ReturnCommand.pickAction] = ReturnPick()
        registry.components[ReturnButton.action] = ReturnButton()
        // Moderators: loans, the server pool and server status.
        registry.commands["\(CommandNames.admin) checkout list"] = CheckoutListCommand()
        registry.commands["\(CommandNames.admin) checkout extend"] = CheckoutExtendCommand()
        registry.commands["\(CommandNames.admin) checkout return"] = CheckoutReturnCommand()
        registry.autocompletes["\(CommandNames.admin) checkout extend"] = ActiveLoanAutocomplete()
        registry.autocompletes["\(CommandNames.admin) checkout return"] = ActiveLoanAutocomplete()
        registry.components[ActiveLoansPage.action] = CheckoutListPageButton()
        registry.commands["\(CommandNames.admin) server-binding list"] = BindingListCommand()
        registry.commands["\(CommandNames.admin) server-binding set"] = BindingSetCommand()
        registry.commands["\(CommandNames.admin) server-binding unset"] = BindingUnsetCommand()
        registry.autocompletes["\(CommandNames.admin) server-binding unset"] = ServerAliasAutocomplete()
        registry.commands["\(CommandNames.admin) server status"] = ServerStatusCommand()
        registry.autocompletes["\(CommandNames.admin) server status"] = ServerAliasAutocomplete()
        return registry
    }
}

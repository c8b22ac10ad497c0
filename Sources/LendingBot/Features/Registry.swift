/// Every handler, by the key the router looks it up under. Each feature adds its own lines.
extension HandlerRegistry {
    public static func all() -> HandlerRegistry {
        var registry = HandlerRegistry()
        registry.commands["\(CommandNames.member) checkout"] = CheckoutCommand()
        registry.modals[CheckoutForm.action] = CheckoutSubmit()
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
        return registry
    }
}

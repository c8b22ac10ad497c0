/// Every handler, by the key the router looks it up under. Each feature adds its own lines.
extension HandlerRegistry {
    public static func all() -> HandlerRegistry {
        var registry = HandlerRegistry()
        registry.commands["\(CommandNames.member) checkout"] = CheckoutCommand()
        registry.modals[CheckoutForm.action] = CheckoutSubmit()
        return registry
    }
}

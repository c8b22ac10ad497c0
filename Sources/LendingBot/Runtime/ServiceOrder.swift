public import ServiceLifecycle

/// The order the bot's long-running parts run in. `ServiceGroup` starts them in this order and,
/// on graceful shutdown, stops them in reverse: the gateway first (no new interaction, those in
/// flight finish), then the scheduler, then the task runner (its current task gets the grace),
/// the health server last.
public enum ServiceOrder {
    /// The group's services, health server (when there is one) to gateway. A service that throws
    /// cancels the group and its error is the group's; the gateway ending by itself shuts the
    /// others down gracefully.
    public static func ordered(health: (any Service)?, taskRunner: any Service, scheduler: any Service,
                               gateway: any Service) -> [ServiceGroupConfiguration.ServiceConfiguration] {
        var services: [ServiceGroupConfiguration.ServiceConfiguration] = []
        if let health {
            services.append(.init(service: health))
        }
        services.append(.init(service: taskRunner))
        services.append(.init(service: scheduler))
        services.append(.init(service: gateway, successTerminationBehavior: .gracefullyShutdownGroup))
        return services
    }
}

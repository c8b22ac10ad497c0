public import Lending

extension BotConfiguration {
    /// The lending rules this configuration sets, with the sub-user permissions of a loan.
    public func lendingPolicy(subuserPermissions: [String]) -> LendingPolicy {
        LendingPolicy(timeZone: timeZone, maxPeriodDays: checkoutMaxPeriodDays, extendDays: checkoutExtendDays, reminderDays: reminderDays,
                      expiryAction: expiryAction, panelEmailDomain: panelEmailDomain, keepSubuserEmails: panelKeepSubusers,
                      subuserPermissions: subuserPermissions, resetMode: resetMode, maxOpenRequests: checkoutMaxOpenRequests)
    }
}

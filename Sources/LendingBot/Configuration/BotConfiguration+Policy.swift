public import Lending
public import LendingAdapters

extension BotConfiguration {
    /// The lending rules this configuration sets, with the sub-user permissions of a loan.
    public func lendingPolicy(subuserPermissions: [String]) -> LendingPolicy {
        LendingPolicy(timeZone: timeZone, maxPeriodDays: checkoutMaxPeriodDays, extendDays: checkoutExtendDays, extendLimit: checkoutExtendLimit,
                      reminderDays: reminderDays,
                      expiryAction: expiryAction, panelEmailDomain: panelEmailDomain, keepSubuserEmails: panelKeepSubusers,
                      subuserPermissions: subuserPermissions, resetMode: resetMode,
                      versionVariables: panelVersionVariable.map { [$0] } ?? LendingPolicy.stockVersionVariables,
                      startOnApproval: startOnApproval, maxOpenRequests: checkoutMaxOpenRequests)
    }

    /// How long the panel adapter waits for an install (`PANEL_INSTALL_TIMEOUT_SECONDS`).
    public var panelTimeouts: PterodactylLendingPanel.Timeouts {
        var timeouts = PterodactylLendingPanel.Timeouts()
        timeouts.install = .seconds(panelInstallTimeoutSeconds)
        return timeouts
    }
}

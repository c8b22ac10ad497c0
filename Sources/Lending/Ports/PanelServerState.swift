/// A server as `/mcserver-admin server status` shows it: its power state and usage from the
/// panel's `/resources` (cached by the panel for about 20 seconds, docs/PANEL-API.md §3.4) and its
/// limits and address from its details.
public struct PanelServerState: Sendable, Equatable {
    /// The panel's power state word: `offline`, `starting`, `running` or `stopping`.
    public var power: String
    public var isRunning: Bool
    /// Suspended by the panel (in its resources or its details).
    public var isSuspended: Bool
    public var isInstalling: Bool
    public var cpuPercent: Double
    public var memoryBytes: Int64
    public var diskBytes: Int64
    public var uptimeMilliseconds: Int64
    /// The server's limits as the panel stores them (percent of a core, MiB, MiB; 0 is
    /// unlimited); nil when the panel did not say.
    public var limits: Limits?
    /// Where players connect, `host:port`, or nil when the server has no default allocation.
    public var connectionAddress: String?

    public struct Limits: Sendable, Equatable {
        public var cpu: Int
        public var memoryMiB: Int
        public var diskMiB: Int

        public init(cpu: Int, memoryMiB: Int, diskMiB: Int) {
            self.cpu = cpu
            self.memoryMiB = memoryMiB
            self.diskMiB = diskMiB
        }
    }

    public init(power: String, isRunning: Bool, isSuspended: Bool, isInstalling: Bool, cpuPercent: Double, memoryBytes: Int64,
                diskBytes: Int64, uptimeMilliseconds: Int64, limits: Limits?, connectionAddress: String?) {
        self.power = power
        self.isRunning = isRunning
        self.isSuspended = isSuspended
        self.isInstalling = isInstalling
        self.cpuPercent = cpuPercent
        self.memoryBytes = memoryBytes
        self.diskBytes = diskBytes
        self.uptimeMilliseconds = uptimeMilliseconds
        self.limits = limits
        self.connectionAddress = connectionAddress
    }
}

public import Foundation
public import Postgres

/// One row of `"Workflow"`: a lending request and, once approved, its loan.
public struct WorkflowRecord: RowDecodable, Equatable {
    public let id: Int
    public var applicantDiscordId: String
    public var description: String
    public var mcVersion: String
    public var periodDays: Int
    public var organizerDiscordId: String
    public var status: WorkflowStatus
    public var pteroServerId: String?
    public var startDate: Date?
    public var endDate: Date?
    /// The kind of server asked for (`ServerType`); nil for the requests filed before servers had
    /// types, which any server may take.
    public var serverType: String?
    public let createdAt: Date
    public let updatedAt: Date

    static let columns = """
        "id", "applicantDiscordId", "description", "mcVersion", "periodDays", "organizerDiscordId", "status",
        "pteroServerId", "startDate", "endDate", "serverType", "createdAt", "updatedAt"
        """

    public init(row: Row) throws(PostgresError) {
        id = try row.decode("id")
        applicantDiscordId = try row.decode("applicantDiscordId")
        description = try row.decode("description")
        mcVersion = try row.decode("mcVersion")
        periodDays = try row.decode("periodDays")
        organizerDiscordId = try row.decode("organizerDiscordId")
        status = try row.decode("status")
        pteroServerId = try row.decode("pteroServerId")
        startDate = try row.decode("startDate")
        endDate = try row.decode("endDate")
        serverType = try row.decode("serverType")
        createdAt = try row.decode("createdAt")
        updatedAt = try row.decode("updatedAt")
    }
}

/// What a member's request holds before it has a row.
public struct NewWorkflow: Sendable, Equatable {
    public var applicantDiscordId: String
    public var description: String
    public var mcVersion: String
    public var periodDays: Int
    public var organizerDiscordId: String
    /// The kind of server asked for; nil when the member was not asked, which is allowed only
    /// while the pool has at most one type (`WorkflowService.file` stores that one).
    public var serverType: String?

    public init(applicantDiscordId: String, description: String, mcVersion: String, periodDays: Int, organizerDiscordId: String,
                serverType: String? = nil) {
        self.applicantDiscordId = applicantDiscordId
        self.description = description
        self.mcVersion = mcVersion
        self.periodDays = periodDays
        self.organizerDiscordId = organizerDiscordId
        self.serverType = serverType
    }
}

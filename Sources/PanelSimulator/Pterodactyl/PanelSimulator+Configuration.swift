public import Foundation

extension PanelSimulator {
    /// What the simulated panel holds before the first request. Every default is a fixed value so
    /// runs repeat; `Configuration()` is one root admin with an application key (r_users and
    /// r_servers read+write) and a client key, and one installed server.
    public struct Configuration: Sendable {
        public var users: [SimulatedPanelUser]
        public var servers: [SimulatedPanelServer]
        public var keys: [SimulatedAPIKey]
        /// `APP_API_APPLICATION_RATELIMIT` and `APP_API_CLIENT_RATELIMIT` (docs/PANEL-API.md §1.5): requests per
        /// one-minute window per account, one bucket per API.
        public var applicationRateLimit: Int
        public var clientRateLimit: Int
        public var rateLimitWindow: Duration
        /// `BACKUP_THROTTLE_LIMIT` per `BACKUP_THROTTLE_PERIOD` per server (docs/PANEL-API.md §3.3).
        public var backupThrottleLimit: Int
        public var backupThrottlePeriod: Duration
        /// How long Wings takes to move a server from starting to running or stopping to offline.
        public var powerTransitionDelay: Duration
        /// When set, backups complete by themselves this long after creation, with `automaticBackupBytes`.
        public var automaticBackupDuration: Duration?
        public var automaticBackupBytes: Int64
        /// Whether those automatic completions succeed; `false` makes Wings fail every backup.
        public var automaticBackupSucceeds: Bool
        /// When set, a reinstall finishes by itself (successfully) this long after it starts.
        public var automaticInstallDuration: Duration?
        /// How long a signed download URL stays valid (Wings: 15 minutes).
        public var downloadURLLifetime: Duration
        /// How long `/resources` answers from its cache (the panel: 20 s, docs/PANEL-API.md §3.4), so a client that
        /// polls for a power state sees the change late, as it would in production.
        public var resourcesCacheDuration: Duration

        public init(
            users: [SimulatedPanelUser] = [SimulatedPanelUser.admin],
            servers: [SimulatedPanelServer] = [SimulatedPanelServer.standard()],
            keys: [SimulatedAPIKey] = [SimulatedAPIKey.application, SimulatedAPIKey.adminClient],
            applicationRateLimit: Int = 240,
            clientRateLimit: Int = 720,
            rateLimitWindow: Duration = .seconds(60),
            backupThrottleLimit: Int = 2,
            backupThrottlePeriod: Duration = .seconds(600),
            powerTransitionDelay: Duration = .seconds(5),
            automaticBackupDuration: Duration? = nil,
            automaticBackupBytes: Int64 = 1_048_576,
            automaticBackupSucceeds: Bool = true,
            automaticInstallDuration: Duration? = nil,
            downloadURLLifetime: Duration = .seconds(900),
            resourcesCacheDuration: Duration = .seconds(20)
        ) {
            self.users = users
            self.servers = servers
            self.keys = keys
            self.applicationRateLimit = applicationRateLimit
            self.clientRateLimit = clientRateLimit
            self.rateLimitWindow = rateLimitWindow
            self.backupThrottleLimit = backupThrottleLimit
            self.backupThrottlePeriod = backupThrottlePeriod
            self.powerTransitionDelay = powerTransitionDelay
            self.automaticBackupDuration = automaticBackupDuration
            self.automaticBackupBytes = automaticBackupBytes
            self.automaticBackupSucceeds = automaticBackupSucceeds
            self.automaticInstallDuration = automaticInstallDuration
            self.downloadURLLifetime = downloadURLLifetime
            self.resourcesCacheDuration = resourcesCacheDuration
        }
    }
}

extension PanelSimulator.Configuration {
    /// The default panel plus `SimulatedPanelUser.member` and its client key
    /// (`SimulatedAPIKey.memberClient`), for what only the owner or a sub-user with the right
    /// permission may do.
    public static var withMember: Self {
        var configuration = Self()
        configuration.users.append(.member)
        configuration.keys.append(.memberClient)
        return configuration
    }
}

/// A panel account.
public struct SimulatedPanelUser: Sendable, Equatable {
    public var id: Int
    public var uuid: String
    public var username: String
    public var email: String
    public var firstName: String
    public var lastName: String
    public var isRootAdmin: Bool
    public var externalID: String?
    /// The last password set through the API, kept in the clear so tests can check a reset.
    public var password: String?
    public var language: String = "en"
    public var createdAt = Date(timeIntervalSince1970: 1_767_225_600)
    public var updatedAt = Date(timeIntervalSince1970: 1_767_225_600)

    public init(id: Int, uuid: String? = nil, username: String, email: String, firstName: String = "Panel", lastName: String = "User",
                isRootAdmin: Bool = false, externalID: String? = nil, password: String? = nil) {
        self.id = id
        self.uuid = uuid ?? SimulatedIDs.uuid(kind: 1, number: id)
        self.username = username
        self.email = email
        self.firstName = firstName
        self.lastName = lastName
        self.isRootAdmin = isRootAdmin
        self.externalID = externalID
        self.password = password
    }

    public static let admin = SimulatedPanelUser(id: 1, username: "admin", email: "admin@kpw.local", firstName: "Panel", lastName: "Admin", isRootAdmin: true)
    /// A plain account, not the server's owner: the caller whose rights a test sets through sub-user
    /// permissions. `Configuration.withMember` adds it with its client key.
    public static let member = SimulatedPanelUser(id: 2, username: "member", email: "member@kpw.local")
}

/// An API key: 48 characters, `ptla_` or `ptlc_` first (docs/PANEL-API.md §1.2).
public struct SimulatedAPIKey: Sendable, Equatable {
    public enum Kind: Sendable, Equatable {
        /// An application key with its `r_*` bits (1 read, 2 write, 3 both), e.g. `["users": 3]`.
        case application(permissions: [String: Int])
        case client
    }

    public var token: String
    public var userID: Int
    public var kind: Kind

    public init(token: String, userID: Int, kind: Kind) {
        self.token = token
        self.userID = userID
        self.kind = kind
    }

    /// A well-formed key: `prefix` + `tag` padded with zeros to 48 characters.
    public static func makeToken(prefix: String, tag: String) -> String {
        prefix + String(repeating: "0", count: max(0, 48 - prefix.count - tag.count)) + tag
    }

    public static let application = SimulatedAPIKey(
        token: makeToken(prefix: "ptla_", tag: "application"), userID: 1, kind: .application(permissions: ["users": 3, "servers": 3, "eggs": 1]))
    public static let adminClient = SimulatedAPIKey(token: makeToken(prefix: "ptlc_", tag: "adminclient"), userID: 1, kind: .client)
    /// `SimulatedPanelUser.member`'s client key.
    public static let memberClient = SimulatedAPIKey(token: makeToken(prefix: "ptlc_", tag: "member"), userID: 2, kind: .client)
}

/// A server with the state the bot touches.
public struct SimulatedPanelServer: Sendable, Equatable {
    public var id: Int
    public var uuid: String
    public var name: String
    public var ownerID: Int
    /// Unique among servers when set; `PATCH .../details` without it sets it to `nil` (docs/PANEL-API.md §2.8).
    public var externalID: String?
    /// Shown in both APIs; `PATCH .../details` without it sets it to `""` (docs/PANEL-API.md §2.8).
    public var description: String
    /// `nil`, `installing`, `install_failed`, `reinstall_failed`, `suspended` or `restoring_backup`.
    public var status: String?
    public var node: String
    public var sftpHost: String
    public var allocations: [SimulatedAllocation]
    /// `feature_limits.backups`: 0 or `nil` disables backups.
    public var backupLimit: Int?
    public var variables: [SimulatedVariable]
    /// Directory (`/`, `/world`) to its entries.
    public var files: [String: [SimulatedFile]]
    public var powerState: String
    public var subusers: [SimulatedSubuser]
    public var backups: [SimulatedBackup]
    /// The image the server runs in; the panel lets a client key pick only one of `eggImages`,
    /// and refuses every change while this one is not among them (an administrator set it).
    public var dockerImage: String
    /// The egg's images by label.
    public var eggImages: [String: String]
    /// The egg the server was made from; its name is what the application API's `include=egg`
    /// shows (docs/PANEL-API.md §2.9).
    public var egg: SimulatedEgg
    /// The Minecraft version the last successful install laid down (the version variable's value
    /// when it ran), nil before the simulator saw one.
    public var installedVersion: String?
    /// Installs started, finished or not: a test counts these to prove no install ran twice.
    public var installsStarted = 0
    /// When set, the running or next install fails (Wings reports the script's failure).
    public var failsNextInstall = false
    /// Schedules made through the client API, with their tasks.
    public var schedules: [SimulatedSchedule]
    /// Every console command the server ran, oldest first.
    public var consoleCommands: [String] = []
    /// The Minecraft server's whitelist as its `whitelist add|remove` console commands leave it,
    /// lowercased (player names are matched without case).
    public var whitelist: Set<String> = []

    public var identifier: String { String(uuid.prefix(8)) }

    public init(id: Int, uuid: String, name: String, ownerID: Int = 1, status: String? = nil, allocations: [SimulatedAllocation],
                backupLimit: Int? = 3, variables: [SimulatedVariable] = SimulatedVariable.paper, files: [String: [SimulatedFile]] = SimulatedFile.minecraft,
                powerState: String = "offline") {
        self.id = id
        self.uuid = uuid
        self.name = name
        self.ownerID = ownerID
        self.externalID = nil
        self.description = ""
        self.status = status
        self.node = "node01"
        self.sftpHost = "node01.kpw.local"
        self.allocations = allocations
        self.backupLimit = backupLimit
        self.variables = variables
        self.files = files
        self.powerState = powerState
        self.subusers = []
        self.backups = []
        self.dockerImage = "ghcr.io/pterodactyl/yolks:java_21"
        self.eggImages = SimulatedPanelServer.javaImages
        self.egg = .paper
        self.installedVersion = nil
        self.schedules = []
    }

    /// The stock Minecraft eggs' images: Java 8 to 25.
    public static let javaImages = Dictionary(uniqueKeysWithValues: [8, 11, 16, 17, 21, 25].map {
        ("Java \($0)", "ghcr.io/pterodactyl/yolks:java_\($0)")
    })

    /// Server 1, identifier `1a2b3c4d`, `0.0.0.0:25565` with alias `mc1.kpw.local`, limit 3 backups.
    public static func standard(id: Int = 1, identifier: String = "1a2b3c4d", name: String = "server01") -> SimulatedPanelServer {
        SimulatedPanelServer(
            id: id, uuid: identifier + "-0000-4000-8000-" + String(format: "%012d", id), name: name,
            allocations: [SimulatedAllocation(id: id * 10, ip: "0.0.0.0", alias: "mc\(id).kpw.local", port: 25564 + id, isDefault: true),
                          SimulatedAllocation(id: id * 10 + 1, ip: "0.0.0.0", alias: nil, port: 25600 + id, isDefault: false)]
        )
    }
}

/// An egg: the panel's template of a kind of server, in a nest (a group of eggs).
public struct SimulatedEgg: Sendable, Equatable {
    public var id: Int
    public var nest: Int
    public var name: String

    public init(id: Int, nest: Int = 1, name: String) {
        self.id = id
        self.nest = nest
        self.name = name
    }

    /// The stock Minecraft eggs a new panel seeds, with the ids it gives them (in the order of its
    /// seed files).
    public static let bungeecord = SimulatedEgg(id: 1, name: "Bungeecord")
    public static let forge = SimulatedEgg(id: 2, name: "Forge Minecraft")
    public static let paper = SimulatedEgg(id: 3, name: "Paper")
    public static let sponge = SimulatedEgg(id: 4, name: "Sponge (SpongeVanilla)")
    public static let vanilla = SimulatedEgg(id: 5, name: "Vanilla Minecraft")
    /// An egg an administrator imported: Fabric is not among the stock ones.
    public static let fabric = SimulatedEgg(id: 16, name: "Fabric")
}

public struct SimulatedAllocation: Sendable, Equatable {
    public var id: Int
    public var ip: String
    public var alias: String?
    public var port: Int
    public var isDefault: Bool

    public init(id: Int, ip: String, alias: String?, port: Int, isDefault: Bool) {
        self.id = id
        self.ip = ip
        self.alias = alias
        self.port = port
        self.isDefault = isDefault
    }
}

public struct SimulatedVariable: Sendable, Equatable {
    public var name: String
    public var envVariable: String
    public var defaultValue: String
    public var serverValue: String?
    public var isUserViewable: Bool
    public var isUserEditable: Bool
    /// A Laravel rule string; the simulator understands `required`, `nullable`, `string`, `max:N`,
    /// `between:A,B` and `alpha_num`.
    public var rules: String

    /// What the server runs with: its own value, else the egg's default.
    public var effectiveValue: String { serverValue ?? defaultValue }

    public init(name: String, envVariable: String, defaultValue: String, serverValue: String? = nil, isUserViewable: Bool = true, isUserEditable: Bool = true, rules: String) {
        self.name = name
        self.envVariable = envVariable
        self.defaultValue = defaultValue
        self.serverValue = serverValue
        self.isUserViewable = isUserViewable
        self.isUserEditable = isUserEditable
        self.rules = rules
    }

    /// The stock Paper egg (docs/PANEL-API.md §3.7): `DL_PATH` is hidden.
    public static let paper = [
        SimulatedVariable(name: "Minecraft Version", envVariable: "MINECRAFT_VERSION", defaultValue: "latest", rules: "nullable|string|max:20"),
        SimulatedVariable(name: "Server Jar File", envVariable: "SERVER_JARFILE", defaultValue: "server.jar", isUserEditable: false, rules: "required|string|max:20"),
        SimulatedVariable(name: "Build Number", envVariable: "BUILD_NUMBER", defaultValue: "latest", rules: "required|string|max:20"),
        SimulatedVariable(name: "Download Path", envVariable: "DL_PATH", defaultValue: "", isUserViewable: false, isUserEditable: false, rules: "nullable|string"),
    ]
}

public struct SimulatedFile: Sendable, Equatable {
    public var name: String
    public var size: Int64
    public var isDirectory: Bool

    public init(name: String, size: Int64 = 0, isDirectory: Bool = false) {
        self.name = name
        self.size = size
        self.isDirectory = isDirectory
    }

    public static let minecraft: [String: [SimulatedFile]] = [
        "/": [SimulatedFile(name: "world", isDirectory: true), SimulatedFile(name: "server.jar", size: 48_000_000),
              SimulatedFile(name: "server.properties", size: 1_200), SimulatedFile(name: "eula.txt", size: 160)],
        "/world": [SimulatedFile(name: "level.dat", size: 4_096)],
    ]
}

public struct SimulatedSubuser: Sendable, Equatable {
    public var userID: Int
    /// Sorted, de-duplicated, with `websocket.connect`.
    public var permissions: [String]
    public var createdAt: Date
}

public struct SimulatedBackup: Sendable, Equatable {
    public var uuid: String
    public var name: String
    public var ignoredFiles: [String]
    public var isLocked: Bool
    public var isSuccessful: Bool
    public var checksum: String?
    public var bytes: Int64
    public var createdAt: Date
    public var completedAt: Date?
    /// Soft-deleted: hidden from the API, still counted by the creation throttle (docs/PANEL-API.md §3.3).
    public var isDeleted: Bool

    public var isRunning: Bool { completedAt == nil }
    public var isFailed: Bool { completedAt != nil && !isSuccessful }
}

/// Deterministic uuids: `kind` separates users, backups and servers.
enum SimulatedIDs {
    static func uuid(kind: Int, number: Int) -> String {
        String(format: "%08x-0000-4000-8%03x-%012x", 0x5000_0000 + kind * 0x0100_0000 + number, kind, number)
    }
}

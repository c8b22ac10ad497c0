// swift-tools-version:6.1
import PackageDescription

let logging: Target.Dependency = .product(name: "Logging", package: "swift-log")
let inMemoryLogging: Target.Dependency = .product(name: "InMemoryLogging", package: "swift-log")
let flyingFox: Target.Dependency = .product(name: "FlyingFox", package: "FlyingFox")
let flyingSocks: Target.Dependency = .product(name: "FlyingSocks", package: "FlyingFox")
let argumentParser: Target.Dependency = .product(name: "ArgumentParser", package: "swift-argument-parser")
let subprocess: Target.Dependency = .product(name: "Subprocess", package: "swift-subprocess")
let systemPackage: Target.Dependency = .product(name: "SystemPackage", package: "swift-system")
let coreMetrics: Target.Dependency = .product(name: "CoreMetrics", package: "swift-metrics")
let prometheus: Target.Dependency = .product(name: "Prometheus", package: "swift-prometheus")
let serviceLifecycle: Target.Dependency = .product(name: "ServiceLifecycle", package: "swift-service-lifecycle")

/// Every Swift target: Swift 6 language mode (from the tools version) plus the upcoming features
/// that make each existential and each re-exported import a visible decision.
let strict: [SwiftSetting] = [
    .enableUpcomingFeature("ExistentialAny"),
    .enableUpcomingFeature("InternalImportsByDefault"),
    .enableUpcomingFeature("MemberImportVisibility"),
]

let package = Package(
    name: "lending-bot",
    platforms: [.macOS(.v15)],
    products: [
        .executable(name: "lending-bot", targets: ["lending-bot"]),
        .executable(name: "lending-sandbox", targets: ["lending-sandbox"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/apple/swift-log", from: "1.16.2"),
        .package(url: "https://github.com/swhitty/FlyingFox", from: "0.27.1"),
        .package(url: "https://github.com/swiftlang/swift-subprocess", from: "1.0.2"),
        .package(url: "https://github.com/apple/swift-system", from: "1.8.1"),
        .package(url: "https://github.com/apple/swift-metrics", from: "2.13.0"),
        .package(url: "https://github.com/swift-server/swift-prometheus", from: "2.4.1"),
        .package(url: "https://github.com/swift-server/swift-service-lifecycle", from: "2.13.0"),
    ],
    targets: [
        // C libraries, reached only from the one Swift file per module that wraps them.
        .systemLibrary(name: "CCurl", pkgConfig: "libcurl", providers: [.apt(["libcurl4-openssl-dev"])]),
        .systemLibrary(name: "CLibPQ", pkgConfig: "libpq", providers: [.apt(["libpq-dev"])]),
        .systemLibrary(name: "CZlib", pkgConfig: "zlib", providers: [.apt(["zlib1g-dev"])]),
        .systemLibrary(name: "CCrypto", pkgConfig: "libcrypto", providers: [.apt(["libssl-dev"])]),
        .target(name: "CCurlShim", dependencies: ["CCurl"]),
        // pipe2 with O_CLOEXEC and closefrom for posix_spawn, GNU extensions Swift's Glibc module leaves out (the tests' child processes).
        .target(name: "CSpawn"),

        .target(name: "Hashing", dependencies: ["CCrypto"], swiftSettings: strict),
        .target(name: "Secrets", swiftSettings: strict),
        // The protocol between the one loop thread (HTTP's) and the connections it serves (the gateway's WebSocket).
        .target(name: "SocketLoop", swiftSettings: strict),
        .target(name: "HTTP", dependencies: ["CCurl", "CCurlShim", "SocketLoop", logging], swiftSettings: strict),
        .target(name: "WebSocket", dependencies: ["CCurl", "CCurlShim", "Hashing", "SocketLoop", logging], swiftSettings: strict),
        .target(name: "Postgres", dependencies: ["CLibPQ", "Hashing", logging], swiftSettings: strict),
        // The one retry policy (exponential backoff with jitter), pure Swift, for every module that retries.
        .target(name: "Backoff", swiftSettings: strict),
        // Small JSON bodies written by hand on the hot path (a JSON string's escaping), pure Swift.
        .target(name: "JSONText", swiftSettings: strict),
        // The one clock (`BotClock`) every module reads and waits on, and the manual and adjustable
        // clocks that tests and the sandbox move; pure Swift.
        .target(name: "Clocks", swiftSettings: strict),
        .target(name: "Discord", dependencies: ["HTTP", "WebSocket", "CZlib", "Secrets", "Backoff", "Clocks", "JSONText", logging], swiftSettings: strict),
        .target(name: "Pterodactyl", dependencies: ["HTTP", "Secrets", "Backoff", "Clocks", logging], swiftSettings: strict),
        // The POSIX file calls the local-directory archive needs, so that no Swift adapter holds C.
        .target(name: "FileSystemCalls", dependencies: [systemPackage], swiftSettings: strict),
        // The domain: the workflow, the tasks, the scheduler, the store, and the ports it reaches the outside through.
        .target(name: "Lending", dependencies: ["Postgres", "Backoff", "Clocks", "Secrets", "JSONText", logging], swiftSettings: strict),
        // Lending's ports on the outside world, Discord excepted: the archive destinations, the
        // Pterodactyl panel and Mojang's version manifest.
        .target(name: "LendingAdapters", dependencies: ["Lending", "Pterodactyl", "HTTP", "Secrets", "FileSystemCalls", subprocess, systemPackage, logging],
                swiftSettings: strict),
        .target(name: "LendingBot", dependencies: ["Lending", "LendingAdapters", "Clocks", "Postgres", "Pterodactyl", "Discord", "HTTP", "WebSocket", "Secrets", "Hashing", flyingFox, flyingSocks,
                                                     logging, coreMetrics, prometheus, serviceLifecycle], swiftSettings: strict),
        // `lending-sandbox`: the real bot against the simulators, with a browser console in front.
        // The console's page is resource files (Console/Page), read through `Bundle.module`.
        .target(name: "Sandbox", dependencies: ["LendingBot", "Lending", "Clocks", "Pterodactyl", "Postgres", "Secrets", "DiscordSimulator", "PanelSimulator", "SimulatorSupport", flyingFox, flyingSocks, logging, serviceLifecycle],
                resources: [.copy("Console/Page")], swiftSettings: strict),
        // Writes the checkout's commit into `BuildInfo` for `--version` (see Plugins/GitCommit).
        .plugin(name: "GitCommit", capability: .buildTool()),
        // What both executables share: operator errors and exit codes, the signal handling, the
        // logging bootstrap, `.env`, the migrations folder and `BuildInfo`.
        .target(
            name: "CommandLineSupport",
            dependencies: ["LendingBot", "Postgres", "Secrets", argumentParser, logging, serviceLifecycle],
            swiftSettings: strict,
            plugins: ["GitCommit"]
        ),
        // The production binary: no simulator and no sandbox are linked into it.
        .executableTarget(name: "lending-bot", dependencies: ["LendingBot", "CommandLineSupport", "Postgres", "HTTP", argumentParser, logging], swiftSettings: strict),
        // The sandbox's executable, which scripts/run-bot starts when no DISCORD_TOKEN is set.
        .executableTarget(
            name: "lending-sandbox",
            dependencies: ["Sandbox", "CommandLineSupport", "LendingBot", "Postgres", "Secrets", argumentParser, logging],
            swiftSettings: strict
        ),

        // Prints a table of REST client throughput and latency against the simulator (release build).
        .executableTarget(name: "discord-rest-benchmark", dependencies: ["Discord", "HTTP", "Secrets", "Clocks", "DiscordSimulator", "SimulatorSupport", logging], swiftSettings: strict),
        // Prints a table of gateway decoding throughput and dispatch latency (release build).
        .executableTarget(name: "gateway-benchmark", dependencies: ["Discord", "Secrets", "DiscordSimulator", "SimulatorSupport", logging], swiftSettings: strict),
        // Benchmarks/run: lending-bot against its discord.py peer on the simulators, and the scheduler query (release build).
        .executableTarget(
            name: "lending-benchmark",
            dependencies: ["Lending", "Postgres", "TestSupport", "DiscordSimulator", "PanelSimulator", "SimulatorSupport", argumentParser, logging],
            swiftSettings: strict
        ),
        // Runs the Autobahn WebSocket test cases against the client (scripts/websocket-conformance).
        // The floor under lending-bot's idle memory: the runtime and C libraries it cannot do without, loaded and idle (Benchmarks/run).
        .executableTarget(name: "idle-baseline", dependencies: ["CCurl", "CLibPQ", "CZlib"], swiftSettings: strict),
        .executableTarget(name: "interaction-floor", dependencies: ["CCurl", "CCurlShim", "CLibPQ", "WebSocket", "Discord"], swiftSettings: strict),
        .executableTarget(name: "websocket-conformance", dependencies: ["WebSocket", logging], swiftSettings: strict),

        // Test support shipped as a library, like HummingbirdTesting: throwaway clusters and databases,
        // and the schema.prisma parser behind the drift check.
        .target(name: "TestSupport", dependencies: ["CSpawn"], swiftSettings: strict),
        .target(name: "PostgresTesting", dependencies: ["Postgres", "TestSupport", logging], swiftSettings: strict),
        // The panel simulator on a manual clock behind a real `PanelClient`, for every target that talks to the panel.
        // Discord's OpenAPI spec as a test oracle: request and response bodies checked by jsonschema.
        .target(name: "DiscordTesting", dependencies: ["TestSupport"], exclude: ["validate_discord_body.py"], swiftSettings: strict),
        .target(name: "PanelTesting", dependencies: ["Pterodactyl", "HTTP", "Secrets", "Clocks", "PanelSimulator", logging, inMemoryLogging], swiftSettings: strict),
        // The one harness of the bot's tests: the seeded guild, the whole bot wired through
        // `BotComponents` against the simulators and a database, the simulators' fixtures, and `eventually`.
        .target(
            name: "BotTesting",
            dependencies: ["LendingBot", "Lending", "LendingAdapters", "Clocks", "Discord", "DiscordSimulator", "PanelSimulator", "PanelTesting", "SimulatorSupport", "Postgres",
                           "HTTP", "WebSocket", "Secrets", "TestSupport", logging],
            swiftSettings: strict
        ),
        // Simulators for the tests, `lending-sandbox` and the benchmarks: Discord's REST API and
        // gateway; the panel and the Minecraft version manifest; and what both are served with.
        .target(name: "SimulatorSupport", dependencies: [flyingFox, flyingSocks], swiftSettings: strict),
        .target(name: "DiscordSimulator", dependencies: ["SimulatorSupport", "Clocks", "WebSocket", "CZlib", flyingFox, flyingSocks, logging], swiftSettings: strict),
        .target(name: "PanelSimulator", dependencies: ["SimulatorSupport", "Clocks", flyingFox, flyingSocks, logging], swiftSettings: strict),

        .testTarget(
            name: "PostgresTests",
            dependencies: ["Postgres", "PostgresTesting", "TestSupport", "Hashing", logging, inMemoryLogging],
            swiftSettings: strict
        ),
        .testTarget(name: "ClocksTests", dependencies: ["Clocks"], swiftSettings: strict),
        .testTarget(name: "WebSocketTests", dependencies: ["WebSocket", "HTTP", logging], swiftSettings: strict),
        .testTarget(name: "HTTPTests", dependencies: ["HTTP", "SocketLoop", flyingFox, flyingSocks, logging, inMemoryLogging], swiftSettings: strict),
        .testTarget(
            name: "DiscordTests",
            dependencies: ["Backoff", "Clocks", "Discord", "DiscordTesting", "BotTesting", "HTTP", "WebSocket", "Secrets", "TestSupport", "Hashing", "DiscordSimulator", "SimulatorSupport",
                           logging, inMemoryLogging],
            swiftSettings: strict
        ),
        .testTarget(
            name: "PterodactylTests",
            dependencies: ["Pterodactyl", "PanelTesting", "HTTP", "Secrets", "PanelSimulator", "SimulatorSupport", logging],
            swiftSettings: strict
        ),
        // The simulators' own tests: Discord's REST API and gateway, and the panel, as the real services answer.
        .testTarget(
            name: "SimulatorsTests",
            dependencies: ["Clocks", "DiscordSimulator", "PanelSimulator", "SimulatorSupport", "BotTesting", "DiscordTesting", "PanelTesting", "TestSupport", "Discord", "HTTP", "WebSocket",
                           "Pterodactyl", logging],
            swiftSettings: strict
        ),
        .testTarget(
            name: "LendingTests",
            dependencies: ["Lending", "LendingAdapters", "Clocks", "Postgres", "PostgresTesting", "TestSupport", "PanelTesting", "Pterodactyl", "Secrets", "HTTP",
                           "PanelSimulator", "SimulatorSupport", logging],
            swiftSettings: strict
        ),
        // The adapters against the panel simulator, a scratch directory and the real rclone.
        .testTarget(
            name: "LendingAdaptersTests",
            dependencies: ["LendingAdapters", "Lending", "Pterodactyl", "PanelTesting", "Secrets", "PanelSimulator", "SimulatorSupport", logging],
            swiftSettings: strict
        ),
        .testTarget(
            name: "BotTests",
            dependencies: ["LendingBot", "Lending", "Clocks", "Discord", "DiscordTesting", "BotTesting", "PanelTesting", "PostgresTesting", "TestSupport",
                           "Postgres", "HTTP", "WebSocket", "Secrets", "Pterodactyl", "DiscordSimulator", "PanelSimulator", "SimulatorSupport", logging, serviceLifecycle],
            swiftSettings: strict
        ),
        // The resilience suite (scripts/resilience): the whole bot under database restarts, panel
        // faults, gateway kills, malformed input, two instances and a long run; and the built
        // `lending-bot`, run in a process of its own for its resident memory.
        .testTarget(
            name: "ResilienceTests",
            dependencies: ["lending-bot", "LendingBot", "Lending", "LendingAdapters", "Clocks", "Discord", "BotTesting", "PanelTesting", "TestSupport", "PostgresTesting",
                           "Postgres", "HTTP", "Secrets", "Pterodactyl", "DiscordSimulator", "PanelSimulator", "SimulatorSupport", logging, flyingFox, flyingSocks],
            swiftSettings: strict
        ),
        // The deployment files under deploy/ against the configuration and the tools that read them.
        .testTarget(name: "DeployTests", dependencies: ["LendingBot", "TestSupport"], swiftSettings: strict),
        // The sandbox's console API, and a headless chromium walking a loan through the console page.
        .testTarget(name: "SandboxTests", dependencies: ["Sandbox", "Clocks", "Postgres", "PostgresTesting", "TestSupport", "WebSocket", "HTTP", "Lending", "LendingBot", "DiscordSimulator", "PanelSimulator",
                                                          "SimulatorSupport", logging, serviceLifecycle],
                    swiftSettings: strict),
        .testTarget(name: "CLITests", dependencies: ["lending-bot", "lending-sandbox", "CommandLineSupport", "LendingBot", "BotTesting", "Clocks", "PostgresTesting", "Postgres", "TestSupport", "HTTP", "WebSocket", "DiscordSimulator", "PanelSimulator", "SimulatorSupport", logging], swiftSettings: strict),
    ]
)

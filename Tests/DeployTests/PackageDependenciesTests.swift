import Foundation
import Testing
import TestSupport

/// `Package.swift` declares for each target exactly what its sources import: a module imported but
/// not declared builds only while some other dependency happens to bring it along, and a
/// dependency never imported is a false edge in the module graph (docs/ARCHITECTURE.md).
@Suite struct PackageDependenciesTests {
    static func manifest() throws -> PackageManifest {
        try PackageManifest(try String(contentsOfFile: PackageRoot.path("Package.swift"), encoding: .utf8))
    }

    /// The imports of every Swift file under each target's folder, by target name; targets
    /// without Swift sources are left out.
    static func imports(of manifest: PackageManifest) throws -> [String: Set<String>] {
        var imports: [String: Set<String>] = [:]
        for target in manifest.targets {
            let folder = PackageRoot.url.appendingPathComponent(target.path)
            guard let walker = FileManager.default.enumerator(at: folder, includingPropertiesForKeys: nil) else { continue }
            for case let file as URL in walker where file.pathExtension == "swift" {
                imports[target.name, default: []].formUnion(PackageManifest.imports(inSource: try String(contentsOf: file, encoding: .utf8)))
            }
        }
        return imports
    }

    @Test func everyTargetDeclaresExactlyWhatItImports() throws {
        let manifest = try Self.manifest()
        let problems = manifest.problems(imports: try Self.imports(of: manifest))
        #expect(problems.isEmpty, "Package.swift and the imports disagree:\n\(problems.joined(separator: "\n"))")
    }

    /// The module graph of docs/ARCHITECTURE.md draws exactly the manifest's dependencies between
    /// the modules it shows.
    @Test func theArchitectureGraphIsTheManifests() throws {
        let manifest = try Self.manifest()
        let page = try String(contentsOfFile: PackageRoot.path("docs/ARCHITECTURE.md"), encoding: .utf8)
        let modules = try #require(page.range(of: "## Modules"))
        let start = try #require(page.range(of: "```mermaid\ngraph TD\n", range: modules.upperBound..<page.endIndex))
        let end = try #require(page.range(of: "```", range: start.upperBound..<page.endIndex))
        var drawn: Set<String> = []
        for match in page[start.upperBound..<end.lowerBound].matches(of: #/^\s*(\w+)(?:\["[^"]*"\])?\s*-->\s*(\w+)\s*$/#.anchorsMatchLineEndings()) {
            // Mermaid ids cannot hold a dash: an executable is drawn without it (`lendingbot`, `lendingsandbox`).
            let from = manifest.targets.first { $0.name.replacingOccurrences(of: "-", with: "") == match.1 }?.name ?? String(match.1)
            drawn.insert("\(from) --> \(match.2)")
        }
        let nodes = Set(drawn.flatMap { $0.components(separatedBy: " --> ") })
        var declared: Set<String> = []
        for target in manifest.targets where nodes.contains(target.name) {
            for dependency in target.dependencies where nodes.contains(dependency) { declared.insert("\(target.name) --> \(dependency)") }
        }
        #expect(drawn.count > 20, "the graph was found and read")
        #expect(drawn.subtracting(declared).isEmpty, "drawn in docs/ARCHITECTURE.md but not declared: \(drawn.subtracting(declared).sorted())")
        #expect(declared.subtracting(drawn).isEmpty, "declared in Package.swift but not drawn: \(declared.subtracting(drawn).sorted())")
    }

    @Test func theManifestIsReadAsItIsWritten() throws {
        let manifest = try Self.manifest()
        #expect(manifest.products["logging"] == "Logging")
        let lendingBot = try #require(manifest.targets.first { $0.name == "LendingBot" })
        #expect(lendingBot.kind == .target && lendingBot.path == "Sources/LendingBot")
        #expect(lendingBot.dependencies.contains("Lending") && lendingBot.dependencies.contains("Logging"))
        let cli = try #require(manifest.targets.first { $0.name == "CLITests" })
        #expect(cli.kind == .testTarget && cli.path == "Tests/CLITests" && cli.dependencies.contains("lending-bot"))
        #expect(manifest.targets.first { $0.name == "CCurl" }?.kind == .systemLibrary)
        let imports = try Self.imports(of: manifest)
        #expect(imports["LendingBot"]?.contains("Lending") == true)
        #expect(imports["CCurl"] == nil, "a system library has no Swift sources")
    }

    @Test func importLinesAreReadWhateverTheirAttributesAndAccess() {
        // Built from quoted lines, so that this file's own imports stay only the real ones.
        let source = [
            "import Foundation", "public import Discord", "@testable import LendingBot", "@preconcurrency internal import Logging",
            "import struct Lending.WorkflowRecord", "  import Postgres // indented", #"let text = "import Nothing" // not an import line"#,
        ].joined(separator: "\n")
        #expect(PackageManifest.imports(inSource: source) == ["Foundation", "Discord", "LendingBot", "Logging", "Lending", "Postgres"])
    }

    @Test func aMismatchNamesTheTargetTheModuleAndTheFix() throws {
        let manifest = try PackageManifest("""
            let logging: Target.Dependency = .product(name: "Logging", package: "swift-log")
            let metrics: Target.Dependency = .product(name: "Metrics", package: "swift-metrics")
            targets: [
                .systemLibrary(name: "CCurl", pkgConfig: "libcurl"),
                .target(name: "HTTP", dependencies: ["CCurl", "Secrets", logging]),
                .target(name: "Secrets"),
                .executableTarget(name: "tool", dependencies: ["HTTP"]),
                .testTarget(name: "ToolTests", dependencies: ["tool", "HTTP"]),
            ]
            """)
        let problems = manifest.problems(imports: [
            "HTTP": ["CCurl", "Foundation", "Logging", "Metrics"],
            "Secrets": ["Foundation"],
            "tool": ["HTTP", "Mystery"],
            "ToolTests": ["HTTP", "Testing"],
        ])
        #expect(problems == [
            "HTTP imports Metrics but does not declare it: add Metrics to its dependencies",
            "HTTP declares Secrets but none of its files imports it: remove Secrets from its dependencies",
            "tool imports Mystery, which is no target or product in Package.swift and no toolchain module",
        ])
    }
}

import Foundation

/// The targets of `Package.swift` and what each declares it depends on, read as text: enough of
/// the manifest's own style (`let name: Target.Dependency = .product(name: …)` for products,
/// `.target(name: "…", dependencies: [...])` for targets) to compare it with the imports.
struct PackageManifest {
    struct Target: Equatable {
        enum Kind: String {
            case target, executableTarget, testTarget, systemLibrary, plugin
        }

        let name: String
        let kind: Kind
        /// The module names of what it depends on: targets as spelled, products by their module.
        let dependencies: [String]
        /// The folder of its sources, relative to the package root.
        let path: String

        /// The name Swift imports it by: `lending-bot` is `lending_bot`.
        var module: String { name.replacingOccurrences(of: "-", with: "_") }
    }

    /// The module of each product variable (`logging` → `Logging`).
    let products: [String: String]
    let targets: [Target]

    struct ParseError: Error, CustomStringConvertible {
        let description: String
    }

    init(_ text: String) throws {
        var products: [String: String] = [:]
        for match in text.matches(of: #/let (\w+): Target\.Dependency = \.product\(name: "([^"]+)"/#) {
            products[String(match.1)] = String(match.2)
        }
        self.products = products
        let calls = text.matches(of: #/\.(target|executableTarget|testTarget|systemLibrary|plugin)\(\s*name: "([^"]+)"/#)
        targets = try calls.enumerated().map { index, call in
            guard let kind = Target.Kind(rawValue: String(call.1)) else { throw ParseError(description: "unknown target kind \(call.1)") }
            // A target's arguments run until the next target begins.
            let end = index + 1 < calls.count ? calls[index + 1].range.lowerBound : text.endIndex
            let body = text[call.range.upperBound..<end]
            var dependencies: [String] = []
            if let list = body.firstMatch(of: #/dependencies: \[([^\]]*)\]/#) {
                for token in list.1.matches(of: #/"([^"]+)"|([A-Za-z_]\w*)/#) {
                    if let quoted = token.1 {
                        dependencies.append(String(quoted))
                    } else if let variable = token.2 {
                        guard let module = products[String(variable)] else {
                            throw ParseError(description: "\(call.2) depends on \(variable), which is not a `let …: Target.Dependency = .product(…)`")
                        }
                        dependencies.append(module)
                    }
                }
            }
            let folder = kind == .testTarget ? "Tests" : "Sources"
            let path = body.firstMatch(of: #/path: "([^"]+)"/#).map { String($0.1) } ?? "\(folder)/\(call.2)"
            return Target(name: String(call.2), kind: kind, dependencies: dependencies, path: path)
        }
    }

    /// Modules that come with the toolchain: imported freely, never declared.
    static let toolchainModules: Set<String> = [
        "Foundation", "FoundationEssentials", "FoundationNetworking", "FoundationXML", "Testing", "XCTest", "Synchronization", "Glibc",
        "Musl", "Darwin", "Dispatch", "Observation", "RegexBuilder", "Distributed", "_Concurrency", "_StringProcessing", "Swift",
        "CoreFoundation", "os",
    ]

    /// The module each import line of a Swift file names, whatever its attributes and access.
    static func imports(inSource text: String) -> Set<String> {
        var modules: Set<String> = []
        // Only lines that mention import go to the regular expression: it costs about a
        // millisecond a line in a debug build, and the whole tree's lines took a minute of two
        // cores' time that other suites racing Discord's deadline could not have.
        for line in text.split(separator: "\n") where line.contains("import") {
            let pattern = #/^\s*(?:@\w+(?:\([^)]*\))?\s+)*(?:(?:public|package|internal|fileprivate|private)\s+)?import\s+(?:(?:class|struct|enum|func|var|let|protocol|typealias)\s+)?(\w+)/#
            if let match = line.firstMatch(of: pattern) { modules.insert(String(match.1)) }
        }
        return modules
    }

    /// One line per mismatch between what each Swift target imports (`imports`, by target name)
    /// and what it declares, naming the target, the module and the fix. Targets without Swift
    /// sources (C and system libraries, plugins) are not compared. A test target may depend on an
    /// executable target it runs without importing it.
    func problems(imports: [String: Set<String>]) -> [String] {
        let packageModules = Set(targets.map(\.module)).union(products.values)
        var problems: [String] = []
        for target in targets {
            guard let imported = imports[target.name] else { continue }
            let declared = Set(target.dependencies.map { $0.replacingOccurrences(of: "-", with: "_") })
            for module in imported.sorted() where module != target.module {
                if !packageModules.contains(module) {
                    if !Self.toolchainModules.contains(module) {
                        problems.append("\(target.name) imports \(module), which is no target or product in Package.swift and no toolchain module")
                    }
                } else if !declared.contains(module) {
                    problems.append("\(target.name) imports \(module) but does not declare it: add \(module) to its dependencies")
                }
            }
            for dependency in target.dependencies where !imported.contains(dependency.replacingOccurrences(of: "-", with: "_")) {
                let runsExecutable = target.kind == .testTarget && targets.contains { $0.name == dependency && $0.kind == .executableTarget }
                if !runsExecutable {
                    problems.append("\(target.name) declares \(dependency) but none of its files imports it: remove \(dependency) from its dependencies")
                }
            }
        }
        return problems
    }
}

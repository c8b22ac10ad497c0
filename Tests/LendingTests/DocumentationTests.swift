import Foundation
import PostgresTesting
import TestSupport
import Testing

/// The repository's own documents against the code: the ER diagram of docs/ARCHITECTURE.md
/// against `Prisma/schema.prisma`, and every citation against the documents that exist.
@Suite("Documentation")
enum DocumentationTests {}

// MARK: - The ER diagram

/// The `erDiagram` block of a Markdown document: entities with their attributes, and the
/// relationships drawn between them.
struct ERDiagram: Equatable {
    struct Attribute: Equatable, CustomStringConvertible {
        var name: String
        var type: String
        /// `PK`, `FK` and `UK`, as Mermaid spells the keys.
        var keys: Set<String>
        var isNullable: Bool

        var description: String {
            "\(type) \(name)" + (keys.isEmpty ? "" : " " + keys.sorted().joined(separator: ", ")) + (isNullable ? " \"nullable\"" : "")
        }
    }

    /// Attributes in the order written, by entity name.
    var entities: [String: [Attribute]] = [:]
    /// (one side, many side) of each relationship line.
    var relationships: Set<[String]> = []

    struct ParseError: Error, CustomStringConvertible {
        var description: String
    }

    /// Parses the first fenced `mermaid` block whose first line is `erDiagram`.
    init(markdown: String) throws {
        let lines = markdown.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        guard let fence = lines.indices.first(where: {
            lines[$0].trimmingCharacters(in: .whitespaces) == "```mermaid"
                && lines.indices.contains($0 + 1) && lines[$0 + 1].trimmingCharacters(in: .whitespaces) == "erDiagram"
        }) else {
            throw ParseError(description: "no ```mermaid block starting with erDiagram")
        }
        var entity: String?
        var index = fence + 2
        while index < lines.count {
            let line = lines[index].trimmingCharacters(in: .whitespaces)
            let number = index + 1
            index += 1
            if line == "```" { return }
            if line.isEmpty || line.hasPrefix("%%") { continue }
            if let current = entity {
                if line == "}" {
                    entity = nil
                } else {
                    entities[current, default: []].append(try Self.attribute(line, line: number))
                }
            } else if line.hasSuffix("{") {
                let name = line.dropLast().trimmingCharacters(in: .whitespaces)
                guard !name.isEmpty, !name.contains(" ") else { throw ParseError(description: "line \(number): bad entity \(line)") }
                guard entities[name] == nil else { throw ParseError(description: "line \(number): entity \(name) drawn twice") }
                entity = name
                entities[name] = []
            } else {
                // `A ||--o{ B : "label"`: the cardinality token holds `--` (or `..`, non-identifying).
                let words = line.split(separator: ":", maxSplits: 1)[0].split(separator: " ").map(String.init)
                guard words.count == 3, words[1].contains("--") || words[1].contains("..") else {
                    throw ParseError(description: "line \(number): neither an entity nor a relationship: \(line)")
                }
                let (left, right) = (words[0], words[2])
                // The "one" side carries `||` or `|o`; draw it on the left or the right.
                relationships.insert(words[1].hasPrefix("|") ? [left, right] : [right, left])
            }
        }
        throw ParseError(description: "the erDiagram block is not closed")
    }

    /// `Type name [PK, FK, UK] ["comment"]`; a comment starting with `nullable` marks an optional field.
    private static func attribute(_ line: String, line number: Int) throws -> Attribute {
        var text = line
        var comment = ""
        if let quote = text.firstIndex(of: "\"") {
            comment = String(text[text.index(after: quote)...]).trimmingCharacters(in: CharacterSet(charactersIn: "\" "))
            text = String(text[..<quote])
        }
        let words = text.split(separator: " ", maxSplits: 2).map(String.init)
        guard words.count >= 2 else { throw ParseError(description: "line \(number): an attribute needs a type and a name: \(line)") }
        let keys = words.count > 2 ? Set(words[2].split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }) : []
        guard keys.isSubset(of: ["PK", "FK", "UK"]) else { throw ParseError(description: "line \(number): unknown key in \(line)") }
        return Attribute(name: words[1], type: words[0], keys: keys, isNullable: comment.hasPrefix("nullable"))
    }

    /// What the diagram must show for `schema`: every model, its scalar and enum fields (relation
    /// fields have no column) with their keys and nullability, and one relationship per foreign key.
    init(expectedFrom schema: PrismaSchema) {
        for model in schema.models {
            let foreignKeys = Set(model.fields.compactMap(\.relation).flatMap(\.fields))
            let compoundKey = Set(model.compoundID?.columns ?? [])
            entities[model.name] = model.fields.compactMap { field in
                let type: String
                switch field.type {
                case .scalar(let scalar): type = scalar.rawValue
                case .enumeration(let name): type = name
                case .model(let target):
                    if field.relation.map({ !$0.fields.isEmpty }) == true { relationships.insert([target, model.name]) }
                    return nil
                }
                var keys: Set<String> = []
                if field.isID || compoundKey.contains(field.name) { keys.insert("PK") }
                if foreignKeys.contains(field.name) { keys.insert("FK") }
                if field.isUnique { keys.insert("UK") }
                return Attribute(name: field.name, type: type, keys: keys, isNullable: field.arity == .optional)
            }
        }
    }

    /// Everything `self` (the diagram) gets wrong about `expected`, one line each.
    func differences(from expected: ERDiagram) -> [String] {
        var found: [String] = []
        for name in Set(expected.entities.keys).subtracting(entities.keys).sorted() {
            found.append("model \(name) is not in the diagram")
        }
        for name in Set(entities.keys).subtracting(expected.entities.keys).sorted() {
            found.append("entity \(name) is not a model of schema.prisma")
        }
        for name in Set(expected.entities.keys).intersection(entities.keys).sorted() {
            let drawn = entities[name] ?? [], wanted = expected.entities[name] ?? []
            for attribute in wanted where !drawn.contains(where: { $0.name == attribute.name }) {
                found.append("\(name).\(attribute.name) is not in the diagram (expected `\(attribute)`)")
            }
            for attribute in drawn {
                guard let model = wanted.first(where: { $0.name == attribute.name }) else {
                    found.append("\(name).\(attribute.name) is drawn but is no scalar field of the model")
                    continue
                }
                if model != attribute { found.append("\(name).\(attribute.name): the diagram says `\(attribute)`, schema.prisma `\(model)`") }
            }
            if drawn.map(\.name).count != Set(drawn.map(\.name)).count { found.append("\(name) draws a field twice") }
        }
        for pair in expected.relationships.subtracting(relationships).sorted(by: { $0.joined() < $1.joined() }) {
            found.append("the relationship \(pair[0]) ||--o{ \(pair[1]) is not drawn")
        }
        for pair in relationships.subtracting(expected.relationships).sorted(by: { $0.joined() < $1.joined() }) {
            found.append("the relationship \(pair[0]) -- \(pair[1]) has no foreign key in schema.prisma")
        }
        return found
    }
}

extension DocumentationTests {
    @Suite("The ER diagram of docs/ARCHITECTURE.md")
    struct SchemaDiagram {
        static let architecturePath = PackageRoot.path("docs/ARCHITECTURE.md")
        static let schemaPath = PackageRoot.path("Prisma/schema.prisma")

        static func text(_ path: String) throws -> String {
            try String(contentsOfFile: path, encoding: .utf8)
        }

        @Test("draws every model of schema.prisma with exactly its scalar fields, keys and relations")
        func diagramMatchesSchema() throws {
            let diagram = try ERDiagram(markdown: try Self.text(Self.architecturePath))
            let expected = ERDiagram(expectedFrom: try PrismaSchema.load(from: Self.schemaPath))
            let differences = diagram.differences(from: expected)
            #expect(differences.isEmpty, "docs/ARCHITECTURE.md's erDiagram and Prisma/schema.prisma disagree:\n\(differences.joined(separator: "\n"))")
            #expect(expected.entities.count >= 11)
        }

        /// Schema changes the diagram does not follow, and what the check must say of each.
        static let mutations: [(original: String, replacement: String, expected: String)] = [
            ("model MinecraftRelease {", "model Extra {\n  id Int @id\n}\n\nmodel MinecraftRelease {", "model Extra is not in the diagram"),
            ("  fetchedAt        DateTime\n}", "  fetchedAt        DateTime\n  note             String?\n}",
             "MinecraftRelease.note is not in the diagram (expected `String note \"nullable\"`)"),
            ("  username  String   @unique", "  username  String", "PterodactylUser.username: the diagram says `String username UK`, schema.prisma `String username`"),
            ("  bytes       BigInt", "  bytes       Int", "WorkflowArchive.bytes: the diagram says `BigInt bytes`, schema.prisma `Int bytes`"),
        ]

        @Test("a schema change the diagram does not follow is reported", arguments: 0..<mutations.count)
        func driftIsReported(_ index: Int) throws {
            let mutation = Self.mutations[index]
            let schema = try Self.text(Self.schemaPath)
            try #require(schema.components(separatedBy: mutation.original).count == 2, "the mutation must hit schema.prisma exactly once")
            let changed = try PrismaSchema(parsing: schema.replacingOccurrences(of: mutation.original, with: mutation.replacement))
            let diagram = try ERDiagram(markdown: try Self.text(Self.architecturePath))
            #expect(diagram.differences(from: ERDiagram(expectedFrom: changed)) == [mutation.expected])
        }
    }
}

// MARK: - Citations

/// Finds citations of documents that are not in the repository, and pointers into the
/// repository's own documents that lead nowhere.
enum CitationScan {
    /// Folders and files scanned, relative to the package root.
    static let roots = ["Sources", "Tests", "scripts", "deploy", "Benchmarks", "docs", ".ci", "README.md", "Package.swift"]
    /// Discord's pinned spec is not ours to edit; this file names the patterns it looks for.
    static let excluded = ["Tests/Fixtures/discord-api-spec", "Tests/LendingTests/DocumentationTests.swift"]

    /// Spelled in pieces, so that this file does not cite what it forbids.
    static let outsideDocuments: [String] = [
        "reference" + "/", "reference" + "-bots", "DESIGN" + ".md", "DESIGN" + " §", "STYLE" + " §", "STYLE" + ".md",
        "../" + "shared", "swift-c-interop" + ".md",
    ]

    struct Finding: CustomStringConvertible {
        var file: String
        var line: Int
        var problem: String
        var text: String
        var description: String { "\(file):\(line): \(problem): \(text.trimmingCharacters(in: .whitespaces))" }
    }

    /// Every scanned file as (path relative to the root, text); files that are not UTF-8 are skipped.
    static func files(under root: URL) -> [(String, String)] {
        var found: [(String, String)] = []
        let manager = FileManager.default
        for entry in roots {
            let url = root.appendingPathComponent(entry)
            var isDirectory: ObjCBool = false
            guard manager.fileExists(atPath: url.path, isDirectory: &isDirectory) else { continue }
            let paths: [String]
            if isDirectory.boolValue {
                paths = (manager.enumerator(atPath: url.path)?.allObjects as? [String] ?? []).map { entry + "/" + $0 }
            } else {
                paths = [entry]
            }
            for path in paths.sorted() where !excluded.contains(where: { path.hasPrefix($0) }) {
                guard let data = manager.contents(atPath: root.appendingPathComponent(path).path),
                      let text = String(data: data, encoding: .utf8) else { continue }
                found.append((path, text))
            }
        }
        return found
    }

    /// The comment of a line: after `//` in Swift, after `#` elsewhere, the whole line in Markdown.
    static func comment(of line: String, in path: String) -> String? {
        if path.hasSuffix(".md") { return line }
        let marker = path.hasSuffix(".swift") ? "//" : "#"
        guard let range = line.range(of: marker) else { return nil }
        return String(line[range.upperBound...])
    }

    /// A bare tag of an outside list of rules: `R7`, `G18` as a word of its own.
    static func bareTags(in text: String) -> [String] {
        text.split(whereSeparator: { !($0.isLetter || $0.isNumber) }).map(String.init).filter { word in
            guard let first = word.first, first == "R" || first == "G" else { return false }
            let digits = word.dropFirst()
            return (1...2).contains(digits.count) && digits.allSatisfy(\.isNumber)
        }
    }

    /// The headings of a Markdown document as GitHub anchors: lowercased, spaces to `-`, other
    /// punctuation dropped.
    static func anchors(of markdown: String) -> Set<String> {
        Set(markdown.split(separator: "\n").filter { $0.hasPrefix("#") }.map { heading in
            let title = heading.drop(while: { $0 == "#" }).trimmingCharacters(in: .whitespaces).lowercased()
            return String(title.compactMap { $0 == " " ? "-" : ($0.isLetter || $0.isNumber || $0 == "-" || $0 == "_" ? $0 : nil) })
        })
    }

    /// The section numbers a numbered document's headings define: `## 1. Conventions` gives 1,
    /// `### 1.4 Error bodies` gives 1.4.
    static func sectionNumbers(of markdown: String) -> Set<String> {
        Set(markdown.split(separator: "\n").filter { $0.hasPrefix("#") }.compactMap { heading in
            let title = heading.drop(while: { $0 == "#" }).trimmingCharacters(in: .whitespaces)
            let number = title.prefix(while: { $0.isNumber || $0 == "." })
            return number.isEmpty ? nil : String(number.hasSuffix(".") ? number.dropLast() : number)
        })
    }

    static func scan(root: URL) -> [Finding] {
        let documents = files(under: root)
        let byPath = Dictionary(documents, uniquingKeysWith: { first, _ in first })
        var findings: [Finding] = []
        for (path, text) in documents {
            for (offset, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
                let line = String(line)
                func report(_ problem: String) { findings.append(Finding(file: path, line: offset + 1, problem: problem, text: line)) }

                for pattern in outsideDocuments where line.contains(pattern) {
                    report("cites \(pattern), which is not in the repository")
                }
                if let comment = comment(of: line, in: path), !bareTags(in: comment).isEmpty {
                    report("bare tag \(bareTags(in: comment).joined(separator: ", ")) of a list outside the repository")
                }
                if line.contains("§"), !line.contains("RFC "), !line.contains("PANEL-API.md") {
                    report("a section sign names no document (RFC n or docs/PANEL-API.md)")
                }
                findings += pointerProblems(in: line, documents: byPath).map { Finding(file: path, line: offset + 1, problem: $0, text: line) }
            }
        }
        return findings
    }

    /// `docs/NAME.md#anchor, #anchor` and `docs/PANEL-API.md §n.n, §n.n` must lead somewhere.
    static func pointerProblems(in line: String, documents: [String: String]) -> [String] {
        var problems: [String] = []
        var rest = Substring(line)
        while let range = rest.range(of: "docs/") {
            let tail = rest[range.upperBound...]
            let name = tail.prefix(while: { $0.isLetter || $0.isNumber || $0 == "-" || $0 == "_" || $0 == "." })
            rest = tail[name.endIndex...]
            guard name.hasSuffix(".md") else { continue }
            let file = "docs/" + name
            guard let document = documents[file] else {
                problems.append("\(file) does not exist")
                continue
            }
            // Anchors: `#a`, then `, #b` while they follow.
            var cursor = rest
            if cursor.hasPrefix("#") {
                let known = anchors(of: document)
                repeat {
                    cursor = cursor.dropFirst()
                    let anchor = cursor.prefix(while: { $0.isLetter || $0.isNumber || $0 == "-" || $0 == "_" })
                    if !known.contains(String(anchor)) { problems.append("\(file) has no heading #\(anchor)") }
                    cursor = cursor[anchor.endIndex...]
                    if cursor.hasPrefix(", #") { cursor = cursor.dropFirst(2) } else { break }
                } while cursor.hasPrefix("#")
            }
            // Section numbers: every `§n` on the rest of the line.
            if name == "PANEL-API.md" {
                let known = sectionNumbers(of: document)
                for part in rest.split(separator: "§").dropFirst() {
                    let number = part.prefix(while: { $0.isNumber || $0 == "." })
                    let section = number.hasSuffix(".") ? String(number.dropLast()) : String(number)
                    if !section.isEmpty, !known.contains(section) { problems.append("\(file) has no section \(section)") }
                }
            }
        }
        return problems
    }
}

extension DocumentationTests {
    @Suite("Citations")
    struct Citations {
        @Test("no file cites a document outside the repository, and every pointer into docs/ leads somewhere")
        func citationsStayInTheRepository() {
            let findings = CitationScan.scan(root: PackageRoot.url)
            #expect(findings.isEmpty, "\(findings.count) citations to fix:\n\(findings.map(\.description).joined(separator: "\n"))")
        }

        @Test("the scan sees what it must", arguments: [
            ("Sources/X.swift", "/// Limits (" + "R7).", true),
            ("Sources/X.swift", "/// See refer" + "ence/discord-protocol.md.", true),
            ("Sources/X.swift", "// Heartbeats (" + "G8, " + "G19).", true),
            ("Sources/X.swift", "/// The envelope (" + "§1.3).", true),
            ("README.md", "The layout follows `" + "DESIGN.md`.", true),
            ("Sources/X.swift", "/// Global limit (docs/DISCORD.md#global-limit).", false),
            ("Sources/X.swift", "/// Envelopes (docs/PANEL-API.md " + "§1.3).", false),
            ("Sources/X.swift", "/// Frames (RFC 6455 " + "§5.2).", false),
            ("Sources/X.swift", #"let alias = "R02" // a server alias, in code"#, false),
        ])
        func scanRecognises(path: String, line: String, flagged: Bool) throws {
            let root = FileManager.default.temporaryDirectory.appendingPathComponent("citation-scan-\(UUID().uuidString)")
            defer { try? FileManager.default.removeItem(at: root) }
            let file = root.appendingPathComponent(path)
            try FileManager.default.createDirectory(at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
            try FileManager.default.createDirectory(at: root.appendingPathComponent("docs"), withIntermediateDirectories: true)
            for document in ["DISCORD.md", "PANEL-API.md"] {
                try FileManager.default.copyItem(at: PackageRoot.url.appendingPathComponent("docs/" + document),
                                                 to: root.appendingPathComponent("docs/" + document))
            }
            try (line + "\n").write(to: file, atomically: true, encoding: .utf8)
            let findings = CitationScan.scan(root: root).filter { $0.file == path }
            #expect(findings.isEmpty != flagged, "\(findings)")
        }

        @Test("a pointer to a heading or a section that does not exist is reported")
        func deadPointersAreReported() throws {
            let documents = ["docs/DISCORD.md": "# D\n### Global limit\n", "docs/PANEL-API.md": "## 1. A\n### 1.4 B\n"]
            #expect(CitationScan.pointerProblems(in: "/// (docs/DISCORD.md#global-limit)", documents: documents).isEmpty)
            #expect(CitationScan.pointerProblems(in: "/// (docs/DISCORD.md#global-limit, #buckets)", documents: documents) == ["docs/DISCORD.md has no heading #buckets"])
            #expect(CitationScan.pointerProblems(in: "/// (docs/PANEL-API.md " + "§1.4, " + "§2.1)", documents: documents) == ["docs/PANEL-API.md has no section 2.1"])
            #expect(CitationScan.pointerProblems(in: "/// docs/NOWHERE.md", documents: documents) == ["docs/NOWHERE.md does not exist"])
        }
    }
}

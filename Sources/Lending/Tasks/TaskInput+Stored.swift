import Foundation

/// The stored form of a task's input, one JSON object in `"LendingTask"."input"`.
///
/// - **Version 1**, written by this release: the input's fields and `"version": 1`, e.g.
///   `{"approvedAt":"2026-12-05T10:00:00.000Z","serverAlias":"server01","usernames":{"200000000000000002":"alice"},"version":1}`;
///   a return's `requestedAt`, a release's nothing but the version. Instants are `Timestamp`s.
/// - **Version 0**, written by the releases before it: a flat object of strings with no
///   `"version"`: an approval's `approvedAt`, `serverAlias` and one `username:<discord id>` key
///   per chosen username, a return's `requestedAt`, a release's `{}`. A bot upgraded while such
///   tasks are queued, claimed or half done reads them here and finishes them.
/// - A higher version was written by a newer release (a bot rolled back): it is refused, never
///   guessed at.
extension TaskInput {
    /// The version this release writes.
    public static let currentVersion = 1

    /// The version-1 JSON text of this input.
    public var stored: String {
        let encoder = StoredJSON.encoder()
        let data: Data?
        switch self {
        case .approve(let input): data = try? encoder.encode(Versioned(version: Self.currentVersion, input: input))
        case .returnLoan(let input): data = try? encoder.encode(Versioned(version: Self.currentVersion, input: input))
        case .release(let input): data = try? encoder.encode(Versioned(version: Self.currentVersion, input: input))
        case .panelUsers(let input): data = try? encoder.encode(Versioned(version: Self.currentVersion, input: input))
        }
        // Strings, a dictionary of strings and instants always encode; the fallback only
        // satisfies the type checker, and would be read back as an unreadable input.
        return data.map { String(decoding: $0, as: UTF8.self) } ?? "{}"
    }

    /// Reads a stored input of a task of `kind`, whatever version wrote it.
    public static func decode(kind: TaskKind, stored text: String) -> Result<TaskInput, TaskInputError> {
        let data = Data(text.utf8)
        let version: Int?
        do {
            version = try JSONDecoder().decode(VersionProbe.self, from: data).version
        } catch {
            return .failure(TaskInputError(kind: kind, reason: "not a JSON object with a whole-number version"))
        }
        switch version {
        case nil:
            return LegacyTaskInput.decode(kind: kind, data: data)
        case Self.currentVersion:
            return decodeVersion1(kind: kind, data: data)
        case let other?:
            return .failure(TaskInputError(kind: kind, reason: "version \(other), and this bot reads versions 0 to \(Self.currentVersion)"))
        }
    }

    private static func decodeVersion1(kind: TaskKind, data: Data) -> Result<TaskInput, TaskInputError> {
        let decoder = StoredJSON.decoder()
        do {
            switch kind {
            case .approve: return .success(.approve(try decoder.decode(Versioned<ApprovalInput>.self, from: data).input))
            case .returnLoan: return .success(.returnLoan(try decoder.decode(Versioned<ReturnInput>.self, from: data).input))
            case .release: return .success(.release(try decoder.decode(Versioned<ReleaseInput>.self, from: data).input))
            case .panelUsers: return .success(.panelUsers(try decoder.decode(Versioned<PanelUsersInput>.self, from: data).input))
            }
        } catch let error as DecodingError {
            return .failure(TaskInputError(kind: kind, reason: "version 1: \(Self.explain(error))"))
        } catch {
            return .failure(TaskInputError(kind: kind, reason: "version 1 is unreadable"))
        }
    }

    /// A decoding error in a moderator's words: which field, and what is wrong with it.
    private static func explain(_ error: DecodingError) -> String {
        func path(_ keys: [any CodingKey]) -> String {
            keys.isEmpty ? "the input" : keys.map(\.stringValue).joined(separator: ".")
        }
        switch error {
        case .keyNotFound(let key, let context): return "\(path(context.codingPath + [key])) is missing"
        case .typeMismatch(_, let context), .valueNotFound(_, let context): return "\(path(context.codingPath)) has the wrong type"
        case .dataCorrupted(let context): return "\(path(context.codingPath)) is \(context.debugDescription)"
        @unknown default: return "it does not match its kind"
        }
    }
}

/// Only the version, to choose the decoder: absent in version 0.
private struct VersionProbe: Decodable {
    let version: Int?
}

/// An input and its version in one flat JSON object.
private struct Versioned<Input: Codable>: Codable {
    let version: Int
    let input: Input

    private enum CodingKeys: String, CodingKey {
        case version
    }

    init(version: Int, input: Input) {
        self.version = version
        self.input = input
    }

    init(from decoder: any Decoder) throws {
        version = try decoder.container(keyedBy: CodingKeys.self).decode(Int.self, forKey: .version)
        input = try Input(from: decoder)
    }

    func encode(to encoder: any Encoder) throws {
        try input.encode(to: encoder)
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(version, forKey: .version)
    }
}

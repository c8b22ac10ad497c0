public import Foundation
import TestSupport

/// Checks JSON bodies against the pinned OpenAPI spec (`Tests/Fixtures/discord-api-spec/openapi.json`,
/// Discord's MIT-licensed spec at the commit `SOURCE.txt` beside it names)
/// by running `validate_discord_body.py` (PyPI `jsonschema` + `referencing`) in a subprocess.
///
/// `check` validates one body per process; `checkAll` validates any number of requests in one
/// process, which is what an end-to-end test uses to check every body the bot sent.
public struct SpecValidator: Sendable {
    public struct Verdict: Sendable {
        public let isValid: Bool
        /// One line per error, `$.data.embeds[0].title: … (maxLength)`.
        public let errors: String
    }

    /// A request as the bot sent it: the method, the path after `/api/v10` with its parameters
    /// filled in (the script finds the spec's template), and the JSON body.
    public struct SentRequest: Sendable {
        public let method: String
        public let path: String
        public let body: Data

        public init(method: String, path: String, body: Data) {
            self.method = method
            self.path = path
            self.body = body
        }
    }

    public struct Unusable: Error, CustomStringConvertible {
        public let description: String
    }

    public let specPath: String
    public let scriptPath: String

    /// The Python of the test tools' virtual environment, which `scripts/test` names in
    /// `PYTHON_TOOLS`; the system's python3 otherwise.
    public static var python: String {
        ProcessInfo.processInfo.environment["PYTHON_TOOLS"].map { "\($0)/bin/python" } ?? "python3"
    }

    /// The spec is kept inside the repository, so a clone on its own can run every test.
    public init() {
        specPath = PackageRoot.path("Tests/Fixtures/discord-api-spec/openapi.json")
        scriptPath = PackageRoot.path("Sources/DiscordTesting/validate_discord_body.py")
    }

    /// Validates a request body (or, with `responseStatus`, a response body) for `method template`.
    public func check(_ body: Data, method: String, template: String, responseStatus: String? = nil) async throws -> Verdict {
        var arguments = [scriptPath, specPath, method, template]
        if let responseStatus { arguments += ["--response", responseStatus] }
        let outcome = try await Subprocess.run(Self.python, arguments, input: body)
        switch outcome.status {
        case 0: return Verdict(isValid: true, errors: "")
        case 1: return Verdict(isValid: false, errors: outcome.standardOutput)
        default: throw Unusable(description: "validate_discord_body.py exited \(outcome.status): \(outcome.standardError)")
        }
    }

    public func check(_ value: some Encodable, method: String, template: String) async throws -> Verdict {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return try await check(encoder.encode(value), method: method, template: template)
    }

    /// Validates every request in one Python process; the verdicts come back in the same order.
    public func checkAll(_ requests: [SentRequest]) async throws -> [Verdict] {
        guard !requests.isEmpty else { return [] }
        var batch: [Any] = []
        for request in requests {
            let body = try JSONSerialization.jsonObject(with: request.body, options: [.fragmentsAllowed])
            batch.append(["method": request.method, "path": request.path, "body": body])
        }
        let input = try JSONSerialization.data(withJSONObject: batch)
        let outcome = try await Subprocess.run(Self.python, [scriptPath, specPath, "--batch"], input: input)
        guard outcome.status == 0,
              let results = try JSONSerialization.jsonObject(with: Data(outcome.standardOutput.utf8)) as? [[String]],
              results.count == requests.count else {
            throw Unusable(description: "validate_discord_body.py --batch exited \(outcome.status): \(outcome.standardError)")
        }
        return results.map { Verdict(isValid: $0.isEmpty, errors: $0.joined(separator: "\n")) }
    }
}

import Foundation
import TestSupport

/// Checks JSON bodies against the pinned OpenAPI spec by running `validate_discord_body.py`
/// (PyPI `jsonschema` + `referencing`) in a subprocess.
struct SpecValidator {
    struct Verdict: Sendable {
        let isValid: Bool
        /// One line per error, `$.data.embeds[0].title: … (maxLength)`.
        let errors: String
    }

    struct Unusable: Error, CustomStringConvertible {
        let description: String
    }

    let specPath: String
    let scriptPath: String

    /// The Python of the test tools' virtual environment, which `scripts/test` names in
    /// `PYTHON_TOOLS`; the system's python3 otherwise.
    static var python: String {
        ProcessInfo.processInfo.environment["PYTHON_TOOLS"].map { "\($0)/bin/python" } ?? "python3"
    }

    /// Finds the spec and the script from the calling test file: the repository root is three levels
    /// up from `Tests/DiscordTests/X.swift`, and the spec sits at `../shared/discord-api-spec/` from it.
    init(testFile: String = #filePath) {
        let root = URL(fileURLWithPath: testFile).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        specPath = root.appendingPathComponent("../shared/discord-api-spec/openapi.json").standardizedFileURL.path
        scriptPath = root.appendingPathComponent("Tests/DiscordTests/Support/validate_discord_body.py").path
    }

    /// Validates a request body (or, with `responseStatus`, a response body) for `method template`.
    func check(_ body: Data, method: String, template: String, responseStatus: String? = nil) async throws -> Verdict {
        var arguments = [scriptPath, specPath, method, template]
        if let responseStatus { arguments += ["--response", responseStatus] }
        let outcome = try await Subprocess.run(Self.python, arguments, input: body)
        switch outcome.status {
        case 0: return Verdict(isValid: true, errors: "")
        case 1: return Verdict(isValid: false, errors: outcome.standardOutput)
        default: throw Unusable(description: "validate_discord_body.py exited \(outcome.status): \(outcome.standardError)")
        }
    }

    func check(_ value: some Encodable, method: String, template: String) async throws -> Verdict {
        try await check(JSON.encode(value), method: method, template: template)
    }
}

import Foundation
import SimulatorSupport

/// The checks every request meets before its route's own rules (docs/DISCORD.md#requests, #audit-log-reason).
extension RESTWorld {
    /// Cloudflare blocks clients that do not present `DiscordBot ($url, $versionNumber)`; the block
    /// page is HTML and carries no `Via`, so a client that only parses JSON learns nothing from it.
    /// Interaction callbacks and webhooks, which carry no bot token, pass with any user agent:
    /// discord.py answers interactions through its webhook client, which sends aiohttp's default
    /// agent, and Discord takes those. No user agent at all is blocked everywhere.
    func checkUserAgent(_ request: IncomingRequest, segments: [String]?) -> SimulatedResponse? {
        guard let agent = request.headers["user-agent"], !agent.isEmpty else { return .html(403, EdgePages.blocked) }
        if let first = segments?.first, first == "interactions" || first == "webhooks" { return nil }
        return agent.hasPrefix("DiscordBot (") ? nil : .html(403, EdgePages.blocked)
    }

    /// `Authorization: Bot <token>`, compared exactly: a bearer token or a bare token is as wrong as
    /// a stale one.
    func checkAuthorization(_ request: IncomingRequest) -> SimulatedResponse? {
        guard request.headers["authorization"] == "Bot \(configuration.botToken)" else {
            return .httpError(401, "Unauthorized")
        }
        return nil
    }

    /// A body must be declared JSON and be JSON. Form and multipart bodies, which Discord also
    /// takes on some routes, are not simulated and get the same answer as a wrong type.
    func checkFraming(_ request: IncomingRequest, body: SimulatorJSON?) -> SimulatedResponse? {
        guard !request.body.isEmpty else { return nil }
        let type = request.headers["content-type"]?.split(separator: ";").first?.trimmingCharacters(in: .whitespaces).lowercased()
        guard type == "application/json" else {
            var errors = FormErrors()
            errors.add([], code: "CONTENT_TYPE_INVALID", message: "Expected \"Content-Type\" header to be one of {'application/json'}.")
            return .invalidForm(errors)
        }
        guard body != nil else { return .error(400, .invalidJSON) }
        return nil
    }

    /// `X-Audit-Log-Reason` travels in a header, so it must be ASCII: Discord wants it percent-encoded
    /// UTF-8 that decodes to 1–512 characters (docs/DISCORD.md#audit-log-reason). A raw Japanese reason is the bug
    /// this catches.
    func checkAuditLogReason(_ request: IncomingRequest) -> SimulatedResponse? {
        guard let reason = request.headers["x-audit-log-reason"] else { return nil }
        var errors = FormErrors()
        let isASCII = reason.unicodeScalars.allSatisfy { $0.value >= 0x20 && $0.value < 0x7F }
        if !isASCII {
            errors.add(["audit_log_reason"], code: "BASE_TYPE_BAD_ENCODING",
                       message: "X-Audit-Log-Reason must be percent-encoded UTF-8.")
        } else if let decoded = reason.removingPercentEncoding {
            let length = decoded.unicodeScalars.count
            if !(1...512).contains(length) { errors.badLength(["audit_log_reason"], range: 1...512) }
        } else {
            errors.add(["audit_log_reason"], code: "BASE_TYPE_BAD_ENCODING",
                       message: "X-Audit-Log-Reason is not valid percent-encoded UTF-8.")
        }
        return errors.isEmpty ? nil : .invalidForm(errors)
    }
}

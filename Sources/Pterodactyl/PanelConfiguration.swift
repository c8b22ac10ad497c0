public import Clocks
public import HTTP
import Foundation
public import Secrets

/// What `PanelClient` needs: where the panel is, its two keys, and how patient to be.
public struct PanelConfiguration: Sendable {
    /// `PTERODACTYL_URL`, e.g. `https://panel.example.org`, without `/api`.
    public var baseURL: String
    /// `PTERODACTYL_APPLICATION_KEY`: a `ptla_` key (or an admin's `ptlc_`), sent only to
    /// `/api/application/...`.
    public var applicationKey: Secret
    /// `PTERODACTYL_CLIENT_KEY`: an admin account's `ptlc_` key, sent only to `/api/client/...`.
    /// An application key there gets 403 (docs/PANEL-API.md §1.2), so one is refused at start-up.
    public var clientKey: Secret
    /// `PTERODACTYL_HEADERS`, e.g. an access proxy's service token. Values can be secrets;
    /// `HTTPHeaders` prints names only.
    public var extraHeaders: HTTPHeaders
    public var requestTimeout: Duration = .seconds(30)
    /// Attempts for one call, counting the first, for 5xx and transport failures of idempotent calls.
    public var maxAttempts = 4
    /// Backoff after a failed attempt: `retryBaseDelay × 2^(attempt − 1)`, with up to 50 % jitter.
    public var retryBaseDelay: Duration = .milliseconds(500)
    /// A 429 whose `Retry-After` is longer than this fails instead of waiting. The panel's window is
    /// one minute (docs/PANEL-API.md §1.5), so the default lets a call ride out one full window.
    public var maxRateLimitWait: Duration = .seconds(65)
    /// How long a call answered 409 `ServerStateConflictException` (installing, restoring) keeps
    /// retrying, and how often. A Minecraft egg installs in one to a few minutes.
    public var stateConflictWait: Duration = .seconds(600)
    public var stateConflictPollInterval: Duration = .seconds(10)
    /// How often waits (power state, backup completion, install) poll.
    public var pollInterval: Duration = .seconds(5)
    /// Time allowed for one backup download attempt.
    public var downloadTimeout: Duration = .seconds(6 * 3600)
    /// What the client's retries, throttles and waits read and sleep on. Tests pass a manual clock
    /// that the simulated panel shares, so a 60 s `Retry-After`, a 600 s backup throttle or an
    /// install wait runs in milliseconds without a test sleeping.
    public var clock: BotClock = .system
    /// Counts each attempt's outcome (metrics); nil counts nothing.
    public var observer: (any PanelRequestObserver)?

    public init(baseURL: String, applicationKey: Secret, clientKey: Secret, extraHeaders: HTTPHeaders = [:]) {
        self.baseURL = baseURL.hasSuffix("/") ? String(baseURL.dropLast()) : baseURL
        self.applicationKey = applicationKey
        self.clientKey = clientKey
        self.extraHeaders = extraHeaders
    }

    /// Refuses a configuration that would send a key where it does not belong.
    public func validate() throws(PanelError) {
        func invalid(_ message: String) -> PanelError { PanelError(.invalidConfiguration(message), operation: "configure panel client") }
        guard baseURL.hasPrefix("http://") || baseURL.hasPrefix("https://") else { throw invalid("PTERODACTYL_URL: expected an http or https URL") }
        guard !clientKey.revealed().hasPrefix("ptla_") else {
            throw invalid("PTERODACTYL_CLIENT_KEY: expected a client key (ptlc_), got an application key")
        }
        guard !applicationKey.isEmpty, !clientKey.isEmpty else { throw invalid("PTERODACTYL_APPLICATION_KEY and PTERODACTYL_CLIENT_KEY: expected keys") }
        guard !extraHeaders.contains("Authorization") else {
            throw invalid("PTERODACTYL_HEADERS: must not set Authorization, which carries the panel key")
        }
    }

    /// Parses `PTERODACTYL_HEADERS`, a JSON object of string values. Errors name the variable and
    /// the expectation, never the text, which may hold a token.
    public static func extraHeaders(fromJSON text: String) throws(PanelError) -> HTTPHeaders {
        let trimmed = text.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !trimmed.isEmpty else { return [:] }
        guard let object = try? JSONDecoder().decode([String: String].self, from: Data(trimmed.utf8)) else {
            throw PanelError(.invalidConfiguration("PTERODACTYL_HEADERS: expected a JSON object of string values"), operation: "configure panel client")
        }
        var headers = HTTPHeaders()
        for name in object.keys.sorted() { headers.add(name: name, value: object[name] ?? "") }
        return headers
    }
}

import CCurl
import CCurlShim

/// Discord's REST side for the floor: one libcurl easy handle, kept so its connection is reused,
/// driven by `curl_easy_perform` on the calling thread: the one wait is libcurl's own poll on
/// the socket. The body of an answer is discarded; only its status is kept.
final class FloorHTTP {
    private let easy: UnsafeMutableRawPointer
    private let baseURL: String
    private let headers: UnsafeMutablePointer<curl_slist>

    init(baseURL: String, token: String) throws {
        guard curl_global_init(Int(CURL_GLOBAL_ALL)) == CURLE_OK, let easy = curl_easy_init() else {
            throw FloorError("libcurl did not start")
        }
        var list: UnsafeMutablePointer<curl_slist>?
        for header in ["Authorization: Bot \(token)", "Content-Type: application/json", "User-Agent: DiscordBot (interaction-floor, 1)"] {
            list = curl_slist_append(list, header)
        }
        guard let list else { throw FloorError("libcurl could not make the request headers") }
        self.easy = easy
        self.baseURL = baseURL.hasSuffix("/") ? String(baseURL.dropLast()) : baseURL
        self.headers = list
        _ = ccurl_setopt_slist(easy, CURLOPT_HTTPHEADER, list)
        _ = ccurl_setopt_long(easy, CURLOPT_NOSIGNAL, 1)
        _ = ccurl_setopt_long(easy, CURLOPT_TCP_NODELAY, 1)
        _ = ccurl_setopt_write_callback(easy, CURLOPT_WRITEFUNCTION) { _, size, count, _ in size * count }
    }

    /// Sends `body` with `method` to `path` (after the base URL); throws unless the answer is 2xx.
    func send(_ method: String, _ path: String, body: String) throws {
        _ = ccurl_setopt_string(easy, CURLOPT_URL, baseURL + path)
        _ = ccurl_setopt_string(easy, CURLOPT_CUSTOMREQUEST, method)
        _ = ccurl_setopt_string(easy, CURLOPT_COPYPOSTFIELDS, body)
        let code = curl_easy_perform(easy)
        guard code == CURLE_OK else { throw FloorError("\(method) \(path): libcurl error \(code.rawValue)") }
        var status = 0
        _ = ccurl_getinfo_long(easy, CURLINFO_RESPONSE_CODE, &status)
        guard (200..<300).contains(status) else { throw FloorError("\(method) \(path): status \(status)") }
    }
}

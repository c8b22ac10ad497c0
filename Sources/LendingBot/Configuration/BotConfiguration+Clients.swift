import Foundation
import HTTP
public import Pterodactyl
import Secrets

extension BotConfiguration {
    /// The panel client's settings (`PTERODACTYL_URL`, the two keys, `PTERODACTYL_HEADERS`), or nil
    /// when the URL or a key is unset.
    public func panelConfiguration() -> PanelConfiguration? {
        guard let url = pterodactylURL, let applicationKey = pterodactylApplicationKey, let clientKey = pterodactylClientKey else { return nil }
        var headers = HTTPHeaders()
        for name in pterodactylHeaders.keys.sorted() {
            headers.add(name: name, value: pterodactylHeaders[name]?.revealed() ?? "")
        }
        return PanelConfiguration(baseURL: url.absoluteString, applicationKey: applicationKey, clientKey: clientKey, extraHeaders: headers)
    }
}

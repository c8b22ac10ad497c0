import Foundation

/// Cloudflare's pages, for the answers that come from the edge rather than from Discord's API.
enum EdgePages {
    /// What a request without a proper `User-Agent` can get (docs/DISCORD.md#requests): Cloudflare's block page.
    static let blocked = """
        <!DOCTYPE html><html><head><title>Attention Required! | Cloudflare</title></head>
        <body><h1>Sorry, you have been blocked</h1><p>You are unable to access discord.com</p></body></html>
        """

    /// Cloudflare's rate-limit ban (error 1015).
    static let banned = """
        <!DOCTYPE html><html><head><title>Access denied | discord.com used Cloudflare to restrict access</title></head>
        <body><h1>error code: 1015</h1><p>You are being rate limited</p></body></html>
        """

    static func gateway(_ status: Int) -> String {
        let phrase = switch status {
        case 502: "Bad Gateway"
        case 503: "Service Unavailable"
        case 504: "Gateway Timeout"
        default: "Error"
        }
        return "<html><head><title>\(status) \(phrase)</title></head><body><center><h1>\(status) \(phrase)</h1></center><hr><center>cloudflare</center></body></html>"
    }
}

import Foundation

/// The console's one page, from the resource files in `Page` (markup, style, script: no outside
/// resource, no CDN, no npm). The files are kept apart so they can be edited as what they are;
/// the page is served as one response, with the style and the script put inline where
/// `index.html` links them. Elements the browser test reads carry `data-testid`.
enum ConsolePage {
    /// The tags in `index.html` that the style and the script replace.
    static let styleLink = #"<link rel="stylesheet" href="console.css">"#
    static let scriptTag = #"<script src="console.js"></script>"#

    /// The whole page; a missing or unlinked file is the build's fault, said in one line.
    static func load(from bundle: Bundle = .module) throws -> String {
        func read(_ name: String, _ type: String) throws -> String {
            guard let url = bundle.url(forResource: name, withExtension: type, subdirectory: "Page"),
                  let text = try? String(contentsOf: url, encoding: .utf8)
            else { throw SandboxError("the console's \(name).\(type) is missing from \(bundle.bundlePath)") }
            return text
        }
        let html = try read("index", "html")
        guard html.contains(styleLink), html.contains(scriptTag) else {
            throw SandboxError("the console's index.html no longer links console.css and console.js")
        }
        return html
            .replacingOccurrences(of: styleLink, with: "<style>\n\(try read("console", "css"))</style>")
            .replacingOccurrences(of: scriptTag, with: "<script>\n\(try read("console", "js"))</script>")
    }
}

public import Foundation

/// The repository's root folder, found from this file's compile-time path.
public enum PackageRoot {
    public static var url: URL {
        URL(fileURLWithPath: #filePath)
            .deletingLastPathComponent() // TestSupport
            .deletingLastPathComponent() // Sources
            .deletingLastPathComponent()
    }

    public static func path(_ relative: String) -> String {
        url.appendingPathComponent(relative).path
    }
}

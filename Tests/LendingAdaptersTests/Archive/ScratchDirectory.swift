import Foundation

/// A fresh directory under the system's temporary directory, removed when the body ends.
struct ScratchDirectory {
    let url: URL
    var path: String { url.path }

    static func with<Value>(_ body: (ScratchDirectory) async throws -> Value) async throws -> Value {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("lending-archive-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: url) }
        return try await body(ScratchDirectory(url: url))
    }

    /// Writes `contents` to `name` (folders included) and returns its full path.
    @discardableResult
    func write(_ contents: Data, to name: String) throws -> String {
        let file = url.appendingPathComponent(name)
        try FileManager.default.createDirectory(at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
        try contents.write(to: file)
        return file.path
    }

    func contents(of name: String) -> Data? {
        FileManager.default.contents(atPath: url.appendingPathComponent(name).path)
    }

    /// Every entry below the directory, relative to it, sorted.
    func listing() -> [String] {
        (FileManager.default.subpaths(atPath: path) ?? []).sorted()
    }
}

/// Bytes that differ from run to run and by length, as a backup's would.
func backupBytes(_ count: Int, seed: UInt8 = 1) -> Data {
    Data((0..<count).map { UInt8(truncatingIfNeeded: $0 &* 31) &+ seed })
}

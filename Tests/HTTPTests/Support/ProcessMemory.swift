import Foundation

/// Resident memory of this process from `/proc/self/status`, in bytes.
enum ProcessMemory {
    static var residentBytes: Int? { field("VmRSS:") }
    static var peakResidentBytes: Int? { field("VmHWM:") }

    /// Resets the peak (`VmHWM`) to the current resident size by writing 5 to
    /// `/proc/self/clear_refs` (Linux 4.0+); false if the kernel refused.
    static func resetPeak() -> Bool {
        guard let handle = FileHandle(forWritingAtPath: "/proc/self/clear_refs") else { return false }
        defer { try? handle.close() }
        return (try? handle.write(contentsOf: Data("5".utf8))) != nil
    }

    private static func field(_ name: String) -> Int? {
        guard let status = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8) else { return nil }
        for line in status.split(separator: "\n") where line.hasPrefix(name) {
            let digits = line.dropFirst(name.count).filter(\.isNumber)
            return Int(digits).map { $0 * 1024 }
        }
        return nil
    }
}

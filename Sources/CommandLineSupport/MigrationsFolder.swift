import Foundation

/// Finds `Prisma/migrations`: the folder given on the command line, else the nearest one above the
/// executable (a checkout's `.build/…/lending-bot` finds the checkout's own), else the working
/// directory's.
public enum MigrationsFolder {
    public static func locate(explicit: String?) throws -> String {
        if let explicit { return explicit }
        let executable = URL(fileURLWithPath: "/proc/self/exe").resolvingSymlinksInPath()
        var folder = executable.deletingLastPathComponent()
        while folder.path != "/" {
            let candidate = folder.appendingPathComponent("Prisma/migrations")
            if FileManager.default.fileExists(atPath: candidate.path) { return candidate.path }
            folder = folder.deletingLastPathComponent()
        }
        let local = URL(fileURLWithPath: FileManager.default.currentDirectoryPath).appendingPathComponent("Prisma/migrations")
        guard FileManager.default.fileExists(atPath: local.path) else {
            throw OperatorError("no Prisma/migrations folder found near the executable or in the working directory; pass --migrations PATH")
        }
        return local.path
    }
}

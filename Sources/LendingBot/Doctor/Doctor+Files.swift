import Foundation
import Lending
import LendingAdapters

/// `ARCHIVE_TARGET` and `TLS_CA_FILE`.
extension Doctor {
    /// Local: the directory is writable. rclone: the binary is on PATH and lists the remote.
    func archiveCheck(_ configuration: BotConfiguration) async -> DoctorCheck {
        let name = "archive target"
        switch configuration.archiveTarget {
        case .none:
            if environment["ARCHIVE_TARGET"]?.trimmingCharacters(in: .whitespaces).isEmpty == false {
                return DoctorCheck(name, .skipped, "ARCHIVE_TARGET is not readable (see above)")
            }
            return DoctorCheck(name, .warning, "ARCHIVE_TARGET not set: returned loans are not archived")
        case .localDirectory(let directory):
            return Self.localDirectoryCheck(directory, name: name)
        case .rclone(let remote, let path):
            guard let binary = Self.executable(named: "rclone", searchPath: environment["PATH"] ?? "") else {
                return DoctorCheck(name, .failed, "ARCHIVE_TARGET is an rclone remote, but rclone is not on PATH: install rclone or use a local directory")
            }
            // The same archive `run` builds, with a shorter wait.
            let archive = configuration.rcloneArchive(remote: remote, path: path, binary: binary, queryTimeout: options.rcloneTimeout)
            do {
                try await archive.checkRemote()
                return DoctorCheck(name, .ok, "rclone remote \(remote): answers")
            } catch {
                return DoctorCheck(name, .warning, "ARCHIVE_TARGET: rclone cannot list \(remote): (\(error)); check `rclone config` for that remote")
            }
        }
    }

    /// Exists, is a directory, and a probe file can be created and removed in it.
    static func localDirectoryCheck(_ directory: String, name: String) -> DoctorCheck {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: directory, isDirectory: &isDirectory) else {
            return DoctorCheck(name, .failed, "ARCHIVE_TARGET: the directory \(directory) does not exist; create it for the bot's user")
        }
        guard isDirectory.boolValue else {
            return DoctorCheck(name, .failed, "ARCHIVE_TARGET: \(directory) is not a directory")
        }
        let probe = (directory as NSString).appendingPathComponent(".lending-bot-doctor-\(UUID().uuidString.prefix(8))")
        guard FileManager.default.createFile(atPath: probe, contents: Data()) else {
            return DoctorCheck(name, .failed, "ARCHIVE_TARGET: cannot create a file in \(directory); give the bot's user write access")
        }
        do {
            try FileManager.default.removeItem(atPath: probe)
        } catch {
            return DoctorCheck(name, .failed, "ARCHIVE_TARGET: created a file in \(directory) but cannot remove it; check its permissions")
        }
        return DoctorCheck(name, .ok, "directory \(directory) is writable")
    }

    /// Readable (the configuration checked that) and holding at least one PEM certificate.
    static func tlsCACheck(_ configuration: BotConfiguration) -> DoctorCheck {
        let name = "TLS CA file"
        guard let path = configuration.tlsCAFile else {
            return DoctorCheck(name, .ok, "TLS_CA_FILE not set: the system's CA store is used")
        }
        guard let data = FileManager.default.contents(atPath: path) else {
            return DoctorCheck(name, .failed, "TLS_CA_FILE: \(path) cannot be read")
        }
        let text = String(decoding: data, as: UTF8.self)
        guard let begin = text.range(of: "-----BEGIN CERTIFICATE-----"),
              text.range(of: "-----END CERTIFICATE-----", range: begin.upperBound..<text.endIndex) != nil else {
            return DoctorCheck(name, .failed, "TLS_CA_FILE: \(path) holds no PEM certificate (-----BEGIN CERTIFICATE-----)")
        }
        return DoctorCheck(name, .ok, "\(path) holds a PEM certificate")
    }

    /// The first executable file called `name` in the colon-separated `searchPath`.
    static func executable(named name: String, searchPath: String) -> String? {
        for directory in searchPath.split(separator: ":") where !directory.isEmpty {
            let candidate = "\(directory)/\(name)"
            if FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
        }
        return nil
    }
}

import FileSystemCalls
import Foundation
public import Lending
import SystemPackage

/// `ARCHIVE_TARGET` as a directory on this machine (a disk, or a network share mounted there).
///
/// An upload copies to a unique temporary name in the destination folder, flushes it to the
/// device, checks its size, then renames it over the final name. A reader, or an upload that
/// is retried after a crash, therefore sees either the old file or the complete new one.
/// Temporary names (`.upload-<uuid>.partial`) never depend on the file name, so two uploads
/// to one folder cannot collide. A crash can leave one behind.
///
/// The directory itself must already exist; only the folders below it are created. That way
/// an unmounted share fails loudly instead of filling the disk it is mounted on.
///
/// Every failure is a `PortFailure` whose message names the step, the relative path and the
/// system's reason. A full disk, a missing permission or a file where a folder should be are
/// permanent; timeouts and busy or stale network mounts are transient.
public struct LocalDirectoryArchive: ArchiveDestination {
    public let directory: String

    public var displayName: String { directory }

    public init(directory: String) {
        self.directory = directory
    }

    public func upload(localPath: String, to relativePath: String) async throws -> Int64 {
        let components = try ArchiveRelativePath.components(of: relativePath)
        let root = FilePath(directory)
        return try await BlockingWork.run { cancellation in
            try Self.copy(from: FilePath(localPath), into: root, components: components, relativePath: relativePath, cancellation: cancellation)
        }
    }

    public func storedSize(of relativePath: String) async throws -> Int64? {
        let components = try ArchiveRelativePath.components(of: relativePath)
        let path = FilePath(directory).appending(try components.map(Self.component))
        return try await BlockingWork.run { _ in
            let status: Stat
            do throws(Errno) {
                status = try path.stat()
            } catch .noSuchFileOrDirectory {
                return nil
            } catch {
                throw Self.failure("read the size of \(relativePath)", error)
            }
            guard status.type == .regular else {
                throw PortFailure.permanent("archive: \(relativePath) is not a regular file")
            }
            return status.size
        }
    }

    /// `ArchiveRelativePath` has already refused empty components and separators, which are
    /// all that `FilePath.Component` rejects; the check stays for the type's sake.
    private static func component(_ name: String) throws(PortFailure) -> FilePath.Component {
        guard let component = FilePath.Component(name) else {
            throw PortFailure.permanent("archive: refused a path that is not a plain relative path inside the target")
        }
        return component
    }

    /// Chunk size for the copy: large enough for full disk throughput, small enough that a
    /// cancellation is noticed within a few milliseconds.
    private static let chunkBytes = 1 << 20

    private static func copy(
        from source: FilePath, into root: FilePath, components: [String], relativePath: String, cancellation: BlockingWork.Cancellation
    ) throws -> Int64 {
        let rootStatus: Stat
        do throws(Errno) {
            rootStatus = try root.stat()
        } catch .noSuchFileOrDirectory {
            throw PortFailure.permanent("archive: the directory \(root) does not exist")
        } catch {
            throw failure("open the archive directory \(root)", error)
        }
        guard rootStatus.type == .directory else {
            throw PortFailure.permanent("archive: \(root) is not a directory")
        }

        let input: FileDescriptor
        do {
            input = try FileDescriptor.open(source, .readOnly, options: [.closeOnExec])
        } catch let error as Errno {
            throw failure("open the backup to upload as \(relativePath)", error)
        }
        defer { try? input.close() }

        var folder = root
        for name in components.dropLast() {
            folder.append(try component(name))
            do throws(Errno) {
                try FileSystemCalls.makeDirectory(folder)
            } catch {
                throw failure("create the folder for \(relativePath)", error)
            }
        }
        let destination = folder.appending(try component(components[components.count - 1]))
        let temporary = folder.appending(try component(".upload-\(UUID().uuidString).partial"))

        let written: Int64
        do {
            written = try write(input, to: temporary, cancellation: cancellation)
        } catch {
            try? FileManager.default.removeItem(atPath: temporary.string)
            throw error
        }
        let expected: Int64
        do throws(Errno) {
            expected = try input.stat().size
        } catch {
            try? FileManager.default.removeItem(atPath: temporary.string)
            throw failure("read the size of the backup for \(relativePath)", error)
        }
        guard written == expected else {
            try? FileManager.default.removeItem(atPath: temporary.string)
            throw PortFailure.transient("archive: copied \(written) bytes for \(relativePath) but the backup has \(expected)")
        }

        do throws(Errno) {
            try FileSystemCalls.rename(temporary, to: destination)
        } catch {
            try? FileManager.default.removeItem(atPath: temporary.string)
            throw failure("move \(relativePath) into place", error)
        }
        synchronizeDirectory(folder)

        let stored: Int64
        do throws(Errno) {
            stored = try destination.stat().size
        } catch {
            throw failure("check the size of \(relativePath)", error)
        }
        guard stored == expected else {
            throw PortFailure.transient("archive: \(relativePath) holds \(stored) bytes after the upload, expected \(expected)")
        }
        return stored
    }

    /// Copies `input` into the new file `temporary`, flushes it and returns the bytes written.
    private static func write(_ input: FileDescriptor, to temporary: FilePath, cancellation: BlockingWork.Cancellation) throws -> Int64 {
        let output: FileDescriptor
        do {
            output = try FileDescriptor.open(
                temporary, .writeOnly, options: [.create, .exclusiveCreate, .closeOnExec],
                permissions: [.ownerReadWrite, .groupRead, .otherRead]
            )
        } catch let error as Errno {
            throw failure("create a temporary file in the archive", error)
        }
        return try output.closeAfter {
            var buffer = [UInt8](repeating: 0, count: chunkBytes)
            var total: Int64 = 0
            while true {
                if cancellation.isCancelled { throw CancellationError() }
                let count: Int
                do {
                    count = try buffer.withUnsafeMutableBytes { try input.read(into: $0) }
                    if count == 0 { break }
                    _ = try buffer[..<count].withUnsafeBytes { try output.writeAll($0) }
                } catch let error as Errno {
                    throw failure("copy the backup into the archive", error)
                }
                total += Int64(count)
            }
            do throws(Errno) {
                try FileSystemCalls.synchronize(output)
            } catch {
                throw failure("flush the archive copy to disk", error)
            }
            return total
        }
    }

    /// Makes the rename itself durable. Failure is tolerated: the file is complete either way,
    /// and some network file systems refuse to open or flush a directory.
    private static func synchronizeDirectory(_ folder: FilePath) {
        guard let descriptor = try? FileDescriptor.open(folder, .readOnly, options: [.directory, .closeOnExec]) else { return }
        try? descriptor.closeAfter { try? FileSystemCalls.synchronize(descriptor) }
    }

    /// Network mounts report timeouts, busy and stale handles, which a later try can get past;
    /// everything else (no space, no permission, a file where a folder should be) needs a person.
    static func failure(_ step: String, _ error: Errno) -> PortFailure {
        let message = "archive: cannot \(step): \(error.description)"
        switch error {
        case .timedOut, .resourceTemporarilyUnavailable, .resourceBusy, .staleNFSFileHandle, .interrupted:
            return .transient(message)
        default:
            return .permanent(message)
        }
    }
}

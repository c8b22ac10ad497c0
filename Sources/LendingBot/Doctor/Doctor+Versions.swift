import HTTP
import Lending
import LendingAdapters

/// `MINECRAFT_VERSION_MANIFEST_URL`.
extension Doctor {
    /// Reads the manifest once. Unreadable is a warning, not a failure: the bot then knows the
    /// releases of its built-in table, and reads the manifest again later by itself.
    func versionManifestCheck(_ configuration: BotConfiguration, http: HTTPClient) async -> DoctorCheck {
        let name = "minecraft versions"
        var limits = MojangVersionManifest.Limits()
        limits.timeout = options.requestTimeout
        let source = MojangVersionManifest(url: configuration.minecraftVersionManifestURL, transport: http, limits: limits, logger: logger)
        do {
            let manifest = try await source.manifest()
            let releases = manifest.versions.filter { $0.type == VersionManifest.Entry.releaseType }.count
            guard releases > 0 else {
                return DoctorCheck(name, .warning, "MINECRAFT_VERSION_MANIFEST_URL lists no release: the built-in table serves")
            }
            return DoctorCheck(name, .ok, "manifest readable: \(releases) releases, latest \(manifest.latestRelease)")
        } catch {
            return DoctorCheck(name, .warning, "MINECRAFT_VERSION_MANIFEST_URL not reachable (\(error)): the built-in table serves")
        }
    }
}

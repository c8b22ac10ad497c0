public import HTTP
public import Lending
public import LendingAdapters
public import Logging

extension BotConfiguration {
    /// Mojang's manifest at `MINECRAFT_VERSION_MANIFEST_URL`, through the bot's HTTP client.
    public func versionManifestSource(transport: any HTTPTransport, logger: Logger) -> MojangVersionManifest {
        MojangVersionManifest(url: minecraftVersionManifestURL, transport: transport, logger: logger)
    }

    /// The cache's settings: `MINECRAFT_VERSIONS_REFRESH_HOURS`.
    public var versionCatalogConfiguration: CachedMinecraftVersionCatalog.Configuration {
        CachedMinecraftVersionCatalog.Configuration(refreshInterval: .seconds(minecraftVersionsRefreshHours * 3600))
    }
}

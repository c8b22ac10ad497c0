import Testing
import Discord

@Suite("Discord module") struct DiscordModuleTests {}

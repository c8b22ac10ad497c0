import ArgumentParser
import CommandLineSupport

@main
struct LendingBotCommand: AsyncParsableCommand {
    // No default subcommand: a bare `lending-bot` prints this help and exits 0, rather than
    // running and migrating a database because someone wanted to see what the binary is.
    static let configuration = CommandConfiguration(
        commandName: "lending-bot",
        abstract: "Lends Minecraft servers on a Pterodactyl panel to the members of a Discord community.",
        discussion: ConfigurationHelp.text + "\n\n" + exitStatusHelp,
        version: BuildInfo.versionLine(of: "lending-bot"),
        subcommands: [Run.self, Migrate.self, RegisterCommands.self, DoctorCommand.self, Healthcheck.self]
    )

    static let exitStatusHelp = """
        EXIT STATUS:
          0   success
          1   any other failure (the database or Discord unreachable, ...)
          64  a command line that cannot be parsed (EX_USAGE)
          78  the configuration is missing or invalid (EX_CONFIG); each problem is
              named on stderr. The systemd unit does not restart the bot on 78.
        """
}

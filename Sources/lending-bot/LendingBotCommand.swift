import ArgumentParser

@main
struct LendingBotCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "lending-bot",
        abstract: "Lends Minecraft servers on a Pterodactyl panel to the members of a Discord community.",
        subcommands: [Run.self, Migrate.self, RegisterCommands.self, DoctorCommand.self, SandboxCommand.self],
        defaultSubcommand: Run.self
    )
}

/// Options every command that touches the database shares.
struct DatabaseOptions: ParsableArguments {
    @Option(name: .long, help: "The Prisma migrations folder (default: Prisma/migrations beside the executable's package or the working directory).")
    var migrations: String?
}

public import ArgumentParser

/// Options every command that touches the database shares, in both executables.
public struct DatabaseOptions: ParsableArguments {
    @Option(name: .long, help: "The Prisma migrations folder (default: Prisma/migrations beside the executable's package or the working directory).")
    public var migrations: String?

    public init() {}
}

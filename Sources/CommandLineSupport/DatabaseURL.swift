public import Postgres
public import Secrets

/// `DATABASE_URL` as both executables read it.
public enum DatabaseURL {
    /// `DATABASE_URL` parsed; a URL that cannot be parsed is the configuration's fault.
    public static func connectionConfiguration(_ url: Secret) throws -> ConnectionConfiguration {
        do {
            return try ConnectionConfiguration(url.revealed())
        } catch {
            throw OperatorError("\(error)", configuration: true)
        }
    }
}

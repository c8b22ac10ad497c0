public import LendingBot

extension BotConfiguration {
    /// Reads `.env` and the environment; every problem becomes a line of a configuration
    /// `OperatorError`, except that only missing variables are thrown as they are, for `run`
    /// to prepare the database first.
    public static func load(purpose: Purpose) throws -> BotConfiguration {
        let environment = try ProcessEnvironment.load()
        do {
            return try BotConfiguration(environment: environment, purpose: purpose)
        } catch {
            if error.invalid.isEmpty {
                throw error
            }
            throw OperatorError(lines: error.invalid + error.missing, configuration: true)
        }
    }
}

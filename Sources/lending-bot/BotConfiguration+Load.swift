import LendingBot

extension BotConfiguration {
    /// Reads `.env` and the environment; every problem becomes a line of an `OperatorError`.
    static func load(purpose: Purpose) throws -> BotConfiguration {
        let environment = try ProcessEnvironment.load()
        do {
            return try BotConfiguration(environment: environment, purpose: purpose)
        } catch {
            if error.invalid.isEmpty {
                throw error
            }
            throw OperatorError(lines: error.invalid + error.missing)
        }
    }
}

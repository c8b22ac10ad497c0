import Foundation
import LendingBot

/// The process environment merged over `.env` in the working directory: the environment wins.
public enum ProcessEnvironment {
    public static func load() throws -> [String: String] {
        var values: [String: String] = [:]
        if let data = FileManager.default.contents(atPath: ".env") {
            do {
                values = try DotEnv.parse(String(decoding: data, as: UTF8.self))
            } catch {
                throw OperatorError("\(error)", configuration: true)
            }
        }
        values.merge(ProcessInfo.processInfo.environment) { _, environment in environment }
        return values
    }
}

import Foundation
import HTTP

extension DiscordClient {
    /// Validates `payload` against Discord's documented limits, then encodes it; nothing is sent
    /// when a limit is broken.
    func encode(_ payload: some Encodable & Validatable, for route: Route, validatingAt path: String = "") throws(DiscordError) -> Data {
        do {
            try payload.validate(at: path)
        } catch {
            throw DiscordError(.invalidPayload(error), route: "\(route.method) \(route.template)")
        }
        return try encodeWithoutLimits(payload, for: route)
    }

    /// Encodes a body that has no documented limits (a DM request, a command list checked per item).
    func encodeWithoutLimits(_ payload: some Encodable, for route: Route) throws(DiscordError) -> Data {
        do {
            return try JSONEncoder().encode(payload)
        } catch {
            throw DiscordError(.invalidResponse, route: "\(route.method) \(route.template)")
        }
    }

    func decode<Value: Decodable>(_ type: Value.Type, from response: HTTPResponse, route: Route) throws(DiscordError) -> Value {
        do {
            return try JSONDecoder().decode(type, from: response.body)
        } catch {
            throw DiscordError(.invalidResponse, route: "\(route.method) \(route.template)")
        }
    }
}

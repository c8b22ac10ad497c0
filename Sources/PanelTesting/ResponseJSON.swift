import Foundation
public import HTTP

/// Reading a raw panel answer in assertions, for the client's tests and the simulator's.
extension HTTPResponse {
    public var json: [String: Any]? { (try? JSONSerialization.jsonObject(with: body)) as? [String: Any] }
    public var firstError: [String: Any]? { (json?["errors"] as? [[String: Any]])?.first }
    public var errorCodes: [String] { (json?["errors"] as? [[String: Any]])?.compactMap { $0["code"] as? String } ?? [] }
    public var sourceFields: [String] {
        (json?["errors"] as? [[String: Any]])?.compactMap { ($0["meta"] as? [String: Any])?["source_field"] as? String } ?? []
    }
}

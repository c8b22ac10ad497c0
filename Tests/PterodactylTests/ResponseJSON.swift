import Foundation
import HTTP

/// Reading a raw panel answer in assertions.
extension HTTPResponse {
    var json: [String: Any]? { (try? JSONSerialization.jsonObject(with: body)) as? [String: Any] }
    var firstError: [String: Any]? { (json?["errors"] as? [[String: Any]])?.first }
    var errorCodes: [String] { (json?["errors"] as? [[String: Any]])?.compactMap { $0["code"] as? String } ?? [] }
    var sourceFields: [String] {
        (json?["errors"] as? [[String: Any]])?.compactMap { ($0["meta"] as? [String: Any])?["source_field"] as? String } ?? []
    }
}

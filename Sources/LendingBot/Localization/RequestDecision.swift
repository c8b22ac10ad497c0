/// What was decided on a request, as its post says at the end.
enum RequestDecision: Sendable, Equatable {
    case approved(by: String)
    case rejected(by: String, reason: String?)
    case withdrawn(by: String)
}

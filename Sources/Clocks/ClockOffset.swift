/// An instant named by how long after its clock's start it is: the instants of `ManualClock` and of
/// `BotClock`, whose readings mean nothing but their differences.
public struct ClockOffset: InstantProtocol, CustomStringConvertible {
    public let offset: Duration

    public init(offset: Duration) {
        self.offset = offset
    }

    public func advanced(by duration: Duration) -> ClockOffset { ClockOffset(offset: offset + duration) }
    public func duration(to other: ClockOffset) -> Duration { other.offset - offset }
    public static func < (lhs: ClockOffset, rhs: ClockOffset) -> Bool { lhs.offset < rhs.offset }
    public var description: String { "t+\(offset)" }
}

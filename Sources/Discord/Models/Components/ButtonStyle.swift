/// A button's `style` (docs "Button Styles"). Link buttons carry a `url` and no `custom_id`;
/// premium buttons carry a `sku_id`; every other style needs a `custom_id`.
public struct ButtonStyle: RawRepresentable, Sendable, Hashable, Codable {
    public let rawValue: Int

    public init(rawValue: Int) {
        self.rawValue = rawValue
    }

    public static let primary = ButtonStyle(rawValue: 1)
    public static let secondary = ButtonStyle(rawValue: 2)
    public static let success = ButtonStyle(rawValue: 3)
    public static let danger = ButtonStyle(rawValue: 4)
    public static let link = ButtonStyle(rawValue: 5)
    public static let premium = ButtonStyle(rawValue: 6)
}

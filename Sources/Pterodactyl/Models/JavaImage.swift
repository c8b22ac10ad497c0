import Foundation

/// The Java major version a Docker image of an egg carries, read from what the egg says of it.
///
/// Eggs label their images by Java ("Java 21" → `ghcr.io/pterodactyl/yolks:java_21`); older or
/// hand-written eggs label them by name, so the image's tag is read too (`java_17`, `java17`,
/// `openjdk:8-jre`, `eclipse-temurin:21-jre`). Nil when neither names a version.
public enum JavaImage {
    public static func majorVersion(label: String, image: String) -> Int? {
        if let version = number(after: "java", in: label.lowercased()) { return version }
        let tag = image.lowercased().split(separator: ":").last.map(String.init) ?? ""
        if let version = number(after: "java", in: tag) ?? number(after: "jdk", in: tag) ?? number(after: "jre", in: tag) {
            return version
        }
        // `openjdk:8-jre`, `eclipse-temurin:21-jre`: the tag itself starts with the version.
        let name = image.lowercased()
        guard name.contains("jdk") || name.contains("java") || name.contains("temurin") || name.contains("jre") else { return nil }
        return leadingNumber(of: Substring(tag))
    }

    /// The number right after `word` (skipping `_`, `-`, ` ` between them), if one follows.
    private static func number(after word: String, in text: String) -> Int? {
        var rest = Substring(text)
        while let range = rest.range(of: word) {
            let after = rest[range.upperBound...].drop { $0 == "_" || $0 == "-" || $0 == " " }
            if let value = leadingNumber(of: after) { return value }
            rest = rest[range.upperBound...]
        }
        return nil
    }

    private static func leadingNumber(of text: Substring) -> Int? {
        let digits = text.prefix { $0.isASCII && $0.isNumber }
        guard !digits.isEmpty, digits.count <= 3, let value = Int(digits), (1...999).contains(value) else { return nil }
        return value
    }
}

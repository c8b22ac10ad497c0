import Foundation

/// What a request must satisfy before it is stored, checked in the domain so that no caller can
/// store a request the bot's own forms would refuse. Lengths are counted in characters as people
/// see them (Swift `Character`s), matching Discord's limits.
public enum RequestRules {
    public static let maxDescriptionLength = 100
    public static let maxVersionLength = 32
    public static let maxReasonLength = 500

    /// How many existing releases a refusal of an unknown version names.
    public static let closestReleaseCount = 3

    /// Refuses a well-formed version that no release has, naming the releases nearest to it.
    /// `latest` always exists and is resolved only when the server is prepared.
    static func checkExists(_ version: String, in versions: any MinecraftVersionCatalog) async throws {
        guard version != MinecraftVersion.latest, try await versions.release(version) == nil else { return }
        throw LendingError.unknownMinecraftVersion(version, closest: try await versions.closestReleases(to: version, limit: closestReleaseCount))
    }

    static func check(_ request: NewWorkflow, panelUsers: [String], policy: LendingPolicy) throws(LendingError) {
        let description = request.description.trimmingWhitespace()
        guard !description.isEmpty else { throw .invalidRequest(field: "description", rule: "must not be empty") }
        guard description.count <= maxDescriptionLength else {
            throw .invalidRequest(field: "description", rule: "at most \(maxDescriptionLength) characters")
        }
        guard !description.unicodeScalars.contains(where: { $0.properties.generalCategory == .control && $0 != "\n" }) else {
            throw .invalidRequest(field: "description", rule: "no control characters")
        }
        guard MinecraftVersion.isValid(request.mcVersion) else {
            throw .invalidRequest(field: "mcVersion", rule: "`latest` or a release such as 1.20.1, 1.21 or 26.1")
        }
        guard (1...policy.maxPeriodDays).contains(request.periodDays) else {
            throw .invalidRequest(field: "periodDays", rule: "a whole number of days from 1 to \(policy.maxPeriodDays)")
        }
        guard DiscordID.isValid(request.applicantDiscordId) else { throw .invalidRequest(field: "applicant", rule: "a Discord user id") }
        guard DiscordID.isValid(request.organizerDiscordId) else { throw .invalidRequest(field: "organizer", rule: "a Discord user id") }
        guard (1...policy.maxPanelUsers).contains(panelUsers.count) else {
            throw .invalidRequest(field: "panelUsers", rule: "from 1 to \(policy.maxPanelUsers) users")
        }
        guard panelUsers.allSatisfy(DiscordID.isValid) else { throw .invalidRequest(field: "panelUsers", rule: "Discord user ids") }
        guard Set(panelUsers).count == panelUsers.count else { throw .invalidRequest(field: "panelUsers", rule: "each user once") }
    }
}

/// A Discord snowflake as text: 17 to 20 ASCII digits.
public enum DiscordID {
    /// 17 to 20 ASCII digits. Read as bytes: counting and classifying `Character`s segments the
    /// text into graphemes, which cost more than the rest of a filing's checks together.
    public static func isValid(_ text: String) -> Bool {
        (17...20).contains(text.utf8.count) && text.utf8.allSatisfy { $0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "9") }
    }
}

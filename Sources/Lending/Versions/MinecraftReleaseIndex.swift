/// Existing releases in release order and the newest one: what both catalogs (the built-in table
/// and the cached manifest) answer from.
public struct MinecraftReleaseIndex: Sendable, Equatable {
    /// Ascending. Ids that are not release numbers (`MinecraftVersion`) are left out: the form
    /// could not accept them anyway.
    public let versions: [MinecraftVersion]
    /// The manifest's `latest.release`, or the newest release when none is named.
    public let latest: MinecraftVersion?
    private let known: Set<MinecraftVersion>

    public init(ids: some Sequence<String>, latest: String? = nil) {
        let versions = Set(ids.compactMap(MinecraftVersion.init))
        self.versions = versions.sorted()
        self.known = versions
        self.latest = latest.flatMap(MinecraftVersion.init).flatMap { versions.contains($0) ? $0 : nil } ?? self.versions.last
    }

    /// `latest` resolved, or the release with this id; nil when no such release exists.
    public func resolve(_ requested: String) -> MinecraftVersion? {
        if requested == MinecraftVersion.latest { return latest }
        return MinecraftVersion(requested).flatMap { known.contains($0) ? $0 : nil }
    }

    /// Up to `limit` releases nearest to `requested` in release order, taken alternately below
    /// and above it (below first: a mistyped patch is more often one too high), returned newest
    /// first. Text that is no release number gets the newest releases.
    public func closest(to requested: String, limit: Int) -> [String] {
        guard limit > 0, !versions.isEmpty else { return [] }
        guard let target = MinecraftVersion(requested) else {
            return versions.suffix(limit).reversed().map(\.description)
        }
        let insertion = versions.firstIndex { $0 >= target } ?? versions.endIndex
        var below = insertion - 1
        var above = insertion < versions.endIndex && versions[insertion] == target ? insertion + 1 : insertion
        var chosen: [MinecraftVersion] = []
        while chosen.count < limit, below >= 0 || above < versions.endIndex {
            if below >= 0 {
                chosen.append(versions[below])
                below -= 1
            }
            if chosen.count < limit, above < versions.endIndex {
                chosen.append(versions[above])
                above += 1
            }
        }
        return chosen.sorted(by: >).map(\.description)
    }
}

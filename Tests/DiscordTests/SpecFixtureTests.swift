import Foundation
import Hashing
import Testing
import TestSupport

/// The spec every body is validated against is a copy kept in the repository; this keeps the copy
/// equal to what its `SOURCE.txt` says was taken from Discord, so an edit by hand cannot loosen a check.
@Suite("The pinned Discord OpenAPI spec") struct SpecFixtureTests {
    static let folder = "Tests/Fixtures/discord-api-spec"

    @Test("the spec's size and SHA-256 are those SOURCE.txt records, and its licence sits beside it") func pinned() throws {
        let source = try String(contentsOfFile: PackageRoot.path("\(Self.folder)/SOURCE.txt"), encoding: .utf8)
        let sizeLine = try #require(source.split(separator: "\n").first { $0.hasPrefix("size: ") })
        let fields = sizeLine.split(separator: " ")
        let recordedSize = try #require(fields.dropFirst().first.flatMap { Int($0) })
        let recordedDigest = try #require(fields.last.map(String.init))

        let spec = try Data(contentsOf: URL(fileURLWithPath: PackageRoot.path("\(Self.folder)/openapi.json")))
        #expect(spec.count == recordedSize)
        #expect(Digest.sha256.hexString(spec) == recordedDigest)

        let licence = try String(contentsOfFile: PackageRoot.path("\(Self.folder)/LICENSE"), encoding: .utf8)
        #expect(licence.contains("MIT License"))
    }
}

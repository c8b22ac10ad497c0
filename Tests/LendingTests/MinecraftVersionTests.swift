import Lending
import Testing

@Suite("Minecraft versions: syntax, order, Java and the built-in table")
struct MinecraftVersionTests {
    @Test("releases of both numbering schemes and latest are accepted", arguments: ["1.20.1", "1.21", "1.21.11", "26.1", "26.1.1", "26.2", "27.1", "latest", "1.0"])
    func accepted(text: String) {
        #expect(MinecraftVersion.isValid(text))
    }

    @Test("snapshots, pre-releases and other text are refused",
          arguments: ["1.21.5-pre1", "25w14a", "26.1-snapshot-1", "26", "1.x", "0.1", "2.0", "25.1", "26.0", "1.021", "1.21.4.1", "1.", ".1", "", "Latest",
                      "1.21 ", "１.２１", "1.1234", "b1.7.3"])
    func refused(text: String) {
        #expect(!MinecraftVersion.isValid(text))
    }

    @Test("release order: patches after their line, year-based releases after every 1.x")
    func order() throws {
        let ids = ["26.2", "1.21.11", "1.21", "26.1.1", "1.9", "1.21.2", "26.1", "1.10.2", "1.21.1"]
        let sorted = ids.compactMap(MinecraftVersion.init).sorted().map(\.description)
        #expect(sorted == ["1.9", "1.10.2", "1.21", "1.21.1", "1.21.2", "1.21.11", "26.1", "26.1.1", "26.2"])
        #expect(try #require(MinecraftVersion("1.21")) < #require(MinecraftVersion("1.21.0")))
    }

    @Test("Java by Mojang's figures", arguments: [
        ("1.0", 8), ("1.12.2", 8), ("1.16.5", 8), ("1.17", 16), ("1.17.1", 16), ("1.18", 17), ("1.19.4", 17), ("1.20.4", 17),
        ("1.20.5", 21), ("1.20.6", 21), ("1.21", 21), ("1.21.11", 21), ("26.1", 25), ("26.1.1", 25), ("26.2", 25),
    ])
    func java(id: String, java: Int) throws {
        #expect(try #require(MinecraftVersion(id)).builtInJavaMajorVersion == java)
    }

    @Test("the built-in table knows every release the tests and the benchmark ask for, and no snapshot")
    func builtInList() async throws {
        let catalog = BuiltInMinecraftVersionCatalog()
        for id in ["1.20.1", "1.20.4", "1.21", "1.21.4", "1.21.11", "1.12.2", "1.7.10", "26.1", "26.2"] {
            #expect(try await catalog.release(id)?.id == id, "\(id)")
        }
        for id in ["1.21.12", "1.2", "1.7.3", "26.3", "27.1", "26.1-snapshot-1"] {
            #expect(try await catalog.release(id) == nil, "\(id)")
        }
        #expect(try await catalog.release("latest") == MinecraftRelease(id: "26.2", javaMajorVersion: 25))
        #expect(try await catalog.release("1.21.4") == MinecraftRelease(id: "1.21.4", javaMajorVersion: 21))
        #expect(BuiltInMinecraftReleases.ids.count == Set(BuiltInMinecraftReleases.ids).count)
        #expect(BuiltInMinecraftReleases.index.versions.count == BuiltInMinecraftReleases.ids.count)
    }

    @Test("the closest releases are the neighbours in release order, newest first", arguments: [
        ("1.21.12", ["26.1", "1.21.11", "1.21.10"]),
        ("27.1", ["26.2", "26.1", "1.21.11"]),
        ("1.2", ["1.2.1", "1.1", "1.0"]),
        ("1.21.4", ["1.21.5", "1.21.3", "1.21.2"]),
        ("something", ["26.2", "26.1", "1.21.11"]),
    ])
    func closest(requested: String, expected: [String]) async throws {
        #expect(try await BuiltInMinecraftVersionCatalog().closestReleases(to: requested, limit: 3) == expected)
    }
}

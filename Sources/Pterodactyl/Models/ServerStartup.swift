/// `GET /servers/{s}/startup`: the egg's variables a user may see, and the Docker images the egg
/// offers, which are the only ones the panel lets a client key choose.
public struct ServerStartup: Sendable, Equatable {
    public let variables: [StartupVariable]
    /// The egg's images by label, e.g. "Java 21" → `ghcr.io/pterodactyl/yolks:java_21`.
    public let dockerImages: [String: String]

    public init(variables: [StartupVariable], dockerImages: [String: String]) {
        self.variables = variables
        self.dockerImages = dockerImages
    }

    /// The first of `names` that the egg has, as a user sees it.
    public func variable(among names: [String]) -> StartupVariable? {
        names.lazy.compactMap { name in self.variables.first { $0.envVariable == name } }.first
    }
}

/// The list answer with `meta.docker_images`. Older eggs store a plain list of images; the panel
/// then answers a JSON array, and each image is its own label.
struct StartupList: Decodable {
    let data: [Item<StartupVariable>]
    let meta: Meta?

    struct Meta: Decodable {
        let dockerImages: [String: String]

        private enum CodingKeys: String, CodingKey { case dockerImages = "docker_images" }

        init(from decoder: any Decoder) throws {
            let container = try decoder.container(keyedBy: CodingKeys.self)
            if let map = try? container.decode([String: String].self, forKey: .dockerImages) {
                dockerImages = map
            } else if let list = try? container.decode([String].self, forKey: .dockerImages) {
                dockerImages = Dictionary(list.map { ($0, $0) }, uniquingKeysWith: { first, _ in first })
            } else {
                dockerImages = [:]
            }
        }
    }

    var startup: ServerStartup {
        ServerStartup(variables: data.map(\.attributes), dockerImages: meta?.dockerImages ?? [:])
    }
}
